import Foundation
import NIOHTTP1
import ScribeConnectors
import ScribeCore
import ScribeSandbox
import Testing

@Suite("SalesforceConnector creates call Tasks in batches (sObject Collections)", .sharedHTTPClient)
struct SalesforceConnectorBatchCreateTests {
    /// One entry per seeded contact, in turn, numbered `log-0001`…
    static func entries(_ count: Int, _ harness: SalesforceHarness) throws -> [CallLogEntry] {
        let people = harness.sandbox.contacts
        try #require(!people.isEmpty)
        return (1...count).map { number in
            let person = people[(number - 1) % people.count]
            return CallLogEntry.fixture(marker: CallLogID(String(format: "log-%04d", number)), contact: Contact(id: ContactID(person.id), name: person.name))
        }
    }

    @Test("advertises a batch of 200")
    func advertisesLimit() async throws {
        try await SalesforceHarness.run { harness in
            #expect(harness.connector().capabilities.batchCreateLimit == 200)
        }
    }

    @Test("a batch of N creates N Tasks in one request, in order, each with its marker and its contact")
    func allCreated() async throws {
        try await SalesforceHarness.run { harness in
            let entries = try Self.entries(5, harness)

            let outcomes = try await harness.connector().createCallRecords(entries)

            #expect(harness.sandbox.requestCount(for: "composite.sobjects.create") == 1)
            #expect(harness.sandbox.requestCount == 1, "no describe, no single creates")
            let tasks = harness.sandbox.tasks
            #expect(tasks.count == 5)
            let ids = try outcomes.map { try $0.get() }
            // In order: the sandbox numbers Tasks as it creates them, and the answer follows the records sent.
            #expect(ids.map(\.rawValue) == tasks.map(\.id))
            for (entry, task) in zip(entries, tasks) {
                #expect(task.fields["CallObject"] == .string(entry.marker.rawValue))
                #expect(task.fields["WhoId"] == .string(entry.contact.id.rawValue))
                #expect(task.fields["Subject"] == .string(entry.subject))
                #expect(task.fields["TaskSubtype"] == "Call")
            }
        }
    }

    @Test("one invalid record fails alone with the single create's validation error naming the field; the others are created")
    func invalidRecordFailsAlone() async throws {
        try await SalesforceHarness.run { harness in
            var entries = try Self.entries(3, harness)
            entries[1] = CallLogEntry.fixture(marker: "log-bad", contact: Contact(id: "003000000000001AAA", name: "Gone"))

            let outcomes = try await harness.connector().createCallRecords(entries)

            #expect(harness.sandbox.requestCount(for: "composite.sobjects.create") == 1)
            #expect(harness.sandbox.tasks.map { $0.fields["CallObject"] } == ["log-0001", "log-0003"])
            #expect(try outcomes[0].get().rawValue == harness.sandbox.tasks[0].id)
            #expect(try outcomes[2].get().rawValue == harness.sandbox.tasks[1].id)
            guard case .failure(let error) = outcomes[1] else {
                Issue.record("the record with a missing contact should have failed")
                return
            }
            #expect(error.kind == .validationFailed(field: "WhoId"))
            #expect(error.message == "INVALID_CROSS_REFERENCE_KEY: invalid cross reference id")
            #expect(error.operation == "salesforce.batchCreateCalls")
            #expect(!error.isRetryable)
        }
    }

    @Test("custom-field values: the Task is described once for the batch and each record carries its own values")
    func customFieldsDescribedOnce() async throws {
        try await SalesforceHarness.run { harness in
            var entries = try Self.entries(3, harness)
            entries[0].customFields = ["Mood__c": "calm"]

            let outcomes = try await harness.connector().createCallRecords(entries)

            #expect(harness.sandbox.requestCount(for: "task.describe") == 1)
            #expect(harness.sandbox.requestCount(for: "composite.sobjects.create") == 1)
            guard case .failure(let error) = outcomes[0] else {
                Issue.record("a field the org lacks should be refused")
                return
            }
            #expect(error.kind == .validationFailed(field: "Mood__c"))
            #expect(harness.sandbox.tasks.count == 2)
        }
    }

    @Test("401 with an expired token: refreshed once and the batch retried")
    func expiredTokenRefreshesOnce() async throws {
        try await OAuthHarness.run(.salesforce) { harness in
            let connector = harness.connector(harness.provider(store: InMemoryCRMTokenStore(), initial: harness.grantedPair()))
            harness.oauth.expireAccessTokens()
            // The OAuth harness hides its sandbox; a sandbox of the same company seeds the same contacts.
            let contacts = SalesforceSandbox(company: SalesforceHarness.company, accessToken: "unused").contacts
            let first = try #require(contacts.first)
            let entries = (1...3).map { CallLogEntry.fixture(marker: CallLogID("log-\($0)"), contact: Contact(id: ContactID(first.id), name: first.name)) }

            let outcomes = try await connector.createCallRecords(entries)

            #expect(outcomes.count == 3)
            #expect(outcomes.allSatisfy { (try? $0.get()) != nil })
            #expect(harness.oauth.refreshCount == 1)
            #expect(harness.oauth.tokenRequestCount == 1)
        }
    }

    @Test("403 REQUEST_LIMIT_EXCEEDED: the whole batch is rate limited and nothing is created")
    func requestLimitExceeded() async throws {
        try await SalesforceHarness.run { harness in
            harness.sandbox.failNext(count: 1, status: 403, errorCode: "REQUEST_LIMIT_EXCEEDED")

            let error = try #require(await expectConnectorError { _ = try await harness.connector().createCallRecords(try Self.entries(4, harness)) })

            #expect(error.kind == .rateLimited(retryAfter: 3600))
            #expect(error.isRetryable)
            #expect(error.operation == "salesforce.batchCreateCalls")
            #expect(harness.sandbox.tasks.isEmpty)
        }
    }

    @Test("5xx: the whole batch is a transient failure")
    func serverError() async throws {
        try await SalesforceHarness.run { harness in
            harness.sandbox.failNext(count: 1, status: 503)

            let error = try #require(await expectConnectorError { _ = try await harness.connector().createCallRecords(try Self.entries(2, harness)) })

            #expect(error.kind == .transient)
            #expect(harness.sandbox.tasks.isEmpty)
        }
    }

    @Test("more than 200 records: Salesforce's 400 EXCEEDED_ID_LIMIT for the whole request, nothing created")
    func overLimit() async throws {
        try await SalesforceHarness.run { harness in
            let error = try #require(await expectConnectorError { _ = try await harness.connector().createCallRecords(try Self.entries(201, harness)) })

            #expect(error.status == 400)
            #expect(error.kind == .permanent)
            #expect(error.message == "EXCEEDED_ID_LIMIT: record limit reached. cannot submit more than 200 records into this call")
            #expect(harness.sandbox.tasks.isEmpty)
        }
    }

    @Test("each created Task is found again by its marker")
    func foundByMarker() async throws {
        try await SalesforceHarness.run { harness in
            let connector = harness.connector()
            let outcomes = try await connector.createCallRecords(try Self.entries(2, harness))
            #expect(try await connector.findCallRecord(marker: "log-0002") == outcomes[1].get())
        }
    }
}
