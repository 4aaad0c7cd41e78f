import Foundation
@testable import ScribeApp
import ScribeCore
import ScribeStore
import ScribeTestSupport
import Synchronization
import Testing

/// Under a backlog, creates share batch requests; every per-log guarantee of the writer still holds.
@Suite("CallLogWriter batches creates under a backlog")
struct CallLogWriterBatchTests {
    static let numbers = ["+14155550101", "+14155550102", "+14155550103", "+14155550104", "+14155550105"]
    static let jane = Contact(id: "c-1", name: "Jane Doe")

    /// Failures for the next batch requests as a whole, in order.
    final class WholeFailures: Sendable {
        private let queue: Mutex<[ConnectorError]>
        init(_ errors: [ConnectorError]) { self.queue = Mutex(errors) }
        func next() -> ConnectorError? { self.queue.withLock { $0.isEmpty ? nil : $0.removeFirst() } }
    }

    /// A connector over `book` with a batch create of `limit`; `refuse` names the markers the CRM refuses
    /// as invalid inputs (a 207's errors), `whole` fails the next batch requests as a whole.
    static func connector(
        _ book: RecordBook, limit: Int = 100, refuse: Set<String> = [], whole: WholeFailures? = nil, answerLost: Bool = false
    ) -> StrictCRMConnector {
        StrictCRMConnector(
            findContacts: { phone in book.findContacts(phone) },
            createCallRecord: { entry throws(ConnectorError) in try book.createCallRecord(entry) },
            findCallRecord: { marker in book.findCallRecord(marker: marker) },
            // A record adopted after a crash is read back, to bring it up to date.
            readCallRecord: { id throws(ConnectorError) in try book.readCallRecord(id) },
            createCallRecords: { entries throws(ConnectorError) in
                if let error = whole?.next() { throw error }
                let outcomes = entries.map { entry -> Result<CRMRecordID, ConnectorError> in
                    if refuse.contains(entry.marker.rawValue) {
                        return .failure(ConnectorError(.validationFailed(field: "hs_call_title"), operation: "hubspot.batchCreateCalls", message: "bad input"))
                    }
                    return Result { () throws(ConnectorError) in try book.createCallRecord(entry) }
                }
                if answerLost { throw ConnectorError(.transient, operation: "hubspot.batchCreateCalls", message: "timed out") }
                return outcomes
            },
            batchCreateLimit: limit
        )
    }

    static func batches(_ connector: StrictCRMConnector) -> [[String]] {
        connector.calls.filter { $0.hasPrefix("createCallRecords(") }.map {
            String($0.dropFirst("createCallRecords(".count).dropLast()).split(separator: ",").map(String.init)
        }
    }

    @Test("250 queued logs become 3 batch requests; every log is logged with its own record, carrying its marker")
    func backlogBecomesBatches() async throws {
        let harness = try await BacklogHarness(calls: 250, numbers: Self.numbers)
        let book = RecordBook(contacts: [Self.jane])
        let connector = Self.connector(book)

        let rounds = try await harness.drain(harness.writer(connector))

        #expect(rounds == [100, 100, 50])
        #expect(Self.batches(connector).map(\.count) == [100, 100, 50])
        #expect(!connector.calls.contains { $0.hasPrefix("createCallRecord(") })
        // Five numbers, five searches, however many logs asked at once.
        #expect(connector.calls.filter { $0.hasPrefix("findContacts(") }.count == 5)
        #expect(connector.unplannedCalls.isEmpty)
        let logs = try await harness.logs()
        #expect(logs.count == 250)
        #expect(book.records.count == 250)
        let markers = Dictionary(uniqueKeysWithValues: book.creates.map { ($0.marker, $0) })
        for log in logs.values {
            #expect(log.state == .logged)
            let record = try #require(log.crmRecordID)
            #expect(book.findCallRecord(marker: log.id) == record)
            #expect(markers[log.id]?.sessionID == log.key.sessionID)
            #expect(log.timeline.contains { $0.message.contains("one request created 100 records") || $0.message.contains("one request created 50 records") })
        }
        #expect(Set(logs.values.compactMap(\.crmRecordID)).count == 250)
    }

    @Test("one log due alone is created at once with the single create, not a batch")
    func aloneIsSingle() async throws {
        let harness = try await BacklogHarness(calls: 1, numbers: Self.numbers)
        let book = RecordBook(contacts: [Self.jane])
        let connector = Self.connector(book)

        try await harness.drain(harness.writer(connector))

        #expect(connector.calls == ["findContacts(+14155550101)", "createCallRecord(log-1)"])
        #expect(try await harness.logs()["log-1"]?.state == .logged)
    }

    @Test("a CRM without batch create gets one create per log, even under a backlog")
    func noBatchCapability() async throws {
        let harness = try await BacklogHarness(calls: 12, numbers: Self.numbers)
        let book = RecordBook(contacts: [Self.jane])
        let connector = book.connector()
        #expect(connector.capabilities.batchCreateLimit == 1)

        try await harness.drain(harness.writer(connector), limit: 16)

        #expect(connector.calls.filter { $0.hasPrefix("createCallRecord(") }.count == 12)
        #expect(connector.unplannedCalls.isEmpty)
        #expect(try await harness.logs().values.allSatisfy { $0.state == .logged })
    }

