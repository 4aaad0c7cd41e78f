import Foundation
import ScribeCore
import HTTPTypes
import Hummingbird
import NIOCore
import NIOHTTP1

extension ClioSandbox {
    /// One request as a handler sees it: its query parameters in order, its body, and the URL a
    /// `meta.paging.next` link starts with.
    struct Call {
        var query: [(String, String)]
        var body: Data
        var base: String

        func get(_ name: String) -> String? { self.query.first { $0.0 == name }?.1 }

        func integer(_ name: String) throws(ClioSandboxError) -> Int? {
            guard let text = self.get(name) else { return nil }
            guard let value = Int(text) else { throw .badRequest("Invalid \(name): \(text)") }
            return value
        }

        /// `{"data":…}` with `record` cut to the requested `fields`.
        func one(_ record: JSONValue) throws(ClioSandboxError) -> JSONValue {
            .object(["data": try ClioFieldSelection(self.get("fields")).project(record)])
        }

        /// One page of `records` with `meta.paging` and `meta.records`.
        func page(_ records: [JSONValue]) throws(ClioSandboxError) -> JSONValue {
            let selection = try ClioFieldSelection(self.get("fields"))
            let (items, next) = try ClioSandboxPage(limit: self.get("limit"), pageToken: self.get("page_token")).slice(records)
            var projected: [JSONValue] = []
            for item in items { projected.append(try selection.project(item)) }
            return ClioSandboxPage.envelope(data: projected, total: records.count, nextToken: next, base: self.base, query: self.query)
        }
    }

    /// The firm's HTTP API: the paths listed on ``ClioSandbox``.
    public func router() -> Router<BasicRequestContext> {
        let router = Router()
        self.oauth.addTokenRoute(to: router, path: "/oauth/token")
        self.route(router, .get, "/api/v4/users/who_am_i", "users.who_am_i") { call, _ throws(ClioSandboxError) in
            (200, try call.one(self.whoAmI()))
        }
        self.route(router, .get, "/api/v4/contacts", "contacts.search") { call, _ throws(ClioSandboxError) in
            (200, try call.page(self.searchContacts(query: call.get("query"), type: call.get("type")).map(\.json)))
        }
        self.route(router, .post, "/api/v4/contacts", "contacts.create") { call, _ throws(ClioSandboxError) in
            (201, try call.one(try self.createContact(try ClioRecordValidator.data(call.body)).json))
        }
        self.route(router, .get, "/api/v4/contacts/:id", "contacts.get") { call, id throws(ClioSandboxError) in
            (200, try call.one(try self.contactJSON(id: try ClioSandbox.id(id, "Contact"))))
        }
        self.route(router, .get, "/api/v4/matters", "matters.list") { call, _ throws(ClioSandboxError) in
            (200, try call.page(self.matterJSON(clientID: try call.integer("client_id"), status: call.get("status"))))
        }
        self.route(router, .get, "/api/v4/relationships", "relationships.list") { call, _ throws(ClioSandboxError) in
            (200, try call.page(self.relationshipJSON(contactID: try call.integer("contact_id"))))
        }
        self.route(router, .post, "/api/v4/communications", "communications.create") { call, _ throws(ClioSandboxError) in
            (201, try call.one(try self.createCommunication(try ClioRecordValidator.data(call.body))))
        }
        self.route(router, .get, "/api/v4/communications", "communications.list") { call, _ throws(ClioSandboxError) in
            let records = self.communicationJSON(query: call.get("query"), contactID: try call.integer("contact_id"), matterID: try call.integer("matter_id"), type: call.get("type"))
            return (200, try call.page(records))
        }
        self.route(router, .get, "/api/v4/communications/:id", "communications.get") { call, id throws(ClioSandboxError) in
            (200, try call.one(try self.communicationJSON(id: try ClioSandbox.id(id, "Communication"))))
        }
        self.route(router, .patch, "/api/v4/communications/:id", "communications.update") { call, id throws(ClioSandboxError) in
            (200, try call.one(try self.updateCommunication(id: try ClioSandbox.id(id, "Communication"), try ClioRecordValidator.data(call.body))))
        }
        self.route(router, .delete, "/api/v4/communications/:id", "communications.delete") { _, id throws(ClioSandboxError) in
            try self.deleteCommunication(id: try ClioSandbox.id(id, "Communication"))
            return (204, nil)
        }
        return router
    }

