import ScribeCore
import Synchronization

/// The live connector for each CRM connection, and the names of the account's extensions.
public final class ConnectorRegistry: Sendable {
    private let connectors = Mutex<[ConnectionID: any CRMConnector]>([:])
    private let extensions = Mutex<[ExtensionID: PhoneExtension]>([:])
    /// Each connection's CRM users, for mapping agents to record owners by email.
    let owners = CRMOwnerBook()

    public init() {}

    public func register(_ connector: any CRMConnector, for connection: ConnectionID) {
        self.connectors.withLock { $0[connection] = connector }
    }

    public func setExtensions(_ extensions: [PhoneExtension]) {
        self.extensions.withLock { known in
            for ext in extensions { known[ext.id] = ext }
        }
    }

    func connector(for connection: ConnectionID) throws(ConnectorError) -> any CRMConnector {
        guard let connector = self.connectors.withLock({ $0[connection] }) else {
            throw ConnectorError(.permanent, operation: "connectors.lookup", message: "no CRM connection '\(connection)' is configured")
        }
        return connector
    }

    /// The extension numbers of the account, which are never customers' numbers.
    func extensionNumbers() -> Set<String> {
        self.extensions.withLock { Set($0.values.map(\.extensionNumber).filter { !$0.isEmpty }) }
    }

    /// The agent behind an extension, as records name them.
    func agent(_ id: ExtensionID) -> AgentIdentity? {
        self.extensions.withLock { $0[id] }.map { AgentIdentity(name: $0.name, extensionNumber: $0.extensionNumber) }
    }
}

extension ConnectorRegistry {
    /// The most records any registered connector creates in one request: how many due jobs the log
    /// worker takes at once, so that a backlog fills whole batches. 1 when no CRM has a batch create.
    var largestBatchCreateLimit: Int {
        self.connectors.withLock { $0.values.map(\.capabilities.batchCreateLimit).max() ?? 1 }
    }
}
