import Foundation
import ScribeApp
import ScribeCore
import ScribeDemo
import ScribeSandbox
import Testing

/// The whole slice over real loopback HTTP into CRMs that Callscribe has no code for: sandbox phone
/// system → webhook → ledger → the declarative connector reading a shipped connector file → the
/// vendor's sandbox. Nothing in Callscribe knows these vendors but their files.
@Suite("Calls are logged end to end into CRMs described by connector files alone")
struct ConnectorFileEndToEndTests {
    @Test(
        "each call from a known person becomes exactly one record on that person, carrying its marker; strangers stay unlogged",
        arguments: SandboxConnectorFile.Vendor.allCases
    )
    func logsEachCallOnce(_ vendor: SandboxConnectorFile.Vendor) async throws {
        try await StackHarness.withStack(crm: try #require(SandboxStackCRM.Vendor(rawValue: vendor.rawValue))) { stack in
            let file = try #require(stack.sandboxCRM.connectorFile)
            #expect(file.vendor == vendor)
            let connection = try #require(try await stack.callscribe.store.connections().first)
            #expect(connection.kind == "file:\(vendor.rawValue)")

            // Few calls, and time: each file's own request budget is respected (Clio allows 50 requests a
            // minute), and a CRM that matches numbers exactly costs a search per stored format.
            let batch = try await EndedCallBatch.log(10, stack: stack, timeout: .seconds(60))
            try batch.expectShapeAndStrangersUnlogged()
            let records = file.loggedRecords
            #expect(records.count == batch.known.count, "one record per known call, no duplicates")
            for call in batch.known {
                let log = try batch.log(of: call)
                #expect(log.state == .logged)
                let contact = try #require(log.contact)
                let record = try #require(records[log.crmRecordID?.rawValue ?? ""], "no record \(log.crmRecordID?.rawValue ?? "-") for \(log.id.rawValue)")
                #expect(record.contactID == contact.id.rawValue, "the record is on the contact the log names")
                #expect(record.text.contains(log.id.rawValue), "the record carries its log's marker")
                #expect(record.text.contains(contact.name))
                #expect(file.contactNumbers(contact.id.rawValue).contains(call.customerNumber), "the contact has the caller's number")
            }
        }
    }

    @Test("an expired access token is refreshed through the file's OAuth2 settings and the call still lands", arguments: [SandboxConnectorFile.Vendor.clio, .zohoCRM])
    func refreshesExpiredTokens(_ vendor: SandboxConnectorFile.Vendor) async throws {
        try await StackHarness.withStack(crm: try #require(SandboxStackCRM.Vendor(rawValue: vendor.rawValue))) { stack in
            let file = try #require(stack.sandboxCRM.connectorFile)
            let oauth = try #require(file.clio?.oauth ?? file.zoho?.oauth)
            let first = try await EndedCallBatch.log(6, stack: stack, seed: 3)
            let loggedBefore = first.known.count
            #expect(loggedBefore > 0)
            #expect(oauth.refreshCount == 0)

            oauth.expireAccessTokens()
            let calls = StackHarness.endedCalls(6, first: 100, stack: stack, seed: 4)
            for call in calls { try stack.phone.place(call) }
            for call in calls { await stack.phone.deliver(call, realTime: false) }
            let counts = try await StackHarness.settledCounts(stack, expected: 12)
            #expect(counts["failed", default: 0] == 0)
            #expect(oauth.refreshCount == 1, "one refresh, shared by every write after the expiry")
            #expect(file.loggedRecords.count == counts["logged", default: 0])
            #expect(file.loggedRecords.count > loggedBefore)
        }
    }
}

/// A call record in a connector-file CRM's sandbox, reduced to what every vendor has.
struct FileCRMRecord {
    /// The contact (or lead) the record is on, as Callscribe names it.
    var contactID: String
    /// Every text the record holds: subject, body, marker.
    var text: String
}

extension SandboxConnectorFile {
    /// The call records the sandbox holds, by id.
    var loggedRecords: [String: FileCRMRecord] {
        var records: [String: FileCRMRecord] = [:]
        if let clio = self.clio {
            for communication in clio.communications {
                let contact = (communication.senders + communication.receivers).first { $0.type == "Contact" }
                records[String(communication.id)] = FileCRMRecord(
                    contactID: contact.map { String($0.id) } ?? "", text: communication.subject + "\n" + communication.body
                )
            }
        } else if let insightly = self.insightly {
            for event in insightly.events {
                let link = insightly.links(of: "Event", id: event.id).first { ["contact", "lead"].contains($0.linkObjectName.lowercased()) }
                let contactID = link.map { $0.linkObjectName.lowercased() == "lead" ? "lead-\($0.linkObjectID)" : String($0.linkObjectID) }
                records[String(event.id)] = FileCRMRecord(
                    contactID: contactID ?? "", text: [event.title, event.details ?? "", event.location ?? ""].joined(separator: "\n")
                )
            }
        } else if let zoho = self.zoho {
            for call in zoho.records("Calls") {
                let text = ["Subject", "Description", "Call_Agenda"].compactMap { call.text($0) }.joined(separator: "\n")
                records[call.id] = FileCRMRecord(contactID: call.lookupID("Who_Id") ?? "", text: text)
            }
        } else if let odoo = self.odoo {
            for message in odoo.records("mail.message") where message.text("model") == "res.partner" && message.text("message_type") == "comment" {
                let text = [message.text("subject") ?? "", message.text("body") ?? ""].joined(separator: "\n")
                records[String(message.id)] = FileCRMRecord(contactID: message.integer("res_id").map(String.init) ?? "", text: text)
            }
        }
        return records
    }

    /// The numbers the sandbox holds for the contact or lead with Callscribe's id `id`, in E.164.
    func contactNumbers(_ id: String) -> [String] {
        let stored: [String]
        if let clio = self.clio {
            stored = clio.contacts.first { String($0.id) == id }?.phoneNumbers.map(\.number) ?? []
        } else if let insightly = self.insightly {
            let people = id.hasPrefix("lead-") ? insightly.leads : insightly.contacts
            let person = people.first { String($0.id) == id.replacingOccurrences(of: "lead-", with: "") }
            stored = person.map { [$0.phone, $0.mobile].compactMap { $0 } } ?? []
        } else if let zoho = self.zoho {
            let record = zoho.record("Contacts", id: id) ?? zoho.record("Leads", id: id)
            stored = ["Phone", "Mobile"].compactMap { record?.text($0) }
        } else if let odoo = self.odoo {
            let partner = Int(id).flatMap { odoo.record("res.partner", id: $0) }
            stored = ["phone", "mobile"].compactMap { partner?.text($0) }
        } else {
            stored = []
        }
        return stored.compactMap { PhoneNumber(parsing: $0)?.e164 }
    }
}
