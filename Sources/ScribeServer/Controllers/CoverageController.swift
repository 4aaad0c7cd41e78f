import Foundation
import Hummingbird
import ScribeApp
import ScribeCore

/// The admin's view of completeness: the coverage report, and backfilling a period from the call log.
struct CoverageController {
    let callscribe: Callscribe

    struct BackfillRequest: Decodable {
        var since: String
        var until: String?
    }

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/api/coverage") { request, context in
            _ = try context.requireAdmin()
            let since = try Self.day(request.uri.queryParameters["since"].map { String($0) }, field: "since")
            let until = try Self.day(request.uri.queryParameters["until"].map { String($0) }, field: "until")
            if let since, let until, until < since {
                throw APIError(.badRequest, code: "invalid_field", message: "until must not be before since.", field: "until")
            }
            return try JSONResponse.make(try await self.callscribe.coverage(since: since, until: until))
        }
        router.post("/api/backfill") { request, context in
            let admin = try context.requireAdmin()
            let body = try await JSONRequest.decode(BackfillRequest.self, from: request)
            guard let since = try Self.day(body.since, field: "since") else {
                throw APIError(.badRequest, code: "invalid_field", message: "since is required.", field: "since")
            }
            try await self.callscribe.startBackfill(since: since, until: try Self.day(body.until, field: "until"), as: admin)
            return try JSONResponse.make(await self.callscribe.backfills.current(), status: .accepted)
        }
        router.get("/api/backfill") { _, context in
            _ = try context.requireAdmin()
            return try JSONResponse.make(await self.callscribe.backfills.current())
        }
    }

    /// A `YYYY-MM-DD` day, or nil when absent; anything else names the field.
    static func day(_ text: String?, field: String) throws -> UTCDay? {
        guard let text, !text.isEmpty else { return nil }
        guard let day = UTCDay(text) else {
            throw APIError(.badRequest, code: "invalid_field", message: "\(field) must be a date like 2026-11-21.", field: field)
        }
        return day
    }
}
