import Foundation
import Logging
import ScribeCore
import Synchronization

/// An Odoo 19 database in memory, speaking the JSON-2 API (B6 of the API facts; `odoo/documentation`
/// content/developer/reference/external_api.rst): partners seeded from a ``SandboxCompany`` (a
/// company partner per customer company, a person under it with the phone stored as typed, seven
/// styles), opportunities (`crm.lead`) on the first two persons, and three leads.
///
/// Every call is `POST /json/2/<model>/<method>` with `Authorization: bearer <API key>`, an optional
/// `X-Odoo-Database`, and a JSON object of named arguments plus `ids` and `context`; success is 200
/// with the method's return value (a recordset comes back as its list of ids).
///
/// | model | methods |
/// |---|---|
/// | `res.partner` | `search_read`, `search`, `search_count`, `read`, `create` (`vals_list`), `write` (`vals`), `message_post` |
/// | `mail.message` | `search_read`, `search`, `search_count`, `read`, `write` (`vals`: `body`, `subject`), `unlink` |
/// | `crm.lead` | `search_read`, `search`, `search_count`, `read` |
///
/// **The call record is an internal note on the partner's chatter**: `res.partner/message_post` with
/// `body`, `message_type: "comment"`, `subtype_xmlid: "mail.mt_note"` (and `body_is_html: true` for
/// HTML) answers `[message id]`; the note is then read, updated, found and deleted as a
/// `mail.message`. A note is the faithful record of a call that *happened*: a `mail.activity` is a
/// to-do planned for the future, which Odoo deletes when it is marked done (leaving a note like
/// this one), and core Odoo has no phone-call model (`crm.phonecall` is an OCA addon, `voip.call`
/// Enterprise). A logger finds its note again with `mail.message/search_read` and the domain
/// `[["model","=","res.partner"],["res_id","=",id],["body","ilike",marker]]`.
///
/// Contact search: `phone_mobile_search` (digit-normalised, not country-aware: ``OdooPhoneSearch``),
/// `phone_sanitized` (E.164) or raw `phone`, in a domain (``OdooDomain``). Lists page with `limit`,
/// `offset` and `order`; `search_count` counts.
///
/// Errors are ``OdooSandboxError`` bodies: 401 `werkzeug.exceptions.Unauthorized` "Invalid apikey"
/// (wrong, missing or expired key), 404 `odoo.exceptions.MissingError` for a deleted record, 422
/// `ValidationError`/`UserError`, 500 `builtins.ValueError` for an unknown field, 429 and 503 werkzeug
/// bodies from the knobs. Odoo sends no rate-limit headers.
public final class OdooSandbox: SandboxCRM {
    /// A planned failure with Odoo's body, for ``failNext(count:_:)``.
    public enum Failure: Sendable {
        /// 429 `werkzeug.exceptions.TooManyRequests`, with `Retry-After` when given.
        case rateLimited(retryAfter: Int?)
        /// 422 `odoo.exceptions.ValidationError`: a mandatory field not set, naming `field`.
        case validation(field: String)
        /// 401 "Invalid apikey", as for a key past its expiration date.
        case expiredKey
        /// Any other status with Odoo's usual body for it.
        case status(Int)
    }

    /// The API key every request must present as `Authorization: bearer <apiKey>`.
    public let apiKey: String
    /// The database name; a request naming another in `X-Odoo-Database` is refused.
    public let database: String
    /// Outage, latency, planned failures and request counters; operations are counted as `<model>.<method>`, e.g. `res.partner.search_read`.
    public let faults = SandboxFaults()
    let state: Mutex<OdooSandboxState>
    let logger: Logger

    public init(company: SandboxCompany, apiKey: String, database: String = "sandbox", logger: Logger = Logger(label: "callscribe.sandbox.odoo")) {
        self.apiKey = apiKey
        self.database = database
        self.logger = logger
        var state = OdooSandboxState()
        OdooSandboxSeed.seed(&state, company: company)
        self.state = Mutex(state)
    }

    /// Answers the next `count` API requests with `failure` instead of serving them.
    public func failNext(count: Int = 1, _ failure: Failure) {
        let planned: SandboxFaults.PlannedFailure =
            switch failure {
            case .rateLimited(let retryAfter): .init(status: 429, retryAfter: retryAfter)
            case .validation(let field): .init(status: 422, errorCode: field)
            case .expiredKey: .init(status: 401)
            case .status(let status): .init(status: status)
            }
        self.faults.failNext(count: count, planned)
    }

    /// Deletes a record (a note, a partner) as if someone removed it in Odoo: later reads and writes get `MissingError`.
    /// - Returns: false when no model held `id`.
    @discardableResult
    public func deleteRecord(model: String = "mail.message", id: Int) -> Bool {
        self.state.withLock { $0.delete(model, id) }
    }

    /// The records of `model`, in the order they were added.
    public func records(_ model: String) -> [OdooSandboxRecord] {
        self.state.withLock { $0.records[model] ?? [] }
    }

    /// The record `id` of `model`.
    public func record(_ model: String, id: Int) -> OdooSandboxRecord? {
        self.state.withLock { $0.record(model, id) }
    }
}
