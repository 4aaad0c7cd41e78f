import AsyncHTTPClient
import Foundation
import Logging
import ScribeConnectors
import ScribeCore

/// `callscribe connectors test FILE --phone N`: a connector file tried against a live CRM, step by
/// step as the writer uses it: look the number up, log a test call on the contact found, read it back,
/// update it, find it by its marker, list the contact's related records, and the custom fields and
/// dispositions the file declares or reads. It stops at the first step that fails and says what the CRM answered.
public struct ConnectorFileTrial: Sendable {
    /// One step's outcome. Never a credential.
    public struct Step: Codable, Sendable, Hashable {
        public var step: String
        public var ok: Bool
        public var detail: String
        public var milliseconds: Int
    }

    let connector: DeclarativeConnector
    /// An OAuth2 file's tokens during the trial, and the refresh token the inputs gave.
    let tokens: (store: InMemoryCRMTokenStore, givenRefreshToken: String)?
    let now: @Sendable () -> Date
    let makeID: @Sendable () -> String

    /// - Parameter inputs: the connection's inputs; for an OAuth2 file its `access_token` is used until
    ///   the CRM rejects it. A refreshed pair is not kept: when the CRM rotated the refresh token on the
    ///   way, the trial ends with a failed `tokens` step saying the one in the inputs is spent.
    public init(
        spec: ConnectorSpec, inputs: [String: String], httpClient: HTTPClient, now: @escaping @Sendable () -> Date, makeID: @escaping @Sendable () -> String,
        logger: Logger
    ) throws(ConnectorError) {
        var provider: CRMTokenProvider?
        var tokens: (store: InMemoryCRMTokenStore, givenRefreshToken: String)?
        if let grant = try spec.oauthGrant(inputs: inputs) {
            let initial = CRMTokenPair(accessToken: inputs["access_token"] ?? "", accessExpiresAt: nil, refreshToken: grant.refreshToken)
            let store = InMemoryCRMTokenStore(initial)
            tokens = (store, grant.refreshToken)
            provider = CRMTokenProvider(
                client: CRMOAuthClient(registration: grant.registration, http: ConnectorHTTPClient(httpClient: httpClient, logger: logger), now: now),
                store: store, initial: initial, now: now, logger: logger
            )
        }
        self.connector = try DeclarativeConnector(spec: spec, inputs: inputs, httpClient: httpClient, tokenProvider: provider, now: now, logger: logger)
        self.tokens = tokens
        self.now = now
        self.makeID = makeID
    }

    /// Runs the steps (see ``steps(phone:contact:)``), then says whether the inputs' refresh token
    /// still works: a CRM that rotates refresh tokens spent it if the trial had to refresh.
    public func run(phone: PhoneNumber, contact: String?) async -> [Step] {
        var steps = await self.steps(phone: phone, contact: contact)
        if let tokens, let current = try? await tokens.store.load(), current.refreshToken != tokens.givenRefreshToken {
            steps.append(
                Step(
                    step: "tokens", ok: false,
                    detail: "the CRM rotated the refresh token when the trial refreshed the access token: the refresh_token in the inputs "
                        + "is spent and the new one was not kept. Authorise again and update the inputs (CALLSCRIBE_CONNECTOR_INPUTS) "
                        + "before a server uses them.",
                    milliseconds: 0
                )
            )
        }
        return steps
    }

