import Foundation

/// Any JSON value, Sendable, for sandboxes whose records are open-ended field maps (Zoho CRM's
/// modules, Odoo's models) rather than fixed DTOs. Whole numbers encode without a fraction.
enum DynamicJSON: Sendable, Equatable, Codable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([DynamicJSON])
    case object([String: DynamicJSON])

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
        } else if let value = try? container.decode([DynamicJSON].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: DynamicJSON].self))
        }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let value): try container.encode(value)
        case .number(let value):
            if let whole = self.integer { try container.encode(whole) } else { try container.encode(value) }
        case .string(let value): try container.encode(value)
        case .array(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        }
    }

    static func int(_ value: Int) -> DynamicJSON { .number(Double(value)) }

    var string: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    var bool: Bool? {
        if case .bool(let value) = self { return value }
        return nil
    }

    var array: [DynamicJSON]? {
        if case .array(let value) = self { return value }
        return nil
    }

    var object: [String: DynamicJSON]? {
        if case .object(let value) = self { return value }
        return nil
    }

    /// A whole number (JSON has no integer type).
    var integer: Int? {
        if case .number(let value) = self, value == value.rounded(), abs(value) < 1e15 { return Int(value) }
        return nil
    }

    /// The body as a JSON object, or `nil` when it is not one.
    static func object(from data: Data) -> [String: DynamicJSON]? {
        guard !data.isEmpty else { return [:] }
        return (try? JSONDecoder().decode(DynamicJSON.self, from: data))?.object
    }

    /// Sorted keys, unescaped slashes: the same value always gives the same bytes.
    func encoded() -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(self)) ?? Data("null".utf8)
    }
}
