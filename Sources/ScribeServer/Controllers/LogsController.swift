import Foundation
import Hummingbird
import ScribeApp
import ScribeCore

/// The call-log actions people take: one log with its timeline, notes on a live call, a manual
/// log, a retry.
struct LogsController {
    let callscribe: Callscribe

    func addRoutes(to router: Router<BasicRequestContext>) {
        router.get("/api/logs/{id}") { _, context in
            let log = try await self.callscribe.callLog(CallLogID(try context.parameters.require("id")))
            return try JSONResponse.make(CallLogDetail(log))
        }
        router.put("/api/calls/{session}/extensions/{extension}/notes") { request, context in
            let body = try await Self.decode(NotesBody.self, from: request, context: context)
            let logs = try await self.callscribe.saveNotes(
                session: TelephonySessionID(try context.parameters.require("session")),
                extension: ExtensionID(try context.parameters.require("extension")), text: body.text, final: body.final ?? false
            )
            return try JSONResponse.make(["logs": logs.map(\.rawValue)])
        }
        router.post("/api/logs/{id}/log") { request, context in
            let manual = try await Self.decode(ManualLog.self, from: request, context: context)
            let log = try await self.callscribe.logManually(CallLogID(try context.parameters.require("id")), manual)
            return try JSONResponse.make(CallLogDetail(log), status: .accepted)
        }
        router.post("/api/logs/{id}/retry") { _, context in
            let log = try await self.callscribe.retry(CallLogID(try context.parameters.require("id")))
            return try JSONResponse.make(CallLogDetail(log), status: .accepted)
        }
    }

    struct NotesBody: Decodable {
        var text: String
        var final: Bool?
    }

    /// Decodes a JSON body of at most 256 KiB, or answers 400 naming what is wrong.
    static func decode<Body: Decodable>(_ type: Body.Type, from request: Request, context: BasicRequestContext) async throws -> Body {
        let buffer = try await request.body.collect(upTo: 256 * 1024)
        do {
            return try JSONDecoder().decode(Body.self, from: Data(buffer.readableBytesView))
        } catch DecodingError.keyNotFound(let key, _) {
            throw APIError(.badRequest, code: "invalid_field", message: "\(key.stringValue) is required.", field: key.stringValue)
        } catch DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context) {
            let field = context.codingPath.map(\.stringValue).joined(separator: ".")
            throw APIError(.badRequest, code: "invalid_field", message: "\(field) has the wrong type.", field: field)
        } catch {
            throw APIError(.badRequest, code: "invalid_json", message: "The body is not a JSON object.")
        }
    }
}
