import Foundation
import ScribeConnectors
import ScribeCore
import ScribeSandbox
import Testing

@Suite("HubSpotConnector deals", .sharedHTTPClient)
struct HubSpotConnectorDealTests {
    static let contact = Contact(id: "1001", name: "First Customer")

    @Test("lists a contact's open deals by name through the v4 associations and one batch read; closed ones are left out")
    func listsOpenDeals() async throws {
        try await HubSpotHarness.run { harness in
            let records = try await harness.connector().relatedRecords(of: "1001")
            #expect(records == [
                RelatedRecord(id: "9000000001", kind: "deal", name: "Annual renewal"),
                RelatedRecord(id: "9000000002", kind: "deal", name: "Upgrade to Premium"),
            ])
            #expect(harness.sandbox.requestCount(for: "associations.list") == 1)
            #expect(harness.sandbox.requestCount(for: "deals.batchRead") == 1)
            let found1 = try await harness.connector().relatedRecords(of: "1002")
            #expect(found1.map(\.id) == ["9000000004"])
        }
    }

    @Test("a contact with no deals costs one request and lists none")
    func noDeals() async throws {
        try await HubSpotHarness.run { harness in
            let found2 = try await harness.connector().relatedRecords(of: "1010")
            #expect(found2.isEmpty)
            #expect(harness.sandbox.requestCount(for: "deals.batchRead") == 0)
        }
    }

    @Test("the call is created associated with the contact (194) and the chosen deal (206)")
    func createsWithDeal() async throws {
        try await HubSpotHarness.run { harness in
            var entry = CallLogEntry.fixture(contact: Self.contact)
            entry.relatedRecord = RelatedRecord(id: "9000000002", kind: "deal", name: "Upgrade to Premium")
            _ = try await harness.connector().createCallRecord(entry)
            let call = try #require(harness.sandbox.calls.first)
            #expect(call.contactIDs == ["1001"])
            #expect(call.dealIDs == ["9000000002"])
        }
    }

    @Test("an unknown deal is HubSpot's 400 for an invalid association, and nothing is created")
    func unknownDealRefused() async throws {
        try await HubSpotHarness.run { harness in
            var entry = CallLogEntry.fixture(contact: Self.contact)
            entry.relatedRecord = RelatedRecord(id: "123", kind: "deal", name: "")
            let error = await expectConnectorError { _ = try await harness.connector().createCallRecord(entry) }
            #expect(error?.status == 400)
            #expect(error?.message.contains("no deal with id 123") == true)
            #expect(harness.sandbox.calls.isEmpty)
        }
    }
}
