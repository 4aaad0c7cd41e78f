import AsyncHTTPClient
import Foundation
import Logging
import NIOCore
import NIOHTTP1
import ScribeCore

/// Logs calls into Pipedrive as done activities of type `call`, linked to a person (API v2).
///
/// The API token travels in the `x-api-token` header, never in a URL, so it cannot reach a log line
/// or an error message.
///
/// ```swift
/// let pipedrive = PipedriveConnector(apiToken: token, httpClient: .shared)
/// let contacts = try await pipedrive.findContacts(matching: caller)
/// ```
public struct PipedriveConnector: CRMConnector {
    /// The newest activities read when looking for a marker: `pages × 500`.
    static let markerScanPages = 4
    static let pageSize = 500
    /// The most pages of activity fields read: far more fields than any company has.
    static let fieldPages = 10

    private let baseURL: String
    private let authorization: CRMAuthorization
    private let http: ConnectorHTTPClient

    /// - Parameters:
    ///   - baseURL: `https://api.pipedrive.com`, the company's `https://{company}.pipedrive.com`, or a sandbox's address.
    ///   - apiToken: a user's personal API token.
    ///   - httpClient: shared; its lifetime belongs to the caller.
    ///   - timeout: the deadline for each request.
    public init(
        baseURL: String = "https://api.pipedrive.com",
        apiToken: String,
        httpClient: HTTPClient,
        timeout: TimeAmount = .seconds(10),
        logger: Logger = Logger(label: "callscribe.pipedrive")
    ) {
        self.init(baseURL: baseURL, authorization: .header(name: "x-api-token", value: apiToken), httpClient: httpClient, timeout: timeout, logger: logger)
    }

    /// - Parameter authorization: an API token in `x-api-token`, or an OAuth grant (``CRMAuthorization/oauth(_:)``,
    ///   a bearer token refreshed at `POST https://oauth.pipedrive.com/oauth/token` when Pipedrive answers 401).
    public init(
        baseURL: String = "https://api.pipedrive.com",
        authorization: CRMAuthorization,
        httpClient: HTTPClient,
        timeout: TimeAmount = .seconds(10),
        logger: Logger = Logger(label: "callscribe.pipedrive")
    ) {
        self.baseURL = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
        self.authorization = authorization
        self.http = ConnectorHTTPClient(httpClient: httpClient, timeout: timeout, logger: logger)
    }

    /// Pipedrive renders an activity's `note` as HTML.
    public var bodyFormat: BodyFormat { .html }

    public var capabilities: ConnectorCapabilities {
        // Dispositions are the call logs' fixed outcomes, written when a call's activity becomes its call log.
        ConnectorCapabilities(customFields: true, dispositions: true, editDetection: true, markerSearch: true, relatedRecords: true, owners: true, nameSearch: true)
    }

