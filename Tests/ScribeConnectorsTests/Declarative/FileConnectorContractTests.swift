import Foundation
import ScribeConnectors
import ScribeCore
import ScribeSandbox
import Testing

/// What every shipped connector file must do against its vendor's sandbox: the same contract the
/// connectors in code keep.
@Suite("Connector files: contract", .sharedHTTPClient)
struct FileConnectorContractTests {
    /// Customers 0 to 6 of the sandbox company: numbers stored as +14155550123, (415) 555-0123,
    /// 415-555-0123, 415.555.0123, +1 415 555 0123, 1-415-555-0123 and 4155550123.
    static let storedStyles = 0..<7

    static func failure(_ body: () async throws -> Void) async throws -> ConnectorError {
        try #require(await expectConnectorError(body))
    }

    @Test("finds contacts whose numbers are stored in any of seven formats", arguments: FileCRM.allCases)
    func sevenStoredFormats(_ crm: FileCRM) async throws {
        try await FileConnectorHarness.run(crm) { harness in
            for index in Self.storedStyles {
                let customer = FileConnectorHarness.company.customers[index]
                let number = try #require(PhoneNumber(parsing: customer.phoneNumber))
                let contacts = try await harness.connector.findContacts(matching: number)
                #expect(contacts.contains { $0.name.contains(customer.lastName) }, "\(crm): \(customer.storedPhone) not found by \(number.e164)")
            }
        }
    }

