import Foundation
import ScribeCore
import HTTPTypes
import Hummingbird
import NIOCore
import NIOHTTP1

extension InsightlySandbox {
    /// One request as a handler sees it.
    struct Call {
        var query: [String: String]
        var body: Data

        var brief: Bool { self.query["brief"]?.lowercased() == "true" }

        /// `top` (1…500, default 100) and `skip` over `items`; `count_total=true` reports how many there were in all.
        func page(_ items: [JSONValue]) throws(InsightlySandboxError) -> Answer {
            guard let top = self.query["top"].map({ Int($0) }) ?? 100, (1...500).contains(top) else { throw .validation("top", "must be between 1 and 500") }
            guard let skip = self.query["skip"].map({ Int($0) }) ?? 0, skip >= 0 else { throw .validation("skip", "must not be negative") }
            let total = self.query["count_total"]?.lowercased() == "true" ? items.count : nil
            return Answer(status: 200, body: .array(Array(items.dropFirst(skip).prefix(top))), totalCount: total)
        }
    }

    /// A handler's answer: status, JSON body (none for 202) and `X-Total-Count`.
    struct Answer {
        var status: Int
        var body: JSONValue?
        var totalCount: Int?
    }

    /// The instance's HTTP API: the paths listed on ``InsightlySandbox``.
    public func router() -> Router<BasicRequestContext> {
        let router = Router()
        self.route(router, .get, "users/me", "users.me") { _, _ throws(InsightlySandboxError) in Answer(status: 200, body: self.me()) }
        for kind in [PersonKind.contact, .lead] {
            let path = kind == .contact ? "contacts" : "leads"
            self.route(router, .get, "\(path)/search", "\(path).search") { call, _ throws(InsightlySandboxError) in
                try call.page(self.personJSON(try self.search(kind, fieldName: call.query["field_name"], fieldValue: call.query["field_value"]), brief: call.brief))
            }
            self.route(router, .get, path, "\(path).list") { call, _ throws(InsightlySandboxError) in
                try call.page(self.personJSON(self.people(kind), brief: call.brief))
            }
            self.route(router, .get, "\(path)/:id", "\(path).get") { _, id throws(InsightlySandboxError) in
                Answer(status: 200, body: try self.person(kind, id: try InsightlySandbox.id(id, kind.rawValue)))
            }
            self.route(router, .post, path, "\(path).create") { call, _ throws(InsightlySandboxError) in
                Answer(status: 201, body: try self.createPerson(kind, try InsightlyRecordValidator.object(call.body)))
            }
        }
        self.route(router, .get, "organisations/:id", "organisations.get") { _, id throws(InsightlySandboxError) in
            Answer(status: 200, body: try self.related("Organisation", id: try InsightlySandbox.id(id, "Organisation")))
        }
        self.route(router, .get, "opportunities/:id", "opportunities.get") { _, id throws(InsightlySandboxError) in
            Answer(status: 200, body: try self.related("Opportunity", id: try InsightlySandbox.id(id, "Opportunity")))
        }
        self.route(router, .post, "events", "events.create") { call, _ throws(InsightlySandboxError) in
            Answer(status: 201, body: try self.createEvent(try InsightlyRecordValidator.object(call.body)))
        }
        self.route(router, .put, "events", "events.update") { call, _ throws(InsightlySandboxError) in
            Answer(status: 200, body: try self.updateEvent(try InsightlyRecordValidator.object(call.body)))
        }
        self.route(router, .get, "events", "events.list") { call, _ throws(InsightlySandboxError) in
            try call.page(try self.eventsJSON(fieldName: nil, fieldValue: nil, brief: call.brief))
        }
        self.route(router, .get, "events/search", "events.search") { call, _ throws(InsightlySandboxError) in
            guard let fieldName = call.query["field_name"], !fieldName.isEmpty else { throw .validation("field_name", "is required") }
            return try call.page(try self.eventsJSON(fieldName: fieldName, fieldValue: call.query["field_value"], brief: call.brief))
        }
        self.route(router, .get, "events/:id", "events.get") { _, id throws(InsightlySandboxError) in
            Answer(status: 200, body: try self.eventJSON(id: try InsightlySandbox.id(id, "Event")))
        }
        self.route(router, .delete, "events/:id", "events.delete") { _, id throws(InsightlySandboxError) in
            try self.deleteEvent(id: try InsightlySandbox.id(id, "Event"))
            return Answer(status: 202, body: nil)
        }
        self.route(router, .post, "events/:id/links", "events.links.create") { call, id throws(InsightlySandboxError) in
            Answer(status: 201, body: try self.linkEvent(id: try InsightlySandbox.id(id, "Event"), try InsightlyRecordValidator.object(call.body)))
        }
        self.route(router, .get, "events/:id/links", "events.links.list") { _, id throws(InsightlySandboxError) in
            Answer(status: 200, body: .array(try self.eventLinks(id: try InsightlySandbox.id(id, "Event"))))
        }
        return router
    }

