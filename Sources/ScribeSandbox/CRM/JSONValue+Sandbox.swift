import Foundation
import ScribeCore

/// What the sandboxes need of ``JSONValue`` beyond reading paths: request bodies are checked field by
/// field as the vendor's validation does, and answers are built as values so a vendor's field
/// selection (Clio's `fields=`, Insightly's `brief=`) can pick from them.
extension JSONValue {
    /// An integer as a JSON number.
    static func int(_ value: Int) -> JSONValue { .number(Double(value)) }

    /// `value` as a string, or `null` when absent.
    static func optional(_ value: String?) -> JSONValue { value.map { .string($0) } ?? .null }

    var string: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    var bool: Bool? {
        if case .bool(let value) = self { return value }
        return nil
    }

    var object: [String: JSONValue]? {
        if case .object(let value) = self { return value }
        return nil
    }

    var array: [JSONValue]? {
        if case .array(let value) = self { return value }
        return nil
    }

    var isNull: Bool { self == .null }

    /// A whole number (JSON has no integer type); a numeric string counts too, as both vendors accept ids either way.
    var integer: Int? {
        switch self {
        case .number(let value) where value == value.rounded() && abs(value) < 1e15: Int(value)
        case .string(let value): Int(value)
        default: nil
        }
    }

    /// The body as a JSON object, or `nil` when it is not one.
    static func decodeObject(_ data: Data) -> [String: JSONValue]? {
        (try? JSONDecoder().decode(JSONValue.self, from: data))?.object
    }

    /// Sorted-key JSON bytes of `value`.
    static func encoded(_ value: some Encodable) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(value)) ?? Data("{}".utf8)
    }
}

extension JSONValue {
    /// The body as a JSON object (an empty body as an empty one), or `nil` when it is not one.
    static func object(from data: Data) -> [String: JSONValue]? {
        guard !data.isEmpty else { return [:] }
        return JSONValue.decodeObject(data)
    }

    /// Sorted keys, unescaped slashes: the same value always gives the same bytes.
    func encoded() -> Data {
        JSONValue.encoded(self)
    }
}
