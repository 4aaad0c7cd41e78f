import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import ScribeConnectors
import ScribeCore
import ScribeSandbox
import Testing

@Suite("SalesforceConnector maps failures", .sharedHTTPClient)
struct SalesforceConnectorErrorTests {
    static let caller = PhoneNumber(parsing: "+14155550123")!


    static func contact(_ harness: SalesforceHarness) throws -> Contact {
        let person = try #require(harness.sandbox.contacts.first)
        return Contact(id: ContactID(person.id), name: person.name)
    }

    @Test("an expired session is authExpired, and no token appears in the error")
    func expiredSession() async throws {
        try await SalesforceHarness.run { harness in
            let secret = "00D5g000004SbXy!AQ4AQExpiredSecretValue"
            let error = try #require(await expectConnectorError { _ = try await harness.connector(token: secret).findContacts(matching: Self.caller) })

            #expect(error.kind == .authExpired)
            #expect(error.status == 401)
            #expect(error.operation == "salesforce.findContacts")
            #expect(error.message == "INVALID_SESSION_ID: Session expired or invalid")
            #expect(!error.description.contains(secret))
            #expect(!error.description.contains("AQ4AQ"))
            #expect(!error.description.contains(SalesforceHarness.token))
        }
    }

    @Test("REQUEST_LIMIT_EXCEEDED is rateLimited, and only the next request fails")
    func requestLimitExceeded() async throws {
        try await SalesforceHarness.run { harness in
            harness.sandbox.failNext(count: 1, status: 403, errorCode: "REQUEST_LIMIT_EXCEEDED")
            let error = try #require(await expectConnectorError { _ = try await harness.connector().findCallRecord(marker: "log-1") })

            #expect(error.kind == .rateLimited(retryAfter: 3600))
            #expect(error.status == 403)
            #expect(error.message == "REQUEST_LIMIT_EXCEEDED: TotalRequests Limit exceeded.")
            #expect(error.isRetryable)
            #expect(try await harness.connector().findCallRecord(marker: "log-1") == nil)
            #expect(harness.sandbox.requestCount == 2)
        }
    }

    @Test("another 403 is permissionDenied")
    func forbidden() async throws {
        try await SalesforceHarness.run { harness in
            harness.sandbox.failNext(status: 403, errorCode: "INSUFFICIENT_ACCESS")
            let error = try #require(await expectConnectorError { _ = try await harness.connector().createCallRecord(.fixture(contact: try Self.contact(harness))) })

            #expect(error.kind == .permissionDenied)
            #expect(!error.isRetryable)
        }
    }

    @Test("an outage is transient, and service comes back with it")
    func outage() async throws {
        try await SalesforceHarness.run { harness in
            harness.sandbox.outage = true
            let error = try #require(await expectConnectorError { _ = try await harness.connector().createCallRecord(.fixture(contact: try Self.contact(harness))) })

            #expect(error.kind == .transient)
            #expect(error.status == 503)
            #expect(error.operation == "salesforce.createCall")
            #expect(harness.sandbox.tasks.isEmpty)

            harness.sandbox.outage = false
            #expect(try await harness.connector().findCallRecord(marker: "log-0001") == nil)
        }
    }

    @Test("an injected 500 is transient")
    func serverError() async throws {
        try await SalesforceHarness.run { harness in
            harness.sandbox.failNext(status: 500)
            let error = try #require(await expectConnectorError { _ = try await harness.connector().findContacts(matching: Self.caller) })

            #expect(error.kind == .transient)
            #expect(error.status == 500)
            #expect(error.message.hasPrefix("UNKNOWN_EXCEPTION: "))
        }
    }

    @Test("a malformed contact id is a validation failure naming WhoId")
    func malformedWhoId() async throws {
        try await SalesforceHarness.run { harness in
            let stranger = Contact(id: "not-a-salesforce-id", name: "Nobody")
            let error = try #require(await expectConnectorError { _ = try await harness.connector().createCallRecord(.fixture(contact: stranger)) })

            #expect(error.kind == .validationFailed(field: "WhoId"))
            #expect(error.status == 400)
            #expect(error.message.hasPrefix("MALFORMED_ID: "))
            #expect(harness.sandbox.tasks.isEmpty)
        }
    }

    @Test("a contact that does not exist is a validation failure naming WhoId")
    func missingContact() async throws {
        try await SalesforceHarness.run { harness in
            let gone = Contact(id: "003000000000001AAA", name: "Gone")
            let error = try #require(await expectConnectorError { _ = try await harness.connector().createCallRecord(.fixture(contact: gone)) })

            #expect(error.kind == .validationFailed(field: "WhoId"))
            #expect(error.message == "INVALID_CROSS_REFERENCE_KEY: invalid cross reference id")
        }
    }

    @Test("nothing listening on the port is transient")
    func nothingListening() async throws {
        let connector = SalesforceConnector(instanceURL: "http://127.0.0.1:1", accessToken: SalesforceHarness.token, httpClient: try HTTPClient.suite, timeout: .milliseconds(500))
        let error = try #require(await expectConnectorError { _ = try await connector.findContacts(matching: Self.caller) })

        #expect(error.kind == .transient)
        #expect(error.status == nil)
        #expect(error.operation == "salesforce.findContacts")
        // The query (which holds the caller's number) is left out of the message.
        #expect(error.message.hasPrefix("GET http://127.0.0.1:1/services/data/v61.0/search/: "))
        #expect(!error.message.contains("4155550123"))
        #expect(!error.description.contains(SalesforceHarness.token))
    }

    @Test("an org slower than the timeout is transient")
    func timeout() async throws {
        try await SalesforceHarness.run { harness in
            harness.sandbox.latency = .milliseconds(400)
            let error = try #require(await expectConnectorError { _ = try await harness.connector(timeout: .milliseconds(100)).findCallRecord(marker: "log-1") })

            #expect(error.kind == .transient)
            #expect(error.message == "GET \(harness.baseURL)/services/data/v61.0/query: timed out after 100 ms")
            // Let the sandbox finish the abandoned request, so the server stops with nothing in flight.
            try await Task.sleep(for: .milliseconds(500))
        }
    }
}
