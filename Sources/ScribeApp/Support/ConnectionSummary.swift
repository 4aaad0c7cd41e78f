import Foundation
import ScribeCore

/// A CRM connection as the command line and the API show it. It has no credential field at all, so
/// no listing can print one, sealed or not.
public struct ConnectionSummary: Codable, Sendable, Hashable {
    public var id: String
    public var kind: String
    public var baseUrl: String
    public var accountId: String

    public init(_ connection: CRMConnection) {
        self.id = connection.id.rawValue
        self.kind = connection.kind
        self.baseUrl = connection.baseURL
        self.accountId = connection.accountID.rawValue
    }

    /// Every connection in the ledger, by account then id.
    public static func list(store: any LedgerStore) async throws -> [ConnectionSummary] {
        try await store.connections().map(ConnectionSummary.init)
    }
}

extension Callscribe {
    /// The CRM connections the ledger holds, without their credentials.
    public func connections() async throws -> [ConnectionSummary] {
        try await ConnectionSummary.list(store: self.store)
    }
}
