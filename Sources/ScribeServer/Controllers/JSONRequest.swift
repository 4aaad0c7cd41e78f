import Foundation
import Hummingbird
import NIOCore
import ScribeApp
import ScribeCore

/// JSON request bodies, decoded the one way the API decodes everything.
enum JSONRequest {
    static let maximumSize = 256 * 1024

    /// Decodes a JSON body of at most 256 KiB, or answers 400 naming what is wrong. A body type that
    /// lists its fields (``KnownFields``) also refuses a field it does not know, so a misspelt
    /// setting is an error rather than silently ignored.
    static func decode<Body: Decodable>(_ type: Body.Type, from request: Request) async throws -> Body {
        var request = request
        let buffer = try await request.collectBody(upTo: self.maximumSize)
        let data = Data(buffer.readableBytesView)
        if let known = (Body.self as? any KnownFields.Type)?.knownFields,
            let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
            let unknown = object.keys.sorted().first(where: { !known.contains($0) })
        {
            throw APIError(
                .badRequest, code: "invalid_field", message: "\(unknown) is not a field here; expected one of \(known.sorted().joined(separator: ", ")).",
                field: unknown
            )
        }
        do {
            return try JSONDecoder().decode(Body.self, from: data)
        } catch DecodingError.keyNotFound(let key, let context) {
            let field = (context.codingPath + [key]).map(\.stringValue).joined(separator: ".")
            throw APIError(.badRequest, code: "invalid_field", message: "\(field) is required.", field: field)
        } catch DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context) {
            let field = context.codingPath.map(\.stringValue).joined(separator: ".")
            throw APIError(.badRequest, code: "invalid_field", message: "\(field) has the wrong type.", field: field)
        } catch DecodingError.dataCorrupted(let context) where !context.codingPath.isEmpty {
            let field = context.codingPath.map(\.stringValue).joined(separator: ".")
            throw APIError(.badRequest, code: "invalid_field", message: "\(field) has a value that is not allowed.", field: field)
        } catch {
            throw APIError(.badRequest, code: "invalid_json", message: "The body is not a JSON object.")
        }
    }
}

/// A request body whose top-level fields are fixed: anything else is refused.
protocol KnownFields {
    static var knownFields: Set<String> { get }
}

extension PersonalSettings: KnownFields {
    static var knownFields: Set<String> { Set(SettingName.allCases.map(\.rawValue)) }
}

extension AccountSettings: KnownFields {
    static var knownFields: Set<String> { ["serverLogging", "trial", "defaults", "locked", "blockedNumbers", "crmOwners"] }
}

extension UserChange: KnownFields {
    static var knownFields: Set<String> { ["name", "role", "extensionId"] }
}

extension ManualLog: KnownFields {
    static var knownFields: Set<String> { ["notes", "subject", "disposition", "contactId", "contactName", "newContactName", "relatedRecordId", "customFields"] }
}
