import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
@testable import ScribeConnectors
import ScribeCore
import ScribeSandbox
import Testing

@Suite("PipedriveConnector maps failures", .sharedHTTPClient)
struct PipedriveConnectorErrorTests {
    static let caller = PhoneNumber(parsing: "+14155550123")!
    static let contact = Contact(id: "1002", name: "Bruno Anders")


    @Test("a wrong token is authExpired, and the token appears nowhere in the error")
    func wrongToken() async throws {
        try await PipedriveHarness.run { harness in
            let secret = "pd-wrong-secret-value-4411"
            let error = try #require(await expectConnectorError { _ = try await harness.connector(token: secret).findContacts(matching: Self.caller) })

            #expect(error.kind == .authExpired)
            #expect(error.status == 401)
            #expect(error.operation == "pipedrive.findContacts")
            #expect(error.message == "unauthorized access")
            #expect(!error.description.contains(secret))
            #expect(!error.description.contains(PipedriveHarness.token))
            #expect(!"\(error.kind)".contains(secret))
        }
    }

    @Test("the sandbox answers 401 with Pipedrive's body, and accepts the api_token query parameter")
    func unauthorizedBody() async throws {
        try await PipedriveHarness.run { harness in
            let response = try await harness.raw(.GET, "/api/v2/activities", token: nil)
            #expect(response.status == 401)
            let body = try response.jsonObject
            #expect(body["success"] as? Bool == false)
            #expect(body["error"] as? String == "unauthorized access")
            #expect(body["errorCode"] as? Int == 401)
            #expect(body["error_info"] as? String == "Please check developers.pipedrive.com")

            let byQuery = try await harness.raw(.GET, "/api/v2/activities?api_token=\(PipedriveHarness.token)", token: nil)
            #expect(byQuery.status == 200)
        }
    }

    @Test("an outage is transient, and service comes back with it")
    func outage() async throws {
        try await PipedriveHarness.run { harness in
            harness.sandbox.outage = true
            let error = try #require(await expectConnectorError { _ = try await harness.connector().createCallRecord(.fixture(contact: Self.contact)) })

            #expect(error.kind == .transient)
            #expect(error.status == 503)
            #expect(error.operation == "pipedrive.createCall")
            #expect(harness.sandbox.activities.isEmpty)

            harness.sandbox.outage = false
            #expect(try await harness.connector().findCallRecord(marker: "log-0001") == nil)
        }
    }

    @Test("an injected 429 is rateLimited with the Retry-After header's delay")
    func rateLimitedWithRetryAfter() async throws {
        try await PipedriveHarness.run { harness in
            harness.sandbox.failNext(count: 1, status: 429, retryAfter: 7)
            let error = try #require(await expectConnectorError { _ = try await harness.connector().findContacts(matching: Self.caller) })

            #expect(error.kind == .rateLimited(retryAfter: 7))
            #expect(error.status == 429)
            #expect(error.message == "Request over limit")
            #expect(error.isRetryable)
            // Only the next request failed: the stranger's lookup then tries every variant.
            #expect(try await harness.connector().findContacts(matching: Self.caller).isEmpty)
            #expect(harness.sandbox.requestCount == 1 + Self.caller.storedFormVariants.count)
        }
    }

    @Test("a 429 without Retry-After waits for x-ratelimit-reset")
    func rateLimitedByResetHeader() async throws {
        try await PipedriveHarness.run { harness in
            harness.sandbox.failNext(count: 1, status: 429, retryAfter: nil)
            let response = try await harness.raw(.GET, "/api/v2/activities")
            #expect(response.headers.first(name: "Retry-After") == nil)
            #expect(response.headers.first(name: "x-ratelimit-remaining") == "0")
            #expect(response.headers.first(name: "x-ratelimit-reset") == "2")

            harness.sandbox.failNext(count: 1, status: 429, retryAfter: nil)
            let error = try #require(await expectConnectorError { _ = try await harness.connector().findCallRecord(marker: "log-1") })
            #expect(error.kind == .rateLimited(retryAfter: 2))
        }
    }

