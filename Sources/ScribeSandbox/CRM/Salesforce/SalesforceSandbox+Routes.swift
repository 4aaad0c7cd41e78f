import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import NIOHTTP1
import Synchronization

extension SalesforceSandbox {
    /// The org's REST API under `/services/data/vNN.0/`: `search` (SOSL), `query` (SOQL on Task),
    /// `sobjects/Contact` (create), `sobjects/Task` (create), `composite/sobjects` (create several),
    /// `sobjects/Task/describe` and `sobjects/Task/{id}` (read, update).
    /// Paths work with or without a trailing slash.
    public func router() -> Router<BasicRequestContext> {
        let router = Router()
        self.oauth.addTokenRoute(to: router, path: "/services/oauth2/token")
        // Hummingbird matches `search/` and `query/` to these too.
        router.get("/services/data/:version/search") { request, context in
            await self.serve(request, context: context, operation: "search") { version, _ throws(SalesforceSandboxError) in
                .json(200, try self.search(self.queryText(request), version: version))
            }
        }
        router.get("/services/data/:version/query") { request, context in
            await self.serve(request, context: context, operation: "query") { version, _ throws(SalesforceSandboxError) in
                let text = try self.queryText(request)
                if let roles = try SalesforceSOQLRoleQuery.parseIfRoles(text) { return .json(200, self.roles(roles, version: version)) }
                if let users = try SalesforceSOQLUserQuery.parseIfUsers(text) { return .json(200, self.users(users, version: version)) }
                return .json(200, try self.query(text, version: version))
            }
        }
        router.post("/services/data/:version/sobjects/Contact") { request, context in
            await self.serve(request, context: context, operation: "contact.create") { _, body throws(SalesforceSandboxError) in
                let contact = try self.createContact(SalesforceSandbox.decodeFields(body))
                return .json(201, SalesforceCollectionSaveResult.created(contact.id))
            }
        }
        router.post("/services/data/:version/sobjects/Task") { request, context in
            await self.serve(request, context: context, operation: "task.create") { _, body throws(SalesforceSandboxError) in
                let task = try self.createTask(SalesforceSandbox.decodeFields(body))
                return .json(201, SalesforceCollectionSaveResult.created(task.id))
            }
        }
        // sObject Collections create: counted apart from single creates, for the benchmark's per-operation figures.
        router.post("/services/data/:version/composite/sobjects") { request, context in
            await self.serve(request, context: context, operation: "composite.sobjects.create") { _, body throws(SalesforceSandboxError) in
                .json(200, try self.createCollection(body))
            }
        }
        // A constant segment wins over `:id`, so `describe` is never read as a Task id.
        router.get("/services/data/:version/sobjects/Task/describe") { request, context in
            await self.serve(request, context: context, operation: "task.describe") { version, _ throws(SalesforceSandboxError) in
                .json(200, self.withCallDispositionPicklist(self.describe(.task, keyPrefix: "00T", plural: "Tasks", version: version)))
            }
        }
        router.get("/services/data/:version/sobjects/Task/:id") { request, context in
            let id = context.parameters.get("id") ?? ""
            let fields = request.uri.queryParameters.get("fields")
            return await self.serve(request, context: context, operation: "task.read") { version, _ throws(SalesforceSandboxError) in
                .json(200, try self.readTask(id: id, fields: fields, version: version))
            }
        }
        router.patch("/services/data/:version/sobjects/Task/:id") { request, context in
            let id = context.parameters.get("id") ?? ""
            return await self.serve(request, context: context, operation: "task.update") { _, body throws(SalesforceSandboxError) in
                try self.updateTask(id: id, SalesforceSandbox.decodeFields(body))
                return .noContent
            }
        }
        return router
    }

    /// A JSON answer before it becomes a `Response`.
    struct Reply {
        var status: Int
        var body: Data

        static func json(_ status: Int, _ value: some Encodable) -> Reply {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            return Reply(status: status, body: (try? encoder.encode(value)) ?? Data("[]".utf8))
        }

        static func error(_ error: SalesforceSandboxError) -> Reply {
            .json(error.status, error.items)
        }

        /// 204 with no body: a successful update.
        static var noContent: Reply { Reply(status: 204, body: Data()) }
    }

    /// Runs one API request through the knobs (count, latency, outage, injected failure), then the
    /// version and token checks, then `handler` with the API version and the request body.
    private func serve(
        _ request: Request,
        context: BasicRequestContext,
        operation: String,
        _ handler: (String, ByteBuffer) throws(SalesforceSandboxError) -> Reply
    ) async -> Response {
        let admission = await self.faults.admit(operation)
        let version = context.parameters.get("version") ?? ""
        let reply: Reply
        if let fault = admission.fault {
            switch fault {
            case .outage: reply = .error(.injected(status: 503, errorCode: "SERVER_UNAVAILABLE"))
            case .planned(let failure): reply = .error(.injected(status: failure.status, errorCode: failure.errorCode))
            }
        } else if request.headers[.authorization] != "Bearer \(self.accessToken)", !self.oauth.accepts(authorization: request.headers[.authorization]) {
            reply = .error(.invalidSession)
        } else if !SalesforceSandbox.isVersion(version) {
            reply = .error(.notFound)
        } else {
            do {
                let body = try await request.body.collect(upTo: 4 << 20)
                do throws(SalesforceSandboxError) {
                    reply = try handler(version, body)
                } catch {
                    reply = .error(error)
                }
            } catch {
                reply = .error(SalesforceSandboxError(status: 400, errorCode: "JSON_PARSER_ERROR", message: "The request body could not be read"))
            }
        }
        var headers = HTTPFields()
        if !reply.body.isEmpty { headers[.contentType] = "application/json;charset=UTF-8" }
        if let name = HTTPField.Name("Sforce-Limit-Info") { headers[name] = "api-usage=\(admission.requestNumber)/15000" }
        if reply.status == 401, let name = HTTPField.Name("WWW-Authenticate") { headers[name] = "Token" }
        let status = HTTPResponse.Status(code: reply.status, reasonPhrase: HTTPResponseStatus(statusCode: reply.status).reasonPhrase)
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: reply.body)))
    }

    /// The decoded `q` parameter (form encoding: `+` is a space), recorded for assertions; 400
    /// `MALFORMED_QUERY` when there is none.
    private func queryText(_ request: Request) throws(SalesforceSandboxError) -> String {
        let pairs = (request.uri.query ?? "").split(separator: "&")
        for pair in pairs {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2, parts[0] == "q" else { continue }
            guard let text = parts[1].replacingOccurrences(of: "+", with: " ").removingPercentEncoding, !text.isEmpty else { break }
            self.state.withLock { $0.receivedQueries.append(text) }
            return text
        }
        throw .malformedQuery("A query string has to be specified")
    }

    /// `vNN.N`.
    static func isVersion(_ text: String) -> Bool {
        guard text.hasPrefix("v") else { return false }
        let parts = text.dropFirst().split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 2 && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isNumber) }
    }

    /// The body as a JSON object of field values, or Salesforce's 400 for anything else.
    static func decodeFields(_ body: ByteBuffer) throws(SalesforceSandboxError) -> [String: SalesforceFieldValue] {
        do {
            return try JSONDecoder().decode([String: SalesforceFieldValue].self, from: Data(body.readableBytesView))
        } catch {
            throw SalesforceSandboxError(status: 400, errorCode: "JSON_PARSER_ERROR", message: "Unexpected body: the request must be a JSON object of field values")
        }
    }
}
