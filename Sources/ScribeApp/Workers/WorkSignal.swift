import Synchronization

/// Wakes one worker when there may be work, without losing a signal sent while it was busy.
///
/// One waiter at a time: each worker owns its signal. Waiting ends at a signal, at the timeout,
/// or when the waiting task is cancelled.
public final class WorkSignal: Sendable {
    private struct State {
        var pending = false
        var waiter: CheckedContinuation<Void, Never>?
        /// The wait in progress, so that a late timeout of an earlier wait is ignored.
        var currentWait: UInt64 = 0
        var lastWait: UInt64 = 0
        /// The current wait was ended (timeout or cancellation) before it parked.
        var released = false
    }

    private let state = Mutex(State())

    public init() {}

    /// There may be work.
    public func signal() {
        let waiter = self.state.withLock { state -> CheckedContinuation<Void, Never>? in
            guard let waiter = state.waiter else {
                state.pending = true
                return nil
            }
            state.waiter = nil
            return waiter
        }
        waiter?.resume()
    }

    /// Returns at the next signal (at once if one came since the last wait), after `timeout`, or on cancellation.
    public func wait(timeout: Duration) async {
        let id = self.state.withLock { state -> UInt64 in
            state.lastWait += 1
            state.currentWait = state.lastWait
            state.released = false
            return state.lastWait
        }
        await withTaskGroup(of: Void.self) { group in
            group.addTask {
                await withTaskCancellationHandler {
                    await withCheckedContinuation { continuation in
                        let resumeNow = self.state.withLock { state -> Bool in
                            if state.pending || state.released {
                                state.pending = false
                                return true
                            }
                            state.waiter = continuation
                            return false
                        }
                        if resumeNow { continuation.resume() }
                    }
                } onCancel: {
                    self.release(id)
                }
            }
            group.addTask {
                try? await Task.sleep(for: timeout)
                self.release(id)
            }
            await group.next()
            group.cancelAll()
        }
        self.state.withLock { $0.currentWait = 0 }
    }

    /// Ends wait `id` without a signal, whether or not it has parked yet.
    private func release(_ id: UInt64) {
        let waiter = self.state.withLock { state -> CheckedContinuation<Void, Never>? in
            guard state.currentWait == id else { return nil }
            guard let waiter = state.waiter else {
                state.released = true
                return nil
            }
            state.waiter = nil
            return waiter
        }
        waiter?.resume()
    }
}
