import Foundation
import Hummingbird
import Logging

/// A CRM that Callscribe has no code for, reached through one of the connector files it ships
/// (`connectors/<name>.yaml`), with the sandbox that speaks that vendor's API.
///
/// One description for the connector contract suites, the sandbox stack and the demo: which file,
/// which sandbox, and the inputs the file asks for when the sandbox is served at a given address.
public struct SandboxConnectorFile: Sendable {
    /// The vendors with a shipped connector file and a sandbox.
    public enum Vendor: String, CaseIterable, Sendable {
        case clio
        case insightly
        case zohoCRM = "zoho-crm"
        case odoo

        /// The vendor's name, for people.
        public var displayName: String {
            switch self {
            case .clio: "Clio"
            case .insightly: "Insightly"
            case .zohoCRM: "Zoho CRM"
            case .odoo: "Odoo"
            }
        }

        /// `connectors/<name>.yaml` in the checkout Callscribe was built from.
        public var fileURL: URL {
            // Sources/ScribeSandbox/CRM/ → the checkout.
            URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent().appendingPathComponent("connectors/\(self.rawValue).yaml")
        }

        /// True for the files that authenticate with OAuth2 and refresh their token on 401.
        public var refreshes: Bool { self == .clio || self == .zohoCRM }
    }

    /// The credentials each sandbox expects, shaped like the vendor's own.
    public static let clioToken = "clio-sandbox-fixed-token"
    public static let insightlyKey = "insightly-sandbox-key"
    public static let zohoToken = "1000.sandbox.fixed"
    public static let odooKey = "odoo-sandbox-key"
    public static let odooDatabase = "sandbox"

    public let vendor: Vendor
    /// The sandbox, as its fault knobs and request counters; the vendor's own type through ``clio`` and the like.
    public let sandbox: any SandboxCRM

    /// A fresh sandbox of `vendor` seeded from `company`.
    public init(_ vendor: Vendor, company: SandboxCompany, logger: Logger) {
        self.vendor = vendor
        switch vendor {
        case .clio: self.sandbox = ClioSandbox(company: company, accessToken: Self.clioToken, logger: logger)
        case .insightly: self.sandbox = InsightlySandbox(company: company, apiKey: Self.insightlyKey, logger: logger)
        case .zohoCRM: self.sandbox = ZohoSandbox(company: company, accessToken: Self.zohoToken, logger: logger)
        case .odoo: self.sandbox = OdooSandbox(company: company, apiKey: Self.odooKey, database: Self.odooDatabase, logger: logger)
        }
    }

    public var clio: ClioSandbox? { self.sandbox as? ClioSandbox }
    public var insightly: InsightlySandbox? { self.sandbox as? InsightlySandbox }
    public var zoho: ZohoSandbox? { self.sandbox as? ZohoSandbox }
    public var odoo: OdooSandbox? { self.sandbox as? OdooSandbox }

    /// The sandbox's routes.
    public func router() -> Router<BasicRequestContext> {
        switch self.sandbox {
        case let clio as ClioSandbox: clio.router()
        case let insightly as InsightlySandbox: insightly.router()
        case let zoho as ZohoSandbox: zoho.router()
        case let odoo as OdooSandbox: odoo.router()
        default: preconditionFailure("no router for \(self.vendor)")
        }
    }

    /// The inputs the vendor's connector file asks for, with the sandbox served at `baseURL`. For the
    /// files that use OAuth2 each call grants a fresh token pair, as connecting the CRM would.
    public func inputs(baseURL: String) -> [String: String] {
        switch self.sandbox {
        case let clio as ClioSandbox:
            let granted = clio.oauth.grant()
            return [
                "base_url": baseURL + "/api/v4", "token_url": baseURL + "/oauth/token", "client_id": clio.oauth.clientID,
                "client_secret": clio.oauth.clientSecret, "refresh_token": granted.refreshToken, "access_token": granted.accessToken,
            ]
        case is InsightlySandbox:
            return ["base_url": baseURL + "/v3.1", "api_key": Self.insightlyKey]
        case let zoho as ZohoSandbox:
            let granted = zoho.oauth.grant()
            return [
                "api_domain": baseURL, "accounts_url": baseURL, "client_id": zoho.oauth.clientID, "client_secret": zoho.oauth.clientSecret,
                "refresh_token": granted.refreshToken, "access_token": granted.accessToken,
            ]
        case is OdooSandbox:
            return ["url": baseURL, "database": Self.odooDatabase, "api_key": Self.odooKey]
        default:
            preconditionFailure("no inputs for \(self.vendor)")
        }
    }

    /// When each call record (Clio communication, Insightly event, Zoho call, Odoo chatter message)
    /// was created, by its id as the CRM gave it to Callscribe.
    public var callRecordsCreated: [String: Date] {
        let pairs: [(String, Date)] =
            switch self.sandbox {
            case let clio as ClioSandbox: clio.communications.map { (String($0.id), $0.createdAt) }
            case let insightly as InsightlySandbox: insightly.events.map { (String($0.id), $0.created) }
            case let zoho as ZohoSandbox: zoho.records("Calls").compactMap { call in
                call.text("Created_Time").flatMap(ZohoSandboxSeed.date).map { (call.id, $0) }
            }
            case let odoo as OdooSandbox: odoo.records("mail.message").compactMap { message in
                message.text("create_date").flatMap(OdooSandboxSeed.date).map { (String(message.id), $0) }
            }
            default: []
            }
        return Dictionary(pairs) { first, _ in first }
    }
}
