/// Escapes text for HTML element content and attribute values: the one escaping used by record
/// bodies, the web pages and the sandbox's pages.
public enum HTMLEscaping {
    /// Works code point by code point: a `<` or `"` carrying a combining mark (`"\u{301}`) is one Swift
    /// `Character` that equals neither, yet an HTML parser sees the bare `<` or `"`.
    public static func escape(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out.append(contentsOf: "&amp;".unicodeScalars)
            case "<": out.append(contentsOf: "&lt;".unicodeScalars)
            case ">": out.append(contentsOf: "&gt;".unicodeScalars)
            case "\"": out.append(contentsOf: "&quot;".unicodeScalars)
            case "'": out.append(contentsOf: "&#39;".unicodeScalars)
            default: out.append(scalar)
            }
        }
        return String(out)
    }
}
