import Foundation
import ScribeCore

/// Stores webhook events with group commit: while one transaction is being written, the events that
/// arrive meanwhile gather and go in the next one together. Under load that is one write for many
/// deliveries; when idle, an event is written alone at once, with no added wait.
actor EventAppender {
    private let store: any LedgerStore
    private let now: @Sendable () -> Date
    private var pending: [(ticket: Int, event: TelephonyEvent)] = []
    private var waiters: [Int: CheckedContinuation<AppendOutcome, any Error>] = [:]
    private var nextTicket = 0
    private var writing = false

    init(store: any LedgerStore, now: @escaping @Sendable () -> Date) {
        self.store = store
        self.now = now
    }

    /// Stores `event` (once; a repeated id is a duplicate) and returns only after it is committed.
    func append(_ event: TelephonyEvent) async throws -> AppendOutcome {
        let ticket = self.nextTicket
        self.nextTicket += 1
        self.pending.append((ticket, event))
        return try await withCheckedThrowingContinuation { continuation in
            self.waiters[ticket] = continuation
            if !self.writing {
                self.writing = true
                Task { await self.writeBatches() }
            }
        }
    }

    /// Writes gathered events until none are left, answering every waiter with its own outcome.
    private func writeBatches() async {
        while !self.pending.isEmpty {
            let batch = self.pending
            self.pending = []
            let result: Result<[AppendOutcome], any Error>
            do {
                result = .success(try await self.store.appendEvents(batch.map(\.event), receivedAt: self.now()))
            } catch {
                result = .failure(error)
            }
            for (index, entry) in batch.enumerated() {
                let waiter = self.waiters.removeValue(forKey: entry.ticket)
                switch result {
                case .success(let outcomes): waiter?.resume(returning: outcomes[index])
                case .failure(let error): waiter?.resume(throwing: error)
                }
            }
        }
        self.writing = false
    }
}
