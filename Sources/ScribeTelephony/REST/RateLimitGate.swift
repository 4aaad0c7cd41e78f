import Foundation
import NIOHTTP1
import ScribeCore

/// Keeps Callscribe inside RingCentral's per-group request budgets by reading the
/// `X-Rate-Limit-Group/Limit/Remaining/Window` headers of each answer.
///
/// RingCentral names the group only in its answers, so the gate learns which group each operation
/// belongs to. Once a group has no requests left, further requests of that group are held until its
/// window has passed, rather than earning a 429 and its 60-second penalty (which every early request
/// restarts). A hold longer than `maximumHold` fails at once with a retryable rate-limit error, so
/// a worker is not tied up and retries later.
actor RateLimitGate {
    /// One group's budget as last seen.
    struct Budget {
        var limit: Int
        var remaining: Int
        var window: TimeInterval
        /// When the budget is assumed full again, once it has run out.
        var refillsAt: Date?
    }

    private let now: @Sendable () -> Date
    private let maximumHold: TimeInterval
    private var groupOfOperation: [String: String] = [:]
    private var budgets: [String: Budget] = [:]

    init(maximumHold: TimeInterval, now: @escaping @Sendable () -> Date) {
        self.maximumHold = maximumHold
        self.now = now
    }

    /// Waits until `operation`'s group may send one more request, and counts it.
    func admit(_ operation: String) async throws(TelephonyError) {
        while true {
            guard let group = self.groupOfOperation[operation], var budget = self.budgets[group] else { return }
            let now = self.now()
            if let refillsAt = budget.refillsAt, refillsAt <= now {
                budget.remaining = budget.limit
                budget.refillsAt = nil
            }
            if budget.remaining > 0 {
                budget.remaining -= 1
                // The last request of the window: what follows waits a whole window from now.
                if budget.remaining == 0 { budget.refillsAt = now.addingTimeInterval(budget.window) }
                self.budgets[group] = budget
                return
            }
            let wait = (budget.refillsAt ?? now).timeIntervalSince(now)
            guard wait <= self.maximumHold else {
                throw TelephonyError(
                    .rateLimited(retryAfter: wait), operation: operation,
                    message: "held: RingCentral's \(group) request budget is spent until \(budget.refillsAt?.iso8601 ?? "the window ends")"
                )
            }
            self.budgets[group] = budget
            do {
                try await Task.sleep(for: .seconds(max(wait, 0.001)))
            } catch {
                throw TelephonyError(.transient, operation: operation, message: "cancelled while waiting for RingCentral's \(group) request budget")
            }
        }
    }

    /// Learns the group and its budget from an answer's headers; an answer without them (some other
    /// limit, or a server that does not send them) changes nothing.
    func record(_ operation: String, headers: HTTPHeaders) {
        guard let group = headers.first(name: "X-Rate-Limit-Group")?.lowercased(), !group.isEmpty,
            let limit = headers.first(name: "X-Rate-Limit-Limit").flatMap(Int.init),
            let remaining = headers.first(name: "X-Rate-Limit-Remaining").flatMap(Int.init),
            let window = headers.first(name: "X-Rate-Limit-Window").flatMap(TimeInterval.init)
        else { return }
        self.groupOfOperation[operation] = group
        let now = self.now()
        var budget = self.budgets[group] ?? Budget(limit: limit, remaining: remaining, window: window)
        budget.limit = limit
        budget.window = window
        // Requests still in flight were counted when admitted; the server's count is the truth.
        budget.remaining = max(0, remaining)
        if budget.remaining == 0 {
            // The server does not say when its window began: assume a whole window from now.
            budget.refillsAt = now.addingTimeInterval(window)
        } else {
            budget.refillsAt = nil
        }
        self.budgets[group] = budget
    }

    /// The budget last seen for `group` (lowercased), for tests and diagnostics.
    func budget(of group: String) -> Budget? {
        self.budgets[group.lowercased()]
    }
}
