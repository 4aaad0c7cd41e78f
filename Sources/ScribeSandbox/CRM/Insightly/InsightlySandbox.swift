import Foundation
import ScribeCore
import Logging
import Synchronization

/// An Insightly instance in memory, speaking API v3.1 (api-facts B7; AppConnect's `src/connectors/insightly`):
/// contacts seeded from a ``SandboxCompany`` with numbers stored as typed and linked to their
/// organisations and opportunities, a few leads, and the events (call logs) written through the API.
///
/// Authentication is HTTP Basic with the API key as the user name and an empty password. Endpoints
/// (paths also answer capitalised, `/v3.1/Contacts`, as Insightly's do):
/// - `GET /v3.1/users/me`
/// - `GET /v3.1/contacts/search?field_name=&field_value=&brief=&top=&skip=&count_total=`, likewise
///   `/v3.1/leads/search`: ``search(_:fieldName:fieldValue:)`` semantics; answers are bare JSON arrays
/// - `GET /v3.1/contacts`, `GET /v3.1/contacts/{id}`, `POST /v3.1/contacts` (201); the same for `leads`
/// - `GET /v3.1/organisations/{id}`, `GET /v3.1/opportunities/{id}` (a contact's `LINKS` point there)
/// - `POST /v3.1/events` (201), `PUT /v3.1/events` (200, `EVENT_ID` in the body), `GET /v3.1/events/{id}`,
///   `DELETE /v3.1/events/{id}` (202), `GET /v3.1/events`, `POST /v3.1/events/{id}/links` (201),
///   `GET /v3.1/events/{id}/links`, `GET /v3.1/events/search?field_name=TITLE|LOCATION&field_value=`
///   (find-by-marker: an exact match, so a logger puts its marker alone in `LOCATION`)
///
/// Lists and searches page with `top` (1…500, default 100) and `skip`; `count_total=true` adds
/// `X-Total-Count`. Answers carry `X-RateLimit-Limit`/`X-RateLimit-Remaining` (the plan's daily quota;
/// 10 requests per second besides) and a 429 has `Retry-After`. Sources: Insightly's knowledge-base
/// article "Working with the Insightly Web API" (the two headers, the daily quota) [V]; a third-party
/// integration guide (top/skip 100/500, object dates `yyyy-MM-dd HH:mm:ss`) [O]; a third-party Go client
/// that honours `Retry-After` on a 429 [O]; `X-Total-Count` is [U].
/// Searching by field accepts the fields listed on ``InsightlySandboxPerson`` (Insightly accepts any
/// standard or custom field; a field this sandbox does not know is answered as an unknown custom field is).
public final class InsightlySandbox: SandboxCRM {
    /// Requests per day on this plan, sent as `X-RateLimit-Limit`.
    public static let dailyLimit = 10_000

    /// The API key clients must present as the Basic user name.
    public let apiKey: String
    /// Outage, latency, planned failures and request counters; operations are counted as `users.me`,
    /// `contacts.search`, `contacts.list`, `contacts.get`, `contacts.create`, `leads.search`, `leads.list`, `leads.get`,
    /// `leads.create`, `organisations.get`, `opportunities.get`, `events.create`, `events.update`, `events.get`,
    /// `events.delete`, `events.list`, `events.search`, `events.links.create`, `events.links.list`.
    public let faults = SandboxFaults()
    let state: Mutex<InsightlySandboxState>
    let logger: Logger

    public init(company: SandboxCompany, apiKey: String, logger: Logger = Logger(label: "callscribe.sandbox.insightly")) {
        self.apiKey = apiKey
        self.logger = logger
        self.state = Mutex(InsightlySandboxSeed.state(for: company))
    }

    /// The API key's user id (`OWNER_USER_ID` of what it writes).
    public static var userID: Int { InsightlySandboxSeed.userID }

    /// Answers the next `count` API requests with `status` and Insightly's body for it.
    public func failNext(count: Int = 1, status: Int, retryAfter: Int? = nil) {
        self.faults.failNext(count: count, SandboxFaults.PlannedFailure(status: status, retryAfter: retryAfter))
    }

    /// The next `count` requests get 429 with `Retry-After: retryAfter` and `X-RateLimit-Remaining: 0`.
    public func failNextRateLimited(count: Int = 1, retryAfter: Int = 1) {
        self.failNext(count: count, status: 429, retryAfter: retryAfter)
    }

    /// The next request gets Insightly's 400 naming `field`, whatever it sent.
    public func failNextValidation(field: String) {
        self.faults.failNext(count: 1, SandboxFaults.PlannedFailure(status: 400, retryAfter: nil, errorCode: field))
    }

    /// The next `count` requests get the 401 of a key that no longer works (Insightly keys do not
    /// expire, but a regenerated key revokes the old one: same answer as a wrong key).
    public func failNextExpiredToken(count: Int = 1) {
        self.failNext(count: count, status: 401)
    }

    /// Deletes the event `id` behind the client's back: later reads and updates get Insightly's 404.
    @discardableResult
    public func deleteRecord(_ id: Int) -> Bool {
        self.state.withLock { $0.removeEvent(id) }
    }

    public var contacts: [InsightlySandboxPerson] { self.state.withLock { $0.contacts } }
    public var leads: [InsightlySandboxPerson] { self.state.withLock { $0.leads } }
    /// Organisations and opportunities.
    public var relatedRecords: [InsightlySandboxRelated] { self.state.withLock { $0.related } }
    public var events: [InsightlySandboxEvent] { self.state.withLock { $0.events } }
    public func event(id: Int) -> InsightlySandboxEvent? { self.state.withLock { $0.event(id) } }
    /// The links of the record `objectName` (`Contact`, `Event`…) `id`.
    public func links(of objectName: String, id: Int) -> [InsightlySandboxLink] { self.state.withLock { $0.links(of: objectName, id) } }

    /// `yyyy-MM-dd HH:mm:ss` in UTC, as Insightly writes dates.
    static func timestamp(_ date: Date) -> String {
        SandboxTimeFormat.spaced.string(date)
    }

    /// A date Insightly accepts: its own `yyyy-MM-dd HH:mm:ss`, or ISO 8601 with a zone (what
    /// AppConnect's moment objects serialise to), as a `Date`.
    static func parseDate(_ text: String) -> Date? {
        if let date = try? Date(text, strategy: Date.ISO8601FormatStyle()) { return date }
        if let date = try? Date(text, strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: true)) { return date }
        let iso = text.replacingOccurrences(of: " ", with: "T") + "Z"
        return try? Date(iso, strategy: Date.ISO8601FormatStyle())
    }
}
