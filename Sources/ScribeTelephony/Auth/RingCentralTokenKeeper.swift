import AsyncHTTPClient
import Foundation
import Logging
import NIOCore
import NIOHTTP1

/// Obtains RingCentral access tokens, through the JWT grant or the authorization-code grant's
/// single-use refresh tokens, one token request at a time: concurrent callers share the one in flight.
///
/// With the authorization-code grant the token pair lives in a ``RingCentralTokenStore`` that other
/// processes may share. A refresh first claims the stored refresh token (so no other process spends
/// it too), and the new pair is stored, replacing the one it came from, before its access token is
/// used: a crash after that cannot lose the only valid refresh token. A refresh RingCentral refuses
/// with `invalid_grant` ends the connection until an admin connects again; it is not retried.
public actor RingCentralTokenKeeper {
    /// The operation named by errors saying an admin must connect (or reconnect) RingCentral.
    public static let authorizationOperation = "ringcentral.authorization"

    private let credentials: RingCentralCredentials
    private let httpClient: HTTPClient
    private let timeout: TimeAmount
    private let now: @Sendable () -> Date
    private let store: (any RingCentralTokenStore)?
    private let gate: RateLimitGate
    private let logger: Logger
    /// Tokens are renewed this long before they expire, rather than after a 401.
    private let refreshAhead: TimeInterval = 60
    /// How long a claim on a refresh token lasts if its holder never stores the new pair (it crashed).
    private let claimLease: TimeInterval = 30

    private var current: (token: String, expiresAt: Date)?
    private var inFlight: Task<(String, Date), any Error>?
    /// An access token RingCentral answered 401 to: never used again, even while the store holds it.
    private var refusedToken: String?
    /// The refresh token RingCentral refused, and why: nothing is sent until another pair is stored.
    private var deadRefresh: (token: String, reason: String)?
    /// Our own live claim, so a retry after a failed refresh need not wait for its lease to lapse.
    private var ownClaim: (token: String, until: Date)?

    init(
        credentials: RingCentralCredentials, httpClient: HTTPClient, timeout: TimeAmount, store: (any RingCentralTokenStore)?, gate: RateLimitGate,
        logger: Logger, now: @escaping @Sendable () -> Date
    ) {
        self.credentials = credentials
        self.httpClient = httpClient
        self.timeout = timeout
        self.store = store
        self.gate = gate
        self.logger = logger
        self.now = now
    }

    /// A valid access token: the one held, or a new one when it is within a minute of expiry.
    public func accessToken() async throws(TelephonyError) -> String {
        if let current, current.expiresAt > self.now().addingTimeInterval(self.refreshAhead), current.token != self.refusedToken {
            return current.token
        }
        let task = self.inFlight ?? Task { try await self.obtain() }
        self.inFlight = task
        do {
            let (token, expiresAt) = try await task.value
            self.current = (token, expiresAt)
            if self.inFlight == task { self.inFlight = nil }
            return token
        } catch {
            if self.inFlight == task { self.inFlight = nil }
            throw (error as? TelephonyError) ?? TelephonyError(.transient, operation: "ringcentral.token", message: "\(error)")
        }
    }

    /// RingCentral answered 401 to `token`: the next ``accessToken()`` gets a new one.
    public func refused(_ token: String) {
        self.refusedToken = token
        if self.current?.token == token { self.current = nil }
    }

    /// Where an admin signs in to RingCentral to connect Callscribe (authorization-code grant);
    /// RingCentral sends them back to `redirectURI` with `code` and `state`.
    public nonisolated func authorizeURL(redirectURI: String, state: String) -> String {
        self.credentials.serverURL + "/restapi/oauth/authorize?response_type=code&client_id=\(FormEncoding.escape(self.credentials.clientID))"
            + "&redirect_uri=\(FormEncoding.escape(redirectURI))&state=\(FormEncoding.escape(state))"
    }

    /// Exchanges the code RingCentral sent back for a token pair and stores it, replacing any pair.
    @discardableResult
    public func exchange(code: String, redirectURI: String) async throws(TelephonyError) -> RingCentralTokenPair {
        let operation = "ringcentral.authorizationCode"
        guard let store = self.store else {
            throw TelephonyError(.permanent, operation: operation, message: "no token store: the authorization-code grant is not configured")
        }
        let info = try await self.requestToken(
            form: "grant_type=authorization_code&code=\(FormEncoding.escape(code))&redirect_uri=\(FormEncoding.escape(redirectURI))", operation: operation
        )
        let pair = try self.pair(from: info, operation: operation)
        do {
            // Connecting wins over whatever was stored: retry the swap against the latest pair.
            for _ in 0..<5 {
                let stored = try await store.load()
                if try await store.store(pair, replacing: stored?.refreshToken) { break }
            }
        } catch {
            throw TelephonyError(.transient, operation: "ringcentral.tokenStore", message: "could not store the token pair: \(error)")
        }
        self.deadRefresh = nil
        self.refusedToken = nil
        self.current = (pair.accessToken, pair.accessExpiresAt)
        self.logger.notice("RingCentral connected", metadata: ["owner": "\(pair.ownerID ?? "?")"])
        return pair
    }

    /// The connection as far as this process knows it.
    public func connectionState() async -> RingCentralConnectionState {
        guard self.credentials.grant == .authorizationCode else { return .jwt }
        guard let pair = try? await self.store?.load() else { return .notConnected }
        if let deadRefresh, deadRefresh.token == pair.refreshToken { return .needsReauthorization(reason: deadRefresh.reason) }
        if pair.refreshExpiresAt <= self.now() { return .needsReauthorization(reason: "the refresh token expired") }
        return .connected(ownerID: pair.ownerID, refreshExpiresAt: pair.refreshExpiresAt)
    }

    // MARK: Obtaining tokens

    private func obtain() async throws(TelephonyError) -> (String, Date) {
        switch self.credentials.grant {
        case .jwt:
            let info = try await self.requestToken(
                form: "grant_type=\(FormEncoding.escape("urn:ietf:params:oauth:grant-type:jwt-bearer"))&assertion=\(FormEncoding.escape(self.credentials.jwt))",
                operation: "ringcentral.token"
            )
            return (info.access_token, self.now().addingTimeInterval(TimeInterval(info.expires_in)))
        case .authorizationCode:
            let pair = try await self.refreshedPair()
            return (pair.accessToken, pair.accessExpiresAt)
        }
    }

    /// The stored pair if its access token is good, else a refreshed one; waits while another
    /// process holds the claim on the refresh token, then uses the pair it stored.
    private func refreshedPair() async throws(TelephonyError) -> RingCentralTokenPair {
        guard let store = self.store else { throw Self.needsAuthorization("no token store is configured") }
        let deadline = self.now().addingTimeInterval(self.claimLease + 5)
        while true {
            let pair: RingCentralTokenPair?
            do { pair = try await store.load() } catch { throw Self.storeError(error) }
            guard let pair else {
                throw Self.needsAuthorization("RingCentral is not connected: an admin must connect it at /ringcentral/connect")
            }
            if let deadRefresh {
                // Another process (or the CLI) may have connected again since.
                guard deadRefresh.token != pair.refreshToken else { throw Self.reconnect(deadRefresh.reason) }
                self.deadRefresh = nil
            }
            let now = self.now()
            if pair.accessToken != self.refusedToken, pair.accessExpiresAt > now.addingTimeInterval(self.refreshAhead) { return pair }
            guard pair.refreshExpiresAt > now else {
                try self.markDead(pair.refreshToken, reason: "the refresh token expired")
            }
            if try await self.claim(pair.refreshToken, store: store, now: now) {
                if let refreshed = try await self.refresh(pair, store: store) { return refreshed }
                continue
            }
            guard self.now() < deadline else {
                throw TelephonyError(.transient, operation: "ringcentral.token", message: "another process has been refreshing the token pair for too long")
            }
            // Another process is spending this refresh token; its new pair will be in the store.
            try? await Task.sleep(for: .milliseconds(200))
        }
    }

    private func claim(_ refreshToken: String, store: any RingCentralTokenStore, now: Date) async throws(TelephonyError) -> Bool {
        if let ownClaim, ownClaim.token == refreshToken, ownClaim.until > now { return true }
        let until = now.addingTimeInterval(self.claimLease)
        do {
            guard try await store.claimRefresh(of: refreshToken, until: until, now: now) else { return false }
        } catch {
            throw Self.storeError(error)
        }
        self.ownClaim = (refreshToken, until)
        return true
    }

    /// Spends `pair`'s refresh token and stores what it buys. Nil when the store took another pair
    /// meanwhile (the caller reloads it).
    private func refresh(_ pair: RingCentralTokenPair, store: any RingCentralTokenStore) async throws(TelephonyError) -> RingCentralTokenPair? {
        let operation = "ringcentral.refresh"
        let info: TokenInfo
        do {
            info = try await self.requestToken(form: "grant_type=refresh_token&refresh_token=\(FormEncoding.escape(pair.refreshToken))", operation: operation)
        } catch where error.kind == .unauthorized {
            // Refused (used, expired or revoked): unless a newer pair was stored meanwhile, only an admin can help.
            if let stored = try? await store.load(), stored.refreshToken != pair.refreshToken { return nil }
            try self.markDead(pair.refreshToken, reason: "RingCentral refused the refresh token (\(error.message))")
        }
        let next = try self.pair(from: info, operation: operation)
        let stored: Bool
        do { stored = try await store.store(next, replacing: pair.refreshToken) } catch { throw Self.storeError(error) }
        self.ownClaim = nil
        if !stored {
            self.logger.warning("the RingCentral token pair changed while it was being refreshed; using the stored one")
            return nil
        }
        if self.refusedToken == pair.accessToken { self.refusedToken = nil }
        self.logger.debug("RingCentral access token refreshed", metadata: ["expiresAt": "\(next.accessExpiresAt)"])
        return next
    }

    private func markDead(_ refreshToken: String, reason: String) throws(TelephonyError) -> Never {
        if self.deadRefresh?.token != refreshToken {
            self.logger.error(
                "RingCentral needs an admin to connect it again at /ringcentral/connect", metadata: ["reason": "\(reason)"]
            )
        }
        self.deadRefresh = (refreshToken, reason)
        self.ownClaim = nil
        throw Self.reconnect(reason)
    }

    private static func reconnect(_ reason: String) -> TelephonyError {
        self.needsAuthorization("\(reason): an admin must connect RingCentral again at /ringcentral/connect")
    }

    private func pair(from info: TokenInfo, operation: String) throws(TelephonyError) -> RingCentralTokenPair {
        guard let refreshToken = info.refresh_token else {
            throw TelephonyError(.permanent, operation: operation, message: "RingCentral's token answer has no refresh_token")
        }
        let now = self.now()
        return RingCentralTokenPair(
            accessToken: info.access_token, accessExpiresAt: now.addingTimeInterval(TimeInterval(info.expires_in)), refreshToken: refreshToken,
            refreshExpiresAt: now.addingTimeInterval(TimeInterval(info.refresh_token_expires_in ?? 604_800)), ownerID: info.owner_id
        )
    }

    /// `POST /restapi/oauth/token` with the app's Basic credentials. A 400 or 401 (a refused grant) is `.unauthorized`.
    private func requestToken(form: String, operation: String) async throws(TelephonyError) -> TokenInfo {
        var request = HTTPClientRequest(url: self.credentials.serverURL + "/restapi/oauth/token")
        request.method = .POST
        let basic = Data("\(self.credentials.clientID):\(self.credentials.clientSecret)".utf8).base64EncodedString()
        request.headers.add(name: "Authorization", value: "Basic \(basic)")
        request.headers.add(name: "Content-Type", value: "application/x-www-form-urlencoded")
        request.body = .bytes(ByteBuffer(string: form))
        try await self.gate.admit(operation)
        let status: Int
        let headers: HTTPHeaders
        let data: Data
        do {
            let response = try await self.httpClient.execute(request, timeout: self.timeout)
            let body = try await response.body.collect(upTo: 1 << 20)
            (status, headers, data) = (Int(response.status.code), response.headers, Data(body.readableBytesView))
        } catch {
            throw TelephonyError(.transient, operation: operation, message: "\(error)")
        }
        await self.gate.record(operation, headers: headers)
        if status == 400 || status == 401 {
            throw TelephonyError(.unauthorized, operation: operation, status: status, message: RingCentralAnswer.errorMessage(data))
        }
        try RingCentralAnswer.check(status: status, headers: headers, data: data, operation: operation)
        guard let info = try? JSONDecoder().decode(TokenInfo.self, from: data) else {
            throw TelephonyError(.permanent, operation: operation, status: status, message: "unexpected token answer")
        }
        return info
    }

    private static func needsAuthorization(_ message: String) -> TelephonyError {
        TelephonyError(.unauthorized, operation: Self.authorizationOperation, message: message)
    }

    private static func storeError(_ error: any Error) -> TelephonyError {
        TelephonyError(.transient, operation: "ringcentral.tokenStore", message: "\(error)")
    }
}

extension TelephonyError {
    /// RingCentral cannot be reached until an admin connects it (again): retrying will not help.
    public var needsAuthorization: Bool { self.operation == RingCentralTokenKeeper.authorizationOperation }
}
