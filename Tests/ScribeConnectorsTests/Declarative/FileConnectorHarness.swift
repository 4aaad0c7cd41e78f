import AsyncHTTPClient
import Foundation
import Logging
import ScribeConnectors
import ScribeCore
import ScribeSandbox
import Testing
import ScribeTestSupport

/// The connector files Callscribe ships, each against its vendor's sandbox, for contract suites
/// parameterised over them.
typealias FileCRM = SandboxConnectorFile.Vendor

extension SandboxConnectorFile.Vendor: CustomTestStringConvertible {
    public var testDescription: String { self.rawValue }

    func spec() throws -> ConnectorSpec {
        try ConnectorSpec.load(contentsOf: self.fileURL.path)
    }
}

/// One shipped connector file, its vendor's sandbox served on loopback, and a connector made from both.
struct FileConnectorHarness {
    static let company = SandboxCompany(seed: 42, customerCount: 40)

    let crm: FileCRM
    let sandbox: any SandboxCRM
    let connector: DeclarativeConnector
    let baseURL: String

    static func run<Value>(_ crm: FileCRM, _ body: (FileConnectorHarness) async throws -> Value) async throws -> Value {
        let httpClient = try HTTPClient.suite
        let spec = try crm.spec()
        let file = SandboxConnectorFile(crm, company: Self.company, logger: Logger(label: "test.\(crm.rawValue)"))
        return try await withSandboxServer(name: crm.rawValue, router: file.router()) { url in
            let connector = try Self.connector(spec, file.inputs(baseURL: url), httpClient)
            return try await body(Self(crm: crm, sandbox: file.sandbox, connector: connector, baseURL: url))
        }
    }

    private static func connector(_ spec: ConnectorSpec, _ inputs: [String: String], _ httpClient: HTTPClient) throws -> DeclarativeConnector {
        var provider: CRMTokenProvider?
        if let grant = try spec.oauthGrant(inputs: inputs) {
            provider = CRMTokenProvider(
                client: CRMOAuthClient(registration: grant.registration, http: ConnectorHTTPClient(httpClient: httpClient, logger: .init(label: "test"))),
                store: InMemoryCRMTokenStore(),
                initial: CRMTokenPair(accessToken: inputs["access_token"] ?? "", accessExpiresAt: Date().addingTimeInterval(3600), refreshToken: grant.refreshToken)
            )
        }
        return try DeclarativeConnector(spec: spec, inputs: inputs, httpClient: httpClient, tokenProvider: provider)
    }

    /// The next request is refused as rate limited, asking for `retryAfter` seconds.
    func failNextRateLimited(retryAfter: Int) {
        switch self.sandbox {
        case let clio as ClioSandbox: clio.failNextRateLimited(retryAfter: retryAfter)
        case let insightly as InsightlySandbox: insightly.failNextRateLimited(retryAfter: retryAfter)
        case let zoho as ZohoSandbox: zoho.failNext(.rateLimited(retryAfter: retryAfter))
        case let odoo as OdooSandbox: odoo.failNext(.rateLimited(retryAfter: retryAfter))
        default: Issue.record("no rate-limit knob for \(self.crm)")
        }
    }

    /// The next request is refused for a bad `field`, in the vendor's words.
    func failNextValidation(field: String) {
        switch self.sandbox {
        case let clio as ClioSandbox: clio.failNextValidation(field: field)
        case let insightly as InsightlySandbox: insightly.failNextValidation(field: field)
        case let zoho as ZohoSandbox: zoho.failNext(.invalidData(field: field))
        case let odoo as OdooSandbox: odoo.failNext(.validation(field: field))
        default: Issue.record("no validation knob for \(self.crm)")
        }
    }

    /// The next request's credential is refused as expired.
    func failNextExpiredToken() {
        switch self.sandbox {
        case let clio as ClioSandbox: clio.failNextExpiredToken()
        case let insightly as InsightlySandbox: insightly.failNextExpiredToken()
        case let zoho as ZohoSandbox: zoho.failNext(.expiredToken)
        case let odoo as OdooSandbox: odoo.failNext(.expiredKey)
        default: Issue.record("no expiry knob for \(self.crm)")
        }
    }

    /// Deletes a call record behind the connector's back.
    func deleteRecord(_ id: CRMRecordID) -> Bool {
        switch self.sandbox {
        case let clio as ClioSandbox: clio.deleteRecord(Int(id.rawValue) ?? -1)
        case let insightly as InsightlySandbox: insightly.deleteRecord(Int(id.rawValue) ?? -1)
        case let zoho as ZohoSandbox: zoho.deleteRecord(id.rawValue)
        case let odoo as OdooSandbox: odoo.deleteRecord(id: Int(id.rawValue) ?? -1)
        default: false
        }
    }

    /// A call log entry on `contact`, as the writer composes one.
    func entry(on contact: Contact, marker: String = "log-\(UUID().uuidString.prefix(8))", related: RelatedRecord? = nil) -> CallLogEntry {
        CallLogEntry(
            marker: CallLogID(marker), subject: "Inbound call with \(contact.name)",
            body: self.connector.bodyFormat.render([RecordSection("Notes", "Asked about the renewal & the \"gold\" plan")]),
            startedAt: Date(timeIntervalSince1970: 1_795_251_907), duration: 125, direction: .inbound, result: .answered,
            fromNumber: "+14155550123", toNumber: "+14155550100", contact: contact, sessionID: TelephonySessionID("s-\(marker)"),
            relatedRecord: related
        )
    }
}
