import Foundation
import ScribeConnectors
import ScribeCore
import ScribeSandbox
import Testing

@Suite("PipedriveConnector deals", .sharedHTTPClient)
struct PipedriveConnectorDealTests {
    static let contact = Contact(id: "1001", name: "First Customer")

    @Test("lists a person's open deals (status=open); won ones are left out")
    func listsOpenDeals() async throws {
        try await PipedriveHarness.run { harness in
            let records = try await harness.connector().relatedRecords(of: "1001")
            #expect(records == [
                RelatedRecord(id: "701", kind: "deal", name: "Annual renewal"),
                RelatedRecord(id: "702", kind: "deal", name: "Upgrade to Premium"),
            ])
            let found1 = try await harness.connector().relatedRecords(of: "1002")
            #expect(found1.map(\.id) == ["704"])
            let found2 = try await harness.connector().relatedRecords(of: "1010")
            #expect(found2.isEmpty)
            #expect(harness.sandbox.requestCount(for: "deals.list") == 3)
        }
    }

    @Test("the activity is created with the chosen deal's deal_id")
    func createsWithDeal() async throws {
        try await PipedriveHarness.run { harness in
            var entry = CallLogEntry.fixture(contact: Self.contact)
            entry.relatedRecord = RelatedRecord(id: "702", kind: "deal", name: "Upgrade to Premium")
            _ = try await harness.connector().createCallRecord(entry)
            let activity = try #require(harness.sandbox.activities.first)
            #expect(activity.dealID == 702)
            #expect(activity.sentFields.contains("deal_id"))
            #expect(activity.personID == 1001)
        }
    }

    @Test("an unknown deal is Pipedrive's validation failure naming deal_id, and nothing is created")
    func unknownDealRefused() async throws {
        try await PipedriveHarness.run { harness in
            var entry = CallLogEntry.fixture(contact: Self.contact)
            entry.relatedRecord = RelatedRecord(id: "999", kind: "deal", name: "")
            let error = await expectConnectorError { _ = try await harness.connector().createCallRecord(entry) }
            #expect(error?.status == 400)
            #expect(error?.message.contains("deal_id") == true)
            #expect(harness.sandbox.activities.isEmpty)
        }
    }
}
