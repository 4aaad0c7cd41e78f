import Foundation

extension CRMConnector {
    /// A CRM without dispositions offers none (its capabilities say so).
    public func dispositions() async throws(ConnectorError) -> [CallDisposition] { [] }

    /// A CRM that cannot search contacts by name finds none (its capabilities say so).
    public func findContacts(named name: String) async throws(ConnectorError) -> [Contact] { [] }

    /// A CRM whose users cannot be listed offers none (its capabilities say so).
    public func users() async throws(ConnectorError) -> [CRMUser] { [] }
}
