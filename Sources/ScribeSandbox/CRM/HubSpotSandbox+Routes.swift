import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import NIOHTTP1
import Synchronization

extension HubSpotSandbox {
    /// The portal's HTTP API (the B1 paths), plus `GET /`, a page listing what it holds.
    public func router() -> Router<BasicRequestContext> {
        let router = Router()
        router.get("/") { _, _ in self.pageResponse() }
        self.oauth.addTokenRoute(to: router, path: "/oauth/v1/token")
        router.post("/crm/v3/objects/contacts/search") { request, _ in
            await self.serve(request, operation: "contacts.search") { body throws(HubSpotSandboxError) in
                .json(200, try self.searchContacts(HubSpotSandbox.decode(SandboxSearchRequest.self, from: body)))
            }
        }
        router.post("/crm/v3/objects/contacts") { request, _ in
            await self.serve(request, operation: "contacts.create") { body throws(HubSpotSandboxError) in
                let contact = try self.createContact(HubSpotSandbox.decode(SandboxCallInput.self, from: body))
                let object = SandboxObjectJSON(
                    id: contact.id, properties: contact.properties, selected: contact.properties.keys.sorted(),
                    createdAt: contact.createdAt, updatedAt: contact.updatedAt
                )
                return .json(201, object)
            }
        }
        router.get("/crm/v4/objects/contacts/:id/associations/deals") { request, context in
            let id = context.parameters.get("id") ?? ""
            return await self.serve(request, operation: "associations.list") { _ throws(HubSpotSandboxError) in
                .json(200, try self.dealAssociations(ofContact: id))
            }
        }
        router.post("/crm/v3/objects/deals/batch/read") { request, _ in
            await self.serve(request, operation: "deals.batchRead") { body throws(HubSpotSandboxError) in
                let answer = try self.batchReadDeals(HubSpotSandbox.decode(BatchReadInput.self, from: body))
                return .json(answer.status, answer.body)
            }
        }
        router.get("/crm/v3/properties/calls") { request, _ in
            await self.serve(request, operation: "properties.list") { _ throws(HubSpotSandboxError) in
                .json(200, HubSpotSandboxPropertyList(results: HubSpotCallPropertyCatalogue.all))
            }
        }
        self.addDirectoryRoutes(to: router)
        router.post("/crm/v3/objects/calls/search") { request, _ in
            await self.serve(request, operation: "calls.search") { body throws(HubSpotSandboxError) in
                .json(200, try self.searchCalls(HubSpotSandbox.decode(SandboxSearchRequest.self, from: body)))
            }
        }
        router.post("/crm/v3/objects/calls") { request, _ in
            let response = await self.serve(request, operation: "calls.create") { body throws(HubSpotSandboxError) in
                let record = try self.createCall(HubSpotSandbox.decode(SandboxCallInput.self, from: body))
                return .json(201, HubSpotSandbox.json(record, selected: Array(record.apiProperties.keys).sorted(), withAssociations: false))
            }
            // Stored already; the answer waits (see createAnswerDelay).
            let delay = self.createAnswerDelay
            if response.status == .created, delay > .zero { try? await Task.sleep(for: delay) }
            return response
        }
        router.post("/crm/v3/objects/calls/batch/create") { request, _ in
            let response = await self.serve(request, operation: "calls.batchCreate") { body throws(HubSpotSandboxError) in
                try self.batchCreateCalls(HubSpotSandbox.decode(SandboxBatchCreateInput.self, from: body))
            }
            let delay = self.createAnswerDelay
            if response.status == .created || response.status.code == 207, delay > .zero { try? await Task.sleep(for: delay) }
            return response
        }
        router.patch("/crm/v3/objects/calls/:id") { request, context in
            let id = context.parameters.get("id") ?? ""
            return await self.serve(request, operation: "calls.update") { body throws(HubSpotSandboxError) in
                let record = try self.updateCall(id: id, HubSpotSandbox.decode(SandboxCallInput.self, from: body))
                return .json(200, HubSpotSandbox.json(record, selected: Array(record.apiProperties.keys).sorted(), withAssociations: false))
            }
        }
        router.get("/crm/v3/objects/calls/:id") { request, context in
            let id = context.parameters.get("id") ?? ""
            let query = request.uri.queryParameters
            return await self.serve(request, operation: "calls.read") { _ throws(HubSpotSandboxError) in
                .json(200, try self.readCall(id: id, properties: HubSpotSandbox.list(query, "properties"), withAssociations: HubSpotSandbox.list(query, "associations")?.contains("contacts") ?? false))
            }
        }
        router.get("/crm/v3/objects/calls") { request, _ in
            let query = request.uri.queryParameters
            return await self.serve(request, operation: "calls.list") { _ throws(HubSpotSandboxError) in
                guard let limit = query.get("limit").map({ Int($0) }) ?? 10 else { throw .invalidInput("limit must be an integer") }
                let page = try self.listCalls(
                    limit: limit, after: query.get("after"), properties: HubSpotSandbox.list(query, "properties"),
                    withAssociations: HubSpotSandbox.list(query, "associations")?.contains("contacts") ?? false,
                    link: "/crm/v3/objects/calls"
                )
                return .json(200, page)
            }
        }
        return router
    }

