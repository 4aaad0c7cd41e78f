import ScribeCore

extension RateLimitedConnector {
    public func findContacts(named name: String) async throws(ConnectorError) -> [Contact] {
        try await self.limiter.perform("findContactsNamed") { () async throws(ConnectorError) in try await self.inner.findContacts(named: name) }
    }

    public func dispositions() async throws(ConnectorError) -> [CallDisposition] {
        try await self.limiter.perform("dispositions") { () async throws(ConnectorError) in try await self.inner.dispositions() }
    }

    public func users() async throws(ConnectorError) -> [CRMUser] {
        try await self.limiter.perform("users") { () async throws(ConnectorError) in try await self.inner.users() }
    }
}
