import Foundation

/// A short, stable name for why a write failed, to count failures by kind: the operation that
/// failed and the HTTP status when there was one, e.g. `hubspot.createCall HTTP 429`.
///
/// A failed log keeps only the failure's sentence (``CallLogState/failed(reason:retryAt:)``), so the
/// code is read back from it; the sentence is ``ConnectorError/description``,
/// `<operation> failed[ (HTTP <status>)]: <message>`. The message is left out because it varies
/// from one call to the next (ids, numbers) and would split one kind of failure into many.
public enum FailureCode {
    /// The code of a failure `reason`; a reason in another shape is named by its first clause.
    public static func of(_ reason: String) -> String {
        if let failed = reason.range(of: " failed") {
            let operation = reason[..<failed.lowerBound]
            if !operation.isEmpty, !operation.contains(" ") {
                let rest = reason[failed.upperBound...]
                if rest.hasPrefix(" (HTTP "), let close = rest.firstIndex(of: ")") {
                    let status = rest[rest.index(rest.startIndex, offsetBy: 7)..<close]
                    if !status.isEmpty, status.allSatisfy(\.isNumber) { return "\(operation) HTTP \(status)" }
                }
                return String(operation)
            }
        }
        let clause = reason.split(separator: ":", maxSplits: 1).first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
        return clause.isEmpty ? "unknown" : String(clause.prefix(80))
    }
}
