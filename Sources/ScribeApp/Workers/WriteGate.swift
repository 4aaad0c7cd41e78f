import Synchronization

/// Lets the log worker lease jobs, or holds it before its next lease while paused.
///
/// Calls keep being received and folded, and their writes queued, while writing is paused: the
/// benchmark pauses writing to pile up a backlog, then resumes it and measures the drain. A job
/// already leased finishes; pausing only stops new leases.
public final class WriteGate: Sendable {
    private let paused = Mutex(false)

    public init() {}

    /// Stops new leases until ``resume()``.
    public func pause() { self.paused.withLock { $0 = true } }

    /// Lets the log worker lease jobs again (it notices within a few milliseconds).
    public func resume() { self.paused.withLock { $0 = false } }

    public var isPaused: Bool { self.paused.withLock { $0 } }
}
