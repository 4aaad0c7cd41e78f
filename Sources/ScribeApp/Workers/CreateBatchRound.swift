import ScribeCore
import Synchronization

/// The jobs the log worker leased together, gathering their CRM creates into batch requests.
///
/// Why this shape: every job still runs the whole ``CallLogWriter`` path on its own (policy, contact,
/// composition, the `creating` claim committed to the ledger, the marker on the record, its own
/// success or failure), and only the create request itself is shared. A job that reaches its create
/// hands the entry to the round and waits; once every member has either handed in an entry or
/// ``leave(_:)``-ed (finished without a create), the entries are sent, per connection, in requests of
/// up to the CRM's ``ConnectorCapabilities/batchCreateLimit``, and each job gets its own outcome back.
/// No timer is involved: a round of one job (no backlog) sends its create at once, alone, with the
/// single-record request, exactly as before; a backlog (many jobs due at once) fills whole batches.
///
/// Crash safety is the writer's, unchanged: each log is saved as `creating` with `createAttempted`
/// before its entry is handed in, so a crash between the batch request and the ledger's commit is
/// repaired by the next attempt finding the record by its marker.
final class CreateBatchRound: Sendable {
    private struct Waiting: Sendable {
        var entry: CallLogEntry
        var connection: ConnectionID
        var connector: any CRMConnector
        var reply: CheckedContinuation<Result<BatchCreated, ConnectorError>, Never>
    }

    private struct State {
        /// Members that may still hand in an entry.
        var undecided: Set<Int64>
        var waiting: [Waiting] = []
    }

    /// A record created for one entry, and how many entries its request carried.
    struct BatchCreated: Sendable {
        var id: CRMRecordID
        var requestSize: Int
    }

    private let state: Mutex<State>

    /// A round of the jobs `members` (job ids).
    init(members: some Sequence<Int64>) {
        self.state = Mutex(State(undecided: Set(members)))
    }

    /// Creates `entry` in the round's next request for `connection`; returns when that request has answered.
    func create(_ entry: CallLogEntry, on connection: ConnectionID, connector: any CRMConnector, member: Int64) async throws(ConnectorError) -> BatchCreated {
        let result = await withCheckedContinuation { (reply: CheckedContinuation<Result<BatchCreated, ConnectorError>, Never>) in
            let ready = self.state.withLock { state -> [Waiting]? in
                state.waiting.append(Waiting(entry: entry, connection: connection, connector: connector, reply: reply))
                state.undecided.remove(member)
                return Self.takeIfDecided(&state)
            }
            if let ready { Self.send(ready) }
        }
        return try result.get()
    }

    /// `member` will hand in no entry (it finished, stopped before a create, or creates alone). Safe to repeat.
    func leave(_ member: Int64) {
        let ready = self.state.withLock { state -> [Waiting]? in
            guard state.undecided.remove(member) != nil else { return nil }
            return Self.takeIfDecided(&state)
        }
        if let ready { Self.send(ready) }
    }

    /// The entries to send once no member is undecided.
    private static func takeIfDecided(_ state: inout State) -> [Waiting]? {
        guard state.undecided.isEmpty, !state.waiting.isEmpty else { return nil }
        defer { state.waiting = [] }
        return state.waiting
    }

    /// Sends the entries, per connection and in chunks of its batch limit, each chunk as its own request.
    private static func send(_ waiting: [Waiting]) {
        let byConnection = Dictionary(grouping: waiting, by: \.connection)
        for (_, group) in byConnection {
            let limit = max(1, group[0].connector.capabilities.batchCreateLimit)
            for start in stride(from: 0, to: group.count, by: limit) {
                let chunk = Array(group[start..<min(group.count, start + limit)])
                Task {
                    let outcomes = await Self.create(chunk.map(\.entry), connector: chunk[0].connector)
                    for (waiting, outcome) in zip(chunk, outcomes) {
                        waiting.reply.resume(returning: outcome.map { BatchCreated(id: $0, requestSize: chunk.count) })
                    }
                }
            }
        }
    }

    /// One outcome per entry. One entry goes alone, as a single create. A batch the CRM refused as a whole
    /// for a reason that is not passing (a value it would not take, where the CRM judges the batch as one)
    /// is tried again entry by entry, so that one bad entry fails alone; a passing failure (rate limit,
    /// outage, expired token) fails every entry with it, to be retried later.
    static func create(_ entries: [CallLogEntry], connector: any CRMConnector) async -> [Result<CRMRecordID, ConnectorError>] {
        if entries.count == 1 { return await connector.createCallRecordsOneByOne(entries) }
        let outcomes: [Result<CRMRecordID, ConnectorError>]
        do throws(ConnectorError) {
            outcomes = try await connector.createCallRecords(entries)
        } catch {
            guard !error.isRetryable else { return entries.map { _ in .failure(error) } }
            // Refused as a whole: nothing was created, so each entry alone is safe to send.
            return await connector.createCallRecordsOneByOne(entries)
        }
        // A connector that answered for fewer entries than it was given leaves the rest unknown: retried, found by marker.
        return entries.indices.map { index in
            index < outcomes.count
                ? outcomes[index]
                : .failure(ConnectorError(.transient, operation: "batchCreate", message: "no outcome for input \(entries[index].marker)"))
        }
    }
}
