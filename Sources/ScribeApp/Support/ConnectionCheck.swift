import Foundation
import ScribeCore

/// What checking or testing one CRM connection found: whether it worked, how long it took, and
/// the CRM's own words when it did not. Never a credential.
public struct ConnectionCheck: Codable, Sendable, Hashable {
    public var connection: ConnectionSummary
    public var ok: Bool
    /// What was done, e.g. "searched contacts by +1 555 0100: 2 found".
    public var detail: String
    public var milliseconds: Int
    /// The test record's id in the CRM (``Callscribe/testConnections(contact:)`` only).
    public var recordId: String?
}

extension Callscribe {
    /// Checks every stored connection without writing anything: opens its credential and searches
    /// contacts by `phone`. A bad credential, an unreachable CRM or a refusal is reported per connection.
    public func checkConnections(phone: String) async throws -> [ConnectionCheck] {
        guard let number = PhoneNumber(parsing: phone, defaultCountryCode: self.configuration.defaultCountryCode) else {
            throw PeopleError.invalidField("phone", "'\(phone)' is not a phone number")
        }
        return try await self.eachConnection { connector in
            let contacts = try await connector.findContacts(matching: number)
            return ("searched contacts by \(number.e164): \(contacts.count) found", nil)
        }
    }

    /// Tests every stored connection end to end by writing: creates a call record on `contact`,
    /// reads it back, and finds it by its marker, as the writer does after a crash. The record stays
    /// in the CRM (its subject says it is a test), so run this against a test contact. It carries no
    /// disposition: a test call has no outcome, nor the numbers a Pipedrive call log requires.
    public func testConnections(contact: String) async throws -> [ConnectionCheck] {
        let contactID = contact.trimmingCharacters(in: .whitespaces)
        guard !contactID.isEmpty else { throw PeopleError.invalidField("contact", "a CRM contact id is required") }
        let now = self.effects.now()
        return try await self.eachConnection { connector in
            let marker = CallLogID("callscribe-test-\(self.effects.makeID())")
            let body = connector.bodyFormat.render([RecordSection("Notes", "A test record written by `callscribe connectors test`.")])
            let entry = CallLogEntry(
                marker: marker, subject: "Callscribe connection test", body: body, startedAt: now, duration: 0, direction: .outbound,
                result: .answered, fromNumber: "", toNumber: "", contact: Contact(id: ContactID(contactID), name: contactID), sessionID: TelephonySessionID(marker.rawValue),
                writesDisposition: false
            )
            let id = try await connector.createCallRecord(entry)
            let readBack = try await connector.readCallRecord(id)
            guard readBack.subject == entry.subject else {
                throw ConnectorError(.permanent, operation: "test.readBack", message: "the record reads back with the subject '\(readBack.subject)'")
            }
            let found = try await connector.findCallRecord(marker: marker)
            guard found == id else {
                throw ConnectorError(.permanent, operation: "test.findByMarker", message: "the record was not found by its marker (search found \(found?.rawValue ?? "nothing"))")
            }
            return ("created call record \(id.rawValue) on contact \(contactID), read it back and found it by its marker", id.rawValue)
        }
    }

    func eachConnection(
        _ act: (any CRMConnector) async throws -> (detail: String, recordID: String?)
    ) async throws -> [ConnectionCheck] {
        var checks: [ConnectionCheck] = []
        for connection in try await self.store.connections() {
            let summary = ConnectionSummary(connection)
            let clock = ContinuousClock()
            let start = clock.now
            let outcome: Result<(detail: String, recordID: String?), any Error>
            do {
                outcome = .success(try await act(try self.makeConnector(connection)))
            } catch {
                outcome = .failure(error)
            }
            let milliseconds = (clock.now - start).wholeMilliseconds
            switch outcome {
            case .success(let done):
                checks.append(ConnectionCheck(connection: summary, ok: true, detail: done.detail, milliseconds: milliseconds, recordId: done.recordID))
            case .failure(let error):
                checks.append(ConnectionCheck(connection: summary, ok: false, detail: "\(error)", milliseconds: milliseconds, recordId: nil))
            }
        }
        return checks
    }
}
