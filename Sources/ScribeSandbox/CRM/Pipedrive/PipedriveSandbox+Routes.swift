import Foundation
import ScribeCore
import HTTPTypes
import Hummingbird
import NIOCore
import NIOHTTP1
import Synchronization

extension PipedriveSandbox {
    /// The company's HTTP API: the B2 v2 paths for persons and activities, deals, and activity fields;
    /// v1's users and call logs.
    public func router() -> Router<BasicRequestContext> {
        let router = Router()
        self.oauth.addTokenRoute(to: router, path: "/oauth/token")
        router.get("/api/v2/persons/search") { request, _ in
            await self.serve(request, operation: "persons.search") { query, _ throws(PipedriveSandboxError) in
                let page = try Page(limit: query.get("limit"), cursor: query.get("cursor"))
                return .json(200, try self.searchPersons(term: query.get("term"), fields: query.get("fields"), exactMatch: query.get("exact_match"), page: page))
            }
        }
        router.get("/api/v2/persons") { request, _ in
            await self.serve(request, operation: "persons.list") { query, _ throws(PipedriveSandboxError) in
                .json(200, try self.listPersons(ids: query.get("ids"), page: try Page(limit: query.get("limit"), cursor: query.get("cursor"))))
            }
        }
        router.get("/api/v2/persons/:id") { request, context in
            let id = context.parameters.get("id") ?? ""
            return await self.serve(request, operation: "persons.get") { _, _ throws(PipedriveSandboxError) in
                .json(200, try self.readPerson(id: id))
            }
        }
        router.post("/api/v2/persons") { request, _ in
            await self.serve(request, operation: "persons.create") { _, body throws(PipedriveSandboxError) in
                let person = try self.createPerson(PipedriveSandbox.decodeFields(body))
                return .json(200, PipedriveSandboxEnvelope(data: PipedrivePersonJSON(person: person)))
            }
        }
        router.post("/api/v2/activities") { request, _ in
            await self.serve(request, operation: "activities.create") { _, body throws(PipedriveSandboxError) in
                let activity = try self.createActivity(PipedriveSandbox.decodeFields(body))
                return .json(200, PipedriveSandboxEnvelope(data: PipedriveActivityJSON(activity: activity)))
            }
        }
        router.patch("/api/v2/activities/:id") { request, context in
            let id = context.parameters.get("id") ?? ""
            return await self.serve(request, operation: "activities.update") { _, body throws(PipedriveSandboxError) in
                let activity = try self.updateActivity(id: id, PipedriveSandbox.decodeFields(body))
                return .json(200, PipedriveSandboxEnvelope(data: PipedriveActivityJSON(activity: activity)))
            }
        }
        router.get("/api/v2/activities") { request, _ in
            await self.serve(request, operation: "activities.list") { query, _ throws(PipedriveSandboxError) in
                let page = try Page(limit: query.get("limit"), cursor: query.get("cursor"))
                return .json(
                    200,
                    try self.listActivities(
                        ids: query.get("ids"), personID: query.get("person_id"), done: query.get("done"),
                        sortBy: query.get("sort_by"), sortDirection: query.get("sort_direction"), page: page
                    )
                )
            }
        }
        router.get("/api/v2/activityFields") { request, _ in
            await self.serve(request, operation: "activityFields.list") { query, _ throws(PipedriveSandboxError) in
                let (fields, next) = try Page(limit: query.get("limit"), cursor: query.get("cursor")).slice(PipedriveActivityFieldCatalogue.fields)
                return .json(200, PipedriveSandboxEnvelope(data: fields, additionalData: .init(nextCursor: next)))
            }
        }
        router.get("/api/v2/deals") { request, _ in
            await self.serve(request, operation: "deals.list") { query, _ throws(PipedriveSandboxError) in
                let page = try Page(limit: query.get("limit"), cursor: query.get("cursor"))
                return .json(200, try self.listDeals(personID: query.get("person_id"), status: query.get("status"), page: page))
            }
        }
        self.addDirectoryRoutes(to: router)
        self.addCallLogRoutes(to: router)
        router.get("/api/v2/activities/:id") { request, context in
            let id = context.parameters.get("id") ?? ""
            return await self.serve(request, operation: "activities.get") { _, _ throws(PipedriveSandboxError) in
                .json(200, try self.readActivity(id: id))
            }
        }
        return router
    }

    /// The body as a JSON object, field by field, or Pipedrive's 400 for anything else.
    static func decodeFields(_ body: ByteBuffer) throws(PipedriveSandboxError) -> [String: PipedriveJSONValue] {
        do {
            return try JSONDecoder().decode([String: PipedriveJSONValue].self, from: Data(body.readableBytesView))
        } catch {
            throw .badRequest("Invalid JSON in request body")
        }
    }

    /// Runs one API request through the knobs (count, latency, outage, injected failure), then the
    /// token check, then `handler` with the query and body.
    func serve(_ request: Request, operation: String, _ handler: (Parameters, ByteBuffer) throws(PipedriveSandboxError) -> PipedriveSandboxReply) async -> Response {
        let admission = await self.faults.admit(operation)
        let query = request.uri.queryParameters
        let token = HTTPField.Name("x-api-token").flatMap { request.headers[$0] } ?? query.get("api_token")
        let reply: PipedriveSandboxReply
        if let fault = admission.fault {
            switch fault {
            case .outage: reply = .error(.serverError(503))
            case .planned(let failure): reply = .error(.injected(status: failure.status, retryAfter: failure.retryAfter))
            }
        } else if token != self.apiToken, !self.oauth.accepts(authorization: request.headers[.authorization]) {
            reply = .error(.unauthorized)
        } else {
            do {
                let body = try await request.body.collect(upTo: 4 << 20)
                do throws(PipedriveSandboxError) {
                    reply = try handler(query, body)
                } catch {
                    reply = .error(error)
                }
            } catch {
                reply = .error(.badRequest("The request body could not be read"))
            }
        }
        return reply.response()
    }
}

/// A JSON answer from the Pipedrive sandbox, before it becomes a `Response`.
struct PipedriveSandboxReply {
    var status: Int
    var body: Data
    var retryAfter: Int?

    static func json(_ status: Int, _ value: some Encodable) -> PipedriveSandboxReply {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return PipedriveSandboxReply(status: status, body: (try? encoder.encode(value)) ?? Data("{}".utf8))
    }

    static func error(_ error: PipedriveSandboxError) -> PipedriveSandboxReply {
        var reply = PipedriveSandboxReply.json(error.httpStatus, error)
        reply.retryAfter = error.retryAfter
        return reply
    }

    /// The response with Pipedrive's rate-limit headers: on a 429 nothing remains and the window
    /// resets in `Retry-After` seconds (or the window's length).
    func response() -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "application/json; charset=utf-8"
        let limited = self.status == 429
        let rateLimits = [
            ("x-ratelimit-limit", String(PipedriveSandbox.rateLimit)),
            ("x-ratelimit-remaining", limited ? "0" : String(PipedriveSandbox.rateLimit - 1)),
            ("x-ratelimit-reset", String(limited ? (self.retryAfter ?? PipedriveSandbox.rateWindowSeconds) : PipedriveSandbox.rateWindowSeconds)),
        ]
        for (name, value) in rateLimits {
            if let name = HTTPField.Name(name) { headers[name] = value }
        }
        if let retryAfter, let name = HTTPField.Name("Retry-After") {
            headers[name] = String(retryAfter)
        }
        let status = HTTPResponse.Status(code: self.status, reasonPhrase: HTTPResponseStatus(statusCode: self.status).reasonPhrase)
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: self.body)))
    }
}
