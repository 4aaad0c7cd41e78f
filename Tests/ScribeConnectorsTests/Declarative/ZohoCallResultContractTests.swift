import Foundation
import ScribeConnectors
import ScribeCore
import ScribeSandbox
import Testing

/// The shipped Zoho CRM file's dispositions (the Calls module's `Call_Result` picklist) and custom
/// field (`Call_Purpose`) against the Zoho sandbox.
@Suite("Connector files: Zoho CRM call results and purposes", .sharedHTTPClient)
struct ZohoCallResultContractTests {
    /// Runs `body` with the Zoho harness, its sandbox and a contact of the sandbox company.
    func run(_ body: (FileConnectorHarness, ZohoSandbox, Contact) async throws -> Void) async throws {
        try await FileConnectorHarness.run(.zohoCRM) { harness in
            let zoho = try #require(harness.sandbox as? ZohoSandbox)
            let number = try #require(PhoneNumber(parsing: FileConnectorHarness.company.customers[0].phoneNumber))
            let contact = try #require(try await harness.connector.findContacts(matching: number).first)
            try await body(harness, zoho, contact)
        }
    }

    @Test("the file offers Zoho's stock call results and call purposes")
    func offered() async throws {
        try await self.run { harness, _, _ in
            let connector = harness.connector
            #expect(connector.capabilities.dispositions && connector.capabilities.customFields)
            #expect(
                try await connector.dispositions().map(\.label)
                    == ["Interested", "Not interested", "No response/Busy", "Requested more info", "Requested call back", "Invalid number"]
            )
            let purpose = try #require(try await connector.customFields().first { $0.key == "Call_Purpose" })
            #expect(purpose.kind == .choice && purpose.options.map(\.value).contains("Demo"))
        }
    }

    @Test("a chosen result and the default for a missed call land in Call_Result; an answered call gets none")
    func written() async throws {
        try await self.run { harness, zoho, contact in
            var chosen = harness.entry(on: contact)
            chosen.disposition = "requested CALL back"
            chosen.customFields = ["Call_Purpose": "Demo"]
            let chosenID = try await harness.connector.createCallRecord(chosen)
            let chosenRecord = try #require(zoho.record("Calls", id: chosenID.rawValue))
            #expect(chosenRecord.text("Call_Result") == "Requested call back")
            #expect(chosenRecord.text("Call_Purpose") == "Demo")
            #expect(chosenRecord.text("Call_Agenda") == chosen.marker.rawValue)

            var missed = harness.entry(on: contact)
            missed.result = .missed
            let missedID = try await harness.connector.createCallRecord(missed)
            #expect(zoho.record("Calls", id: missedID.rawValue)?.text("Call_Result") == "No response/Busy")

            let answeredID = try await harness.connector.createCallRecord(harness.entry(on: contact))
            #expect(zoho.record("Calls", id: answeredID.rawValue)?.text("Call_Result") == nil)
            // The marker moved to Call_Agenda: the record is still found by it.
            #expect(try await harness.connector.findCallRecord(marker: chosen.marker) == chosenID)
        }
    }

    @Test("an update writes the result only when it is to be set, so one picked in Zoho stays")
    func updated() async throws {
        try await self.run { harness, zoho, contact in
            var entry = harness.entry(on: contact)
            entry.disposition = "Interested"
            let id = try await harness.connector.createCallRecord(entry)

            entry.disposition = "Not interested"
            entry.writesDisposition = false
            entry.subject = "Renewal call"
            try await harness.connector.updateCallRecord(id, with: entry)
            #expect(zoho.record("Calls", id: id.rawValue)?.text("Call_Result") == "Interested")
            #expect(zoho.record("Calls", id: id.rawValue)?.text("Subject") == "Renewal call")

            entry.writesDisposition = true
            try await harness.connector.updateCallRecord(id, with: entry)
            #expect(zoho.record("Calls", id: id.rawValue)?.text("Call_Result") == "Not interested")
        }
    }

    @Test("a value that is not on Zoho's picklist comes back as a validation failure naming the field")
    func unknownValue() async throws {
        try await self.run { harness, zoho, contact in
            var entry = harness.entry(on: contact)
            entry.disposition = "Left a message"
            let before = zoho.records("Calls").count
            let error = try #require(await expectConnectorError { _ = try await harness.connector.createCallRecord(entry) })
            #expect(error.kind == .validationFailed(field: "Call_Result"))
            #expect(error.message.contains("INVALID_DATA"))
            #expect(!error.isRetryable)
            #expect(zoho.records("Calls").count == before)

            var purpose = harness.entry(on: contact)
            purpose.customFields = ["Call_Purpose": "Lunch"]
            let refused = try #require(await expectConnectorError { _ = try await harness.connector.createCallRecord(purpose) })
            #expect(refused.kind == .validationFailed(field: "Call_Purpose"))
        }
    }
}
