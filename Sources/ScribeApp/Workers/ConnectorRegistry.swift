import ScribeCore
import Synchronization

/// The live connector for each CRM connection, and the names of the account's extensions.
public final class ConnectorRegistry: Sendable {
    private let connectors = Mutex<[ConnectionID: any CRMConnector]>([:])
    private let extensionNames = Mutex<[ExtensionID: String]>([:])

    public init() {}

    public func register(_ connector: any CRMConnector, for connection: ConnectionID) {
        self.connectors.withLock { $0[connection] = connector }
    }

    public func setExtensions(_ extensions: [PhoneExtension]) {
        self.extensionNames.withLock { names in
            for ext in extensions { names[ext.id] = ext.name }
        }
    }

    func connector(for connection: ConnectionID) throws(ConnectorError) -> any CRMConnector {
        guard let connector = self.connectors.withLock({ $0[connection] }) else {
            throw ConnectorError(.permanent, operation: "connectors.lookup", message: "no CRM connection '\(connection)' is configured")
        }
        return connector
    }

    func extensionName(_ id: ExtensionID) -> String? {
        self.extensionNames.withLock { $0[id] }
    }
}
