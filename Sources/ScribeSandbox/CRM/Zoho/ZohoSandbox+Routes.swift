import ScribeCore
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import NIOHTTP1

extension ZohoSandbox {
    /// The org's HTTP API: the token endpoint and the v8 record, search and related-list paths.
    public func router() -> Router<BasicRequestContext> {
        let router = Router()
        router.post("/oauth/v2/token") { request, _ in
            // Zoho takes the grant in the query string; a form body is merged in for clients that post one.
            let body = (try? await request.body.collect(upTo: 64 << 10)).map { String(buffer: $0) } ?? ""
            let form = [request.uri.query ?? "", body].filter { !$0.isEmpty }.joined(separator: "&")
            let answer = self.oauth.token(form: form, authorization: request.headers[.authorization], instanceURL: "http://\(request.head.authority ?? "127.0.0.1")")
            let data = (try? JSONSerialization.data(withJSONObject: answer.body, options: [.sortedKeys])) ?? Data("{}".utf8)
            return ZohoSandboxReply(status: answer.status, body: data).response()
        }
        router.get("/crm/v8/:module/search") { request, context in
            let module = context.parameters.get("module") ?? ""
            return await self.serve(request, operation: "\(module).search", module: module) { query, _ throws(ZohoSandboxError) in
                try self.search(module: module, query: query)
            }
        }
        router.get("/crm/v8/:module") { request, context in
            let module = context.parameters.get("module") ?? ""
            return await self.serve(request, operation: "\(module).list", module: module) { query, _ throws(ZohoSandboxError) in
                try self.list(module: module, query: query)
            }
        }
        router.get("/crm/v8/:module/:id") { request, context in
            let module = context.parameters.get("module") ?? ""
            let id = context.parameters.get("id") ?? ""
            return await self.serve(request, operation: "\(module).get", module: module) { query, _ throws(ZohoSandboxError) in
                self.get(module: module, id: id, fields: query.get("fields"))
            }
        }
        router.get("/crm/v8/:module/:id/:related") { request, context in
            let module = context.parameters.get("module") ?? ""
            let id = context.parameters.get("id") ?? ""
            let related = context.parameters.get("related") ?? ""
            return await self.serve(request, operation: "\(module).related", module: module) { query, _ throws(ZohoSandboxError) in
                try self.related(module: module, id: id, related: related, query: query)
            }
        }
        router.post("/crm/v8/:module") { request, context in
            let module = context.parameters.get("module") ?? ""
            return await self.serve(request, operation: "\(module).insert", module: module) { _, body throws(ZohoSandboxError) in
                try self.write(module: module, body: body, pathID: nil, isInsert: true)
            }
        }
        router.put("/crm/v8/:module") { request, context in
            let module = context.parameters.get("module") ?? ""
            return await self.serve(request, operation: "\(module).update", module: module) { _, body throws(ZohoSandboxError) in
                try self.write(module: module, body: body, pathID: nil, isInsert: false)
            }
        }
        router.put("/crm/v8/:module/:id") { request, context in
            let module = context.parameters.get("module") ?? ""
            let id = context.parameters.get("id") ?? ""
            return await self.serve(request, operation: "\(module).update", module: module) { _, body throws(ZohoSandboxError) in
                try self.write(module: module, body: body, pathID: id, isInsert: false)
            }
        }
        router.delete("/crm/v8/:module/:id") { request, context in
            let module = context.parameters.get("module") ?? ""
            let id = context.parameters.get("id") ?? ""
            return await self.serve(request, operation: "\(module).delete", module: module) { _, _ throws(ZohoSandboxError) in
                self.delete(module: module, id: id)
            }
        }
        return router
    }

    /// Runs one API request through the knobs (count, latency, outage, planned failure), then the
    /// token check, the module check, then `handler` with the query and body.
    private func serve(
        _ request: Request, operation: String, module: String,
        _ handler: (Parameters, Data) throws(ZohoSandboxError) -> ZohoSandboxReply
    ) async -> Response {
        let admission = await self.faults.admit(operation)
        let authorization = request.headers[.authorization]
        let reply: ZohoSandboxReply
        if let fault = admission.fault {
            switch fault {
            case .outage: reply = .error(.serverError(503))
            case .planned(let failure): reply = .error(ZohoSandbox.injected(failure))
            }
        } else if authorization != "Zoho-oauthtoken \(self.accessToken)", !self.oauth.accepts(authorization: authorization) {
            reply = .error(.invalidToken)
        } else if !ZohoSandboxState.knownModules.contains(module) {
            reply = .error(.invalidModule(module))
        } else {
            do {
                let body = try await request.body.collect(upTo: 4 << 20)
                do throws(ZohoSandboxError) {
                    reply = try handler(request.uri.queryParameters, Data(body.readableBytesView))
                } catch {
                    reply = .error(error)
                }
            } catch {
                reply = .error(.invalidBody("the request body could not be read"))
            }
        }
        return reply.response()
    }

    /// The body Zoho sends for a planned failure.
    private static func injected(_ failure: SandboxFaults.PlannedFailure) -> ZohoSandboxError {
        switch failure.status {
        case 401: .invalidToken
        case 429: .tooManyRequests(retryAfter: failure.retryAfter)
        case 400 where failure.errorCode != nil: .invalidData(field: failure.errorCode ?? "")
        case 404: .invalidURL
        case 403: ZohoSandboxError(httpStatus: 403, code: "NO_PERMISSION", message: "permission denied")
        case 500...599: .serverError(failure.status)
        default: ZohoSandboxError(httpStatus: failure.status, code: "INVALID_REQUEST", message: "injected failure")
        }
    }
}

/// A Zoho answer before it becomes a `Response`: JSON, or no body at all (204).
struct ZohoSandboxReply {
    var status: Int
    var body: Data?
    var retryAfter: Int?

    static func json(_ status: Int, _ value: JSONValue) -> ZohoSandboxReply {
        ZohoSandboxReply(status: status, body: value.encoded())
    }

    static var noContent: ZohoSandboxReply { ZohoSandboxReply(status: 204, body: nil) }

    static func error(_ error: ZohoSandboxError) -> ZohoSandboxReply {
        ZohoSandboxReply(status: error.httpStatus, body: error.body.encoded(), retryAfter: error.retryAfter)
    }

    func response() -> Response {
        var headers = HTTPFields()
        if self.body != nil { headers[.contentType] = "application/json;charset=utf-8" }
        if let retryAfter, let name = HTTPField.Name("Retry-After") { headers[name] = String(retryAfter) }
        let status = HTTPResponse.Status(code: self.status, reasonPhrase: HTTPResponseStatus(statusCode: self.status).reasonPhrase)
        let buffer = self.body.map { ByteBuffer(bytes: $0) } ?? ByteBuffer()
        return Response(status: status, headers: headers, body: .init(byteBuffer: buffer))
    }
}
