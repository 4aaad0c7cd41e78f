import Foundation

/// The fields of an `application/x-www-form-urlencoded` body; a repeated name keeps every value.
struct FormFields: Sendable {
    private var values: [String: [String]] = [:]

    init(_ body: String) {
        for pair in body.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = Self.decode(parts[0]) else { continue }
            let value = parts.count > 1 ? Self.decode(parts[1]) ?? "" : ""
            self.values[name, default: []].append(value)
        }
    }

    /// The first value of `name`.
    subscript(_ name: String) -> String? { self.values[name]?.first }

    /// Every value of `name`, in order.
    func all(_ name: String) -> [String] { self.values[name] ?? [] }

    private static func decode(_ text: Substring) -> String? {
        text.replacingOccurrences(of: "+", with: " ").removingPercentEncoding
    }
}
