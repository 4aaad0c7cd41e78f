import ScribeCore

/// A ``CRMConnector`` that spends one token of its connection's budget per request before passing
/// it to the real connector, so every operation of one connection draws on one budget.
public struct RateLimitedConnector: CRMConnector {
    public let inner: any CRMConnector
    public let limiter: ConnectionRateLimiter

    public init(_ inner: any CRMConnector, limiter: ConnectionRateLimiter) {
        self.inner = inner
        self.limiter = limiter
    }

    public var bodyFormat: BodyFormat { self.inner.bodyFormat }
    public var capabilities: ConnectorCapabilities { self.inner.capabilities }

    public func findContacts(matching phone: PhoneNumber) async throws(ConnectorError) -> [Contact] {
        try await self.limiter.perform("findContacts") { () async throws(ConnectorError) in try await self.inner.findContacts(matching: phone) }
    }

    public func createContact(named name: String, phone: PhoneNumber) async throws(ConnectorError) -> Contact {
        try await self.limiter.perform("createContact") { () async throws(ConnectorError) in try await self.inner.createContact(named: name, phone: phone) }
    }

    public func relatedRecords(of contact: ContactID) async throws(ConnectorError) -> [RelatedRecord] {
        try await self.limiter.perform("relatedRecords") { () async throws(ConnectorError) in try await self.inner.relatedRecords(of: contact) }
    }

    public func customFields() async throws(ConnectorError) -> [CustomField] {
        try await self.limiter.perform("customFields") { () async throws(ConnectorError) in try await self.inner.customFields() }
    }

    public func createCallRecord(_ entry: CallLogEntry) async throws(ConnectorError) -> CRMRecordID {
        try await self.limiter.perform("createCallRecord") { () async throws(ConnectorError) in try await self.inner.createCallRecord(entry) }
    }

    /// One batch request is one request: it spends one token, however many records it creates.
    public func createCallRecords(_ entries: [CallLogEntry]) async throws(ConnectorError) -> [Result<CRMRecordID, ConnectorError>] {
        try await self.limiter.perform("createCallRecords") { () async throws(ConnectorError) in try await self.inner.createCallRecords(entries) }
    }

    public func updateCallRecord(_ id: CRMRecordID, with entry: CallLogEntry) async throws(ConnectorError) {
        try await self.limiter.perform("updateCallRecord") { () async throws(ConnectorError) in try await self.inner.updateCallRecord(id, with: entry) }
    }

    public func readCallRecord(_ id: CRMRecordID) async throws(ConnectorError) -> CallRecordSnapshot {
        try await self.limiter.perform("readCallRecord") { () async throws(ConnectorError) in try await self.inner.readCallRecord(id) }
    }

    public func findCallRecord(marker: CallLogID) async throws(ConnectorError) -> CRMRecordID? {
        try await self.limiter.perform("findCallRecord") { () async throws(ConnectorError) in try await self.inner.findCallRecord(marker: marker) }
    }
}
