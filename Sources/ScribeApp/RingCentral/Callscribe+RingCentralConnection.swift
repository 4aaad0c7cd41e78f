import Foundation
import Logging
import ScribeCore
import ScribeTelephony

/// Connecting Callscribe to RingCentral through the authorization-code grant: an admin signs in to
/// RingCentral, which sends them back with a code that buys the first token pair.
extension Callscribe {
    /// Whether RingCentral is connected (always, with the JWT grant).
    public func ringCentralConnectionState() async -> RingCentralConnectionState {
        await self.ringCentral.tokens.connectionState()
    }

    /// Where RingCentral sends the admin back; the public URL, else this server's own address.
    public func ringCentralRedirectURI() async -> String {
        if self.configuration.publicURL == nil, let port = try? await self.serverListening.wait() {
            return self.configuration.ringCentralRedirectURI(boundPort: port)
        }
        return self.configuration.ringCentralRedirectURI(boundPort: self.configuration.port)
    }

    /// RingCentral's sign-in page for `redirectURI` and `state` (the CLI makes its own state).
    public func ringCentralAuthorizeURL(redirectURI: String, state: String) -> String {
        self.ringCentral.tokens.authorizeURL(redirectURI: redirectURI, state: state)
    }

    /// The RingCentral sign-in page to send an admin to, with a new `state` tied to their session.
    public func ringCentralConnectURL(as caller: Caller) async throws -> String {
        guard caller.user.isAdmin else { throw AccessError.adminOnly }
        guard self.configuration.ringCentral.grant == .authorizationCode else { throw RingCentralConnectError.notAuthorizationCodeGrant }
        guard let session = caller.session else { throw RingCentralConnectError.browserSessionRequired }
        let state = self.connectStates.issue(for: session.tokenHash, now: self.effects.now())
        return self.ringCentral.tokens.authorizeURL(redirectURI: await self.ringCentralRedirectURI(), state: state)
    }

    /// Finishes the sign-in RingCentral sent the admin back from: checks the `state` (once), trades
    /// the code for a token pair, stores it, and wakes the parts waiting for RingCentral.
    public func completeRingCentralConnection(code: String?, state: String?, error: String?, as caller: Caller) async throws {
        guard caller.user.isAdmin else { throw AccessError.adminOnly }
        guard self.configuration.ringCentral.grant == .authorizationCode else { throw RingCentralConnectError.notAuthorizationCodeGrant }
        guard let session = caller.session else { throw RingCentralConnectError.browserSessionRequired }
        guard let state, self.connectStates.consume(state, sessionHash: session.tokenHash, now: self.effects.now()) else {
            throw RingCentralConnectError.invalidState
        }
        if let error { throw RingCentralConnectError.refused(error) }
        guard let code, !code.isEmpty else { throw RingCentralConnectError.refused("no authorization code") }
        try await self.connectRingCentral(code: code, redirectURI: await self.ringCentralRedirectURI())
        self.logger.notice("RingCentral connected by an admin", metadata: ["user": "\(caller.user.email)"])
    }

    /// Trades an authorization code for the token pair and stores it (the web callback, or the CLI
    /// for a server no browser can reach).
    public func connectRingCentral(code: String, redirectURI: String) async throws(RingCentralConnectError) {
        do {
            try await self.ringCentral.tokens.exchange(code: code, redirectURI: redirectURI)
        } catch {
            throw .exchangeFailed(error)
        }
        self.ringCentralConnected.signal()
    }
}