    @Test("leads are found as leads where the CRM has them", arguments: [FileCRM.insightly, .zohoCRM])
    func leads(_ crm: FileCRM) async throws {
        try await FileConnectorHarness.run(crm) { harness in
            // Insightly's sandbox seeds a lead at (737) 555-0191; Zoho's leads are the company's first strangers.
            let text = crm == .insightly ? "+17375550191" : FileConnectorHarness.company.strangers[0]
            let found = try await harness.connector.findContacts(matching: try #require(PhoneNumber(parsing: text)))
            #expect(!found.isEmpty)
            #expect(found.allSatisfy { $0.kind == .lead })
        }
    }

    @Test("a number nobody has finds no one", arguments: FileCRM.allCases)
    func stranger(_ crm: FileCRM) async throws {
        try await FileConnectorHarness.run(crm) { harness in
            let stranger = try #require(PhoneNumber(parsing: "+19995550123"))
            #expect(try await harness.connector.findContacts(matching: stranger).isEmpty)
        }
    }

    @Test("a call record is created, read back as written, updated, and found by its marker", arguments: FileCRM.allCases)
    func callRecordLifecycle(_ crm: FileCRM) async throws {
        try await FileConnectorHarness.run(crm) { harness in
            let number = try #require(PhoneNumber(parsing: FileConnectorHarness.company.customers[1].phoneNumber))
            let contact = try #require(try await harness.connector.findContacts(matching: number).first)
            var entry = harness.entry(on: contact)
            let id = try await harness.connector.createCallRecord(entry)
            #expect(try await harness.connector.readCallRecord(id) == entry.snapshot)

            entry.body = harness.connector.bodyFormat.render([RecordSection("Notes", "Updated: they will renew in May")])
            try await harness.connector.updateCallRecord(id, with: entry)
            #expect(try await harness.connector.readCallRecord(id) == entry.snapshot)
            #expect(try await harness.connector.findCallRecord(marker: entry.marker) == id)
            #expect(try await harness.connector.findCallRecord(marker: CallLogID("never-written")) == nil)
        }
    }

    @Test("a call is attached to a related record the contact has", arguments: FileCRM.allCases)
    func relatedRecord(_ crm: FileCRM) async throws {
        try await FileConnectorHarness.run(crm) { harness in
            var found: (Contact, RelatedRecord)?
            for customer in FileConnectorHarness.company.customers.prefix(12) where found == nil {
                let number = try #require(PhoneNumber(parsing: customer.phoneNumber))
                guard let contact = try await harness.connector.findContacts(matching: number).first else { continue }
                if let record = try await harness.connector.relatedRecords(of: contact.id).first { found = (contact, record) }
            }
            let (contact, record) = try #require(found, "\(crm): no contact with a related record among the first customers")
            let id = try await harness.connector.createCallRecord(harness.entry(on: contact, related: record))
            #expect(!id.rawValue.isEmpty)
        }
    }

    @Test("a contact is created for an unknown caller and found by the number afterwards", arguments: FileCRM.allCases)
    func createContact(_ crm: FileCRM) async throws {
        try await FileConnectorHarness.run(crm) { harness in
            let number = try #require(PhoneNumber(parsing: "+14155559876"))
            let created = try await harness.connector.createContact(named: "Dana Newcaller", phone: number)
            let found = try await harness.connector.findContacts(matching: number)
            #expect(found.map(\.id) == [created.id])
        }
    }

    @Test("429 with Retry-After is rate limiting with that wait", arguments: FileCRM.allCases)
    func rateLimited(_ crm: FileCRM) async throws {
        try await FileConnectorHarness.run(crm) { harness in
            harness.failNextRateLimited(retryAfter: 7)
            let number = try #require(PhoneNumber(parsing: FileConnectorHarness.company.customers[0].phoneNumber))
            let error = try await Self.failure { _ = try await harness.connector.findContacts(matching: number) }
            #expect(error.kind == .rateLimited(retryAfter: 7))
            #expect(error.isRetryable)
        }
    }

    @Test("a deleted record is not found: read and update say so", arguments: FileCRM.allCases)
    func deletedRecord(_ crm: FileCRM) async throws {
        try await FileConnectorHarness.run(crm) { harness in
            let number = try #require(PhoneNumber(parsing: FileConnectorHarness.company.customers[0].phoneNumber))
            let contact = try #require(try await harness.connector.findContacts(matching: number).first)
            let entry = harness.entry(on: contact)
            let id = try await harness.connector.createCallRecord(entry)
            #expect(harness.deleteRecord(id))
            let read = try await Self.failure { _ = try await harness.connector.readCallRecord(id) }
            #expect(read.kind == .notFound)
            if crm != .zohoCRM {
                // Zoho answers an update of a deleted record as invalid data on its id.
                let update = try await Self.failure { try await harness.connector.updateCallRecord(id, with: entry) }
                #expect(update.kind == .notFound)
            }
        }
    }

    @Test("a refused value is a validation failure that is not retried", arguments: FileCRM.allCases)
    func validation(_ crm: FileCRM) async throws {
        try await FileConnectorHarness.run(crm) { harness in
            let number = try #require(PhoneNumber(parsing: FileConnectorHarness.company.customers[0].phoneNumber))
            let contact = try #require(try await harness.connector.findContacts(matching: number).first)
            harness.failNextValidation(field: "subject")
            let error = try await Self.failure { _ = try await harness.connector.createCallRecord(harness.entry(on: contact)) }
            guard case .validationFailed = error.kind else {
                Issue.record("\(crm): \(error)")
                return
            }
            #expect(!error.isRetryable)
        }
    }

    @Test("an expired token is refreshed once and the request retried; a fixed key is reported", arguments: FileCRM.allCases)
    func expiredToken(_ crm: FileCRM) async throws {
        try await FileConnectorHarness.run(crm) { harness in
            let number = try #require(PhoneNumber(parsing: FileConnectorHarness.company.customers[0].phoneNumber))
            harness.failNextExpiredToken()
            if crm.refreshes {
                let contacts = try await harness.connector.findContacts(matching: number)
                #expect(!contacts.isEmpty)
            } else {
                let error = try await Self.failure { _ = try await harness.connector.findContacts(matching: number) }
                #expect(error.kind == .authExpired)
            }
        }
    }
}