    /// `123` or `123.json` as an id; anything else is a record Clio cannot find.
    static func id(_ segment: String, _ model: String) throws(ClioSandboxError) -> Int {
        let text = segment.hasSuffix(".json") ? String(segment.dropLast(".json".count)) : segment
        guard let id = Int(text) else { throw .notFound(model) }
        return id
    }

    /// Registers `path` (a collection without `.json`, or a member with `:id`) and, for collections, `path.json`.
    private func route(
        _ router: Router<BasicRequestContext>, _ method: HTTPRequest.Method, _ path: String, _ operation: String,
        _ handler: @escaping @Sendable (Call, String) throws(ClioSandboxError) -> (Int, JSONValue?)
    ) {
        let paths = path.hasSuffix(":id") ? [path] : [path, path + ".json"]
        for path in paths {
            router.on(RouterPath(path), method: method) { request, context in
                let id = context.parameters.get("id") ?? ""
                return await self.serve(request, operation: operation) { call throws(ClioSandboxError) in try handler(call, id) }
            }
        }
    }

    /// Runs one API request through the knobs (count, latency, outage, planned failure), then the
    /// bearer-token check, then `handler`.
    private func serve(_ request: Request, operation: String, _ handler: (Call) throws(ClioSandboxError) -> (Int, JSONValue?)) async -> Response {
        let admission = await self.faults.admit(operation)
        let authorization = request.headers[.authorization]
        let outcome: Result<(Int, JSONValue?), ClioSandboxError>
        if let fault = admission.fault {
            switch fault {
            case .outage: outcome = .failure(.serverError(503))
            case .planned(let failure): outcome = .failure(.injected(status: failure.status, retryAfter: failure.retryAfter, field: failure.errorCode))
            }
        } else if authorization != "Bearer \(self.accessToken)", !self.oauth.accepts(authorization: authorization) {
            outcome = .failure(.invalidToken)
        } else {
            let body = (try? await request.body.collect(upTo: 4 << 20)).map { Data($0.readableBytesView) } ?? Data()
            let host = request.head.authority ?? "127.0.0.1"
            let query = request.uri.queryParameters.map { (String($0.key), String($0.value)) }
            let call = Call(query: query, body: body, base: "http://\(host)\(request.uri.path)")
            do throws(ClioSandboxError) {
                outcome = .success(try handler(call))
            } catch {
                outcome = .failure(error)
            }
        }
        return ClioSandbox.response(outcome)
    }

    /// The answer with Clio's headers: rate limits on every answer (nothing remains on a 429, whose
    /// window resets after `Retry-After`), `WWW-Authenticate` on a 401.
    static func response(_ outcome: Result<(Int, JSONValue?), ClioSandboxError>) -> Response {
        let status: Int
        let body: JSONValue?
        var error: ClioSandboxError?
        switch outcome {
        case .success(let answer): (status, body) = answer
        case .failure(let failure):
            (status, body) = (failure.httpStatus, failure.body)
            error = failure
        }
        var headers = HTTPFields()
        let now = Int(Date().timeIntervalSince1970)
        let limited = status == 429
        var fields = [
            ("X-RateLimit-Limit", String(ClioSandbox.rateLimit)),
            ("X-RateLimit-Remaining", limited ? "0" : String(ClioSandbox.rateLimit - 1)),
            ("X-RateLimit-Reset", String(now + (error?.retryAfter ?? ClioSandbox.rateWindowSeconds))),
        ]
        if let retryAfter = error?.retryAfter { fields.append(("Retry-After", String(retryAfter))) }
        if let authenticate = error?.authenticate { fields.append(("WWW-Authenticate", authenticate)) }
        if (200..<300).contains(status) { fields.append(("X-API-VERSION", "4.0.0")) }
        for (name, value) in fields {
            if let name = HTTPField.Name(name) { headers[name] = value }
        }
        let responseStatus = HTTPResponse.Status(code: status, reasonPhrase: HTTPResponseStatus(statusCode: status).reasonPhrase)
        guard let body else { return Response(status: responseStatus, headers: headers) }
        headers[.contentType] = "application/json; charset=utf-8"
        return Response(status: responseStatus, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: JSONValue.encoded(body))))
    }
}