    @Test("a batch's refused inputs fail alone, not retried; the other logs of the batch are logged")
    func partialFailure() async throws {
        let harness = try await BacklogHarness(calls: 10, numbers: Self.numbers)
        let book = RecordBook(contacts: [Self.jane])
        let connector = Self.connector(book, refuse: ["log-3", "log-7"])

        try await harness.drain(harness.writer(connector))

        #expect(Self.batches(connector).count == 1)
        let logs = try await harness.logs()
        for (id, log) in logs {
            if id == "log-3" || id == "log-7" {
                #expect(log.state == .failed(reason: "hubspot.batchCreateCalls failed: bad input", retryAt: nil))
                #expect(log.crmRecordID == nil)
            } else {
                #expect(log.state == .logged)
            }
        }
        #expect(book.records.count == 8)
        #expect(try await harness.sqlite.deadJobs().map(\.callLogID).sorted() == ["log-3", "log-7"])
    }

    @Test("a rate-limited batch fails every log for later without spending an attempt; the retry batches again")
    func rateLimitedBatch() async throws {
        let harness = try await BacklogHarness(calls: 30, numbers: Self.numbers)
        let book = RecordBook(contacts: [Self.jane])
        let whole = WholeFailures([ConnectorError(.rateLimited(retryAfter: 10), operation: "hubspot.batchCreateCalls", status: 429, message: "slow down")])
        let connector = Self.connector(book, whole: whole)
        let writer = harness.writer(connector)

        try await harness.drain(writer)
        let failed = try await harness.logs().values
        #expect(failed.allSatisfy { if case .failed(_, let retryAt?) = $0.state { retryAt > harness.clock.now } else { false } })
        #expect(book.records.isEmpty)

        harness.clock.set(harness.clock.now.addingTimeInterval(60))
        let jobs = try await harness.sqlite.claimJobs(limit: 100, now: harness.clock.now, leaseUntil: harness.clock.now.addingTimeInterval(30))
        // Turned away unjudged: the attempt was given back, so this is the first counted one.
        #expect(jobs.count == 30)
        #expect(jobs.allSatisfy { $0.attempts == 1 })
        await LogWorker.run(jobs, writer: writer, logger: harness.logger)

        #expect(Self.batches(connector).map(\.count) == [30, 30])
        #expect(try await harness.logs().values.allSatisfy { $0.state == .logged })
        #expect(book.records.count == 30)
    }

    @Test("a batch refused as a whole for a bad value is retried entry by entry, so only the bad entry fails")
    func wholeBatchRefusal() async throws {
        let harness = try await BacklogHarness(calls: 4, numbers: Self.numbers)
        let book = RecordBook(contacts: [Self.jane])
        let whole = WholeFailures([ConnectorError(.validationFailed(field: "hs_call_title"), operation: "hubspot.batchCreateCalls", status: 400, message: "bad")])
        book.failNextCreate(.refuse(ConnectorError(.validationFailed(field: "hs_call_title"), operation: "hubspot.createCall", status: 400, message: "bad")))
        let connector = Self.connector(book, whole: whole)

        try await harness.drain(harness.writer(connector))

        #expect(Self.batches(connector).count == 1)
        #expect(connector.calls.filter { $0.hasPrefix("createCallRecord(") }.count == 4)
        let states = try await harness.logs().values.map(\.state)
        #expect(states.filter { $0 == .logged }.count == 3)
        #expect(book.records.count == 3)
    }

    @Test("a crash between the batch request and the ledger's commit: the retry finds each record by its marker; no duplicates")
    func crashAfterBatch() async throws {
        let harness = try await BacklogHarness(calls: 20, numbers: Self.numbers) { FaultyLedgerStore($0, fault: .everyJobCompletion) }
        let faulty = try #require(harness.store as? FaultyLedgerStore)
        let book = RecordBook(contacts: [Self.jane])
        let connector = Self.connector(book)
        let writer = harness.writer(connector)

        // The batch reaches the CRM; then every commit fails: the process "died" before the ledger heard.
        let jobs = try await harness.sqlite.claimJobs(limit: 100, now: harness.clock.now, leaseUntil: harness.clock.now.addingTimeInterval(30))
        await LogWorker.run(jobs, writer: writer, logger: harness.logger)
        #expect(book.records.count == 20)
        #expect(try await harness.logs().values.allSatisfy { $0.state == .creating && $0.crmRecordID == nil })

        // The leases lapse; a healthy worker takes the jobs up again.
        faulty.heal()
        harness.clock.set(harness.clock.now.addingTimeInterval(60))
        try await harness.drain(writer)

        #expect(Self.batches(connector).count == 1)
        #expect(book.records.count == 20)
        #expect(book.creates.count == 20)
        #expect(connector.calls.filter { $0.hasPrefix("findCallRecord(") }.count == 20)
        for log in try await harness.logs().values {
            #expect(log.state == .logged)
            #expect(log.crmRecordID == book.findCallRecord(marker: log.id))
        }
    }

    @Test("a batch whose answer was lost: every log retries, finds its record by marker, nothing is created twice")
    func answerLost() async throws {
        let harness = try await BacklogHarness(calls: 6, numbers: Self.numbers)
        let book = RecordBook(contacts: [Self.jane])
        let connector = Self.connector(book, answerLost: true)
        let writer = harness.writer(connector)

        try await harness.drain(writer)
        #expect(book.records.count == 6)
        let retryAt = try #require(try await harness.logs().values.compactMap { if case .failed(_, let at?) = $0.state { at } else { nil } }.max())

        harness.clock.set(retryAt)
        try await harness.drain(writer)

        #expect(Self.batches(connector).count == 1)
        #expect(book.creates.count == 6)
        #expect(try await harness.logs().values.allSatisfy { $0.state == .logged })
    }
}
