import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
@testable import ScribeConnectors
import ScribeCore
import ScribeSandbox
import Testing

@Suite("HubSpotConnector maps failures", .sharedHTTPClient)
struct HubSpotConnectorErrorTests {
    static let caller = PhoneNumber(parsing: "+14155550123")!
    static let contact = Contact(id: "1002", name: "Bruno Anders")


    @Test("a wrong token is authExpired, and the token appears nowhere in the error")
    func wrongToken() async throws {
        try await HubSpotHarness.run { harness in
            let secret = "pat-na1-wrong-secret-value"
            let error = try #require(await expectConnectorError { _ = try await harness.connector(token: secret).findContacts(matching: Self.caller) })

            #expect(error.kind == .authExpired)
            #expect(error.status == 401)
            #expect(error.operation == "hubspot.findContacts")
            #expect(error.message.hasPrefix("Authentication credentials not found"))
            #expect(!error.description.contains(secret))
            #expect(!error.description.contains(HubSpotHarness.token))
        }
    }

    @Test("an outage is transient, and service comes back with it")
    func outage() async throws {
        try await HubSpotHarness.run { harness in
            harness.sandbox.outage = true
            let error = try #require(await expectConnectorError { _ = try await harness.connector().createCallRecord(.fixture(contact: Self.contact)) })

            #expect(error.kind == .transient)
            #expect(error.status == 503)
            #expect(error.operation == "hubspot.createCall")
            #expect(harness.sandbox.calls.isEmpty)

            harness.sandbox.outage = false
            #expect(try await harness.connector().findCallRecord(marker: "log-0001") == nil)
        }
    }

    @Test("an injected 429 is rateLimited with the Retry-After header's delay")
    func rateLimitedWithRetryAfter() async throws {
        try await HubSpotHarness.run { harness in
            harness.sandbox.failNext(count: 1, status: 429, retryAfter: 7)
            let error = try #require(await expectConnectorError { _ = try await harness.connector().findContacts(matching: Self.caller) })

            #expect(error.kind == .rateLimited(retryAfter: 7))
            #expect(error.status == 429)
            #expect(error.message == "You have reached your ten_secondly_rolling limit.")
            #expect(error.isRetryable)
            // Only the next request failed.
            #expect(try await harness.connector().findContacts(matching: Self.caller).isEmpty)
            #expect(harness.sandbox.requestCount == 2)
        }
    }

    @Test("a 429 without Retry-After waits out the policy's window")
    func rateLimitedByPolicy() async throws {
        try await HubSpotHarness.run { harness in
            harness.sandbox.failNext(count: 2, status: 429, retryAfter: nil)
            let connector = harness.connector()
            let first = try #require(await expectConnectorError { _ = try await connector.findCallRecord(marker: "log-1") })
            let second = try #require(await expectConnectorError { _ = try await connector.findCallRecord(marker: "log-1") })

            #expect(first.kind == .rateLimited(retryAfter: 10))
            #expect(second.kind == .rateLimited(retryAfter: 10))
        }
    }

    @Test("an injected 500 is transient")
    func serverError() async throws {
        try await HubSpotHarness.run { harness in
            harness.sandbox.failNext(status: 500)
            let error = try #require(await expectConnectorError { _ = try await harness.connector().findCallRecord(marker: "log-1") })

            #expect(error.kind == .transient)
            #expect(error.status == 500)
            #expect(error.message == "internal error")
        }
    }

    @Test("an unknown property is a validation failure naming it")
    func unknownProperty() async throws {
        try await HubSpotHarness.run { harness in
            let response = try await harness.raw(
                .POST, "/crm/v3/objects/calls",
                json: #"{"properties":{"hs_timestamp":"2025-03-04T09:15:00.250Z","hs_call_mood":"happy"},"associations":[]}"#
            )

            #expect(response.status == 400)
            let body = try response.jsonObject
            #expect(body["status"] as? String == "error")
            #expect(body["category"] as? String == "VALIDATION_ERROR")
            #expect((body["correlationId"] as? String)?.count == 36)
            #expect((body["message"] as? String)?.hasPrefix("Property values were not valid: [") == true)
            #expect((body["message"] as? String)?.contains(#""error":"PROPERTY_DOESNT_EXIST""#) == true)
            #expect((body["message"] as? String)?.contains(#""name":"hs_call_mood""#) == true)

            let error = HubSpotErrorMapper.error(for: response, operation: "hubspot.createCall")
            #expect(error.kind == .validationFailed(field: "hs_call_mood"))
            #expect(error.status == 400)
            #expect(harness.sandbox.calls.isEmpty)
        }
    }

    @Test("a call without hs_timestamp is a validation failure naming it")
    func missingTimestamp() async throws {
        try await HubSpotHarness.run { harness in
            let response = try await harness.raw(.POST, "/crm/v3/objects/calls", json: #"{"properties":{"hs_call_title":"Hello"}}"#)

            let error = HubSpotErrorMapper.error(for: response, operation: "hubspot.createCall")
            #expect(error.kind == .validationFailed(field: "hs_timestamp"))
        }
    }

    @Test("an association to a contact that does not exist is refused")
    func missingContact() async throws {
        try await HubSpotHarness.run { harness in
            let stranger = Contact(id: "999999", name: "Nobody")
            let error = try #require(await expectConnectorError { _ = try await harness.connector().createCallRecord(.fixture(contact: stranger)) })

            #expect(error.kind == .validationFailed(field: nil))
            #expect(error.status == 400)
            #expect(error.message.contains("999999"))
            #expect(harness.sandbox.calls.isEmpty)
        }
    }

    @Test("nothing listening on the port is transient")
    func nothingListening() async throws {
        let connector = HubSpotConnector(baseURL: "http://127.0.0.1:1", accessToken: HubSpotHarness.token, httpClient: try HTTPClient.suite, timeout: .milliseconds(500))
        let error = try #require(await expectConnectorError { _ = try await connector.findContacts(matching: Self.caller) })

        #expect(error.kind == .transient)
        #expect(error.status == nil)
        #expect(error.operation == "hubspot.findContacts")
        #expect(error.message.hasPrefix("POST http://127.0.0.1:1/crm/v3/objects/contacts/search: "))
        // AsyncHTTPClient retries refused connections until the deadline, then reports the last failure.
        #expect(error.message.contains("Connection refused"))
        #expect(!error.description.contains(HubSpotHarness.token))
    }

    @Test("a CRM slower than the timeout is transient")
    func timeout() async throws {
        try await HubSpotHarness.run { harness in
            harness.sandbox.latency = .milliseconds(400)
            let error = try #require(await expectConnectorError { _ = try await harness.connector(timeout: .milliseconds(100)).findContacts(matching: Self.caller) })

            #expect(error.kind == .transient)
            #expect(error.message == "POST \(harness.baseURL)/crm/v3/objects/contacts/search: timed out after 100 ms")
            // Let the sandbox finish the abandoned request, so the server stops with nothing in flight.
            try await Task.sleep(for: .milliseconds(500))
        }
    }
}
