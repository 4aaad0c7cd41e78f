/// One search filter `{propertyName, operator, value?, highValue?, values?}`, evaluated the way HubSpot does:
/// strings compare case-insensitively, numbers and dates by value, `CONTAINS_TOKEN` by word with `*` wildcards.
struct SandboxSearchFilter: Decodable, Sendable {
    var propertyName: String
    var `operator`: String
    var value: String?
    var highValue: String?
    var values: [String]?

    static let operators: Set<String> = [
        "EQ", "NEQ", "LT", "LTE", "GT", "GTE", "BETWEEN", "IN", "NOT_IN",
        "HAS_PROPERTY", "NOT_HAS_PROPERTY", "CONTAINS_TOKEN", "NOT_CONTAINS_TOKEN",
    ]

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.propertyName = try container.decode(String.self, forKey: .propertyName)
        self.operator = try container.decode(String.self, forKey: .operator)
        self.value = try container.decodeIfPresent(SandboxPropertyValue.self, forKey: .value)?.text
        self.highValue = try container.decodeIfPresent(SandboxPropertyValue.self, forKey: .highValue)?.text
        self.values = try container.decodeIfPresent([SandboxPropertyValue].self, forKey: .values)?.map(\.text)
    }

    private enum CodingKeys: String, CodingKey {
        case propertyName, `operator`, value, highValue, values
    }

    func validate() throws(HubSpotSandboxError) {
        guard SandboxSearchFilter.operators.contains(self.operator) else {
            throw .invalidInput("Unknown filter operator \(self.operator)")
        }
        switch self.operator {
        case "HAS_PROPERTY", "NOT_HAS_PROPERTY":
            break
        case "IN", "NOT_IN":
            guard self.values != nil else { throw .invalidInput("\(self.operator) filter on \(self.propertyName) needs values") }
        case "BETWEEN":
            guard self.value != nil, self.highValue != nil else {
                throw .invalidInput("BETWEEN filter on \(self.propertyName) needs value and highValue")
            }
        default:
            guard self.value != nil else { throw .invalidInput("\(self.operator) filter on \(self.propertyName) needs a value") }
        }
    }

    func matches(_ properties: [String: String]) -> Bool {
        let stored = properties[self.propertyName].flatMap { $0.isEmpty ? nil : $0 }
        switch self.operator {
        case "HAS_PROPERTY": return stored != nil
        case "NOT_HAS_PROPERTY": return stored == nil
        case "NEQ": return stored.map { !SandboxSearchFilter.equal($0, self.value ?? "") } ?? true
        case "NOT_IN": return stored.map { stored in !(self.values ?? []).contains { SandboxSearchFilter.equal(stored, $0) } } ?? true
        case "NOT_CONTAINS_TOKEN": return stored.map { !SandboxSearchFilter.containsToken($0, pattern: self.value ?? "") } ?? true
        default: break
        }
        guard let stored else { return false }
        switch self.operator {
        case "EQ": return SandboxSearchFilter.equal(stored, self.value ?? "")
        case "IN": return (self.values ?? []).contains { SandboxSearchFilter.equal(stored, $0) }
        case "CONTAINS_TOKEN": return SandboxSearchFilter.containsToken(stored, pattern: self.value ?? "")
        case "LT": return SandboxSearchFilter.compare(stored, self.value ?? "").map { $0 < 0 } ?? false
        case "LTE": return SandboxSearchFilter.compare(stored, self.value ?? "").map { $0 <= 0 } ?? false
        case "GT": return SandboxSearchFilter.compare(stored, self.value ?? "").map { $0 > 0 } ?? false
        case "GTE": return SandboxSearchFilter.compare(stored, self.value ?? "").map { $0 >= 0 } ?? false
        case "BETWEEN":
            let low = SandboxSearchFilter.compare(stored, self.value ?? "")
            let high = SandboxSearchFilter.compare(stored, self.highValue ?? "")
            return (low.map { $0 >= 0 } ?? false) && (high.map { $0 <= 0 } ?? false)
        default: return false
        }
    }

    static func equal(_ stored: String, _ value: String) -> Bool {
        if let lhs = Double(stored), let rhs = Double(value) { return lhs == rhs }
        return stored.lowercased() == value.lowercased()
    }

    /// -1, 0 or 1 comparing as numbers, then as dates (ISO or epoch ms), then as text; nil when one side is a number and the other not.
    static func compare(_ stored: String, _ value: String) -> Int? {
        func sign<T: Comparable>(_ lhs: T, _ rhs: T) -> Int { lhs < rhs ? -1 : (lhs > rhs ? 1 : 0) }
        if let lhs = Double(stored), let rhs = Double(value) { return sign(lhs, rhs) }
        if let lhs = HubSpotSandboxDate.parse(stored), let rhs = HubSpotSandboxDate.parse(value) { return sign(lhs, rhs) }
        if (Double(stored) == nil) != (Double(value) == nil) { return nil }
        return sign(stored.lowercased(), value.lowercased())
    }

    /// Whether any word of `stored` (split at spaces and punctuation) matches `pattern`, where `*` stands for any run of characters.
    static func containsToken(_ stored: String, pattern: String) -> Bool {
        let pattern = pattern.lowercased()
        let words = stored.lowercased().split { !($0.isLetter || $0.isNumber || $0 == "@" || $0 == "_") }
        return words.contains { SandboxSearchFilter.glob(Substring(pattern), matches: $0) } || SandboxSearchFilter.glob(Substring(pattern), matches: Substring(stored.lowercased()))
    }

    static func glob(_ pattern: Substring, matches text: Substring) -> Bool {
        guard let star = pattern.firstIndex(of: "*") else { return pattern == text }
        let prefix = pattern[..<star]
        guard text.hasPrefix(prefix) else { return false }
        let rest = pattern[pattern.index(after: star)...]
        var remaining = text.dropFirst(prefix.count)
        while true {
            if glob(rest, matches: remaining) { return true }
            guard !remaining.isEmpty else { return false }
            remaining = remaining.dropFirst()
        }
    }
}
