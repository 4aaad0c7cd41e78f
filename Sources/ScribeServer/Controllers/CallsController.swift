import Hummingbird
import ScribeApp
import ScribeCore

/// `GET /api/calls`: call logs with their state and why, filtered as the call history is.
struct CallsController {
    let callscribe: Callscribe

    func addRoutes(to router: Router<BasicRequestContext>) {
        router.get("/api/calls") { request, context in
            let query = try CallsQuery.parse(request.uri.queryParameters)
            let logs = try await self.callscribe.callLogs(query)
            return try JSONResponse.make(["calls": logs])
        }
        router.get("/health") { _, _ in
            try JSONResponse.make(["status": "ok"])
        }
    }
}

/// Parses and validates `?filter=&limit=`.
enum CallsQuery {
    static func parse(_ parameters: Parameters) throws -> CallLogQuery {
        var query = CallLogQuery()
        if let filter = parameters["filter"] {
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
        return query
    }
}
