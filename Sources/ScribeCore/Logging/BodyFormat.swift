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

    /// Escapes code point by code point, so a markup character carrying a combining mark (`*\u{301}`)
    /// is escaped too: Markdown parsers see code points, not Swift `Character`s.
    static func escapeMarkdown(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if BodyFormat.markdownSpecials.contains(scalar) { out.append("\\") }
            out.append(scalar)
        }
        return String(out)
    }

    private static let markdownSpecials = Set("\\`*_{}[]()#+-.!|<>~=".unicodeScalars)
}

extension String {
    /// The text's lines; `\r\n`, `\r` and the other Unicode line breaks (vertical tab, form feed, NEL,
    /// U+2028, U+2029) count as line breaks too, so no stray line break can start a fake section.
    fileprivate var lines: [String] {
        self.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map(String.init)
    }
}
