import Foundation
import ScribeCore

/// Reads a rendered record body back the way a reader of the CRM would, code point by code point,
/// independently of ``BodyFormat``'s own code: which top-level sections it has and what each says.
///
/// Parsing is strict. Anything a renderer that escapes properly never produces (a line in the first
/// column that is not a label, a raw `<` in HTML text, an unescaped Markdown markup character, a
/// line break inside a line) makes the result a single `⟨malformed⟩` section saying where.
enum RenderedBody {
    static func sections(in body: String, format: BodyFormat) -> [RecordSection] {
        let result: Result<[RecordSection], Malformed> =
            switch format {
            case .plainText: plainText(body)
            case .html: html(body)
            case .markdown: markdown(body)
            }
        switch result {
        case .success(let sections): return sections
        case .failure(let malformed): return [RecordSection("⟨malformed⟩", malformed.reason)]
        }
    }

    /// The section labels only, in order.
    static func labels(in body: String, format: BodyFormat) -> [String] {
        sections(in: body, format: format).map(\.label)
    }

    /// What a section should read as once parsed back: every kind of line break becomes `\n`.
    static func expected(_ sections: [RecordSection]) -> [RecordSection] {
        sections.map { RecordSection($0.label, normalizingLineBreaks($0.value)) }
    }

