import Foundation

/// Any JSON value, both ways: request bodies are checked field by field as the vendor's validation
/// does, and answers are built as values so a vendor's field selection (Clio's `fields=`,
/// Insightly's `brief=`) can pick from them. Objects encode with sorted keys, so the same state
/// always gives the same bytes.
enum SandboxJSONValue: Codable, Equatable, Sendable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([SandboxJSONValue])
    case object([String: SandboxJSONValue])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([SandboxJSONValue].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: SandboxJSONValue].self))
        }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let value): try container.encode(value)
        case .number(let value):
            // Whole numbers go out without a fraction, as the vendors write ids.
            if value == value.rounded(), abs(value) < 1e15 { try container.encode(Int(value)) } else { try container.encode(value) }
        case .string(let value): try container.encode(value)
        case .array(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        }
    }

    /// An integer as a JSON number.
    static func int(_ value: Int) -> SandboxJSONValue { .number(Double(value)) }

    /// `value` as a string, or `null` when absent.
    static func optional(_ value: String?) -> SandboxJSONValue { value.map { .string($0) } ?? .null }

    var string: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    var bool: Bool? {
        if case .bool(let value) = self { return value }
        return nil
    }

    var object: [String: SandboxJSONValue]? {
        if case .object(let value) = self { return value }
        return nil
    }

    var array: [SandboxJSONValue]? {
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
    static func decodeObject(_ data: Data) -> [String: SandboxJSONValue]? {
        (try? JSONDecoder().decode(SandboxJSONValue.self, from: data))?.object
    }

    /// Sorted-key JSON bytes of `value`.
    static func encoded(_ value: some Encodable) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(value)) ?? Data("{}".utf8)
    }
}
