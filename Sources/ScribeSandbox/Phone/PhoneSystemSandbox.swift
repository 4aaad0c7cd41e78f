import AsyncHTTPClient
import Foundation
import Hummingbird
import Logging
import NIOCore
import NIOHTTP1
import Synchronization

/// A phone system on loopback that speaks RingCentral's REST and webhook API: the JWT, authorization-code
/// and refresh-token grants with per-group rate limits,
/// account and extension look-ups, webhook subscriptions with the Validation-Token handshake,
/// telephony-session deliveries carrying the Verification-Token, the call log, recordings' audio, and RingSense
/// "insights ready" deliveries for recorded calls to subscriptions that ask for them.
///
/// Calls are placed with ``place(_:)``; their events are delivered to every subscription as they
/// happen, and each finished call appears in the call log. Placed calls are appended to a plan file
/// when one is given, so a restarted sandbox still lists calls that ended while it was down.
public final class PhoneSystemSandbox: Sendable {
    /// The app credentials the sandbox accepts.
    public struct Credentials: Sendable {
        public var clientID = "sandbox-client-id"
        public var clientSecret = "sandbox-client-secret"
        public var jwt = "eyJraWQiOiJzYW5kYm94In0.eyJzdWIiOiI2MzAxMTAwMCJ9.sandbox-signature"
        public init() {}
    }

    struct Subscription: Sendable {
        var id: String
        var address: String
        var verificationToken: String?
        var eventFilters: [String]
        var createdAt: Date
        var expiresIn: Int
        var expiresAt: Date
        /// Why RingCentral stopped delivering to it, when it has.
        var blacklistReason: String?
        var blacklistedAt: Date?
        /// When the current run of failed deliveries began; nil while deliveries succeed.
        var failingSince: Date?

        /// Deliveries go only to subscriptions that are active and unexpired.
        func isActive(at now: Date) -> Bool { self.blacklistReason == nil && self.expiresAt > now }
    }

    struct State {
        var calls: [ScriptedCall] = []
        /// Sessions played from scenario files (`PhoneSystemSandbox+Scenario.swift`).
        var scenarioSessions: [ScenarioSession] = []
        var subscriptions: [String: Subscription] = [:]
        var deliveries = 0
        var failedDeliveries = 0
        var hangUpsSent: [String: Date] = [:]
        /// When the insights of each recorded call were last sent, by telephony session id.
        var insightsSent: [String: Date] = [:]
        /// Fail this many upcoming deliveries without sending them (a network blip).
        var dropNextDeliveries = 0
        /// Answer the next API requests with 429 and this Retry-After.
        var rateLimitNext = 0
        var retryAfter = 0
        /// API requests received (token requests excluded), for tests counting what a client sent.
        var apiRequests = 0
        /// The last number given to a call placed through `POST /sandbox/calls`.
        var lastControlledCallNumber: Int?
        /// A subscription whose deliveries keep failing this long is blacklisted.
        var blacklistAfter: TimeInterval = 600
        /// What the call-log sync needs: when calls were placed, the token generation.
        var callLogSync = SandboxCallLogSync()
        /// Knobs and state of the recordings' content route.
        var recordings = SandboxRecordingState()
        /// Extensions added to the company while the sandbox runs.
        var addedEmployees: [SandboxCompany.Employee] = []
    }

    public let company: SandboxCompany
    public let credentials: Credentials
    let state = Mutex(State())
    /// Issued tokens and codes (`PhoneSystemSandbox+OAuth.swift`).
    let oauth = Mutex(SandboxOAuthState())
    /// Per-group request budgets (`SandboxRateLimitMiddleware.swift`).
    let rateLimits = Mutex(SandboxRateLimitState())
    let httpClient: HTTPClient
    let planURL: URL?
    let logger: Logger
    let baseURL = OneShotURL()
    /// How long after a recording is ready its AI insights are delivered.
    public let insightsDelay: TimeInterval

    public init(
        company: SandboxCompany, credentials: Credentials = Credentials(), planURL: URL? = nil, insightsDelay: TimeInterval = 3, httpClient: HTTPClient,
        logger: Logger
    ) throws {
        self.company = company
        self.insightsDelay = insightsDelay
        self.credentials = credentials
        self.planURL = planURL
        self.httpClient = httpClient
        self.logger = logger
        if let planURL, let data = try? Data(contentsOf: planURL) {
            let calls = try data.split(separator: UInt8(ascii: "\n")).map { try JSONDecoder().decode(ScriptedCall.self, from: Data($0)) }
            self.state.withLock { $0.calls = calls }
        }
    }

