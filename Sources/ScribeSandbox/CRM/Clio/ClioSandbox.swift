import Foundation
import ScribeCore
import Logging
import Synchronization

/// A Clio Manage firm in memory, speaking API v4 (api-facts B5; AppConnect's `src/connectors/clio`):
/// contacts seeded from a ``SandboxCompany`` with numbers stored as typed, their matters, and the
/// communications (call logs) written through the API.
///
/// Endpoints (each also without the `.json` suffix; every request body and answer is wrapped in `{"data":…}`;
/// `fields=` picks the fields, by default only `id` and `etag`):
/// - `POST /oauth/token`: refresh-token grant (``oauth``, Clio's Doorkeeper dialect)
/// - `GET /api/v4/users/who_am_i.json`
/// - `GET /api/v4/contacts.json?query=&type=&limit=&page_token=`: ``searchContacts(query:type:)`` semantics
/// - `GET /api/v4/contacts/{id}.json`, `POST /api/v4/contacts.json` (201)
/// - `GET /api/v4/matters.json?client_id=&status=`, `GET /api/v4/relationships.json?contact_id=` (related records)
/// - `POST /api/v4/communications.json` (201), `GET|PATCH /api/v4/communications/{id}.json` (200),
///   `DELETE /api/v4/communications/{id}.json` (204), `GET /api/v4/communications.json?query=&contact_id=&matter_id=&type=`
///   (find-by-marker: `query` matches the subject or body)
///
/// Lists page with `limit` (≤200) and `page_token`; `meta.paging.next` is the full URL of the next page.
/// Every answer carries `X-RateLimit-Limit`, `X-RateLimit-Remaining` and `X-RateLimit-Reset` (a unix time);
/// a 429 adds `Retry-After` (docs.developers.clio.com/api-docs/rate-limits [V]).
///
/// ```swift
/// let clio = ClioSandbox(company: SandboxCompany(), accessToken: "clio-token")
/// let server = SandboxServer(name: "clio", router: clio.router(), logger: logger)
/// ```
public final class ClioSandbox: SandboxCRM {
    /// Requests per 60 s window per token, sent as `X-RateLimit-Limit` (Clio's peak-hours default is 50/min).
    public static let rateLimit = 50
    /// Seconds in Clio's rate-limit window.
    static let rateWindowSeconds = 60

    /// A long-lived bearer token that always works, beside the ones ``oauth`` issues.
    public let accessToken: String
    /// The OAuth server at `POST /oauth/token` (`https://{region}.app.clio.com/oauth/token` in production).
    public let oauth = SandboxCRMOAuth(dialect: .clio)
    /// Outage, latency, planned failures and request counters; operations are counted as `users.who_am_i`,
    /// `contacts.search`, `contacts.get`, `contacts.create`, `matters.list`, `relationships.list`,
    /// `communications.create`, `communications.get`, `communications.update`, `communications.delete`, `communications.list`.
    public let faults = SandboxFaults()
    let state: Mutex<ClioSandboxState>
    let logger: Logger

    /// - Parameters:
    ///   - company: one `Person` contact per customer (ids from 20001), numbers stored as typed.
    ///   - accessToken: a bearer token clients may present without the OAuth dance.
    public init(company: SandboxCompany, accessToken: String, logger: Logger = Logger(label: "callscribe.sandbox.clio")) {
        self.accessToken = accessToken
        self.logger = logger
        let contacts = ClioSandboxSeed.contacts(for: company)
        let matters = ClioSandboxSeed.matters(contacts: contacts)
        self.state = Mutex(ClioSandboxState(contacts: contacts, matters: matters, relationships: ClioSandboxSeed.relationships(contacts: contacts, matters: matters)))
    }

    /// The id of the firm's user (`who_am_i`), for `senders`/`receivers` of type `User`.
    public static var userID: Int { ClioSandboxSeed.userID }

    /// Answers the next `count` API requests with `status` and Clio's body for it instead of serving them.
    public func failNext(count: Int = 1, status: Int, retryAfter: Int? = nil) {
        self.faults.failNext(count: count, SandboxFaults.PlannedFailure(status: status, retryAfter: retryAfter))
    }

    /// The next `count` requests get 429 with `Retry-After: retryAfter` and `X-RateLimit-Remaining: 0`.
    public func failNextRateLimited(count: Int = 1, retryAfter: Int = 30) {
        self.failNext(count: count, status: 429, retryAfter: retryAfter)
    }

    /// The next request gets Clio's 422 naming `field`, whatever it sent.
    public func failNextValidation(field: String) {
        self.faults.failNext(count: 1, SandboxFaults.PlannedFailure(status: 422, retryAfter: nil, errorCode: field))
    }

    /// The next request gets Clio's 401 for an expired access token, as if it had just run out (the
    /// same answer as for any rejected token).
    public func failNextExpiredToken(count: Int = 1) {
        self.failNext(count: count, status: 401, retryAfter: nil)
    }

    /// Deletes the communication `id` behind the client's back: later reads and updates get Clio's 404.
    /// - Returns: false when there was no such communication.
    @discardableResult
    public func deleteRecord(_ id: Int) -> Bool {
        self.state.withLock { $0.removeCommunication(id) }
    }

    /// The firm's contacts: seeded ones, then those created through the API.
    public var contacts: [ClioSandboxContact] { self.state.withLock { $0.contacts } }

    /// The firm's matters.
    public var matters: [ClioSandboxMatter] { self.state.withLock { $0.matters } }

    /// The communications written so far, in creation order.
    public var communications: [ClioSandboxCommunication] { self.state.withLock { $0.communications } }

    /// The communication with `id`, if it exists.
    public func communication(id: Int) -> ClioSandboxCommunication? { self.state.withLock { $0.communication(id) } }

    /// A weak etag that changes with every update, in Clio's quoted form.
    static func etag(_ id: Int, _ updated: Date) -> String {
        "\"\(String(UInt64(bitPattern: Int64(id &* 31 &+ Int(updated.timeIntervalSince1970 * 1000))), radix: 16))\""
    }

    /// ISO 8601 with an offset, as Clio writes times: `2024-01-01T10:00:00+00:00`.
    static func timestamp(_ date: Date) -> String {
        SandboxTimeFormat.isoWithOffset.string(date)
    }
}
