import Foundation
import Synchronization

/// A value that becomes known once, later, and can be awaited: e.g. the port a server bound.
public final class OneShot<Value: Sendable>: Sendable {
    private enum State {
        case pending([CheckedContinuation<Value, Never>])
        case fulfilled(Value)
    }

    private let state = Mutex<State>(.pending([]))

    public init() {}

    /// Sets the value and wakes every waiter; later calls are ignored.
    public func fulfill(_ value: Value) {
        let waiters: [CheckedContinuation<Value, Never>] = self.state.withLock { state in
            guard case .pending(let waiters) = state else { return [] }
            state = .fulfilled(value)
            return waiters
        }
        for waiter in waiters { waiter.resume(returning: value) }
    }

    /// The value, waiting until it is set.
    public var value: Value {
        get async {
            await withCheckedContinuation { continuation in
                let ready: Value? = self.state.withLock { state in
                    switch state {
                    case .fulfilled(let value): return value
                    case .pending(let waiters):
                        state = .pending(waiters + [continuation])
                        return nil
                    }
                }
                if let ready { continuation.resume(returning: ready) }
            }
        }
    }
}