    static func id(_ text: String, _ what: String) throws(InsightlySandboxError) -> Int {
        guard let id = Int(text) else { throw .notFound(what) }
        return id
    }

    /// Registers `/v3.1/<path>` and its capitalised form (`/v3.1/Contacts/search`), as Insightly's paths ignore case.
    private func route(
        _ router: Router<BasicRequestContext>, _ method: HTTPRequest.Method, _ path: String, _ operation: String,
        _ handler: @escaping @Sendable (Call, String) throws(InsightlySandboxError) -> Answer
    ) {
        let capitalised = path.split(separator: "/").map { $0.hasPrefix(":") ? String($0) : $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: "/")
        for variant in Set([path, capitalised]) {
            router.on(RouterPath("/v3.1/\(variant)"), method: method) { request, context in
                let id = context.parameters.get("id") ?? ""
                return await self.serve(request, operation: operation) { call throws(InsightlySandboxError) in try handler(call, id) }
            }
        }
    }

    /// True when `authorization` is `Basic base64(<apiKey>:<anything>)` (the password is left empty by clients).
    func accepts(authorization: String?) -> Bool {
        guard let authorization, authorization.hasPrefix("Basic "),
            let decoded = Data(base64Encoded: String(authorization.dropFirst("Basic ".count))).flatMap({ String(data: $0, encoding: .utf8) })
        else { return false }
        return decoded.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) == self.apiKey
    }

    private func serve(_ request: Request, operation: String, _ handler: (Call) throws(InsightlySandboxError) -> Answer) async -> Response {
        let admission = await self.faults.admit(operation)
        let outcome: Result<Answer, InsightlySandboxError>
        if let fault = admission.fault {
            switch fault {
            case .outage: outcome = .failure(.serverError(503))
            case .planned(let failure): outcome = .failure(.injected(status: failure.status, retryAfter: failure.retryAfter, field: failure.errorCode))
            }
        } else if !self.accepts(authorization: request.headers[.authorization]) {
            outcome = .failure(.unauthorized)
        } else {
            let body = (try? await request.body.collect(upTo: 4 << 20)).map { Data($0.readableBytesView) } ?? Data()
            var query: [String: String] = [:]
            for (key, value) in request.uri.queryParameters { query[String(key)] = String(value) }
            do throws(InsightlySandboxError) {
                outcome = .success(try handler(Call(query: query, body: body)))
            } catch {
                outcome = .failure(error)
            }
        }
        return InsightlySandbox.response(outcome, requestNumber: admission.requestNumber)
    }

    /// The answer with the daily quota headers (nothing remains on a 429) and `Retry-After` on a 429.
    static func response(_ outcome: Result<Answer, InsightlySandboxError>, requestNumber: Int) -> Response {
        let answer: Answer
        var retryAfter: Int?
        switch outcome {
        case .success(let success): answer = success
        case .failure(let error):
            answer = Answer(status: error.httpStatus, body: error.body)
            retryAfter = error.retryAfter
        }
        var fields = [
            ("X-RateLimit-Limit", String(InsightlySandbox.dailyLimit)),
            ("X-RateLimit-Remaining", answer.status == 429 ? "0" : String(max(0, InsightlySandbox.dailyLimit - requestNumber))),
        ]
        if let retryAfter { fields.append(("Retry-After", String(retryAfter))) }
        if let total = answer.totalCount { fields.append(("X-Total-Count", String(total))) }
        var headers = HTTPFields()
        for (name, value) in fields {
            if let name = HTTPField.Name(name) { headers[name] = value }
        }
        let status = HTTPResponse.Status(code: answer.status, reasonPhrase: HTTPResponseStatus(statusCode: answer.status).reasonPhrase)
        guard let body = answer.body else { return Response(status: status, headers: headers) }
        headers[.contentType] = "application/json; charset=utf-8"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: JSONValue.encoded(body))))
    }
}
