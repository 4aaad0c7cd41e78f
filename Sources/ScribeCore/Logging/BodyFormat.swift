import Foundation

/// How a CRM wants a record body: plain text, HTML or Markdown. Rendering is deterministic and
/// escapes all user text, so nothing a caller or agent typed can break the structure.
public enum BodyFormat: String, Sendable, Hashable, Codable {
    case plainText = "plain_text"
    case html
    case markdown

    /// Renders an entry's body sections.
    public func render(_ entry: CallLogEntry) -> String {
        let sections = entry.bodySections
        switch self {
        case .plainText:
            return sections.map { "\($0.label): \($0.value)" }.joined(separator: "\n")
        case .html:
            return sections.map { "<p><b>\($0.label)</b>: \(HTMLEscaping.escape($0.value).replacingNewlines(with: "<br>"))</p>" }.joined()
        case .markdown:
            return sections.map { "**\($0.label)**: \(BodyFormat.escapeMarkdown($0.value))" }.joined(separator: "\n\n")
        }
    }

    static func escapeMarkdown(_ text: String) -> String {
        var out = ""
        for character in text {
            if "\\`*_{}[]()#+-.!|<>".contains(character) { out.append("\\") }
            out.append(character)
        }
        return out
    }
}

extension String {
    fileprivate func replacingNewlines(with separator: String) -> String {
        self.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: separator)
    }
}
