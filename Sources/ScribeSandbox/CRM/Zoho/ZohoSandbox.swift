import Foundation
import Logging
import ScribeCore
import Synchronization

/// A Zoho CRM org in memory, speaking REST API v8 (B4 of the API facts): Contacts seeded from a
/// ``SandboxCompany`` (phones stored as typed, in all seven styles), three Leads, Deals on the first
/// two contacts, and the Calls module a call logger writes to.
///
/// Endpoints (all JSON; every API request needs `Authorization: Zoho-oauthtoken <token>`):
/// - `POST /oauth/v2/token?grant_type=refresh_token&client_id=…&client_secret=…&refresh_token=…` —
///   accounts.zoho.{dc} in production; answers `access_token`, `expires_in`, `api_domain`; the refresh
///   token does not rotate (``oauth``).
/// - `GET /crm/v8/{Contacts|Leads|Calls}/search?phone=|email=|word=|criteria=&page=&per_page=&fields=` —
///   200 `{"data":[…],"info":{"per_page","count","page","more_records"}}`, or **204 with no body** when
///   nothing matches. `phone=` compares the stored text of every phone field **exactly** (after
///   trimming): no digit normalisation, so a client tries each format it expects [U: Zoho documents
///   `phone` as a search over the module's phone fields, not its matching rule]. `word=` (at least 2
///   characters, else 400 `INVALID_QUERY`) finds a word or the start of one in a record's text fields,
///   ignoring case (a name typed into a contact picker, or a marker in `Subject`/`Description`);
///   `criteria=(Subject:equals:…)` works too (``ZohoSearchCriteria``).
/// - `GET /crm/v8/{Module}?fields=…&page=&per_page=` — a page of records; `fields` is required in v8.
/// - `GET /crm/v8/{Module}/{id}` — `{"data":[record]}`; 204 for an id with no record (deleted) [U].
/// - `POST /crm/v8/{Module}` `{"data":[…≤100], "trigger":[…]}` — 201 with one outcome line per record
///   (`SUCCESS` / `record added`, `details.id`, `Created_Time`…); 400 with the lines when every record
///   failed (`INVALID_DATA` / `MANDATORY_NOT_FOUND`, `details.api_name`) (``ZohoRecordValidator``) [U: the
///   status of a partly or wholly failed batch].
/// - `PUT /crm/v8/{Module}/{id}` and `PUT /crm/v8/{Module}` (ids inside `data`) — 200, `record updated`;
///   an id with no record is `INVALID_DATA` on `id`.
/// - `DELETE /crm/v8/{Module}/{id}` — 200 `record deleted`.
/// - `GET /crm/v8/Contacts/{id}/Deals` — the contact's deals (related list), 204 when none.
///
/// Errors: 401 `INVALID_TOKEN` (wrong, missing or expired token), 429 `TOO_MANY_REQUESTS`, 400
/// `INVALID_MODULE`/`INVALID_QUERY`/`REQUIRED_PARAM_MISSING`, 503 in an outage (``ZohoSandboxError``).
/// Zoho meters API use in daily credits and sends no rate-limit headers on ordinary answers [U].
public final class ZohoSandbox: SandboxCRM {
    /// A planned failure with Zoho's body, for ``failNext(count:_:)``.
    public enum Failure: Sendable {
        /// 429 `TOO_MANY_REQUESTS`, with `Retry-After` when given.
        case rateLimited(retryAfter: Int?)
        /// 400 `INVALID_DATA` naming `field` in `details.api_name`.
        case invalidData(field: String)
        /// 401 `INVALID_TOKEN`, as for an access token past its hour.
        case expiredToken
        /// Any other status with Zoho's usual body for it.
        case status(Int)
    }

    /// The OAuth server (`POST /oauth/v2/token`): its access tokens work beside ``accessToken``.
    public let oauth = SandboxCRMOAuth(dialect: .zoho)
    /// A fixed access token that never expires (as a self-client's would for a test), presented as `Zoho-oauthtoken <accessToken>`.
    public let accessToken: String
    /// Outage, latency, planned failures and request counters; operations are counted as
    /// `<Module>.search`, `<Module>.list`, `<Module>.get`, `<Module>.insert`, `<Module>.update`,
    /// `<Module>.delete` and `Contacts.related`.
    public let faults = SandboxFaults()
    let state: Mutex<ZohoSandboxState>
    let logger: Logger

    public init(company: SandboxCompany, accessToken: String, logger: Logger = Logger(label: "callscribe.sandbox.zoho")) {
        self.accessToken = accessToken
        self.logger = logger
        var state = ZohoSandboxState()
        ZohoSandboxSeed.seed(&state, company: company)
        self.state = Mutex(state)
    }

    /// Answers the next `count` API requests with `failure` instead of serving them.
    public func failNext(count: Int = 1, _ failure: Failure) {
        let planned: SandboxFaults.PlannedFailure =
            switch failure {
            case .rateLimited(let retryAfter): .init(status: 429, retryAfter: retryAfter)
            case .invalidData(let field): .init(status: 400, errorCode: field)
            case .expiredToken: .init(status: 401)
            case .status(let status): .init(status: status)
            }
        self.faults.failNext(count: count, planned)
    }

    /// Removes a record as if someone deleted it in Zoho: later reads answer 204, updates `INVALID_DATA` on `id`.
    /// - Returns: false when no module held `id`.
    @discardableResult
    public func deleteRecord(_ id: String) -> Bool {
        self.state.withLock { state in
            ZohoSandboxState.knownModules.contains { state.delete($0, id) }
        }
    }

    /// The records of `module`, in the order they were added.
    public func records(_ module: String) -> [ZohoSandboxRecord] {
        self.state.withLock { $0.modules[module] ?? [] }
    }

    /// The record with `id` in `module`.
    public func record(_ module: String, id: String) -> ZohoSandboxRecord? {
        self.state.withLock { $0.record(module, id) }
    }
}
