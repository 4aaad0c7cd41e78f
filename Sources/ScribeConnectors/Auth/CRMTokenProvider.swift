import Foundation
import Logging
import ScribeCore

/// Hands out a CRM connection's OAuth2 access token and renews it: ahead of its expiry, and when the
/// CRM rejects it (``refresh(rejecting:operation:)``).
///
/// One refresh is in flight per provider; callers arriving meanwhile wait for it and share its answer,
/// so a refresh token is spent once even when many requests see the same 401. A refused refresh is
/// remembered: later callers get the same non-retryable error without another request, so a revoked
/// grant never becomes a refresh loop (unless the store holds a newer pair, which another process
/// sharing it bought with the same refresh token). Each new pair is stored (compare-and-swap on the refresh token
/// it replaced) so that a restart starts from it.
public actor CRMTokenProvider {
    private let client: CRMOAuthClient
    private let store: any CRMTokenStore
    private let initial: CRMTokenPair
    private let refreshAhead: TimeInterval
    private let now: @Sendable () -> Date
    private let logger: Logger

    private var pair: CRMTokenPair?
    private var inFlight: Task<Result<CRMTokenPair, ConnectorError>, Never>?
    private var refused: ConnectorError?

    /// - Parameters:
    ///   - initial: the pair from the settings, used until the store holds one; an empty access token
    ///     (only a refresh token configured) is refreshed before the first request.
    ///   - refreshAhead: how long before its expiry an access token is renewed.
    public init(
        client: CRMOAuthClient,
        store: any CRMTokenStore,
        initial: CRMTokenPair,
        refreshAhead: TimeInterval = 60,
        now: @escaping @Sendable () -> Date = { Date() },
        logger: Logger = Logger(label: "callscribe.crm.tokens")
    ) {
        self.client = client
        self.store = store
        self.initial = initial
        self.refreshAhead = refreshAhead
        self.now = now
        self.logger = logger
    }

    /// An access token good for a while yet, refreshing first when it expires within `refreshAhead`.
    public func accessToken(operation: String) async throws(ConnectorError) -> String {
        let current = try await self.current(operation: operation)
        let stale = current.accessToken.isEmpty || current.accessExpiresAt.map { $0.timeIntervalSince(self.now()) <= self.refreshAhead } ?? false
        guard stale else { return current.accessToken }
        return try await self.refresh(rejecting: current.accessToken, operation: operation)
    }

    /// A token other than `rejected`: the one another caller's refresh already bought, the one a
    /// refresh in flight will bring, or a new one from the token endpoint.
    ///
    /// - Throws: ``ConnectorError`` `.permanent` once the CRM has refused the refresh token.
    public func refresh(rejecting rejected: String, operation: String) async throws(ConnectorError) -> String {
        if let refused = self.refused { throw refused }
        let current = try await self.current(operation: operation)
        if current.accessToken != rejected, !current.accessToken.isEmpty { return current.accessToken }
        if let inFlight = self.inFlight { return try await inFlight.value.get().accessToken }

        let task = Task { [client = self.client] () -> Result<CRMTokenPair, ConnectorError> in
            do throws(ConnectorError) {
                return .success(try await client.refresh(current.refreshToken, operation: operation))
            } catch {
                return .failure(error)
            }
        }
        self.inFlight = task
        // Cleared only once the new pair is in place: a caller arriving while it is being stored
        // joins this refresh instead of finding the old pair and starting another.
        defer { self.inFlight = nil }
        let result = await task.value
        switch result {
        case .success(let fresh):
            self.pair = await self.persist(fresh, replacing: current.refreshToken)
            return self.pair?.accessToken ?? fresh.accessToken
        case .failure(let error):
            // Another process sharing the store (a CLI command beside the server) may have spent the
            // refresh token first: its pair is then the live one, not a revoked grant.
            if !error.isRetryable, let stored = try? await self.store.load(), stored.refreshToken != current.refreshToken {
                self.pair = stored
                return stored.accessToken
            }
            if !error.isRetryable {
                self.refused = error
                self.logger.error("CRM refused the refresh token; re-authorise the connection", metadata: ["operation": "\(operation)"])
            }
            throw error
        }
    }

    /// The pair in memory, else the stored one, else the configured one.
    private func current(operation: String) async throws(ConnectorError) -> CRMTokenPair {
        if let pair = self.pair { return pair }
        let stored: CRMTokenPair?
        do {
            stored = try await self.store.load()
        } catch {
            throw ConnectorError(.transient, operation: operation, message: "could not read the stored CRM tokens: \(type(of: error))")
        }
        // Another caller may have refreshed while this one read the store.
        if let pair = self.pair { return pair }
        let pair = stored ?? self.initial
        self.pair = pair
        return pair
    }

    /// Stores `fresh`; when another process stored a pair first, that one wins (its refresh token is
    /// the live one). A failed write keeps `fresh` in memory: the CRM already spent the old token.
    private func persist(_ fresh: CRMTokenPair, replacing: String) async -> CRMTokenPair {
        do {
            if try await self.store.store(fresh, replacing: replacing) { return fresh }
            // Nothing stored yet is the first refresh after the settings' pair.
            if try await self.store.load() == nil, try await self.store.store(fresh, replacing: nil) { return fresh }
            return try await self.store.load() ?? fresh
        } catch {
            self.logger.warning("could not store the refreshed CRM tokens; a restart will need re-authorisation", metadata: ["error": "\(type(of: error))"])
            return fresh
        }
    }
}
