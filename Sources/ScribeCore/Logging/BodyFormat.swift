import Foundation

/// One labelled part of a record body, e.g. `Notes: Asked about renewal`.
public struct RecordSection: Sendable, Hashable {
    public var label: String
    public var value: String

    public init(_ label: String, _ value: String) {
        self.label = label
        self.value = value
    }
}

/// How a CRM wants a record body: plain text, HTML or Markdown.
///
/// Rendering is deterministic and escapes all user text, so nothing a caller or agent typed can
/// break the structure: in HTML it is entity-escaped, in Markdown every markup character is
/// backslash-escaped, and in plain text each continuation line of a value is indented, so a line
/// that starts in the first column is always one of our labels.
public enum BodyFormat: String, Sendable, Hashable, Codable {
    case plainText = "plain_text"
    case html
    case markdown

    /// Renders sections in the order given.
    public func render(_ sections: [RecordSection]) -> String {
        switch self {
        case .plainText:
            sections.map { "\($0.label): " + $0.value.lines.joined(separator: "\n  ") }.joined(separator: "\n")
        case .html:
            sections.map { "<p><b>\(HTMLEscaping.escape($0.label))</b>: " + $0.value.lines.map(HTMLEscaping.escape).joined(separator: "<br>") + "</p>" }
                .joined()
        case .markdown:
            sections.map { "**\(BodyFormat.escapeMarkdown($0.label))**: " + $0.value.lines.map(BodyFormat.escapeMarkdown).joined(separator: "  \n") }
                .joined(separator: "\n\n")
        }
    }

    /// `body` (which a person may have edited) with `sections` added after it, leaving the person's text as it is.
    public func appending(_ sections: [RecordSection], to body: String) -> String {
        guard !sections.isEmpty else { return body }
        let added = self.render(sections)
        guard !body.isEmpty else { return added }
        switch self {
        case .plainText: return body + "\n" + added
        case .html: return body + added
        case .markdown: return body + "\n\n" + added
        }
    }

    static func escapeMarkdown(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            if "\\`*_{}[]()#+-.!|<>~=".contains(character) { out.append("\\") }
            out.append(character)
        }
        return out
    }
}

extension String {
    /// The text's lines; `\r\n` and `\r` count as line breaks too, so a stray carriage return cannot start a fake section.
    fileprivate var lines: [String] {
        self.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }).map(String.init)
    }
}