    static func normalizingLineBreaks(_ text: String) -> String {
        text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).joined(separator: "\n")
    }

    struct Malformed: Error {
        var reason: String
    }

    /// Every code point Unicode treats as a mandatory line break (UAX #14 classes BK, CR, LF, NL).
    static let lineBreaks: Set<Unicode.Scalar> = ["\n", "\r", "\u{0B}", "\u{0C}", "\u{85}", "\u{2028}", "\u{2029}"]

    // MARK: Plain text

    /// `Label: value`, continuation lines indented by two spaces; any other line is malformed.
    static func plainText(_ body: String) -> Result<[RecordSection], Malformed> {
        var lines: [String] = [""]
        for scalar in body.unicodeScalars {
            if lineBreaks.contains(scalar) { lines.append("") } else { lines[lines.count - 1].unicodeScalars.append(scalar) }
        }
        var sections: [RecordSection] = []
        for (number, line) in lines.enumerated() {
            if line.unicodeScalars.starts(with: "  ".unicodeScalars) {
                guard !sections.isEmpty else { return .failure(Malformed(reason: "line \(number) continues no section")) }
                sections[sections.count - 1].value += "\n" + String(line.unicodeScalars.dropFirst(2))
            } else if let (label, value) = splitOnce(line, on: ": "), !label.isEmpty {
                sections.append(RecordSection(label, value))
            } else {
                return .failure(Malformed(reason: "line \(number) starts in the first column without a label: \(line.prefix(60).debugDescription)"))
            }
        }
        return .success(sections)
    }

    // MARK: HTML

    /// `<p><b>Label</b>: value</p>` repeated, lines separated by `<br>`; no other tag, no raw `<`,
    /// `>` or unescaped `&` in text.
    static func html(_ body: String) -> Result<[RecordSection], Malformed> {
        let bytes = Array(body.utf8)
        var sections: [RecordSection] = []
        var index = 0
        while index < bytes.count {
            guard bytes[index...].starts(with: Array("<p><b>".utf8)) else {
                return .failure(Malformed(reason: "byte \(index) does not open a section"))
            }
            let labelStart = index + 6
            guard let labelEnd = bytes[labelStart...].firstRange(of: Array("</b>: ".utf8)) else {
                return .failure(Malformed(reason: "section at byte \(index) has no label end"))
            }
            guard let close = bytes[labelEnd.upperBound...].firstRange(of: Array("</p>".utf8)) else {
                return .failure(Malformed(reason: "section at byte \(index) is not closed"))
            }
            let label = String(decoding: bytes[labelStart..<labelEnd.lowerBound], as: UTF8.self)
            let text = String(decoding: bytes[labelEnd.upperBound..<close.lowerBound], as: UTF8.self)
            var lines: [String] = []
            for line in [label] + split(text, on: "<br>") {
                switch unescapeHTML(line) {
                case .success(let plain): lines.append(plain)
                case .failure(let malformed): return .failure(Malformed(reason: "section at byte \(index): \(malformed.reason)"))
                }
            }
            sections.append(RecordSection(lines[0], lines.dropFirst().joined(separator: "\n")))
            index = close.upperBound
        }
        return .success(sections)
    }

    static func unescapeHTML(_ text: String) -> Result<String, Malformed> {
        let entities = ["&lt;": "<", "&gt;": ">", "&amp;": "&", "&quot;": "\"", "&#39;": "'"]
        var out = String.UnicodeScalarView()
        var rest = Substring(text).unicodeScalars[...]
        while let scalar = rest.first {
            if scalar == "<" || scalar == ">" { return .failure(Malformed(reason: "raw \(scalar) in text")) }
            if scalar == "&" {
                guard let (entity, plain) = entities.first(where: { rest.starts(with: $0.key.unicodeScalars) }) else {
                    return .failure(Malformed(reason: "unescaped & in text"))
                }
                out.append(contentsOf: plain.unicodeScalars)
                rest = rest.dropFirst(entity.unicodeScalars.count)
                continue
            }
            if lineBreaks.contains(scalar) { return .failure(Malformed(reason: "line break \(scalar.escaped(asASCII: true)) inside a line")) }
            out.append(scalar)
            rest = rest.dropFirst()
        }
        return .success(String(out))
    }

    // MARK: Markdown

    /// Sections start with `**Label**: ` at the start of a line and are separated by a blank line;
    /// lines within one end in a hard break (`  \n`); every markup character in text is escaped.
    static func markdown(_ body: String) -> Result<[RecordSection], Malformed> {
        let scalars = Array(body.unicodeScalars)
        // Sections start wherever a line starts with `**`.
        var starts: [Int] = []
        for index in scalars.indices where scalars[index...].starts(with: "**".unicodeScalars) {
            if index == 0 || scalars[index - 1] == "\n" { starts.append(index) }
        }
        guard starts.first == 0 else { return .failure(Malformed(reason: "the body does not start with a section")) }
        var sections: [RecordSection] = []
        for (position, start) in starts.enumerated() {
            var end = position + 1 < starts.count ? starts[position + 1] : scalars.count
            if position + 1 < starts.count {
                guard scalars[..<end].suffix(2) == ["\n", "\n"] else {
                    return .failure(Malformed(reason: "no blank line before the section at \(end)"))
                }
                end -= 2
            }
            let section = String(String.UnicodeScalarView(scalars[(start + 2)..<end]))
            guard let (rawLabel, text) = splitOnce(section, on: "**: ") else {
                return .failure(Malformed(reason: "section at \(start) has no label end"))
            }
            var lines: [String] = []
            for line in [rawLabel] + split(text, on: "  \n") {
                switch unescapeMarkdown(line) {
                case .success(let plain): lines.append(plain)
                case .failure(let malformed): return .failure(Malformed(reason: "section at \(start): \(malformed.reason)"))
                }
            }
            sections.append(RecordSection(lines[0], lines.dropFirst().joined(separator: "\n")))
        }
        return .success(sections)
    }

    /// ASCII punctuation that can start or end Markdown structure (CommonMark, GFM tables and strike-through).
    static let markup: Set<Unicode.Scalar> = Set("\\`*_{}[]()#+-.!|<>~=".unicodeScalars)

    static func unescapeMarkdown(_ text: String) -> Result<String, Malformed> {
        var out = String.UnicodeScalarView()
        var rest = text.unicodeScalars[...]
        while let scalar = rest.first {
            rest = rest.dropFirst()
            if scalar == "\\" {
                guard let escaped = rest.first, markup.contains(escaped) else { return .failure(Malformed(reason: "a lone backslash")) }
                out.append(escaped)
                rest = rest.dropFirst()
                continue
            }
            if markup.contains(scalar) { return .failure(Malformed(reason: "unescaped \(scalar) in text")) }
            if lineBreaks.contains(scalar) { return .failure(Malformed(reason: "line break \(scalar.escaped(asASCII: true)) inside a line")) }
            out.append(scalar)
        }
        return .success(String(out))
    }

    // MARK: Splitting by code point

    /// `text` split at every `separator`, compared code point by code point (not by `Character`, so a
    /// combining mark after a separator does not hide it).
    static func split(_ text: String, on separator: String) -> [String] {
        let scalars = Array(text.unicodeScalars)
        let separator = Array(separator.unicodeScalars)
        var parts: [String] = []
        var current = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            if scalars[index...].starts(with: separator) {
                parts.append(String(current))
                current = String.UnicodeScalarView()
                index += separator.count
            } else {
                current.append(scalars[index])
                index += 1
            }
        }
        parts.append(String(current))
        return parts
    }

    /// `text` before and after the first `separator`, if any.
    static func splitOnce(_ text: String, on separator: String) -> (String, String)? {
        let parts = split(text, on: separator)
        guard parts.count > 1 else { return nil }
        return (parts[0], parts.dropFirst().joined(separator: separator))
    }
}
