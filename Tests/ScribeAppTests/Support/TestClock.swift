import Foundation
import Synchronization

/// A clock that stands still until the test moves it.
final class TestClock: Sendable {
    private let current: Mutex<Date>

    init(_ start: Date = Date(timeIntervalSince1970: 1_800_000_000)) {
        self.current = Mutex(start)
    }

    var now: Date { self.current.withLock { $0 } }

    func advance(by interval: TimeInterval) {
        self.current.withLock { $0 = $0.addingTimeInterval(interval) }
    }

    /// Moves the clock to `date` (tests only ever move it forward).
    func set(_ date: Date) {
        self.current.withLock { $0 = date }
    }

    /// For injection: `ContactCache(lifetime:now:)`, `Effects(now:…)`.
    var read: @Sendable () -> Date { { [self] in self.now } }
}
