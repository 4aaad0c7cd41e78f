import ScribeCore

extension RateLimitedConnector {
    public func dispositions() async throws(ConnectorError) -> [CallDisposition] {
        try await self.limiter.perform("dispositions") { () async throws(ConnectorError) in try await self.inner.dispositions() }
    }

    public func users() async throws(ConnectorError) -> [CRMUser] {
        try await self.limiter.perform("users") { () async throws(ConnectorError) in try await self.inner.users() }
    }
}
