import AsyncHTTPClient
import Foundation
import Logging
import NIOCore
import NIOHTTP1
import ScribeCore

/// Talks to RingCentral's REST API: tokens, extensions, webhook subscriptions and the call log.
///
/// Tokens come from its ``tokens`` keeper (one token request at a time); every request passes the
/// rate-limit gate, which holds a group's requests once RingCentral says its budget is spent.
public actor RingCentralClient {
    private let credentials: RingCentralCredentials
    private let httpClient: HTTPClient
    private let timeout: TimeAmount
    private let now: @Sendable () -> Date
    /// Access tokens, and the authorization-code grant's connection.
    public nonisolated let tokens: RingCentralTokenKeeper
    private let gate: RateLimitGate
    /// Until when RingCentral penalizes us for a 429. Any request during the window restarts the
    /// penalty, so nothing is sent until it has passed.
    private var penaltyUntil: Date?

    /// `tokenStore` keeps the authorization-code grant's token pair (unused by the JWT grant).
    /// A request whose rate-limit group is spent waits up to `maximumRateLimitHold` for its window to pass.
    public init(
        credentials: RingCentralCredentials, httpClient: HTTPClient, timeout: TimeAmount = .seconds(15), tokenStore: (any RingCentralTokenStore)? = nil,
        maximumRateLimitHold: TimeInterval = 15, logger: Logger = Logger(label: "callscribe.ringcentral"), now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.credentials = credentials
        self.httpClient = httpClient
        self.timeout = timeout
        self.now = now
        self.gate = RateLimitGate(maximumHold: maximumRateLimitHold, now: now)
        self.tokens = RingCentralTokenKeeper(
            credentials: credentials, httpClient: httpClient, timeout: timeout, store: tokenStore, gate: self.gate, logger: logger, now: now
        )
    }

    /// The account the credentials belong to.
    public func accountID() async throws(TelephonyError) -> AccountID {
        let info: AccountInfo = try await self.get("/restapi/v1.0/account/~", operation: "ringcentral.account")
        return AccountID(String(info.id))
    }

    /// The account's enabled user extensions.
    public func extensions(of accountID: AccountID) async throws(TelephonyError) -> [PhoneExtension] {
        let list: ExtensionList = try await self.get("/restapi/v1.0/account/~/extension?type=User&perPage=1000", operation: "ringcentral.extensions")
        return list.records.filter { ($0.status ?? "Enabled") == "Enabled" }.map {
            PhoneExtension(id: ExtensionID(String($0.id)), accountID: accountID, extensionNumber: $0.extensionNumber ?? "", name: $0.name ?? "")
        }
    }

    /// Subscribes `address` to `eventFilters` (by default the account's telephony-session events);
    /// RingCentral validates the address with a Validation-Token handshake before answering.
    public func createWebhookSubscription(
        address: String, verificationToken: String, eventFilters: [String] = [EventFilter.telephonySessions], expiresIn: Int = 7 * 24 * 3600
    ) async throws(TelephonyError) -> SubscriptionInfo {
        let request = CreateSubscriptionRequest(
            eventFilters: eventFilters,
            deliveryMode: .init(transportType: "WebHook", address: address, verificationToken: verificationToken),
            expiresIn: expiresIn
        )
        return try await self.send(.POST, "/restapi/v1.0/subscription", body: request, operation: "ringcentral.createSubscription")
    }

    /// The app's existing subscriptions.
    public func subscriptions() async throws(TelephonyError) -> [SubscriptionInfo] {
        let list: SubscriptionList = try await self.get("/restapi/v1.0/subscription", operation: "ringcentral.listSubscriptions")
        return list.records
    }

    /// Extends an active subscription by its lifetime.
    public func renewSubscription(_ id: String) async throws(TelephonyError) -> SubscriptionInfo {
        try await self.send(.POST, "/restapi/v1.0/subscription/\(id)/renew", body: Optional<CreateSubscriptionRequest>.none, operation: "ringcentral.renewSubscription")
    }

    /// Replaces an active subscription's event filters in place (`PUT`, which also renews it), so
    /// no delivery is lost as a new filter is added or an old one dropped.
    public func updateSubscription(_ id: String, eventFilters: [String]) async throws(TelephonyError) -> SubscriptionInfo {
        try await self.send(.PUT, "/restapi/v1.0/subscription/\(id)", body: UpdateSubscriptionRequest(eventFilters: eventFilters), operation: "ringcentral.updateSubscription")
    }

    /// Deletes a subscription (the only way out of Blacklisted).
    public func deleteSubscription(_ id: String) async throws(TelephonyError) {
        let _: EmptyAnswer = try await self.send(.DELETE, "/restapi/v1.0/subscription/\(id)", body: Optional<CreateSubscriptionRequest>.none, operation: "ringcentral.deleteSubscription")
    }

    /// Every voice call-log record of the account that started in `from..<to`, following pages.
    public func callLog(from: Date, to: Date) async throws(TelephonyError) -> [CallLogRecord] {
        var records: [CallLogRecord] = []
        var page = 1
        while true {
            let answer = try await self.callLogPage(from: from, to: to, page: page)
            records += answer.records
            guard answer.hasNextPage else { return records }
            page += 1
        }
    }

    /// One page (numbered from 1) of the voice call-log records that started in `from..<to`, newest
    /// first: for callers that act on each page as it comes (the backfill stores and reports it).
    public func callLogPage(from: Date, to: Date, page: Int, perPage: Int = 1000) async throws(TelephonyError) -> CallLogPage {
        let query = "view=Detailed&type=Voice&perPage=\(perPage)&page=\(page)&dateFrom=\(FormEncoding.escape(RingCentralDate.format(from)))&dateTo=\(FormEncoding.escape(RingCentralDate.format(to)))"
        let response: CallLogResponse = try await self.get("/restapi/v1.0/account/~/call-log?\(query)", operation: "ringcentral.callLog")
        // An empty page ends the listing even if a next page is announced, so a confused answer cannot loop forever.
        return CallLogPage(records: response.records, hasNextPage: response.navigation?.nextPage != nil && !response.records.isEmpty)
    }

    /// The call-log records of one telephony session (one per recorded or logged leg), Detailed view.
    public func callLog(telephonySessionID: TelephonySessionID) async throws(TelephonyError) -> [CallLogRecord] {
        let query = "view=Detailed&type=Voice&recordingType=All&telephonySessionId=\(FormEncoding.escape(telephonySessionID.rawValue))"
        let response: CallLogResponse = try await self.get("/restapi/v1.0/account/~/call-log?\(query)", operation: "ringcentral.callLogOfSession")
        return response.records
    }

    /// A recording's audio, streaming (`GET …/recording/{id}/content`, inline), or the part `range`
    /// asks for: RingCentral's media answers a `Range` header with 206 and `Content-Range`, and an
    /// unsatisfiable one with 416; an answer of 200 is the whole recording. The answer must be audio;
    /// a recording can take minutes to pass on, so it has a longer deadline than other calls.
    public func recordingContent(id: String, range: RangeRequest = .whole) async throws(TelephonyError) -> RecordingContent {
        let operation = "ringcentral.recordingContent"
        let response = try await self.authorizedResponse(
            .GET, "/restapi/v1.0/account/~/recording/\(FormEncoding.escape(id))/content?contentDisposition=Inline", accept: "audio/mpeg, audio/wav",
            body: nil, timeout: Self.recordingTimeout, operation: operation, headers: range.headerValue.map { [("Range", $0)] } ?? []
        )
        let contentType = response.headers.first(name: "Content-Type") ?? ""
        guard contentType.lowercased().hasPrefix("audio/") else {
            throw TelephonyError(.permanent, operation: operation, status: Int(response.status.code), message: "the answer is not audio but '\(contentType)'")
        }
        let length = response.headers.first(name: "Content-Length").flatMap(Int.init)
        if response.status == .partialContent {
            guard let part = response.headers.first(name: "Content-Range").flatMap(ByteRange.parseContentRange) else {
                throw TelephonyError(.permanent, operation: operation, status: 206, message: "a partial answer without a usable Content-Range")
            }
            return RecordingContent(contentType: contentType, contentLength: part.range.count, range: part.range, completeLength: part.completeLength, body: response.body)
        }
        return RecordingContent(contentType: contentType, contentLength: length, body: response.body)
    }

    static let recordingTimeout = TimeAmount.minutes(10)

    // MARK: Requests

    func get<Response: Decodable>(_ path: String, operation: String) async throws(TelephonyError) -> Response {
        try await self.send(.GET, path, body: Optional<CreateSubscriptionRequest>.none, operation: operation)
    }

    private func send<Body: Encodable, Response: Decodable>(
        _ method: HTTPMethod, _ path: String, body: Body?, operation: String
    ) async throws(TelephonyError) -> Response {
        let response = try await self.authorizedResponse(method, path, accept: "application/json", body: body.map { Self.encode($0) }, timeout: self.timeout, operation: operation)
        let status = Int(response.status.code)
        let data: Data
        do {
            data = Data(try await response.body.collect(upTo: 64 << 20).readableBytesView)
        } catch {
            throw TelephonyError(.transient, operation: operation, message: "\(error)")
        }
        if Response.self == EmptyAnswer.self, let empty = EmptyAnswer() as? Response { return empty }
        do {
            return try JSONDecoder().decode(Response.self, from: data)
        } catch {
            throw TelephonyError(.permanent, operation: operation, status: status, message: "unexpected answer: \(error)")
        }
    }

    /// Sends a request with the access token and answers with a successful response whose body is
    /// still unread. A 401 fetches a new token and tries once more; a 429 starts the rate-limit
    /// penalty, during which nothing is sent.
    private func authorizedResponse(
        _ method: HTTPMethod, _ path: String, accept: String, body: [UInt8]?, timeout: TimeAmount, operation: String, headers: [(String, String)] = []
    ) async throws(TelephonyError) -> HTTPClientResponse {
        var retriedAfterRefresh = false
        while true {
            if let penaltyUntil, penaltyUntil > self.now() {
                throw TelephonyError(
                    .rateLimited(retryAfter: penaltyUntil.timeIntervalSince(self.now())), operation: operation,
                    message: "not sent: RingCentral's rate-limit penalty lasts until \(penaltyUntil.iso8601)"
                )
            }
            let token = try await self.tokens.accessToken()
            try await self.gate.admit(operation)
            var request = HTTPClientRequest(url: self.credentials.serverURL + path)
            request.method = method
            request.headers.add(name: "Authorization", value: "Bearer \(token)")
            request.headers.add(name: "Accept", value: accept)
            request.headers.add(contentsOf: headers)
            if let body {
                request.headers.add(name: "Content-Type", value: "application/json")
                request.body = .bytes(ByteBuffer(bytes: body))
            }
            let response: HTTPClientResponse
            do {
                response = try await self.httpClient.execute(request, timeout: timeout)
            } catch {
                throw TelephonyError(.transient, operation: operation, message: "\(error)")
            }
            await self.gate.record(operation, headers: response.headers)
            let status = Int(response.status.code)
            if (200..<300).contains(status) { return response }
            // An error answer is small; it is read whole for its message.
            let data = (try? await response.body.collect(upTo: 1 << 20)).map { Data($0.readableBytesView) } ?? Data()
            if status == 401, !retriedAfterRefresh {
                // The token may have been revoked or expired early: fetch a new one, once.
                await self.tokens.refused(token)
                retriedAfterRefresh = true
                continue
            }
            do {
                try RingCentralAnswer.check(status: status, headers: response.headers, data: data, operation: operation)
            } catch {
                if case .rateLimited(let retryAfter) = error.kind { self.penaltyUntil = self.now().addingTimeInterval(retryAfter) }
                throw error
            }
        }
    }

    private static func encode(_ body: some Encodable) -> [UInt8] {
        (try? [UInt8](JSONEncoder().encode(body))) ?? []
    }
}
