import AsyncHTTPClient
import Foundation
import Logging
import ScribeApp
import ScribeSandbox

/// The sandbox phone system and CRM while they run, with or without a Callscribe in front of them.
public struct RunningSandboxes: Sendable {
    public let company: SandboxCompany
    public let phone: PhoneSystemSandbox
    /// The sandbox CRM, whichever vendor it is.
    public let sandboxCRM: SandboxStackCRM
    public let phoneURL: String
    public let crmURL: String
    /// Shared with every Callscribe started against these sandboxes.
    let httpClient: HTTPClient
    let logger: Logger
}

/// The stack while it runs.
public struct RunningSandboxStack: Sendable {
    public let company: SandboxCompany
    public let phone: PhoneSystemSandbox
    /// The sandbox CRM the stack runs, whichever vendor it is.
    public let sandboxCRM: SandboxStackCRM
    public let callscribe: Callscribe
    public let callscribeURL: String
    public let phoneURL: String
    public let crmURL: String

    /// The HubSpot sandbox, for stacks run with the default ``SandboxStackOptions/crm``; the others are
    /// in ``sandboxCRM``. Asking a Pipedrive or Salesforce stack for it is a programming error.
    public var crm: HubSpotSandbox {
        guard let sandbox = self.sandboxCRM.hubSpot else { preconditionFailure("the stack runs \(self.sandboxCRM.displayName), not HubSpot") }
        return sandbox
    }

    /// Waits until Callscribe has subscribed to the phone system's webhooks.
    public func waitUntilSubscribed(timeout: Duration = .seconds(30)) async throws {
        let deadline = ContinuousClock.now + timeout
        while self.phone.subscriptionCount == 0 {
            guard ContinuousClock.now < deadline else { throw SandboxStackError.notSubscribed }
            try await Task.sleep(for: .milliseconds(20))
        }
    }
}