    @Test("injected statuses map to their kinds", arguments: [
        (403, ConnectorError.Kind.permissionDenied), (404, .notFound), (500, .transient), (502, .transient), (402, .permanent),
    ])
    func injectedStatus(status: Int, kind: ConnectorError.Kind) async throws {
        try await PipedriveHarness.run { harness in
            harness.sandbox.failNext(status: status)
            let error = try #require(await expectConnectorError { _ = try await harness.connector().findCallRecord(marker: "log-1") })

            #expect(error.kind == kind)
            #expect(error.status == status)
        }
    }

    @Test("a participant that does not exist is a validation failure naming the field")
    func missingPerson() async throws {
        try await PipedriveHarness.run { harness in
            let stranger = Contact(id: "999999", name: "Nobody")
            let error = try #require(await expectConnectorError { _ = try await harness.connector().createCallRecord(.fixture(contact: stranger)) })

            #expect(error.kind == .validationFailed(field: "participants"))
            #expect(error.status == 400)
            #expect(error.message == "Validation failed: participants: person 999999 does not exist")
            #expect(harness.sandbox.activities.isEmpty)
        }
    }

    @Test("v2 refuses person_id in an activity, and the error names it")
    func readOnlyPersonID() async throws {
        try await PipedriveHarness.run { harness in
            let response = try await harness.raw(.POST, "/api/v2/activities", json: #"{"subject":"Call","type":"call","person_id":1002}"#)

            #expect(response.status == 400)
            let body = try response.jsonObject
            #expect(body["success"] as? Bool == false)
            #expect(body["code"] as? String == "ERR_BAD_REQUEST")
            let error = PipedriveErrorMapper.error(for: response, operation: "pipedrive.createCall")
            #expect(error.kind == .validationFailed(field: "person_id"))
            #expect(harness.sandbox.activities.isEmpty)
        }
    }

    @Test("a malformed due_time is a validation failure naming it")
    func badDueTime() async throws {
        try await PipedriveHarness.run { harness in
            let response = try await harness.raw(.POST, "/api/v2/activities", json: #"{"subject":"Call","type":"call","due_time":"9.15"}"#)

            let error = PipedriveErrorMapper.error(for: response, operation: "pipedrive.createCall")
            #expect(error.kind == .validationFailed(field: "due_time"))
            #expect(error.message == "Validation failed: due_time: must match format HH:MM")
        }
    }

    @Test("nothing listening on the port is transient")
    func nothingListening() async throws {
        let connector = PipedriveConnector(baseURL: "http://127.0.0.1:1", apiToken: PipedriveHarness.token, httpClient: try HTTPClient.suite, timeout: .milliseconds(500))
        let error = try #require(await expectConnectorError { _ = try await connector.findContacts(matching: Self.caller) })

        #expect(error.kind == .transient)
        #expect(error.status == nil)
        #expect(error.operation == "pipedrive.findContacts")
        // The URL is named without its query.
        #expect(error.message.hasPrefix("GET http://127.0.0.1:1/api/v2/persons/search: "))
        #expect(!error.message.contains("term="))
        #expect(!error.description.contains(PipedriveHarness.token))
    }

    @Test("a CRM slower than the timeout is transient")
    func timeout() async throws {
        try await PipedriveHarness.run { harness in
            harness.sandbox.latency = .milliseconds(400)
            let error = try #require(await expectConnectorError { _ = try await harness.connector(timeout: .milliseconds(100)).findCallRecord(marker: "log-1") })

            #expect(error.kind == .transient)
            #expect(error.message == "GET \(harness.baseURL)/api/v2/activities: timed out after 100 ms")
            try await Task.sleep(for: .milliseconds(500))
        }
    }
}