    /// The steps, in order, until one fails; `contact` logs on that contact id when the number finds nobody.
    func steps(phone: PhoneNumber, contact: String?) async -> [Step] {
        var steps: [Step] = []
        func step(_ name: String, _ act: () async throws(ConnectorError) -> String) async -> Bool {
            let clock = ContinuousClock()
            let start = clock.now
            var outcome: (ok: Bool, detail: String)
            do {
                outcome = (true, try await act())
            } catch {
                outcome = (false, error.description)
            }
            let milliseconds = (clock.now - start).wholeMilliseconds
            steps.append(Step(step: name, ok: outcome.ok, detail: outcome.detail, milliseconds: milliseconds))
            return outcome.ok
        }

        var target: Contact?
        guard
            await step("find_contacts", { () async throws(ConnectorError) -> String in
                let contacts = try await self.connector.findContacts(matching: phone)
                target = contacts.first ?? contact.map { Contact(id: ContactID($0), name: $0) }
                let names = contacts.map { "\($0.name) (\($0.id.rawValue))" }.joined(separator: ", ")
                return contacts.isEmpty ? "nobody has \(phone.e164)" : "\(contacts.count) found for \(phone.e164): \(names)"
            }), let target
        else { return steps }

        // The contact the number found, found again by the last word of their name (a surname, which
        // even a CRM matching whole fields finds).
        if self.connector.capabilities.nameSearch, target.name != target.id.rawValue,
            let word = target.name.split(separator: " ").last.map(String.init), word.count >= Contact.minimumNameQueryLength
        {
            guard
                await step("find_contacts_by_name", { () async throws(ConnectorError) -> String in
                    let named = try await self.connector.findContacts(named: word)
                    guard named.contains(where: { $0.id == target.id }) else {
                        throw ConnectorError(
                            .permanent, operation: "test.find_contacts_by_name",
                            message: "searching '\(word)' found \(named.count), not \(target.name) (\(target.id.rawValue))"
                        )
                    }
                    return "\(named.count) found for '\(word)', \(target.name) among them"
                })
            else { return steps }
        }

        let marker = CallLogID("callscribe-test-\(self.makeID())")
        let body = self.connector.bodyFormat.render([RecordSection("Notes", "A test record written by `callscribe connectors test`.")])
        var entry = CallLogEntry(
            marker: marker, subject: "Callscribe connector test", body: body, startedAt: self.now(), duration: 42, direction: .inbound,
            result: .answered, fromNumber: phone.e164, toNumber: "", contact: target, sessionID: TelephonySessionID(marker.rawValue)
        )
        var record: CRMRecordID?
        guard
            await step("create_call", { () async throws(ConnectorError) -> String in
                let id = try await self.connector.createCallRecord(entry)
                record = id
                return "created call record \(id.rawValue) on \(target.name) (\(target.id.rawValue))"
            }), let record
        else { return steps }
        let capabilities = self.connector.capabilities
        if capabilities.editDetection {
            guard await step("read_call", { () async throws(ConnectorError) -> String in try await self.readBack(record, expecting: entry) }) else { return steps }
        }
        entry.body = self.connector.bodyFormat.render([RecordSection("Notes", "A test record written by `callscribe connectors test`, then updated.")])
        guard
            await step("update_call", { () async throws(ConnectorError) -> String in
                try await self.connector.updateCallRecord(record, with: entry)
                return capabilities.editDetection ? try await self.readBack(record, expecting: entry) : "updated \(record.rawValue)"
            })
        else { return steps }
        if capabilities.markerSearch {
            guard
                await step("find_call", { () async throws(ConnectorError) -> String in
                    let found = try await self.connector.findCallRecord(marker: marker)
                    guard found == record else {
                        throw ConnectorError(.permanent, operation: "test.find_call", message: "searching by the marker found \(found?.rawValue ?? "nothing"), not \(record.rawValue)")
                    }
                    return "found \(record.rawValue) by its marker"
                })
            else { return steps }
        }
        if capabilities.relatedRecords {
            _ = await step("related_records", { () async throws(ConnectorError) -> String in
                let records = try await self.connector.relatedRecords(of: target.id)
                return "\(records.count) related: " + records.map { "\($0.kind) \($0.name) (\($0.id))" }.joined(separator: ", ")
            })
        }
        if capabilities.customFields {
            _ = await step("custom_fields", { () async throws(ConnectorError) -> String in
                let fields = try await self.connector.customFields()
                return "\(fields.count) custom fields: " + fields.map { "\($0.key) (\($0.kind.rawValue)\($0.options.isEmpty ? "" : ", \($0.options.count) options"))" }.joined(separator: ", ")
            })
        }
        if capabilities.dispositions {
            _ = await step("dispositions", { () async throws(ConnectorError) -> String in
                let dispositions = try await self.connector.dispositions()
                return "\(dispositions.count) dispositions: " + dispositions.map { $0.id == $0.label ? $0.id : "\($0.label) (\($0.id))" }.joined(separator: ", ")
            })
        }
        return steps
    }

    private func readBack(_ record: CRMRecordID, expecting entry: CallLogEntry) async throws(ConnectorError) -> String {
        let snapshot = try await self.connector.readCallRecord(record)
        guard snapshot.subject == entry.subject, snapshot.body == entry.body else {
            throw ConnectorError(
                .permanent, operation: "test.read_call",
                message: "the record reads back as subject '\(snapshot.subject.prefix(80))', body '\(snapshot.body.prefix(120))'; expected what was written"
            )
        }
        return "read back \(record.rawValue): subject and body as written"
    }
}
