import Foundation
import Synchronization

/// A value that becomes known once, later, and can be awaited: e.g. the port a server bound.
public final class OneShot<Value: Sendable>: Sendable {
    private struct State {
        var value: Value?
        var waiters: [CheckedContinuation<Value, Never>] = []
        /// Waiters that give up when their task is cancelled, by id.
        var cancellableWaiters: [UInt64: CheckedContinuation<Value, any Error>] = [:]
        var cancelledBeforeParking: Set<UInt64> = []
        var nextID: UInt64 = 0
    }

    private let state = Mutex(State())

    public init() {}

    /// Sets the value and wakes every waiter; later calls are ignored.
    public func fulfill(_ value: Value) {
        let (waiters, cancellable) = self.state.withLock { state -> ([CheckedContinuation<Value, Never>], [CheckedContinuation<Value, any Error>]) in
            guard state.value == nil else { return ([], []) }
            state.value = value
            defer {
                state.waiters = []
                state.cancellableWaiters = [:]
            }
            return (state.waiters, Array(state.cancellableWaiters.values))
        }
        for waiter in waiters { waiter.resume(returning: value) }
        for waiter in cancellable { waiter.resume(returning: value) }
    }

    /// The value if it is set already, without waiting.
    public var current: Value? {
        self.state.withLock { $0.value }
    }

    /// The value, waiting until it is set.
    public var value: Value {
        get async {
            await withCheckedContinuation { continuation in
                let ready: Value? = self.state.withLock { state in
                    if let value = state.value { return value }
                    state.waiters.append(continuation)
                    return nil
                }
                if let ready { continuation.resume(returning: ready) }
            }
        }
    }

    /// The value, waiting until it is set; throws `CancellationError` if the waiting task is
    /// cancelled first (so a service waiting on it can still shut down).
    public func wait() async throws -> Value {
        let id = self.state.withLock { state -> UInt64 in
            state.nextID += 1
            return state.nextID
        }
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                let outcome: Result<Value, any Error>? = self.state.withLock { state in
                    if let value = state.value { return .success(value) }
                    if state.cancelledBeforeParking.remove(id) != nil { return .failure(CancellationError()) }
                    state.cancellableWaiters[id] = continuation
                    return nil
                }
                if let outcome { continuation.resume(with: outcome) }
            }
        } onCancel: {
            let waiter = self.state.withLock { state -> CheckedContinuation<Value, any Error>? in
                guard state.value == nil else { return nil }
                guard let waiter = state.cancellableWaiters.removeValue(forKey: id) else {
                    state.cancelledBeforeParking.insert(id)
                    return nil
                }
                return waiter
            }
            waiter?.resume(throwing: CancellationError())
        }
    }
}
