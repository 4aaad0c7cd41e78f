import Foundation
import ScribeApp
import ScribeCore
import ScribeStore
import Testing

/// A person attaches a manual log to one of the contact's open deals: the choice is checked against
/// the CRM's list when the contact is known, kept in the request for the writer, and refused once
/// the record exists with another deal.
@Suite("Manual log: related record")
struct RelatedRecordRequestTests {
    static let now = CallRequestsTests.now
    static let renewal = RelatedRecord(id: "d-1", kind: RelatedRecord.deal, name: "Annual renewal")
    static let upgrade = RelatedRecord(id: "d-2", kind: RelatedRecord.deal, name: "Upgrade")

    static func requests(_ store: SQLiteLedgerStore) -> CallRequests {
        CallRequests(store: store, settings: SettingsBook(server: LoggingSettings(mode: .incremental), people: nil), now: { Self.now })
    }

    /// Lists the two deals for contact `c-1`, none for anyone else.
    static let lister: CallRequests.RelatedRecordLister = { _, contact in contact == "c-1" ? [renewal, upgrade] : [] }

    @Test("a deal of the chosen contact is stored in the request with the name the CRM gives it")
    func storesTheChoice() async throws {
        let store = try await CallRequestsTests.ledger(state: .skipped(.unknownContact))
        let log = try await Self.requests(store).logManually("log-0", ManualLog(contactId: "c-1", relatedRecordId: " d-2 "), by: .console, relatedRecords: Self.lister)
        #expect(log.request?.relatedRecord == Self.upgrade)
        #expect(try await store.callLog("log-0")?.request?.relatedRecord == Self.upgrade)
    }

    @Test("a deal that is not one of the contact's open deals, or a deal with a new contact, is refused naming the field")
    func refusesUnknownDeals() async throws {
        let store = try await CallRequestsTests.ledger(state: .skipped(.unknownContact))
        await #expect(throws: PeopleError.invalidField("relatedRecordId", "'d-9' is not one of the contact's open deals")) {
            try await Self.requests(store).logManually("log-0", ManualLog(contactId: "c-1", relatedRecordId: "d-9"), by: .console, relatedRecords: Self.lister)
        }
        await #expect(throws: PeopleError.self) {
            try await Self.requests(store).logManually("log-0", ManualLog(newContactName: "Sam Lee", relatedRecordId: "d-1"), by: .console, relatedRecords: Self.lister)
        }
        #expect(try await store.callLog("log-0")?.request == nil)
    }

    @Test("without a way to list deals (the command line) the id is kept as given, for the CRM to check on create")
    func keptUncheckedWithoutLister() async throws {
        let store = try await CallRequestsTests.ledger(state: .skipped(.unknownContact))
        let log = try await Self.requests(store).logManually("log-0", ManualLog(contactId: "c-1", relatedRecordId: "d-7"), by: .console)
        #expect(log.request?.relatedRecord == RelatedRecord(id: "d-7", kind: "", name: ""))
    }

    @Test("a logged call's deal cannot change: another deal is a conflict naming the record; the same one, or none, is accepted")
    func conflictOnceLogged() async throws {
        let store = try await CallRequestsTests.ledger(state: .logged, crmRecord: "hs-1")
        var log = try #require(try await store.callLog("log-0"))
        log.contact = Contact(id: "c-1", name: "Jane Doe")
        try await store.saveCallLog(log)
        let earlier = Self.now.addingTimeInterval(-60)
        try await store.requestLog("log-0", PersonRequest(requestedAt: earlier, contact: .existing("c-1"), relatedRecord: Self.renewal), now: earlier)
        await #expect(throws: PeopleError.conflict("the CRM record for this call already exists; its deal cannot change")) {
            try await Self.requests(store).logManually("log-0", ManualLog(notes: "more", relatedRecordId: "d-2"), by: .console, relatedRecords: Self.lister)
        }
        let same = try await Self.requests(store).logManually("log-0", ManualLog(notes: "more", relatedRecordId: "d-1"), by: .console, relatedRecords: Self.lister)
        #expect(same.request?.relatedRecord == Self.renewal)
        let none = try await Self.requests(store).logManually("log-0", ManualLog(notes: "even more"), by: .console, relatedRecords: Self.lister)
        #expect(none.request?.relatedRecord == Self.renewal)
    }
}