    /// Tells the sandbox the URL it is served at (used in the `uri` fields it returns).
    public func served(at url: String) {
        self.baseURL.set(url)
    }

    /// The calls placed so far, in order.
    public var calls: [ScriptedCall] { self.state.withLock { $0.calls } }

    /// When the hang-up event of each call was sent, by telephony session id.
    public var hangUpsSent: [String: Date] { self.state.withLock { $0.hangUpsSent } }

    /// When the AI insights of each recorded call were last sent, by telephony session id.
    public var insightsSent: [String: Date] { self.state.withLock { $0.insightsSent } }

    /// Each subscription's event filters as they were asked for, by subscription id.
    public var subscriptionFilters: [String: [String]] { self.state.withLock { $0.subscriptions.mapValues(\.eventFilters) } }

    /// Webhook deliveries made and failed so far.
    public var deliveryCounts: (delivered: Int, failed: Int) { self.state.withLock { ($0.deliveries, $0.failedDeliveries) } }

    /// How many webhook subscriptions are active.
    public var subscriptionCount: Int { self.activeSubscriptions().count }

    /// How long deliveries to a subscription may keep failing before it is blacklisted. RingCentral
    /// sends each notification once and blacklists a webhook that has failed for about ten minutes
    /// (a RingCentral engineer on the developer forum); tests shorten it, 0 blacklists at the first failure.
    public var blacklistAfter: TimeInterval {
        get { self.state.withLock { $0.blacklistAfter } }
        set { self.state.withLock { $0.blacklistAfter = newValue } }
    }

    /// Blacklists every subscription, as RingCentral does after deliveries have failed for a while:
    /// no more deliveries until the subscriber deletes it and subscribes again.
    public func blacklistSubscriptions(reason: String = "Webhook responses with code: [503], reason: [Service Unavailable]") {
        let now = Date()
        self.state.withLock { state in
            for id in state.subscriptions.keys {
                state.subscriptions[id]?.blacklistReason = reason
                state.subscriptions[id]?.blacklistedAt = now
            }
        }
    }

    /// Brings every subscription's expiry to `seconds` from now, to see it renewed.
    public func expireSubscriptions(in seconds: TimeInterval) {
        let expiry = Date().addingTimeInterval(seconds)
        self.state.withLock { state in
            for id in state.subscriptions.keys { state.subscriptions[id]?.expiresAt = expiry }
        }
    }

    /// When each subscription expires, by id.
    public var subscriptionExpiries: [String: Date] { self.state.withLock { $0.subscriptions.mapValues(\.expiresAt) } }

    /// The ids of subscriptions ever made and not deleted, active or not.
    public var subscriptionIDs: [String] { self.state.withLock { Array($0.subscriptions.keys).sorted() } }

    /// Answers the next `count` API requests with RingCentral's 429 and `Retry-After: retryAfter`.
    public func rateLimitNext(_ count: Int, retryAfter: Int) {
        self.state.withLock {
            $0.rateLimitNext += count
            $0.retryAfter = retryAfter
        }
    }

    /// Invalidates every access token issued so far, as an expiry or a revocation would.
    public func revokeTokens() {
        self.expireAccessTokens()
    }

    /// API requests received so far (token requests excluded).
    public var apiRequestCount: Int { self.state.withLock { $0.apiRequests } }

    /// Makes the next `count` deliveries fail as if the network dropped them.
    public func dropNextDeliveries(_ count: Int) {
        self.state.withLock { $0.dropNextDeliveries += count }
    }

    /// The number the next generated call gets. Calls placed through `POST /sandbox/calls` are
    /// numbered from ``controlledCallNumberBase`` up and do not count here.
    public var nextCallNumber: Int {
        self.state.withLock { ($0.calls.map(\.number).filter { $0 <= Self.controlledCallNumberBase }.max() ?? 0) + 1 }
    }

    /// Records a call in the plan (and the plan file). Its events are sent by ``deliver(_:realTime:)``.
    public func place(_ call: ScriptedCall) throws {
        if let planURL {
            var line = try JSONEncoder().encode(call)
            line.append(UInt8(ascii: "\n"))
            try PlanFile.append(line, to: planURL)
        }
        self.state.withLock {
            $0.calls.append(call)
            $0.callLogSync.placedAt[call.telephonySessionID] = Date()
        }
    }

