import Foundation

/// A scenario that cannot be played, naming the field at fault (e.g. `calls[2].parties[0].extension`).
public struct ScenarioError: Error, Sendable, Hashable, CustomStringConvertible {
    public var field: String
    public var message: String

    public init(field: String, message: String) {
        self.field = field
        self.message = message
    }

    /// A decoding failure, said with the path of the field it happened at.
    init(_ error: DecodingError) {
        func path(_ context: DecodingError.Context, adding key: (any CodingKey)? = nil) -> String {
            let keys = context.codingPath + (key.map { [$0] } ?? [])
            let text = keys.reduce("") { path, key in
                if let index = key.intValue { return path + "[\(index)]" }
                return path.isEmpty ? key.stringValue : path + "." + key.stringValue
            }
            return text.isEmpty ? "file" : text
        }
        switch error {
        case .keyNotFound(let key, let context): self.init(field: path(context, adding: key), message: "is required")
        case .typeMismatch(let type, let context): self.init(field: path(context), message: "must be \(Self.name(of: type))")
        case .valueNotFound(let type, let context): self.init(field: path(context), message: "must be \(Self.name(of: type)), not null")
        case .dataCorrupted(let context): self.init(field: path(context), message: context.debugDescription)
        @unknown default: self.init(field: "file", message: "could not be read")
        }
    }

    private static func name(of type: Any.Type) -> String {
        switch type {
        case is Bool.Type: "true or false"
        case is Int.Type, is UInt64.Type: "an integer"
        case is Double.Type: "a number"
        case is String.Type: "a string"
        default: "\(type)"
        }
    }

    public var description: String { "\(self.field): \(self.message)" }
}
