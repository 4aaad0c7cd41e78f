import Foundation

extension WebhookPayloadError {
    /// Names the field a decoder stumbled on (`body.insights.Transcript[2].start`), so a body of
    /// the right shape with one wrong value is refused by that field rather than as a whole.
    init(decoding error: any Error) {
        guard let error = error as? DecodingError else {
            self.init(field: nil, problem: "the body is not a JSON notification envelope")
            return
        }
        switch error {
        case .typeMismatch(let type, let context), .valueNotFound(let type, let context):
            let field = Self.path(context.codingPath)
            self.init(field: field, problem: "'\(field ?? "body")' is not \(Self.typeName(type))")
        case .keyNotFound(let key, let context):
            let field = Self.path(context.codingPath + [key]) ?? key.stringValue
            self.init(field: field, problem: "required field '\(field)' is missing")
        case .dataCorrupted(let context):
            self.init(field: Self.path(context.codingPath), problem: "the body is not a JSON notification envelope")
        @unknown default:
            self.init(field: nil, problem: "the body is not a JSON notification envelope")
        }
    }

    private static func path(_ codingPath: [any CodingKey]) -> String? {
        var path = ""
        for key in codingPath {
            if let index = key.intValue {
                path += "[\(index)]"
            } else {
                path += path.isEmpty ? key.stringValue : "." + key.stringValue
            }
        }
        return path.isEmpty ? nil : path
    }

    private static func typeName(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Double.Type, is Int.Type, is Int64.Type: "a number"
        case is Bool.Type: "true or false"
        default: "of the expected shape (\(type))"
        }
    }
}
