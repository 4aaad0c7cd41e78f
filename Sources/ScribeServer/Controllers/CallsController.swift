import Foundation
import Hummingbird
import ScribeApp
import ScribeCore

/// The call history (`GET /api/calls`), the calls in progress (`GET /api/live`) and health.
struct CallsController {
    let callscribe: Callscribe

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/api/calls") { request, context in
            let user = try context.requireUser()
            let query = try CallsQuery.parse(request.uri.queryParameters)
            let logs = try await self.callscribe.callLogs(query, for: .person(user))
            return try JSONResponse.make(["calls": logs])
        }
        router.get("/api/live") { _, context in
            let calls = try await self.callscribe.liveCalls(for: try context.requireUser())
            return try JSONResponse.make(["calls": calls.map(LiveCallView.init)])
        }
        router.get("/health") { _, _ in
            try JSONResponse.make(["status": "ok"])
        }
    }
}

/// A call in progress as the API shows it.
struct LiveCallView: Encodable {
    var sessionId: String
    var extensionId: String
    var direction: String
    var counterpart: String
    var startedAt: Date
    var answered: Bool

    init(_ call: LiveCall) {
        self.sessionId = call.sessionID.rawValue
        self.extensionId = call.extensionID.rawValue
        self.direction = call.direction.rawValue
        self.counterpart = call.counterpart
        self.startedAt = call.startedAt
        self.answered = call.answered
    }
}

/// Parses and validates `?filter=&limit=&search=&since=&until=&extension=`.
enum CallsQuery {
    static func parse(_ parameters: Parameters) throws -> CallLogQuery {
        var query = CallLogQuery()
        if let filter = parameters["filter"], !filter.isEmpty {
            guard let parsed = CallLogQuery.Filter(rawValue: String(filter)) else {
                let allowed = CallLogQuery.Filter.allCases.map(\.rawValue).joined(separator: ", ")
                throw APIError(.badRequest, code: "invalid_field", message: "filter must be one of \(allowed).", field: "filter")
            }
            query.filter = parsed
        }
        if let limit = parameters["limit"] {
            guard let parsed = Int(String(limit)), (1...1000).contains(parsed) else {
                throw APIError(.badRequest, code: "invalid_field", message: "limit must be a whole number from 1 to 1000.", field: "limit")
            }
            query.limit = parsed
        }
        if let search = parameters["search"], !search.isEmpty {
            guard search.count <= 100 else {
                throw APIError(.badRequest, code: "invalid_field", message: "search must be at most 100 characters.", field: "search")
            }
            query.search = String(search)
        }
        query.since = try self.day(parameters, "since")
        // `until` names the last day included.
        query.until = try self.day(parameters, "until")?.addingTimeInterval(86_400)
        if let since = query.since, let until = query.until, since >= until {
            throw APIError(.badRequest, code: "invalid_field", message: "until must not be before since.", field: "until")
        }
        if let extensionID = parameters["extension"], !extensionID.isEmpty {
            query.extensionID = ExtensionID(String(extensionID))
        }
        return query
    }

    /// A `YYYY-MM-DD` day (UTC) or a full ISO 8601 time.
    static func day(_ parameters: Parameters, _ name: String) throws -> Date? {
        guard let text = parameters[Substring(name)].map({ String($0) }), !text.isEmpty else { return nil }
        if let date = try? Date.ISO8601FormatStyle().parse(text + "T00:00:00Z") { return date }
        if let date = try? Date.ISO8601FormatStyle().parse(text) { return date }
        throw APIError(.badRequest, code: "invalid_field", message: "\(name) must be a date like 2026-11-21.", field: name)
    }
}
