import Foundation
import Hummingbird
import Logging
import ScribeApp
import ScribeSandbox

/// The sandbox CRM a stack runs, seeded from the stack's ``SandboxCompany`` so that its customers'
/// numbers match the calls the phone system places: one of the vendors Callscribe has a connector
/// for in code, or one it reaches through a shipped connector file.
///
/// Tests read the vendor's own records through ``hubSpot``, ``pipedrive``, ``salesforce`` or
/// ``connectorFile``; the benchmark and the demo use the vendor-neutral members.
public enum SandboxStackCRM: Sendable {
    case hubspot(HubSpotSandbox)
    case pipedrive(PipedriveSandbox)
    case salesforce(SalesforceSandbox)
    /// A CRM with no code in Callscribe, logged into through its connector file.
    case file(SandboxConnectorFile)

    /// The CRMs a stack can run, as `--crm` names them.
    public enum Vendor: String, CaseIterable, Sendable {
        case hubspot, pipedrive, salesforce
        case clio, insightly
        case zohoCRM = "zoho-crm"
        case odoo

        /// The vendor's connector file, for the CRMs Callscribe reaches through one.
        public var connectorFile: SandboxConnectorFile.Vendor? { SandboxConnectorFile.Vendor(rawValue: self.rawValue) }
    }

    /// A fresh sandbox of `vendor` for `company`.
    ///
    /// - Parameter journalFolder: HubSpot keeps its call records in a file there, so a restarted demo
    ///   finds them; the others keep theirs in memory only.
    static func make(_ vendor: Vendor, company: SandboxCompany, journalFolder: URL?, createAnswerDelay: Duration, logger: Logger) -> SandboxStackCRM {
        if let file = vendor.connectorFile {
            return .file(SandboxConnectorFile(file, company: company, logger: logger))
        }
        switch vendor {
        case .hubspot:
            let sandbox = HubSpotSandbox(
                company: company, accessToken: SandboxStack.hubSpotToken,
                persistenceURL: journalFolder?.appendingPathComponent("hubspot-calls.jsonl"), logger: logger
            )
            sandbox.createAnswerDelay = createAnswerDelay
            return .hubspot(sandbox)
        case .pipedrive:
            return .pipedrive(PipedriveSandbox(company: company, apiToken: SandboxStack.pipedriveToken, logger: logger))
        case .salesforce:
            return .salesforce(SalesforceSandbox(company: company, accessToken: SandboxStack.salesforceToken, logger: logger))
        case .clio, .insightly, .zohoCRM, .odoo:
            preconditionFailure("\(vendor) is reached through its connector file")
        }
    }

    /// Which CRM this is, as `--crm` names it.
    public var vendor: Vendor {
        switch self {
        case .hubspot: .hubspot
        case .pipedrive: .pipedrive
        case .salesforce: .salesforce
        case .file(let file): Vendor(rawValue: file.vendor.rawValue)!
        }
    }

    /// The vendor's name, for people.
    public var displayName: String {
        switch self {
        case .hubspot: "HubSpot"
        case .pipedrive: "Pipedrive"
        case .salesforce: "Salesforce"
        case .file(let file): file.vendor.displayName
        }
    }

    /// The sandbox as its fault knobs and request counters, which every vendor's sandbox shares.
    public var anySandbox: any SandboxCRM {
        switch self {
        case .hubspot(let sandbox): sandbox
        case .pipedrive(let sandbox): sandbox
        case .salesforce(let sandbox): sandbox
        case .file(let file): file.sandbox
        }
    }

    public var hubSpot: HubSpotSandbox? {
        if case .hubspot(let sandbox) = self { sandbox } else { nil }
    }

    public var pipedrive: PipedriveSandbox? {
        if case .pipedrive(let sandbox) = self { sandbox } else { nil }
    }

    public var salesforce: SalesforceSandbox? {
        if case .salesforce(let sandbox) = self { sandbox } else { nil }
    }

    public var connectorFile: SandboxConnectorFile? {
        if case .file(let file) = self { file } else { nil }
    }

    /// When each call record (HubSpot call, Pipedrive activity, Salesforce Task, and those of the
    /// connector-file CRMs) was created, by its id as the CRM gave it to Callscribe.
    public var callRecordsCreated: [String: Date] {
        let pairs: [(String, Date)]
        switch self {
        case .hubspot(let sandbox): pairs = sandbox.calls.map { ($0.id, $0.createdAt) }
        case .pipedrive(let sandbox): pairs = sandbox.activities.map { (String($0.id), $0.addTime) }
        case .salesforce(let sandbox): pairs = sandbox.tasks.map { ($0.id, $0.createdDate) }
        case .file(let file): return file.callRecordsCreated
        }
        return Dictionary(pairs) { first, _ in first }
    }

    func router() -> Router<BasicRequestContext> {
        switch self {
        case .hubspot(let sandbox): sandbox.router()
        case .pipedrive(let sandbox): sandbox.router()
        case .salesforce(let sandbox): sandbox.router()
        case .file(let file): file.router()
        }
    }

    /// Callscribe's settings for logging into this sandbox, served at `baseURL`.
    func callscribeSettings(baseURL: String) throws -> [String: String] {
        let credentials: [String: String] =
            switch self {
            case .hubspot: [Setting.hubSpotURL.name: baseURL, Setting.hubSpotToken.name: SandboxStack.hubSpotToken]
            case .pipedrive: [Setting.pipedriveURL.name: baseURL, Setting.pipedriveToken.name: SandboxStack.pipedriveToken]
            case .salesforce: [Setting.salesforceURL.name: baseURL, Setting.salesforceToken.name: SandboxStack.salesforceToken]
            case .file(let file):
                [
                    Setting.connectorFile.name: file.vendor.fileURL.path,
                    Setting.connectorInputs.name: String(decoding: try JSONEncoder().encode(file.inputs(baseURL: baseURL)), as: UTF8.self),
                ]
            }
        // The budget each sandbox advertises in its rate-limit headers, as an admin would set it for
        // their plan; the defaults are the smallest plans'. Salesforce's daily default fits any demo.
        let budget: [String: String] =
            switch self {
            case .hubspot: [Setting.hubSpotRequestsPer10Seconds.name: String(HubSpotSandbox.burstLimit)]
            case .pipedrive: [Setting.pipedriveRequestsPer2Seconds.name: String(PipedriveSandbox.rateLimit)]
            case .salesforce, .file: [:]
            }
        let kind: CRMSettings.Kind =
            switch self {
            case .hubspot: .hubspot
            case .pipedrive: .pipedrive
            case .salesforce: .salesforce
            case .file: .file
            }
        return credentials.merging(budget) { old, _ in old }.merging([Setting.crm.name: kind.rawValue]) { _, kind in kind }
    }
}
