import Foundation
import Logging
import ScribeCore
import ScribeStore
import ScribeTelephony
import ServiceLifecycle

/// Brings Callscribe up against the outside world, retrying until it can: learns the account and
/// its extensions, stores the CRM connection (credential sealed) and builds its connector. The
/// webhook subscription is the ``SubscriptionKeeper``'s.
struct Startup: Service {
    let callscribe: Callscribe

    /// Once connected it stays until the shutdown reaches it: a service group shutting down one
    /// service at a time counts any other service that ends meanwhile as a failure, so a start-up
    /// that finished during a shutdown made a clean stop end in an error.
    func run() async throws {
        let logger = self.callscribe.logger
        // A shutdown while the phone system is still unreachable ends the retries quietly.
        try? await cancelWhenGracefulShutdown {
            var delay: Double = 1
            while !Task.isCancelled {
                do {
                    self.callscribe.accountID.fulfill(try await self.connectDirectory())
                    try await gracefulShutdown()
                    return
                } catch is CancellationError {
                    return
                } catch let error as TelephonyError where error.needsAuthorization {
                    // Retrying cannot help: wait for an admin to connect RingCentral (the callback signals).
                    let page = await self.connectPage()
                    logger.warning(
                        "RingCentral is not connected: an admin must connect it at \(page)",
                        metadata: ["reason": "\(error.message)"]
                    )
                    try await self.makeBootstrapAdmin(self.accountBeforeConnecting())
                    await self.callscribe.ringCentralConnected.wait(timeout: .seconds(300))
                    delay = 1
                } catch {
                    logger.warning("cannot reach the phone system yet; retrying", metadata: ["error": "\(error)", "retryIn": "\(Int(delay))s"])
                    try await Task.sleep(for: .seconds(delay))
                    delay = min(delay * 2, 60)
                }
            }
        }
    }

    private func connectDirectory() async throws -> AccountID {
        let client = self.callscribe.ringCentral
        let store = self.callscribe.store
        let accountID = try await client.accountID()
        let extensions = try await client.extensions(of: accountID)
        try await store.saveExtensions(extensions)
        self.callscribe.connectors.setExtensions(extensions)
        let configuration = self.callscribe.configuration
        try await store.saveConnection(
            CRMConnection(
                id: ConnectionID(configuration.crm.connectionKind), accountID: accountID, kind: configuration.crm.connectionKind,
                baseURL: configuration.crm.baseURL, sealedCredential: try self.callscribe.secrets.seal(configuration.crm.stored.sealable)
            )
        )
        for connection in try await store.connections(of: accountID) {
            self.callscribe.connectors.register(try self.callscribe.makeConnector(connection), for: connection.id)
        }
        // People made while RingCentral was not connected yet join the account it turned out to be.
        try await self.callscribe.ledger.moveUsers(from: Self.unconnectedAccount, to: accountID)
        try await self.makeBootstrapAdmin(accountID)
        self.callscribe.logger.info("connected", metadata: ["account": "\(accountID)", "extensions": "\(extensions.count)"])
        return accountID
    }

    /// The account people belong to until RingCentral is connected and names the real one.
    static let unconnectedAccount = AccountID("unconnected")

    /// The ledger's account if it has one (a connection being renewed), else the placeholder, so the
    /// first admin can sign in and connect RingCentral.
    private func accountBeforeConnecting() async throws -> AccountID {
        let accounts = try await self.callscribe.people.accountIDs()
        return accounts.count == 1 ? accounts[0] : Self.unconnectedAccount
    }

    /// The admin page's RingCentral connect link.
    private func connectPage() async -> String {
        let callback = await self.callscribe.ringCentralRedirectURI()
        return String(callback.dropLast("/callback".count)) + "/connect"
    }

    /// The configured first admin, made once: later starts find the email taken and leave it be.
    private func makeBootstrapAdmin(_ accountID: AccountID) async throws {
        guard let admin = self.callscribe.configuration.bootstrapAdmin,
            try await self.callscribe.people.credentials(email: admin.email) == nil
        else { return }
        let user = try await self.callscribe.createUser(
            email: admin.email, name: "Admin", password: admin.password, role: .admin, accountID: accountID, extensionID: nil
        )
        self.callscribe.logger.info("made the first admin", metadata: ["email": "\(user.email)"])
    }
}