    /// Runs one API request through the knobs (count, latency, outage, injected failure), then the
    /// token check, then `handler` with the request body.
    func serve(_ request: Request, operation: String, _ handler: (ByteBuffer) throws(HubSpotSandboxError) -> SandboxReply) async -> Response {
        let admission = await self.faults.admit(operation)
        let reply: SandboxReply
        if let fault = admission.fault {
            switch fault {
            case .outage: reply = .error(.serverError(503))
            case .planned(let failure): reply = .error(.injected(status: failure.status, retryAfter: failure.retryAfter))
            }
        } else if request.headers[.authorization] != "Bearer \(self.accessToken)", !self.oauth.accepts(authorization: request.headers[.authorization]) {
            if let expiredAt = self.oauth.expiry(ofRejected: request.headers[.authorization]) {
                // `expireAccessTokens()` dates expiry to the distant past; HubSpot counts from the real one.
                let expired = max(expiredAt, Date().addingTimeInterval(-1))
                reply = .error(.expiredAuthentication(secondsAgo: max(1, Int(Date().timeIntervalSince(expired))), expiredAt: expired))
            } else {
                reply = .error(.unauthenticated)
            }
        } else {
            do {
                let body = try await request.body.collect(upTo: 4 << 20)
                do throws(HubSpotSandboxError) {
                    reply = try handler(body)
                } catch {
                    reply = .error(error)
                }
            } catch {
                reply = .error(.invalidInput("Invalid input JSON: the request body could not be read"))
            }
        }
        return reply.response(requestNumber: admission.requestNumber)
    }

    /// `name=a,b` or `name=a&name=b`, or nil when absent.
    private static func list(_ query: Parameters, _ name: String) -> [String]? {
        let values = query.getAll(name).flatMap { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } }.filter { !$0.isEmpty }
        return values.isEmpty ? nil : values
    }

    /// The body as JSON, or HubSpot's 400 for unreadable input.
    static func decode<Value: Decodable>(_ type: Value.Type, from body: ByteBuffer) throws(HubSpotSandboxError) -> Value {
        do {
            return try JSONDecoder().decode(Value.self, from: Data(body.readableBytesView))
        } catch {
            throw .invalidInput("Invalid input JSON: \(error)")
        }
    }

    private func pageResponse() -> Response {
        let (calls, contacts) = self.state.withLock { ($0.calls, $0.contacts) }
        var headers = HTTPFields()
        headers[.contentType] = "text/html; charset=utf-8"
        let html = HubSpotSandboxPage(calls: calls, contacts: contacts).render()
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: html)))
    }
}
