import Foundation

extension CRMConnector {
    /// A CRM without dispositions offers none (its capabilities say so).
    public func dispositions() async throws(ConnectorError) -> [CallDisposition] { [] }

    /// A CRM whose users cannot be listed offers none (its capabilities say so).
    public func users() async throws(ConnectorError) -> [CRMUser] { [] }
}
