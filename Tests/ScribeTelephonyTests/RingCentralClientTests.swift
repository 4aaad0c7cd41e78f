import AsyncHTTPClient
import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import ScribeCore
import ScribeSandbox
import ScribeTelephony
import ServiceLifecycle
import Synchronization
import Testing

/// The RingCentral client against the sandbox phone system over loopback HTTP.
@Suite("RingCentralClient")
struct RingCentralClientTests {
    /// A clock the test moves.
    final class Clock: Sendable {
        private let current = Mutex(Date())
        var now: Date { self.current.withLock { $0 } }
        func advance(_ seconds: TimeInterval) { self.current.withLock { $0 = $0.addingTimeInterval(seconds) } }
    }

    /// Runs the sandbox phone system, plus a webhook receiver that answers the Validation-Token handshake.
    static func withPhone(
        jwt: String? = nil, _ body: @Sendable (PhoneSystemSandbox, RingCentralClient, Clock, String) async throws -> Void
    ) async throws {
        var logger = Logger(label: "test")
        logger.logLevel = .critical
        let http = HTTPClient()
        let phone = try PhoneSystemSandbox(company: SandboxCompany(), httpClient: http, logger: logger)
        let phoneServer = SandboxServer(name: "phone", router: phone.router(), logger: logger)
        let receiver = Router()
        receiver.post("/hook") { request, _ in
            Response(status: .ok, headers: [HTTPField.Name("Validation-Token")!: request.headers[HTTPField.Name("Validation-Token")!] ?? ""])
        }
        let receiverServer = SandboxServer(name: "receiver", router: receiver, logger: logger)
        let group = ServiceGroup(configuration: .init(services: [phoneServer, receiverServer], logger: logger))
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            let url = await phoneServer.baseURL
            phone.served(at: url)
            let clock = Clock()
            let credentials = RingCentralCredentials(
                serverURL: url, clientID: phone.credentials.clientID, clientSecret: phone.credentials.clientSecret, jwt: jwt ?? phone.credentials.jwt
            )
            let client = RingCentralClient(credentials: credentials, httpClient: http, now: { clock.now })
            let result: Result<Void, any Error>
            do {
                result = .success(try await body(phone, client, clock, await receiverServer.baseURL + "/hook"))
            } catch {
                result = .failure(error)
            }
            await group.triggerGracefulShutdown()
            try await tasks.waitForAll()
            try await http.shutdown()
            try result.get()
        }
    }

    @Test("reads the account and its extensions with a JWT-grant token")
    func accountAndExtensions() async throws {
        try await Self.withPhone { phone, client, _, _ in
            let account = try await client.accountID()
            #expect(account.rawValue == phone.company.accountID)
            let extensions = try await client.extensions(of: account)
            #expect(extensions.map(\.extensionNumber) == phone.company.employees.map(\.extensionNumber))
        }
    }

    @Test("a refused JWT is unauthorized, and the JWT appears in no error")
    func refusedJWT() async throws {
        try await Self.withPhone(jwt: "not-the-jwt-123") { _, client, _, _ in
            do {
                _ = try await client.accountID()
                Issue.record("expected an error")
            } catch let error as TelephonyError {
                #expect(error.kind == .unauthorized)
                #expect(!error.description.contains("not-the-jwt-123"))
            }
        }
    }

    @Test("a 401 on an API call gets one new token and one retry")
    func refreshesOnce() async throws {
        try await Self.withPhone { phone, client, _, _ in
            _ = try await client.accountID()
            phone.revokeTokens()
            let before = phone.apiRequestCount
            #expect(try await client.accountID().rawValue == phone.company.accountID)
            #expect(phone.apiRequestCount - before == 2, "the refused request and its one retry")
        }
    }

    @Test("after a 429 nothing is sent until Retry-After has passed")
    func honoursPenalty() async throws {
        try await Self.withPhone { phone, client, clock, _ in
            _ = try await client.accountID()
            phone.rateLimitNext(1, retryAfter: 30)
            await #expect(throws: TelephonyError.self) { _ = try await client.accountID() }
            let sent = phone.apiRequestCount
            do {
                _ = try await client.accountID()
                Issue.record("expected the penalty to hold")
            } catch let error as TelephonyError {
                guard case .rateLimited(let wait) = error.kind else { throw error }
                #expect(wait > 0 && wait <= 30)
            }
            #expect(phone.apiRequestCount == sent, "no request during the penalty")
            clock.advance(31)
            #expect(try await client.accountID().rawValue == phone.company.accountID)
        }
    }

    @Test("subscribes with the handshake, lists, renews and deletes; a blacklisted subscription shows why")
    func subscriptionLifecycle() async throws {
        try await Self.withPhone { phone, client, _, hook in
            let created = try await client.createWebhookSubscription(address: hook, verificationToken: "vt-1")
            #expect(created.status == "Active")
            #expect(try await client.subscriptions().map(\.id) == [created.id])
            let renewed = try await client.renewSubscription(created.id)
            #expect((renewed.expiresIn ?? 0) > 600_000)
            phone.blacklistSubscriptions(reason: "Webhook responses with code: [404], reason: [Not Found]")
            let listed = try #require(try await client.subscriptions().first)
            #expect(listed.status == "Blacklisted")
            #expect(listed.blacklistedData?.reason?.contains("404") == true)
            await #expect(throws: TelephonyError.self) { _ = try await client.renewSubscription(created.id) }
            try await client.deleteSubscription(created.id)
            #expect(try await client.subscriptions().isEmpty)
        }
    }

    @Test("a subscription to an address that fails the handshake is refused")
    func handshakeFailure() async throws {
        try await Self.withPhone { _, client, _, hook in
            await #expect(throws: TelephonyError.self) {
                _ = try await client.createWebhookSubscription(address: hook.replacingOccurrences(of: "/hook", with: "/nothing-here"), verificationToken: "vt")
            }
        }
    }

    @Test("lists finished calls from the call log, and they fold into legs")
    func callLog() async throws {
        try await Self.withPhone { phone, client, _, _ in
            var random = SeededGenerator(seed: 1)
            let scripts = CallScripts(company: phone.company, timeScale: 0.01)
            let calls = (1...5).map { scripts.endedCall(number: $0, endingAt: Date().addingTimeInterval(-1), using: &random) }
            for call in calls { try phone.place(call) }
            let records = try await client.callLog(from: Date().addingTimeInterval(-3600), to: Date())
            #expect(Set(records.compactMap(\.telephonySessionId)) == Set(calls.map(\.telephonySessionID)))
            for call in calls {
                let record = try #require(records.first { $0.telephonySessionId == call.telephonySessionID })
                var folded = Call(sessionID: TelephonySessionID(call.telephonySessionID), accountID: AccountID(phone.company.accountID))
                for event in record.telephonyEvents(accountID: AccountID(phone.company.accountID)) { folded.apply(event) }
                let leg = try #require(folded.endedLegs.first)
                #expect(leg.extensionID.rawValue == call.extensionID)
                #expect(leg.result == (call.outcome == .answered ? .answered : call.outcome == .voicemail ? .voicemail : .missed))
            }
        }
    }

    @Test("streams a finished recording's audio, fetching a new token after a 401; an unknown recording is a permanent 404")
    func recordingContent() async throws {
        try await Self.withPhone { phone, client, _, _ in
            var random = SeededGenerator(seed: 3)
            var call = CallScripts(company: phone.company, timeScale: 0.01).endedCall(number: 7, endingAt: Date().addingTimeInterval(-600), using: &random)
            call.outcome = .answered
            call.recorded = true
            try phone.place(call)
            _ = try await client.accountID()
            // The token the client holds is refused once; the recording still arrives.
            phone.revokeTokens()
            let content = try await client.recordingContent(id: call.recordingID)
            var bytes: [UInt8] = []
            for try await chunk in content.body { bytes += chunk.readableBytesView }
            let expected = SandboxRecordingAudio.bytes(recordingID: call.recordingID)
            #expect(content.contentType == "audio/mpeg")
            #expect(content.contentLength == expected.count)
            #expect(bytes == expected)
            #expect(bytes.starts(with: Array("ID3".utf8)))

            let error = await #expect(throws: TelephonyError.self) { try await client.recordingContent(id: "123") }
            #expect(error?.kind == .permanent && error?.status == 404 && error?.operation == "ringcentral.recordingContent")
        }
    }
}
