import Foundation
import Hummingbird
import ScribeApp
import ScribeCore

/// The call-log actions people take: one log with its timeline, notes on a live call, a manual
/// log, a retry.
struct LogsController {
    let callscribe: Callscribe

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/api/logs/{id}") { _, context in
            let user = try context.requireUser()
            let log = try await self.callscribe.callLog(CallLogID(try context.parameters.require("id")), for: .person(user))
            return try JSONResponse.make(CallLogDetail(log))
        }
        router.get("/api/logs/{id}/related") { request, context in
            let user = try context.requireUser()
            let chosen = request.uri.queryParameters.get("contactId").flatMap { $0.isEmpty ? nil : ContactID($0) }
            let records = try await self.callscribe.relatedRecords(CallLogID(try context.parameters.require("id")), for: .person(user), contact: chosen)
            return try JSONResponse.make(RelatedRecordsBody(relatedRecords: records))
        }
        router.get("/api/logs/{id}/fields") { _, context in
            let user = try context.requireUser()
            let fields = try await self.callscribe.customFields(CallLogID(try context.parameters.require("id")), for: .person(user))
            return try JSONResponse.make(CustomFieldsBody(customFields: fields))
        }
        router.get("/api/logs/{id}/dispositions") { _, context in
            let user = try context.requireUser()
            let offered = try await self.callscribe.dispositions(CallLogID(try context.parameters.require("id")), for: .person(user))
            return try JSONResponse.make(DispositionsBody(supported: offered != nil, dispositions: offered ?? []))
        }
        router.put("/api/calls/{session}/extensions/{extension}/notes") { request, context in
            let user = try context.requireUser()
            let body = try await JSONRequest.decode(NotesBody.self, from: request)
            let logs = try await self.callscribe.saveNotes(
                session: TelephonySessionID(try context.parameters.require("session")),
                extension: ExtensionID(try context.parameters.require("extension")), text: body.text, final: body.final ?? false, by: .person(user)
            )
            return try JSONResponse.make(["logs": logs.map(\.rawValue)])
        }
        router.post("/api/logs/{id}/log") { request, context in
            let user = try context.requireUser()
            let manual = try await JSONRequest.decode(ManualLog.self, from: request)
            let log = try await self.callscribe.logManually(CallLogID(try context.parameters.require("id")), manual, by: .person(user))
            return try JSONResponse.make(CallLogDetail(log), status: .accepted)
        }
        router.post("/api/logs/{id}/retry") { _, context in
            let user = try context.requireUser()
            let log = try await self.callscribe.retry(CallLogID(try context.parameters.require("id")), by: .person(user))
            return try JSONResponse.make(CallLogDetail(log), status: .accepted)
        }
    }

    /// `{"relatedRecords": [{id, kind, name}]}`: an object, so that more can be added later.
    struct RelatedRecordsBody: Encodable {
        var relatedRecords: [RelatedRecord]
    }

    /// `{"customFields": [{key, label, kind, options}]}`.
    struct CustomFieldsBody: Encodable {
        var customFields: [CustomField]
    }

    /// `{"supported": bool, "dispositions": [{id, label}]}`: `supported` false when the CRM has no
    /// disposition field; an empty list with `supported` true means free text.
    struct DispositionsBody: Encodable {
        var supported: Bool
        var dispositions: [CallDisposition]
    }

    struct NotesBody: Decodable {
        var text: String
        var final: Bool?
    }
}
