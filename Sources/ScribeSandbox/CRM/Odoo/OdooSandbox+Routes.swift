import ScribeCore
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import NIOHTTP1

/// One JSON-2 call: the model and method from the path, `ids` and `context` and the named arguments from the body.
struct OdooCall {
    var model: String
    var method: String
    var ids: [Int]
    var context: [String: JSONValue]
    var arguments: [String: JSONValue]
}

extension OdooSandbox {
    /// The database's HTTP API: `POST /json/2/<model>/<method>`.
    public func router() -> Router<BasicRequestContext> {
        let router = Router()
        router.post("/json/2/:model/:method") { request, context in
            let model = context.parameters.get("model") ?? ""
            let method = context.parameters.get("method") ?? ""
            return await self.serve(request, model: model, method: method)
        }
        return router
    }

    private func serve(_ request: Request, model: String, method: String) async -> Response {
        let admission = await self.faults.admit("\(model).\(method)")
        var callContext: [String: JSONValue] = [:]
        let reply: OdooSandboxReply
        do throws(OdooSandboxError) {
            if let fault = admission.fault {
                switch fault {
                case .outage: throw .serviceUnavailable()
                case .planned(let failure): throw OdooSandbox.injected(failure, model: model)
                }
            }
            try self.authenticate(request)
            let data = try await OdooSandbox.body(of: request)
            guard let object = JSONValue.object(from: data) else { throw .badRequest("could not parse the body, expecting a json object") }
            callContext = object["context"]?.object ?? [:]
            guard OdooModelSchema.all[model] != nil else { throw .unknownModel(model) }
            var arguments = object
            arguments["ids"] = nil
            arguments["context"] = nil
            let ids = try (object["ids"]?.array ?? []).map { value throws(OdooSandboxError) -> Int in
                guard let id = value.integer else { throw .unexpectedArgument("ids") }
                return id
            }
            let result = try self.call(OdooCall(model: model, method: method, ids: ids, context: callContext, arguments: arguments))
            reply = OdooSandboxReply(status: 200, body: result.encoded())
        } catch {
            reply = OdooSandboxReply(status: error.httpStatus, body: error.body(context: callContext).encoded(), retryAfter: error.retryAfter)
        }
        return reply.response()
    }

    /// `Authorization: bearer <key>` (the scheme in any case), and the database if one is named.
    private func authenticate(_ request: Request) throws(OdooSandboxError) {
        let header = request.headers[.authorization] ?? ""
        let parts = header.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer", parts[1] == self.apiKey else { throw .invalidAPIKey }
        if let name = HTTPField.Name("X-Odoo-Database"), let database = request.headers[name], database != self.database {
            throw .http(404, "NotFound", "database \(database) not found")
        }
    }

    private static func body(of request: Request) async throws(OdooSandboxError) -> Data {
        do {
            return Data(try await request.body.collect(upTo: 4 << 20).readableBytesView)
        } catch {
            throw .badRequest("could not read the body")
        }
    }

    /// The body Odoo sends for a planned failure.
    private static func injected(_ failure: SandboxFaults.PlannedFailure, model: String) -> OdooSandboxError {
        switch failure.status {
        case 401: return .invalidAPIKey
        case 429: return .tooManyRequests(retryAfter: failure.retryAfter)
        case 422:
            let field = failure.errorCode ?? "name"
            return .validationError(
                "The operation cannot be completed:\n- Create/update: a mandatory field is not set.\n- Delete: another model requires the record being deleted. If possible, archive it instead.\n\nModel: \(model)\nField: \(field)"
            )
        case 403: return OdooSandboxError(httpStatus: 403, name: "odoo.exceptions.AccessError", message: "You are not allowed to access '\(model)' records.")
        case 404: return .missing(model: model, ids: [0])
        case 503: return .serviceUnavailable()
        case 500...599: return .internalServerError()
        default: return .http(failure.status, "HTTPException", "injected failure")
        }
    }
}

/// An Odoo answer before it becomes a `Response`.
struct OdooSandboxReply {
    var status: Int
    var body: Data
    var retryAfter: Int?

    func response() -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "application/json; charset=utf-8"
        if let retryAfter, let name = HTTPField.Name("Retry-After") { headers[name] = String(retryAfter) }
        let status = HTTPResponse.Status(code: self.status, reasonPhrase: HTTPResponseStatus(statusCode: self.status).reasonPhrase)
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: self.body)))
    }
}