    /// Pipedrive matches a phone search against the text as stored, so this tries the number's
    /// stored-form variants in turn (`+14155550123`, `(415) 555-0123`, …) with `exact_match`, and stops
    /// at the first that finds anyone. The persons found are then read in one request for their
    /// phones and update time, which search results lack.
    public func findContacts(matching phone: PhoneNumber) async throws(ConnectorError) -> [Contact] {
        let operation = "pipedrive.findContacts"
        var hits: [PipedrivePersonSearchResult.Item] = []
        for variant in phone.storedFormVariants {
            let query = [("term", variant), ("fields", "phone"), ("exact_match", "true"), ("limit", "100")]
            let found = try await self.get("/api/v2/persons/search", query: query, as: PipedrivePersonSearchResult.self, operation: operation)
            hits = found.data.items.map(\.item)
            if !hits.isEmpty { break }
        }
        var seen = Set<Int>()
        hits = hits.filter { seen.insert($0.id).inserted }
        guard !hits.isEmpty else { return [] }

        let ids = hits.map { String($0.id) }.joined(separator: ",")
        let persons = try await self.get("/api/v2/persons", query: [("ids", ids), ("limit", "100")], as: [PipedrivePerson].self, operation: operation).data
        let byID = Dictionary(persons.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        return hits.map { hit in
            let name = PipedriveConnector.name(hit.name, fallback: phone.e164)
            guard let person = byID[hit.id] else {
                // Deleted or hidden between the two requests: what search said is all there is.
                return Contact(id: ContactID(String(hit.id)), name: name, phoneNumbers: hit.phones ?? [])
            }
            return person.contact(fallbackName: name)
        }
    }

    /// Creates a person with `name` (trimmed; Pipedrive refuses a blank one) and one primary work
    /// phone in E.164.
    public func createContact(named name: String, phone: PhoneNumber) async throws(ConnectorError) -> Contact {
        let input = PipedrivePersonInput(name: name, phone: phone)
        let created = try await self.send(.POST, "/api/v2/persons", body: input, as: PipedrivePerson.self, operation: "pipedrive.createContact")
        return created.data.contact(fallbackName: phone.e164)
    }

    /// The person's open deals (`GET /api/v2/deals?person_id=…&status=open`), the first 100 by id.
    public func relatedRecords(of contact: ContactID) async throws(ConnectorError) -> [RelatedRecord] {
        let operation = "pipedrive.relatedRecords"
        guard let personID = Int(contact.rawValue) else {
            throw ConnectorError(.validationFailed(field: "person_id"), operation: operation, message: "Pipedrive person ids are integers, got \(contact.rawValue)")
        }
        let query = [("person_id", String(personID)), ("status", "open"), ("limit", "100")]
        let deals = try await self.get("/api/v2/deals", query: query, as: [PipedriveDeal].self, operation: operation).data
        return deals.map { RelatedRecord(id: String($0.id), kind: RelatedRecord.deal, name: PipedriveConnector.name($0.title, fallback: "Deal \($0.id)")) }
    }

    /// The activity fields an admin added that people may fill in (`GET /api/v2/activityFields`, every
    /// page): custom text, number and single-option fields, a choice's values being option ids.
    /// Sorted by label.
    ///
    /// Pipedrive offers custom fields on deals, persons, organizations, products and projects, but
    /// not on activities, and its activities API takes none; so for a real company this finds none,
    /// and the engine offers none.
    public func customFields() async throws(ConnectorError) -> [CustomField] {
        let operation = "pipedrive.customFields"
        var fields: [PipedriveActivityField] = []
        var cursor: String?
        for _ in 0..<PipedriveConnector.fieldPages {
            var query = [("limit", String(PipedriveConnector.pageSize))]
            if let cursor { query.append(("cursor", cursor)) }
            let page = try await self.get("/api/v2/activityFields", query: query, as: [PipedriveActivityField].self, operation: operation)
            fields += page.data
            guard let next = page.additionalData?.nextCursor, !next.isEmpty else { break }
            cursor = next
        }
        return fields.compactMap(\.customField).sorted { ($0.label.lowercased(), $0.key) < ($1.label.lowercased(), $1.key) }
    }

    /// Creates a done `call` activity with `entry.contact` as its primary participant (and
    /// `deal_id` when a person attached the call to a deal), carrying
    /// `entry.marker` in `public_description` as `callscribe:<marker>`; once the call has ended, the
    /// activity becomes its call log, with the outcome (see ``writeCallLog(of:for:operation:)``).
    ///
    /// Custom-field values are refused before anything is sent. Should the call log fail after the
    /// activity was made, the error names the activity (``ConnectorError/createdRecord``), and the
    /// engine's retry writes the call log by ``updateCallRecord(_:with:)``.
    public func createCallRecord(_ entry: CallLogEntry) async throws(ConnectorError) -> CRMRecordID {
        let operation = "pipedrive.createCall"
        try PipedriveConnector.refuseCustomFields(entry, operation: operation)
        guard let personID = Int(entry.contact.id.rawValue) else {
            throw ConnectorError(.validationFailed(field: "person_id"), operation: operation, message: "Pipedrive person ids are integers, got \(entry.contact.id.rawValue)")
        }
        let input = try PipedriveActivityInput(entry: entry, personID: personID, bodyFormat: self.bodyFormat)
        let created = try await self.send(.POST, "/api/v2/activities", body: input, as: PipedriveActivity.self, operation: operation)
        let id = CRMRecordID(String(created.data.id))
        do {
            try await self.writeCallLog(of: created.data.id, for: entry, operation: operation)
        } catch {
            var unfinished = error
            unfinished.createdRecord = id
            throw unfinished
        }
        return id
    }

    /// PATCHes subject, note and done; participants, due date and time and `public_description` are
    /// not sent, so the person, the time and the marker stay as they are. Then, when the write carries
    /// the disposition of an ended call, the activity becomes (or is again) its call log. Custom-field
    /// values are refused before anything is sent, as on create.
    public func updateCallRecord(_ id: CRMRecordID, with entry: CallLogEntry) async throws(ConnectorError) {
        let operation = "pipedrive.updateCall"
        try PipedriveConnector.refuseCustomFields(entry, operation: operation)
        let path = try PipedriveConnector.activityPath(id, operation: operation)
        let updated = try await self.send(.PATCH, path, body: PipedriveActivityUpdate(entry: entry), as: PipedriveActivity.self, operation: operation)
        try await self.writeCallLog(of: updated.data.id, for: entry, operation: operation)
    }

    /// Reads the activity's `subject` and `note` as stored; a deleted activity is Pipedrive's 404, `.notFound`.
    public func readCallRecord(_ id: CRMRecordID) async throws(ConnectorError) -> CallRecordSnapshot {
        let operation = "pipedrive.readCall"
        let activity = try await self.send(.GET, PipedriveConnector.activityPath(id, operation: operation), as: PipedriveActivity.self, operation: operation).data
        return CallRecordSnapshot(subject: activity.subject ?? "", body: activity.note ?? "")
    }

    /// Pages through the newest activities (up to 2,000) for the one whose `public_description` carries
    /// `marker`: activities cannot be searched by field, and the record sought was made moments before a crash.
    public func findCallRecord(marker: CallLogID) async throws(ConnectorError) -> CRMRecordID? {
        let operation = "pipedrive.findCall"
        let wanted = PipedriveActivityInput.markerText(marker)
        var cursor: String?
        for _ in 0..<PipedriveConnector.markerScanPages {
            var query = [("sort_by", "add_time"), ("sort_direction", "desc"), ("limit", String(PipedriveConnector.pageSize))]
            if let cursor { query.append(("cursor", cursor)) }
            let page = try await self.get("/api/v2/activities", query: query, as: [PipedriveActivity].self, operation: operation)
            if let match = page.data.first(where: { $0.publicDescription == wanted }) {
                return CRMRecordID(String(match.id))
            }
            guard let next = page.additionalData?.nextCursor, !next.isEmpty else { return nil }
            cursor = next
        }
        return nil
    }


    /// Pipedrive's activities API (`AddActivityRequest`, `UpdateActivityRequest`) has no place for
    /// custom-field values, so a write carrying any is refused here, naming the first field, rather
    /// than sent for Pipedrive to refuse or drop.
    static func refuseCustomFields(_ entry: CallLogEntry, operation: String) throws(ConnectorError) {
        guard let field = entry.customFields.keys.sorted().first else { return }
        throw ConnectorError(
            .validationFailed(field: field), operation: operation,
            message: "'\(field)' cannot be written: Pipedrive activities take no custom-field values"
        )
    }

    /// `/api/v2/activities/{id}`; Pipedrive's ids are integers, so any other id is refused before sending.
    static func activityPath(_ id: CRMRecordID, operation: String) throws(ConnectorError) -> String {
        guard let number = Int(id.rawValue) else {
            throw ConnectorError(.validationFailed(field: "id"), operation: operation, message: "Pipedrive activity ids are integers, got \(id.rawValue)")
        }
        return "/api/v2/activities/\(number)"
    }

    /// GETs `path?query` and decodes the envelope of a 2xx answer.
    func get<Payload: Decodable & Sendable>(
        _ path: String,
        query: [(String, String)],
        as type: Payload.Type,
        operation: String
    ) async throws(ConnectorError) -> PipedriveEnvelope<Payload> {
        let queryString = query.map { "\($0.0)=\(PipedriveConnector.percentEncoded($0.1))" }.joined(separator: "&")
        return try await self.send(.GET, path + "?" + queryString, as: Payload.self, operation: operation)
    }

    /// Sends `method path` with `body` and decodes the envelope of a 2xx answer.
    func send<Payload: Decodable & Sendable>(
        _ method: HTTPMethod,
        _ path: String,
        body: (any Encodable & Sendable)? = nil,
        as type: Payload.Type,
        operation: String
    ) async throws(ConnectorError) -> PipedriveEnvelope<Payload> {
        let response = try await self.send(method, path, body: body, operation: operation)
        return try response.decode(PipedriveEnvelope<Payload>.self, operation: operation)
    }

    /// Sends `method path` with `body` and returns a 2xx answer, whatever its body (a delete's
    /// `{success:true}` has no `data`); any other answer goes through ``PipedriveErrorMapper``.
    @discardableResult
    func send(_ method: HTTPMethod, _ path: String, body: (any Encodable & Sendable)? = nil, operation: String) async throws(ConnectorError) -> ConnectorHTTPResponse {
        let response = try await self.http.send(method, url: self.baseURL + path, authorization: self.authorization, body: body, operation: operation)
        guard response.isSuccess else {
            var error = PipedriveErrorMapper.error(for: response, operation: operation)
            // The token is only ever sent in a header, but a CRM may echo what it was sent.
            if case .header(_, let apiToken) = self.authorization, !apiToken.isEmpty {
                error.message = error.message.replacingOccurrences(of: apiToken, with: "[redacted]")
            }
            throw error
        }
        return response
    }

    /// Query values are encoded strictly: `+` would otherwise read as a space.
    static func percentEncoded(_ value: String) -> String {
        var allowed = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
        allowed.insert(charactersIn: "-._~")
        return value.addingPercentEncoding(withAllowedCharacters: allowed) ?? value
    }

    static func name(_ name: String?, fallback: String) -> String {
        let trimmed = name?.trimmingCharacters(in: .whitespaces) ?? ""
        return trimmed.isEmpty ? fallback : trimmed
    }

    /// v2 writes RFC 3339 (`2025-01-01T10:20:00Z`); v1 wrote `2025-01-01 10:20:00` in UTC.
    static func parseDate(_ text: String) -> Date? {
        if let date = try? Date.ISO8601FormatStyle().parse(text) { return date }
        if let date = try? Date.ISO8601FormatStyle(includingFractionalSeconds: true).parse(text) { return date }
        return try? Date.ISO8601FormatStyle(dateTimeSeparator: .space).parse(text)
    }
}
