import Foundation
import NIOCore
import NIOHTTP1
import ScribeConnectors
import ScribeCore
import ScribeSandbox
import Testing

@Suite("SalesforceConnector updates and reads back call Tasks", .sharedHTTPClient)
struct SalesforceConnectorUpdateTests {
    /// The seeded contact at `index`, for entries.
    static func contact(_ harness: SalesforceHarness, _ index: Int = 0) throws -> Contact {
        let person = try #require(harness.sandbox.contacts.dropFirst(index).first)
        return Contact(id: ContactID(person.id), name: person.name)
    }

    /// A missed call created in the sandbox, and its id.
    static func created(_ harness: SalesforceHarness) async throws -> (CallLogEntry, CRMRecordID) {
        let entry = CallLogEntry.fixture(contact: try Self.contact(harness), result: .missed)
        return (entry, try await harness.connector().createCallRecord(entry))
    }

    @Test("rewrites Subject, Description, Status and CallDisposition; WhoId, ActivityDate and CallObject stay")
    func updatesOwnedFields() async throws {
        try await SalesforceHarness.run { harness in
            let (entry, id) = try await Self.created(harness)
            let before = try #require(harness.sandbox.task(id: id.rawValue))
            let revised = entry.revised(otherContact: try Self.contact(harness, 1))

            try await harness.connector().updateCallRecord(id, with: revised)

            let task = try #require(harness.sandbox.task(id: id.rawValue))
            #expect(
                task.fields == [
                    "Subject": .string("Voicemail from \(entry.contact.name)"),
                    "WhoId": .string(entry.contact.id.rawValue),
                    "ActivityDate": "2025-03-04",
                    "Status": "Completed",
                    "TaskSubtype": "Call",
                    "CallType": "Inbound",
                    "CallDurationInSeconds": 250,
                    "CallDisposition": "Voicemail",
                    "Description": .string(revised.body),
                    "CallObject": "log-0001",
                ]
            )
            #expect(before.fields["CallDisposition"] == "Missed")
            #expect(task.createdDate == before.createdDate)
            #expect(task.lastModifiedDate >= before.lastModifiedDate)
            #expect(harness.sandbox.requestCount(for: "task.update") == 1)
            #expect(harness.sandbox.tasks.count == 1)
        }
    }

    @Test("reads back exactly what was written, after the create and after an update")
    func readsBack() async throws {
        try await SalesforceHarness.run { harness in
            let connector = harness.connector()
            let (entry, id) = try await Self.created(harness)

            #expect(try await connector.readCallRecord(id) == entry.snapshot)

            let revised = entry.revised(otherContact: try Self.contact(harness, 1))
            try await connector.updateCallRecord(id, with: revised)

            let snapshot = try await connector.readCallRecord(id)
            #expect(snapshot == revised.snapshot)
            #expect(snapshot.body.hasSuffix("</p>\n"))
            #expect(harness.sandbox.requestCount(for: "task.read") == 2)
        }
    }

    @Test("a body longer than Description's maximum is cut as on create, so it reads back shorter")
    func longBody() async throws {
        try await SalesforceHarness.run { harness in
            let connector = harness.connector()
            let (entry, id) = try await Self.created(harness)
            var long = entry
            long.body = String(repeating: "a", count: 31_999) + "bcdef"

            try await connector.updateCallRecord(id, with: long)

            let snapshot = try await connector.readCallRecord(id)
            #expect(snapshot.body == String(repeating: "a", count: 31_999) + "b")
            #expect(snapshot != long.snapshot)
        }
    }

    @Test("the update is a PATCH answered 204 with no body, and a read asks only for Subject and Description")
    func wire() async throws {
        try await SalesforceHarness.run { harness in
            let (_, id) = try await Self.created(harness)

            let patched = try await harness.raw(.PATCH, "/services/data/v61.0/sobjects/Task/\(id.rawValue)", json: #"{"Subject":"Renamed"}"#)
            #expect(patched.status == 204)
            #expect(patched.body.readableBytes == 0)

            let read = try await harness.raw(.GET, "/services/data/v61.0/sobjects/Task/\(id.rawValue)?fields=Subject,Description")
            #expect(read.status == 200)
            let record = try read.salesforceObject
            #expect(Set(record.keys) == ["attributes", "Subject", "Description"])
            #expect(record["Subject"] as? String == "Renamed")
        }
    }

    @Test("reads what a person changed in Salesforce")
    func readsPersonsEdit() async throws {
        try await SalesforceHarness.run { harness in
            let (entry, id) = try await Self.created(harness)
            let edited = "Customer wants a call back on Monday."

            // A person editing the Task in Salesforce is a PATCH like any other client's.
            let patched = try await harness.raw(.PATCH, "/services/data/v61.0/sobjects/Task/\(id.rawValue)", json: #"{"Description":"\#(edited)"}"#)
            #expect(patched.status == 204)

            let snapshot = try await harness.connector().readCallRecord(id)
            #expect(snapshot == CallRecordSnapshot(subject: entry.subject, body: edited))
        }
    }

    @Test("reading or updating a Task that does not exist is notFound")
    func missingTask() async throws {
        try await SalesforceHarness.run { harness in
            let connector = harness.connector()
            let missing = CRMRecordID("00T5g00000Zzzzz")

            let read = try #require(await expectConnectorError { _ = try await connector.readCallRecord(missing) })
            #expect(read.kind == .notFound)
            #expect(read.status == 404)
            #expect(read.operation == "salesforce.readCall")
            #expect(read.message == "NOT_FOUND: The requested resource does not exist")

            let update = try #require(await expectConnectorError { try await connector.updateCallRecord(missing, with: .fixture(contact: try Self.contact(harness))) })
            #expect(update.kind == .notFound)
            #expect(update.operation == "salesforce.updateCall")
        }
    }

    @Test("the sandbox refuses updating TaskSubtype and unknown fields, naming each, and changes nothing")
    func sandboxRefusals() async throws {
        try await SalesforceHarness.run { harness in
            let (entry, id) = try await Self.created(harness)

            let response = try await harness.raw(.PATCH, "/services/data/v61.0/sobjects/Task/\(id.rawValue)", json: #"{"TaskSubtype":"Email","Outcome__c":"x","Subject":"Renamed"}"#)

            #expect(response.status == 400)
            let errors = try response.salesforceErrors
            #expect(errors.compactMap { $0["errorCode"] as? String } == ["INVALID_FIELD", "INVALID_FIELD_FOR_INSERT_UPDATE"])
            #expect(errors.compactMap { ($0["fields"] as? [String])?.first } == ["Outcome__c", "TaskSubtype"])
            #expect(harness.sandbox.task(id: id.rawValue)?.fields["Subject"] == .string(entry.subject))

            let unknownField = try await harness.raw(.GET, "/services/data/v61.0/sobjects/Task/\(id.rawValue)?fields=Subject,Outcome__c")
            #expect(unknownField.status == 400)
            #expect(try unknownField.salesforceErrors.first?["errorCode"] as? String == "INVALID_FIELD")
        }
    }

    @Test("REQUEST_LIMIT_EXCEEDED on update is rateLimited with the hour's wait, and changes nothing")
    func rateLimitedUpdate() async throws {
        try await SalesforceHarness.run { harness in
            let (entry, id) = try await Self.created(harness)
            harness.sandbox.failNext(count: 1, status: 403, errorCode: "REQUEST_LIMIT_EXCEEDED")

            let error = try #require(await expectConnectorError { try await harness.connector().updateCallRecord(id, with: entry.revised(otherContact: try Self.contact(harness, 1))) })

            #expect(error.kind == .rateLimited(retryAfter: 3600))
            #expect(error.status == 403)
            #expect(error.operation == "salesforce.updateCall")
            #expect(harness.sandbox.task(id: id.rawValue)?.fields["Description"] == .string(entry.body))
            #expect(harness.sandbox.requestCount(for: "task.update") == 1)
        }
    }

    @Test("an expired session on update and on read is authExpired, and changes nothing")
    func wrongTokenUpdate() async throws {
        try await SalesforceHarness.run { harness in
            let (entry, id) = try await Self.created(harness)
            let secret = "00D5g000004SbXy!AQ4AQWrongSecretValue"
            let connector = harness.connector(token: secret)

            let update = try #require(await expectConnectorError { try await connector.updateCallRecord(id, with: entry.revised(otherContact: try Self.contact(harness, 1))) })
            #expect(update.kind == .authExpired)
            #expect(update.status == 401)
            #expect(!update.description.contains("AQ4AQ"))
            let read = try #require(await expectConnectorError { _ = try await connector.readCallRecord(id) })
            #expect(read.kind == .authExpired)
            #expect(harness.sandbox.task(id: id.rawValue)?.fields["Subject"] == .string(entry.subject))
        }
    }

    @Test("an outage on read is transient")
    func outageRead() async throws {
        try await SalesforceHarness.run { harness in
            let (_, id) = try await Self.created(harness)
            harness.sandbox.outage = true

            let error = try #require(await expectConnectorError { _ = try await harness.connector().readCallRecord(id) })

            #expect(error.kind == .transient)
            #expect(error.status == 503)
        }
    }
}
