import Foundation
import ScribeCore
import ScribeStore
import Synchronization

/// Which SQLite the ledger runs on: every store test runs on both.
enum StoreKind: String, CaseIterable, Sendable, CustomStringConvertible {
    case inMemory = "in memory"
    case file = "WAL file"

    var description: String { self.rawValue }
}

/// A fresh, empty directory under the system's temporary directory, removed afterwards.
func withTemporaryDirectory<T>(_ body: (URL) async throws -> T) async throws -> T {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("callscribe-store-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    return try await body(directory)
}

/// Runs `body` against a new, empty ledger of the given kind.
func withStore<T>(_ kind: StoreKind, _ body: (SQLiteLedgerStore) async throws -> T) async throws -> T {
    switch kind {
    case .inMemory:
        return try await body(try SQLiteLedgerStore.inMemory())
    case .file:
        return try await withTemporaryDirectory { directory in
            try await body(try SQLiteLedgerStore(path: directory.appendingPathComponent("ledger.sqlite").path))
        }
    }
}

/// Deterministic ids: `log-1`, `log-2`…
final class IDSequence: Sendable {
    private let next = Mutex(0)
    private let prefix: String

    init(_ prefix: String = "log") {
        self.prefix = prefix
    }

    var makeID: @Sendable () -> String {
        { [self] in
            let number = self.next.withLock { next in
                next += 1
                return next
            }
            return "\(self.prefix)-\(number)"
        }
    }
}

enum Ledger {
    static let t0 = Date(timeIntervalSince1970: 1_800_000_000)
    static let account: AccountID = "acc-1"
    static let connection = CRMConnection(id: "conn-hubspot", accountID: "acc-1", kind: "hubspot", baseURL: "https://api.hubapi.com", sealedCredential: [0, 1, 2, 254, 255])

    static func at(_ offset: TimeInterval) -> Date { t0.addingTimeInterval(offset) }

    static func party(_ id: PartyID, _ extensionID: ExtensionID?, _ status: PartyStatusCode, reason: String? = nil) -> PartyUpdate {
        PartyUpdate(
            partyID: id, extensionID: extensionID, direction: .inbound, from: CallEndpoint(phoneNumber: "+14155550123", name: "Jane Doe"),
            to: CallEndpoint(phoneNumber: "+16505550100", extensionID: extensionID), status: status, reason: reason
        )
    }

    /// An inbound call to `extensionID`, answered after 5 s and hung up after `talkTime` more, starting at `start` seconds after t0.
    static func answeredCall(
        _ session: TelephonySessionID, extension extensionID: ExtensionID = "ext-101", account: AccountID = Ledger.account,
        start: TimeInterval = 0, talkTime: TimeInterval = 60
    ) -> [TelephonyEvent] {
        let steps: [(PartyStatusCode, TimeInterval)] = [(.setup, 0), (.proceeding, 1), (.answered, 5), (.disconnected, 5 + talkTime)]
        return steps.enumerated().map { index, step in
            TelephonyEvent(
                id: EventID("\(session)-e\(index + 1)"), accountID: account, sessionID: session, legacySessionID: "legacy-\(session)",
                sequence: Int64(index + 1), eventTime: at(start + step.1), parties: [party(PartyID("\(session)-p1"), extensionID, step.0)]
            )
        }
    }

    /// The leg of ``answeredCall(_:extension:account:start:talkTime:)`` folded without a store.
    static func endedLeg(_ session: TelephonySessionID) -> CallLeg? {
        var call = Call(sessionID: session, accountID: account)
        for event in answeredCall(session) { call.apply(event) }
        return call.endedLegs.first
    }

    /// Appends and folds one call's events, returning the log claimed for it.
    static func claimLog(_ store: SQLiteLedgerStore, session: TelephonySessionID, start: TimeInterval, ids: IDSequence) async throws -> CallLog? {
        _ = try await store.appendEvents(answeredCall(session, start: start), receivedAt: at(start + 70))
        _ = try await store.foldPendingEvents(limit: 100, now: at(start + 70), makeID: ids.makeID)
        return try await store.callLogs(CallLogQuery(limit: 1000)).first { $0.key.sessionID == session }
    }
}