    /// Sends the call's events to every subscription, then, for a recorded answered call, its AI
    /// insights to the subscriptions that asked for them. In real time each waits for its moment
    /// (the insights ``insightsDelay`` after the recording is ready); otherwise they go out at once, in order.
    public func deliver(_ call: ScriptedCall, realTime: Bool) async {
        for index in call.statusChanges.indices {
            let change = call.statusChanges[index]
            if realTime {
                let wait = change.at.timeIntervalSinceNow
                if wait > 0 { try? await Task.sleep(for: .seconds(wait)) }
                if Task.isCancelled { return }
            }
            await self.send(call, change: index, to: self.activeSubscriptions())
            if change.code == "Disconnected" {
                self.state.withLock { $0.hangUpsSent[call.telephonySessionID] = Date() }
            }
        }
        guard call.recorded, call.outcome == .answered, self.activeSubscriptions().contains(where: { $0.wants(.pbxInsights) }) else { return }
        if realTime {
            let wait = self.insightsReadyAt(call).timeIntervalSinceNow
            if wait > 0 { try? await Task.sleep(for: .seconds(wait)) }
            if Task.isCancelled { return }
        }
        await self.deliverInsights(call)
    }

    /// Sends the call's events before its hang-up to every subscription, at once: to the subscriber
    /// the call is still going on. ``deliverHangUp(_:)`` sends the rest.
    public func deliverUntilHangUp(_ call: ScriptedCall) async {
        let subscriptions = self.activeSubscriptions()
        for index in call.statusChanges.indices where call.statusChanges[index].code != "Disconnected" {
            await self.send(call, change: index, to: subscriptions)
        }
    }

    /// Sends the call's hang-up to every subscription, at once.
    public func deliverHangUp(_ call: ScriptedCall) async {
        let subscriptions = self.activeSubscriptions()
        for index in call.statusChanges.indices where call.statusChanges[index].code == "Disconnected" {
            await self.send(call, change: index, to: subscriptions)
        }
        self.state.withLock { $0.hangUpsSent[call.telephonySessionID] = Date() }
    }

    /// When RingSense has the insights of `call`: ``insightsDelay`` after its recording is ready.
    public func insightsReadyAt(_ call: ScriptedCall) -> Date {
        call.recordingReadyAt.addingTimeInterval(self.insightsDelay)
    }

    /// Sends the AI insights of a recorded, answered `call` to every subscription with the insights
    /// filter, now; sending them again is the same delivery (same `uuid`), as a retry would be.
    public func deliverInsights(_ call: ScriptedCall) async {
        guard call.recorded, call.outcome == .answered else { return }
        let customer = self.company.customers.first { $0.phoneNumber == call.customerNumber }.map { "\($0.firstName) \($0.lastName)" }
        for subscription in self.activeSubscriptions() where subscription.wants(.pbxInsights) {
            let notification = SandboxInsightsNotification(
                call: call, customerName: customer, accountID: self.company.accountID, subscriptionID: subscription.id, baseURL: self.baseURL.get(),
                producedAt: self.insightsReadyAt(call)
            )
            await self.post((try? JSONEncoder().encode(notification)) ?? Data(), to: subscription)
        }
        self.state.withLock { $0.insightsSent[call.telephonySessionID] = Date() }
    }

    /// Sends every event of `calls` at once, as an unreliable network would: a fraction `duplicates`
    /// of them twice, all in an order shuffled by `seed`.
    public func deliverScrambled(_ calls: [ScriptedCall], duplicates: Double, seed: UInt64) async {
        var random = SeededGenerator(seed: seed)
        var deliveries: [(ScriptedCall, Int)] = []
        for call in calls {
            for index in call.statusChanges.indices {
                deliveries.append((call, index))
                if Double.random(in: 0..<1, using: &random) < duplicates { deliveries.append((call, index)) }
            }
        }
        deliveries.shuffle(using: &random)
        let subscriptions = self.activeSubscriptions()
        for (call, index) in deliveries {
            await self.send(call, change: index, to: subscriptions)
        }
    }

    func activeSubscriptions() -> [Subscription] {
        let now = Date()
        return self.state.withLock { $0.subscriptions.values.filter { $0.isActive(at: now) } }
    }

