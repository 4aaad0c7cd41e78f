import Foundation
import ScribeCore

/// A CRM connection's request budget as a connector sees it: every HTTP request it sends is admitted
/// through ``perform(_:_:)``, so an operation of several requests spends several tokens.
public protocol RequestBudget: Sendable {
    /// Waits for a token (or throws a retryable rate-limit error), then runs `request`; a rate-limit
    /// error it throws pauses the budget.
    func perform<Value>(_ operation: String, _ request: () async throws(ConnectorError) -> Value) async throws(ConnectorError) -> Value

    /// Stops admitting requests for `seconds`, e.g. when the CRM says none are left in its window.
    func pause(for seconds: TimeInterval)
}
