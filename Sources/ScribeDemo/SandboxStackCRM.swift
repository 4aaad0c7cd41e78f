import Foundation
import Hummingbird
import Logging
import ScribeApp
import ScribeSandbox

/// The sandbox CRM a stack runs: one of the vendors Callscribe ships a connector for, seeded from
/// the stack's ``SandboxCompany`` so that its customers' numbers match the calls the phone system places.
///
/// Tests read the vendor's own records through ``hubSpot``, ``pipedrive`` or ``salesforce``; the
/// benchmark and the demo use the vendor-neutral members.
public enum SandboxStackCRM: Sendable {
    case hubspot(HubSpotSandbox)
    case pipedrive(PipedriveSandbox)
    case salesforce(SalesforceSandbox)

    /// A fresh sandbox of `kind` for `company`.
    ///
    /// - Parameter journalFolder: HubSpot keeps its call records in a file there, so a restarted demo
    ///   finds them; Pipedrive and Salesforce keep theirs in memory only.
    static func make(_ kind: CRMSettings.Kind, company: SandboxCompany, journalFolder: URL?, createAnswerDelay: Duration, logger: Logger) -> SandboxStackCRM {
        switch kind {
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
        case .file:
            preconditionFailure("a connector file names its own CRM; the stack runs the sandboxes of the CRMs in code")
        }
    }

    /// Which CRM this is, as `CALLSCRIBE_CRM` names it.
    public var kind: CRMSettings.Kind {
        switch self {
        case .hubspot: .hubspot
        case .pipedrive: .pipedrive
        case .salesforce: .salesforce
        }
    }

    /// The vendor's name, for people.
    public var displayName: String {
        switch self {
        case .hubspot: "HubSpot"
        case .pipedrive: "Pipedrive"
        case .salesforce: "Salesforce"
        }
    }

    /// The sandbox as its fault knobs and request counters, which every vendor's sandbox shares.
    public var anySandbox: any SandboxCRM {
        switch self {
        case .hubspot(let sandbox): sandbox
        case .pipedrive(let sandbox): sandbox
        case .salesforce(let sandbox): sandbox
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

    /// When each call record (HubSpot call, Pipedrive activity, Salesforce Task) was created, by its id
    /// as the CRM gave it to Callscribe.
    public var callRecordsCreated: [String: Date] {
        let pairs: [(String, Date)] =
            switch self {
            case .hubspot(let sandbox): sandbox.calls.map { ($0.id, $0.createdAt) }
            case .pipedrive(let sandbox): sandbox.activities.map { (String($0.id), $0.addTime) }
            case .salesforce(let sandbox): sandbox.tasks.map { ($0.id, $0.createdDate) }
            }
        return Dictionary(pairs) { first, _ in first }
    }

    func router() -> Router<BasicRequestContext> {
        switch self {
        case .hubspot(let sandbox): sandbox.router()
        case .pipedrive(let sandbox): sandbox.router()
        case .salesforce(let sandbox): sandbox.router()
        }
    }

    /// Callscribe's settings for logging into this sandbox, served at `baseURL`.
    func callscribeSettings(baseURL: String) -> [String: String] {
        let credentials: [String: String] =
            switch self {
            case .hubspot: [Setting.hubSpotURL.name: baseURL, Setting.hubSpotToken.name: SandboxStack.hubSpotToken]
            case .pipedrive: [Setting.pipedriveURL.name: baseURL, Setting.pipedriveToken.name: SandboxStack.pipedriveToken]
            case .salesforce: [Setting.salesforceURL.name: baseURL, Setting.salesforceToken.name: SandboxStack.salesforceToken]
            }
        // The budget each sandbox advertises in its rate-limit headers, as an admin would set it for
        // their plan; the defaults are the smallest plans'. Salesforce's daily default fits any demo.
        let budget: [String: String] =
            switch self {
            case .hubspot: [Setting.hubSpotRequestsPer10Seconds.name: String(HubSpotSandbox.burstLimit)]
            case .pipedrive: [Setting.pipedriveRequestsPer2Seconds.name: String(PipedriveSandbox.rateLimit)]
            case .salesforce: [:]
            }
        return credentials.merging(budget) { old, _ in old }.merging([Setting.crm.name: self.kind.rawValue]) { _, kind in kind }
    }
}
