import Synchronization

/// The fault-injection knobs and request counters every sandbox CRM shares: an outage switch, a
/// latency, a queue of planned failures, and how many API requests arrived, per operation.
///
/// A sandbox calls ``admit(_:)`` once per API request and renders whatever ``Fault`` comes back
/// in its vendor's own error body; the knobs themselves say nothing about wire formats.
public final class SandboxFaults: Sendable {
    /// A failure waiting to be served instead of the next API request.
    struct PlannedFailure: Sendable, Equatable {
        var status: Int
        /// The `Retry-After` seconds a vendor sends with it, if it has that notion.
        var retryAfter: Int?
        /// The vendor's error code for the body, if the vendor names its errors; `nil` picks the usual one.
        var errorCode: String?
        /// Only a request for this operation meets it (others pass it by); `nil`, whichever comes next.
        var operation: String?
    }

    /// What a request meets instead of being served.
    enum Fault: Sendable, Equatable {
        /// ``SandboxFaults/outage`` is on: the vendor's 503.
        case outage
        /// The next planned failure, now taken off the queue.
        case planned(PlannedFailure)
    }

    /// One request's admission: its number since the counters were last reset, and its fault, if any.
    struct Admission: Sendable {
        var requestNumber: Int
        var fault: Fault?
    }

    private struct State {
        var outage = false
        var latency: Duration = .zero
        var failures: [PlannedFailure] = []
        var requestCount = 0
        var requestsByOperation: [String: Int] = [:]
    }

    private let state = Mutex(State())

    init() {}

    /// When true, every API request meets ``Fault/outage``.
    var outage: Bool {
        get { self.state.withLock { $0.outage } }
        set { self.state.withLock { $0.outage = newValue } }
    }

    /// Waited before every API answer, to simulate a slow CRM.
    var latency: Duration {
        get { self.state.withLock { $0.latency } }
        set { self.state.withLock { $0.latency = newValue } }
    }

    /// Queues `failure` for the next `count` API requests (none when `count` is not positive).
    func failNext(count: Int, _ failure: PlannedFailure) {
        self.state.withLock { $0.failures += Array(repeating: failure, count: max(0, count)) }
    }

    /// API requests received, failed ones included.
    var requestCount: Int {
        self.state.withLock { $0.requestCount }
    }

    /// API requests received, per operation.
    var requestsByOperation: [String: Int] {
        self.state.withLock { $0.requestsByOperation }
    }

    /// API requests received for `operation`.
    func requestCount(for operation: String) -> Int {
        self.state.withLock { $0.requestsByOperation[operation, default: 0] }
    }

    /// Zeroes the request counters.
    func resetCounters() {
        self.state.withLock {
            $0.requestCount = 0
            $0.requestsByOperation = [:]
        }
    }

    /// Counts one API request for `operation`, takes its fault (the outage first, else the next
    /// planned failure), then waits out the latency.
    func admit(_ operation: String) async -> Admission {
        let (latency, admission) = self.state.withLock { state in
            state.requestCount += 1
            state.requestsByOperation[operation, default: 0] += 1
            let planned = state.failures.firstIndex { $0.operation == nil || $0.operation == operation }
            let fault: Fault? = state.outage ? .outage : planned.map { .planned(state.failures.remove(at: $0)) }
            return (state.latency, Admission(requestNumber: state.requestCount, fault: fault))
        }
        if latency > .zero { try? await Task.sleep(for: latency) }
        return admission
    }
}

/// A sandbox CRM: the knobs and counters tests and the benchmark use, the same for every vendor.
/// Each sandbox adds its own `failNext`, whose error bodies are its vendor's.
public protocol SandboxCRM: AnyObject, Sendable {
    /// The shared fault-injection state; use the members below.
    var faults: SandboxFaults { get }
    /// Zeroes the request counters; a requirement so that a sandbox that records more (Salesforce's
    /// queries) forgets that too when reached through `any SandboxCRM`.
    func resetCounters()
}

extension SandboxCRM {
    /// When true, every API request is answered 503 with the vendor's error body.
    public var outage: Bool {
        get { self.faults.outage }
        set { self.faults.outage = newValue }
    }

    /// Added before every API answer, to simulate a slow CRM.
    public var latency: Duration {
        get { self.faults.latency }
        set { self.faults.latency = newValue }
    }

    /// API requests received, failed ones included (HTML pages are not counted).
    public var requestCount: Int { self.faults.requestCount }

    /// API requests per operation, named as the sandbox names them, e.g. `calls.create`.
    public var requestsByOperation: [String: Int] { self.faults.requestsByOperation }

    /// API requests received for `operation`.
    public func requestCount(for operation: String) -> Int { self.faults.requestCount(for: operation) }

    /// Zeroes the request counters.
    public func resetCounters() { self.faults.resetCounters() }
}
