import Foundation
import Logging
import ScribeCore
import Synchronization

/// A Pipedrive company in memory, speaking API v2 (B2 of the API facts): persons seeded from a
/// ``SandboxCompany``, activities written by whoever holds the API token, and v1's call logs that
/// activities become.
///
/// Tests steer it with thread-safe knobs (``outage``, ``failNext(count:status:retryAfter:)``,
/// ``latency``) and read back what it received (``activities``, ``persons``, ``requestCount``).
///
/// ```swift
/// let pipedrive = PipedriveSandbox(company: SandboxCompany(), apiToken: "sandbox-token")
/// let server = SandboxServer(name: "pipedrive", router: pipedrive.router(), logger: logger)
/// ```
public final class PipedriveSandbox: SandboxCRM {
    /// The user every record belongs to.
    static let ownerID = 13_370_001
    /// The burst window's request budget, sent as `x-ratelimit-limit`.
    public static let rateLimit = 80
    /// Seconds the burst window lasts (rolling 2 s), sent as `x-ratelimit-reset` on a 429 without `Retry-After`.
    static let rateWindowSeconds = 2

    /// The token every API request must carry, as the `x-api-token` header or the `api_token` query parameter.
    public let apiToken: String
    /// The OAuth server (`POST /oauth/token`, oauth.pipedrive.com in production): its bearer tokens work beside ``apiToken``.
    public let oauth = SandboxCRMOAuth(dialect: .pipedrive)
    /// The stored phone text shared by three persons (a customer and two colleagues), if any.
    public let sharedPhone: String?

    let state: Mutex<PipedriveSandboxState>
    /// Outage, latency, planned failures and request counters; operations are counted as
    /// `persons.search`, `persons.list`, `persons.get`, `persons.create`, `activities.create`, `activities.update`, `activities.list`, `activities.get`, `deals.list`, `activityFields.list`, `users.list`, `callLogs.create`, `callLogs.list`,
    /// `callLogs.get`, `callLogs.delete`.
    public let faults = SandboxFaults()
    /// The company's users (`GET /v1/users`).
    public let directory: SandboxCRMDirectory
    let logger: Logger

    /// - Parameters:
    ///   - company: one person is seeded per customer (ids from 1001), phones stored as typed.
    ///   - apiToken: the token clients must present.
    public init(company: SandboxCompany, apiToken: String, logger: Logger = Logger(label: "callscribe.sandbox.pipedrive")) {
        self.apiToken = apiToken
        self.sharedPhone = company.customers.first?.storedPhone
        self.directory = SandboxCRMDirectory(company: company)
        self.logger = logger
        var state = PipedriveSandboxState(persons: PipedriveSandboxSeed.persons(for: company))
        state.deals = SandboxDeal.seed(contactIDs: state.persons.map { String($0.id) }) { String(700 + $0) }
        self.state = Mutex(state)
    }

    /// Answers the next `count` API requests with `status` instead of serving them.
    ///
    /// - Parameters:
    ///   - status: 429 sends `Request over limit` with `x-ratelimit-remaining: 0`; 5xx a server error;
    ///     401, 403 and 404 their usual bodies.
    ///   - retryAfter: the `Retry-After` header (seconds) on a 429; `nil` sends none, leaving `x-ratelimit-reset`.
    ///   - operation: only requests for this operation (`callLogs.create`…) fail; `nil`, the next ones whatever they are.
    public func failNext(count: Int = 1, status: Int, retryAfter: Int? = 1, operation: String? = nil) {
        self.faults.failNext(count: count, SandboxFaults.PlannedFailure(status: status, retryAfter: retryAfter, operation: operation))
    }

    /// The company's deals: two open and a won one on the first person, one open on the second.
    public var deals: [SandboxDeal] {
        self.state.withLock { $0.deals }
    }

    /// The activities written so far, in the order they were created.
    public var activities: [PipedriveSandboxActivity] {
        self.state.withLock { $0.activities }
    }

    /// The activity with `id`.
    public func activity(id: Int) -> PipedriveSandboxActivity? {
        self.state.withLock { $0.activity(id) }
    }

    /// The company's persons: seeded ones by id, then those created through the API.
    public var persons: [PipedriveSandboxPerson] {
        self.state.withLock { $0.persons }
    }

    /// The person with `id`.
    public func person(id: Int) -> PipedriveSandboxPerson? {
        self.state.withLock { $0.person(id) }
    }
}
