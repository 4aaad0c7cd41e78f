import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import ScribeApp
import ScribeCore
import ScribeDemo
import Testing
/// The webhook endpoint refuses what is not a genuine, well-formed delivery, and stores nothing then.
@Suite("The RingCentral webhook endpoint")
struct WebhookEndpointTests {
    static let validBody = """
        {"uuid":"u-1","event":"/restapi/v1.0/account/400123456008/telephony/sessions","timestamp":"2026-11-21T10:00:00.000Z",
         "subscriptionId":"s","ownerId":"400123456008","body":{"sequence":1,"sessionId":"1","telephonySessionId":"s-test-1",
         "eventTime":"2026-11-21T10:00:00.000Z","parties":[{"accountId":"400123456008","extensionId":"63011000","id":"p-1",
         "direction":"Inbound","from":{"phoneNumber":"+14155550123"},"to":{"phoneNumber":"+16505550201"},"status":{"code":"Setup"}}]}}
        """

    @Test("answers the Validation-Token handshake by echoing the token")
    func handshake() async throws {
        try await StackHarness.withStack { stack in
            let response = try await StackHarness.postWebhook(stack, body: "", headers: [("Validation-Token", "abc-123")])
            #expect(response.status == 200)
            #expect(response.headers.contains { $0.0.lowercased() == "validation-token" && $0.1 == "abc-123" })
        }
    }

    @Test("refuses a delivery without the Verification-Token, or with a wrong one, with a JSON 401, storing nothing")
    func verificationToken() async throws {
        try await StackHarness.withStack { stack in
            let missing = try await StackHarness.postWebhook(stack, body: Self.validBody, headers: [])
            #expect(missing.status == 401)
            #expect(missing.body.contains("\"field\":\"Verification-Token\""))
            let wrong = try await StackHarness.postWebhook(stack, body: Self.validBody, headers: [("Verification-Token", "not-it")])
            #expect(wrong.status == 401)
            #expect(wrong.body.contains("does not match"))
            #expect(try await stack.callscribe.store.events(of: "s-test-1").isEmpty)
        }
    }

    @Test("refuses a malformed body with a 400 naming the field, storing nothing; accepts and dedupes a good one")
    func malformedAndDuplicate() async throws {
        try await StackHarness.withStack { stack in
            let token = ("Verification-Token", stack.callscribe.webhookToken)
            let notJSON = try await StackHarness.postWebhook(stack, body: "{not json", headers: [token])
            #expect(notJSON.status == 400)
            #expect(notJSON.body.contains("\"code\":\"invalid_event\""))
            let noSession = Self.validBody.replacingOccurrences(of: "\"telephonySessionId\":\"s-test-1\",", with: "")
            let missing = try await StackHarness.postWebhook(stack, body: noSession, headers: [token])
            #expect(missing.status == 400)
            #expect(missing.body.contains("\"field\":\"body.telephonySessionId\""))
            #expect(try await stack.callscribe.store.events(of: "s-test-1").isEmpty)

            let first = try await StackHarness.postWebhook(stack, body: Self.validBody, headers: [token])
            #expect(first.status == 200)
            #expect(try Self.status(of: first.body) == "stored")
            let again = try await StackHarness.postWebhook(stack, body: Self.validBody, headers: [token])
            #expect(again.status == 200)
            #expect(try Self.status(of: again.body) == "duplicate")
            #expect(try await stack.callscribe.store.events(of: "s-test-1").count == 1)
        }
    }

    static func status(of body: String) throws -> String? {
        struct Acknowledgement: Decodable { var status: String }
        return try JSONDecoder().decode(Acknowledgement.self, from: Data(body.utf8)).status
    }

    @Test("refuses a body over 1 MiB with 413")
    func oversized() async throws {
        try await StackHarness.withStack { stack in
            let huge = String(repeating: "x", count: (1 << 20) + 10)
            let response = try await StackHarness.postWebhook(stack, body: huge, headers: [("Verification-Token", stack.callscribe.webhookToken)])
            #expect(response.status == 413)
        }
    }

    @Test("the calls API validates its filter and names the field")
    func callsAPIValidation() async throws {
        try await StackHarness.withStack { stack in
            let response = try await StackHarness.send(.GET, stack, "/api/calls?filter=bogus")
            #expect(response.status == 400)
            #expect(response.body.contains("\"field\":\"filter\""))
        }
    }
}