    /// Posts the `change`-th event of `call` to each subscription with a filter covering the call's
    /// extension (the account-level filter covers them all).
    private func send(_ call: ScriptedCall, change index: Int, to subscriptions: [Subscription]) async {
        let owner = self.company.employees[0].extensionID
        for subscription in subscriptions {
            guard let event = subscription.telephonyEvent(covering: call.extensionID, accountID: self.company.accountID, ownerExtensionID: owner) else { continue }
            var notification = SandboxNotification(call: call, change: index, accountID: self.company.accountID, subscriptionID: subscription.id)
            notification.event = event
            await self.post((try? JSONEncoder().encode(notification)) ?? Data(), to: subscription)
        }
    }

    func post(_ body: Data, to subscription: Subscription) async {
        let now = Date()
        let (drop, active) = self.state.withLock { state -> (Bool, Bool) in
            // A subscription blacklisted since this delivery began gets nothing more.
            guard state.subscriptions[subscription.id]?.isActive(at: now) == true else { return (false, false) }
            guard state.dropNextDeliveries > 0 else { return (false, true) }
            state.dropNextDeliveries -= 1
            return (true, true)
        }
        guard active else { return }
        var request = HTTPClientRequest(url: subscription.address)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json; charset=UTF-8")
        request.headers.add(name: "User-Agent", value: "RingCentral-Webhook/8.4")
        if let token = subscription.verificationToken { request.headers.add(name: "Verification-Token", value: token) }
        request.body = .bytes(ByteBuffer(bytes: body))
        var failure: String? = "I/O operation is failed. Details: [Connection reset]"
        // The client fails a refused connection at once; a connection that fails is tried twice more
        // straight away (a busy loopback drops the odd one), then the notification is given up.
        for _ in 0..<(drop ? 0 : 3) {
            do {
                let response = try await self.httpClient.execute(request, timeout: .seconds(10))
                _ = try await response.body.collect(upTo: 1 << 20)
                failure =
                    (200..<300).contains(response.status.code)
                    ? nil : "Webhook responses with code: [\(response.status.code)], reason: [\(response.status.reasonPhrase)]"
                break
            } catch {
                self.logger.debug("webhook delivery failed", metadata: ["error": "\(error)"])
                failure = "I/O operation is failed. Details: [\(Self.ioFailure(error))]"
            }
        }
        self.recordDelivery(to: subscription.id, failure: failure, at: Date())
    }

    /// Counts a delivery, and blacklists its subscription once deliveries have failed for
    /// ``blacklistAfter``. Nothing is retried: a failed notification is lost, as with RingCentral.
    private func recordDelivery(to id: String, failure: String?, at now: Date) {
        self.state.withLock { state in
            guard let failure else {
                state.deliveries += 1
                state.subscriptions[id]?.failingSince = nil
                return
            }
            state.failedDeliveries += 1
            guard var subscription = state.subscriptions[id], subscription.blacklistReason == nil else { return }
            let since = subscription.failingSince ?? now
            subscription.failingSince = since
            if now.timeIntervalSince(since) >= state.blacklistAfter {
                subscription.blacklistReason = failure
                subscription.blacklistedAt = now
            }
            state.subscriptions[id] = subscription
        }
    }

    /// RingCentral's wording of a failed connection, e.g. "Connection refused" or "Read timed out".
    private static func ioFailure(_ error: any Error) -> String {
        let text = "\(error)".lowercased()
        if text.contains("refused") { return "Connection refused" }
        if text.contains("timeout") || text.contains("timedout") { return "Read timed out" }
        return "Connection reset"
    }
}

/// The URL a sandbox is served at, learned once the server is listening.
final class OneShotURL: Sendable {
    private let value = Mutex<String>("http://127.0.0.1")
    func set(_ url: String) { self.value.withLock { $0 = url } }
    func get() -> String { self.value.withLock { $0 } }
}

/// Appends lines to a plan file, creating it on first use.
enum PlanFile {
    static func append(_ data: Data, to url: URL) throws {
        if !FileManager.default.fileExists(atPath: url.path) {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            FileManager.default.createFile(atPath: url.path, contents: nil)
        }
        let handle = try FileHandle(forWritingTo: url)
        defer { try? handle.close() }
        try handle.seekToEnd()
        try handle.write(contentsOf: data)
    }
}
