import Foundation
import ScribeApp
import ScribeCore
import ScribeStore
import Testing

/// People's requests on the ledger alone, as the command line makes them with no workers running.
@Suite("CallRequests")
struct CallRequestsTests {
    static let now = Date(timeIntervalSince1970: 1_800_000_000)

    /// A ledger with one claimed log, `log-1`, for call `s-1`, put in `state`.
    static func ledger(state: CallLogState, crmRecord: CRMRecordID? = nil) async throws -> SQLiteLedgerStore {
        let store = try await CoverageReportTests.ledger([(Self.now.addingTimeInterval(-600), state)])
        var log = try #require(try await store.callLog("log-0"))
        log.crmRecordID = crmRecord
        try await store.saveCallLog(log)
        return store
    }

    @Test("retry records the request and revives the dead-lettered job, due at once")
    func retryQueues() async throws {
        let store = try await Self.ledger(state: .failed(reason: "hubspot.createCall failed (HTTP 500): boom", retryAt: nil))
        // The writer gave up on the log: its job is dead-lettered and nothing is due.
        let job = try #require(try await store.claimJobs(limit: 10, now: Self.now, leaseUntil: Self.now.addingTimeInterval(30)).first)
        try await store.failJob(job, log: try #require(try await store.callLog("log-0")), error: "boom", runAt: nil)
        #expect(try await store.nextJobDue() == nil)

        let log = try await CallRequests(store: store, settings: SettingsBook(server: LoggingSettings(mode: .incremental), people: nil), now: { Self.now }).retry("log-0", by: .console)
        #expect(log.request?.requestedAt == Self.now)
        #expect(log.hasOpenRequest)
        #expect(try await store.deadJobs().isEmpty)
        #expect(try await store.nextJobDue() == Self.now)
        #expect(try await store.claimJobs(limit: 10, now: Self.now, leaseUntil: Self.now.addingTimeInterval(30)).map(\.callLogID) == ["log-0"])
    }

    @Test("an unknown id, a logged call's retry and an edit in all-at-once mode are refused with the reason")
    func refusals() async throws {
        let store = try await Self.ledger(state: .logged, crmRecord: "hs-1")
        let incremental = CallRequests(store: store, settings: SettingsBook(server: LoggingSettings(mode: .incremental), people: nil), now: { Self.now })
        await #expect(throws: PeopleError.logNotFound("log-404")) { try await incremental.retry("log-404", by: .console) }
        await #expect(throws: PeopleError.conflict("this call is already logged")) { try await incremental.retry("log-0", by: .console) }
        let allAtOnce = CallRequests(store: store, settings: SettingsBook(server: LoggingSettings(mode: .allAtOnce), people: nil), now: { Self.now })
        await #expect(throws: PeopleError.self) { try await allAtOnce.logManually("log-0", ManualLog(notes: "late notes"), by: .console) }
        await #expect(throws: PeopleError.invalidField("newContactName", "give either contactId or newContactName, not both")) {
            try await incremental.logManually("log-0", ManualLog(contactId: "c-1", newContactName: "Jane"), by: .console)
        }
        #expect(try await store.callLog("log-0")?.request == nil)
    }

    @Test("a manual log stores the notes and the contact choice for the writer")
    func manualLog() async throws {
        let store = try await Self.ledger(state: .skipped(.unknownContact))
        let log = try await CallRequests(store: store, settings: SettingsBook(server: LoggingSettings(mode: .incremental), people: nil), now: { Self.now })
            .logManually("log-0", ManualLog(notes: "Asked for a quote", newContactName: "Walk-in Customer"), by: .console)
        #expect(log.request?.contact == .create(name: "Walk-in Customer"))
        let content = try await store.content(session: "s-0", extension: "ext-1")
        #expect(content.notes?.text == "Asked for a quote")
    }

    @Test("a contact chosen by name keeps the name the person saw; a name without its contact id, or over two lines, is refused naming contactName")
    func contactChosenByName() async throws {
        let store = try await Self.ledger(state: .skipped(.unknownContact))
        let requests = CallRequests(store: store, settings: SettingsBook(server: LoggingSettings(mode: .incremental), people: nil), now: { Self.now })
        await #expect(throws: PeopleError.invalidField("contactName", "names the contact in contactId; give contactId too")) {
            try await requests.logManually("log-0", ManualLog(contactName: "Ada Lovelace"), by: .console)
        }
        await #expect(throws: PeopleError.invalidField("contactName", "must be one line of at most 200 characters")) {
            try await requests.logManually("log-0", ManualLog(contactId: "c-7", contactName: "Ada\nLovelace"), by: .console)
        }
        #expect(try await store.callLog("log-0")?.request == nil, "nothing stored for a refused request")

        let log = try await requests.logManually("log-0", ManualLog(contactId: "c-7", contactName: "  Ada Lovelace "), by: .console)
        #expect(log.request?.contact == .existing("c-7"))
        #expect(log.request?.contactName == "Ada Lovelace")
        let retried = try await requests.retry("log-0", by: .console)
        #expect(retried.request?.contactName == "Ada Lovelace", "a retry keeps the person's choice")
        let again = try await requests.logManually("log-0", ManualLog(notes: "Called back"), by: .console)
        #expect(again.request?.contact == .existing("c-7"))
        #expect(again.request?.contactName == "Ada Lovelace", "a later request without a contact keeps the contact and its name")
    }
}
