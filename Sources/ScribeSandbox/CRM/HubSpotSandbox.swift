import Foundation
import Logging
import ScribeCore
import Synchronization

/// A HubSpot portal in memory, speaking the CRM v3 API (B1 of the API facts): contacts seeded from
/// a ``SandboxCompany``, call engagements written by whoever holds the access token.
///
/// Tests and demos steer it with thread-safe knobs (``outage``, ``failNext(count:status:retryAfter:)``,
/// ``latency``) and read back exactly what it received (``calls``, ``requestCount``).
///
/// ```swift
/// let hubspot = HubSpotSandbox(company: SandboxCompany(), accessToken: "pat-sandbox")
/// let server = SandboxServer(name: "hubspot", router: hubspot.router(), logger: logger)
/// ```
public final class HubSpotSandbox: SandboxCRM {
    /// The burst budget per rolling 10 s it advertises in `X-HubSpot-RateLimit-Max` (a Professional portal's).
    public static let burstLimit = 190
    /// The token every API request must carry as `Authorization: Bearer …`.
    public let accessToken: String
    /// The E.164 number stored on three contacts (a customer and two colleagues on the company line), if any.
    public let sharedNumber: String?

    let state: Mutex<HubSpotSandboxState>
    /// Outage, latency, planned failures and request counters; operations are counted as
    /// `contacts.search`, `contacts.create`, `calls.create`, `calls.update`, `calls.read`, `calls.list`, `calls.search`, `associations.list`, `deals.batchRead`, `properties.list`, `dispositions.list`, `owners.list`.
    public let faults = SandboxFaults()
    /// The portal's OAuth server (`POST /oauth/v1/token`); its access tokens work beside ``accessToken``.
    public let oauth = SandboxCRMOAuth(dialect: .hubspot)
    /// Owners (`GET /crm/v3/owners`) and call dispositions (`GET /calling/v1/dispositions`).
    public let directory: SandboxCRMDirectory
    /// How long a new call record is held, stored, before HubSpot's answer is sent: a window in which
    /// a crash leaves the record in the CRM and the client without its id (the crash-recovery check).
    public var createAnswerDelay: Duration {
        get { self.answerDelay.withLock { $0 } }
        set { self.answerDelay.withLock { $0 = newValue } }
    }

    private let answerDelay = Mutex<Duration>(.zero)
    let journal: SandboxCallJournal?
    let logger: Logger

    /// - Parameters:
    ///   - company: one contact is seeded per customer, numbers stored as the customer typed them.
    ///   - accessToken: the token clients must present.
    ///   - persistenceURL: a JSON-lines file; when set, call records are appended to it and reloaded from it here.
    public init(company: SandboxCompany, accessToken: String, persistenceURL: URL? = nil, logger: Logger = Logger(label: "callscribe.sandbox.hubspot")) {
        let seed = HubSpotSandboxSeed.contacts(for: company)
        let journal = persistenceURL.map { SandboxCallJournal(url: $0, logger: logger) }
        self.accessToken = accessToken
        self.sharedNumber = seed.sharedNumber
        self.directory = SandboxCRMDirectory(company: company)
        self.journal = journal
        self.logger = logger
        var state = HubSpotSandboxState(contacts: seed.contacts, calls: journal?.load() ?? [])
        state.deals = SandboxDeal.seed(contactIDs: seed.contacts.map(\.id)) { String(9_000_000_000 + $0) }
        self.state = Mutex(state)
    }

    /// Answers the next `count` API requests with `status` instead of serving them.
    ///
    /// - Parameters:
    ///   - status: 429 sends HubSpot's rate-limit body (`errorType: RATE_LIMIT`, `policyName: TEN_SECONDLY_ROLLING`);
    ///     5xx sends a server error; 401, 403 and 404 send their usual bodies.
    ///   - retryAfter: the `Retry-After` header (seconds) on a 429; `nil` sends none.
    public func failNext(count: Int = 1, status: Int, retryAfter: Int? = 1) {
        self.faults.failNext(count: count, SandboxFaults.PlannedFailure(status: status, retryAfter: retryAfter))
    }

    /// The call records written so far, in the order they were created.
    public var calls: [SandboxCallRecord] {
        self.state.withLock { $0.calls }
    }

    /// The call record with `id`.
    public func call(id: String) -> SandboxCallRecord? {
        self.state.withLock { $0.call(id) }
    }

    /// The portal's deals: two open and a closed one on the first contact, one open on the second.
    public var deals: [SandboxDeal] {
        self.state.withLock { $0.deals }
    }

    /// The portal's contacts, seeded ones first, then those created through the API.
    public var contacts: [SandboxContact] {
        self.state.withLock { $0.contacts }
    }
}
