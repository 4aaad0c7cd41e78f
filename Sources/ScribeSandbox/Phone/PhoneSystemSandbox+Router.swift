import AsyncHTTPClient
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import NIOHTTP1
import Synchronization

extension PhoneSystemSandbox {
    /// RingCentral's routes, as far as Callscribe uses them.
    public func router() -> Router<BasicRequestContext> {
        let router = Router()
        router.add(middleware: SandboxRateLimitMiddleware(sandbox: self))
        self.addOAuthRoutes(to: router)
        let api = router.group("restapi/v1.0")
        api.get("account/{account}") { request, context in
            try self.authorized(request) { self.json(["id": Int64(self.company.accountID) ?? 0, "uri": self.url("/restapi/v1.0/account/\(self.company.accountID)"), "status": "Confirmed"]) }
        }
        api.get("account/{account}/extension") { request, context in
            try self.authorized(request) { self.extensions() }
        }
        api.get("account/{account}/call-log") { request, context in
            try self.authorized(request) { self.callLog(request) }
        }
        api.get("account/{account}/call-log-sync") { request, context in
            try self.authorized(request) { self.callLogSync(request) }
        }
        api.get("account/{account}/recording/{id}/content") { request, context in
            try self.authorized(request) { self.recordingContent(id: context.parameters.get("id") ?? "", range: request.headers[.range]) }
        }
        api.post("subscription") { request, context in
            try await self.authorizedAsync(request) { try await self.createSubscription(request, context) }
        }
        api.get("subscription") { request, context in
            try self.authorized(request) {
                self.json(["uri": self.url("/restapi/v1.0/subscription"), "records": self.state.withLock { $0.subscriptions.values.map(self.subscriptionInfo) }])
            }
        }
        api.get("subscription/{id}") { request, context in
            try self.authorized(request) {
                guard let subscription = self.state.withLock({ $0.subscriptions[context.parameters.get("id") ?? ""] }) else {
                    return self.json(PhoneSandboxPayloads.error(code: "SUB-507", message: "Subscription not found"), status: .notFound)
                }
                return self.json(self.subscriptionInfo(subscription))
            }
        }
        api.post("subscription/{id}/renew") { request, context in
            try self.authorized(request) {
                let id = context.parameters.get("id") ?? ""
                let now = Date()
                let renewed = self.state.withLock { state -> Subscription? in
                    // A blacklisted or expired subscription cannot be renewed; it must be made again.
                    guard var subscription = state.subscriptions[id], subscription.isActive(at: now) else { return nil }
                    subscription.expiresAt = now.addingTimeInterval(TimeInterval(subscription.expiresIn))
                    state.subscriptions[id] = subscription
                    return subscription
                }
                guard let renewed else {
                    return self.json(PhoneSandboxPayloads.error(code: "SUB-507", message: "Subscription not found or not active"), status: .notFound)
                }
                return self.json(self.subscriptionInfo(renewed))
            }
        }
        api.put("subscription/{id}") { request, context in
            try await self.authorizedAsync(request) { try await self.updateSubscription(request, id: context.parameters.get("id") ?? "") }
        }
        api.delete("subscription/{id}") { request, context in
            try self.authorized(request) {
                let id = context.parameters.get("id") ?? ""
                let removed = self.state.withLock { $0.subscriptions.removeValue(forKey: id) }
                return removed == nil
                    ? self.json(PhoneSandboxPayloads.error(code: "SUB-507", message: "Subscription not found"), status: .notFound)
                    : Response(status: .noContent)
            }
        }
        self.addControlRoutes(to: router)
        return router
    }

    func url(_ path: String) -> String { self.baseURL.get() + path }

    private func isAuthorized(_ request: Request) -> Bool {
        guard let header = request.headers[.authorization], header.hasPrefix("Bearer ") else { return false }
        return self.isValidAccessToken(String(header.dropFirst("Bearer ".count)))
    }

    private func unauthorized() -> Response {
        self.json(
            ["errorCode": "TokenInvalid", "message": "OAuth token is invalid", "errors": [["errorCode": "OAU-149", "message": "Unparsable access token"]]],
            status: .unauthorized
        )
    }

    private func authorized(_ request: Request, _ handle: () throws -> Response) throws -> Response {
        if let refusal = self.refusal(request) { return refusal }
        return try handle()
    }

    private func authorizedAsync(_ request: Request, _ handle: () async throws -> Response) async throws -> Response {
        if let refusal = self.refusal(request) { return refusal }
        return try await handle()
    }

    /// The answer to a request that does not get through: a rate-limit knob, or a bad token.
    private func refusal(_ request: Request) -> Response? {
        let retryAfter = self.state.withLock { state -> Int? in
            state.apiRequests += 1
            guard state.rateLimitNext > 0 else { return nil }
            state.rateLimitNext -= 1
            return state.retryAfter
        }
        if let retryAfter {
            var response = self.json(PhoneSandboxPayloads.error(code: "CMN-301", message: "Request rate exceeded"), status: .tooManyRequests)
            response.headers[HTTPField.Name("Retry-After")!] = String(retryAfter)
            response.headers[HTTPField.Name("X-Rate-Limit-Group")!] = "heavy"
            return response
        }
        return self.isAuthorized(request) ? nil : self.unauthorized()
    }

    private func extensions() -> Response {
        let records: [[String: Any]] = self.employees.map { employee in
            [
                "id": Int64(employee.extensionID) ?? 0, "uri": self.url("/restapi/v1.0/account/\(self.company.accountID)/extension/\(employee.extensionID)"),
                "extensionNumber": employee.extensionNumber, "name": employee.name, "type": "User", "status": "Enabled",
            ]
        }
        return self.json(["uri": self.url("/restapi/v1.0/account/~/extension"), "records": records, "navigation": [String: Any](), "paging": ["page": 1, "perPage": 1000, "pageStart": 0, "pageEnd": max(0, records.count - 1)]])
    }

    private func callLog(_ request: Request) -> Response {
        let query = request.uri.queryParameters
        let now = Date()
        let dateTo = query["dateTo"].flatMap { try? PhoneSandboxPayloads.formatter.parse(String($0)) } ?? now
        let dateFrom = query["dateFrom"].flatMap { try? PhoneSandboxPayloads.formatter.parse(String($0)) } ?? dateTo.addingTimeInterval(-86_400)
        let perPage = min(1000, max(1, query["perPage"].flatMap { Int(String($0)) } ?? 100))
        let page = max(1, query["page"].flatMap { Int(String($0)) } ?? 1)
        // A call reaches the call log once it has ended; newest first, as RingCentral lists them.
        let session = query["telephonySessionId"].map(String.init)
        let scripted = self.calls.filter { call in
            call.endedAt <= now && (session.map { call.telephonySessionID == $0 } ?? (call.placedAt >= dateFrom && call.placedAt < dateTo))
        }.map { call in
            (start: call.placedAt, record: { PhoneSandboxPayloads.callLogRecord(for: call, accountID: self.company.accountID, baseURL: self.baseURL.get(), now: now) })
        }
        let played = self.scenarioCallLog(dateFrom: dateFrom, dateTo: dateTo, telephonySessionID: session, now: now).map { entry in
            (start: entry.start, record: { entry.record })
        }
        let finished = (scripted + played).sorted { $0.start > $1.start }
        let slice = finished.dropFirst((page - 1) * perPage).prefix(perPage)
        var navigation: [String: Any] = ["firstPage": ["uri": self.url("/restapi/v1.0/account/~/call-log?page=1")]]
        if page * perPage < finished.count {
            navigation["nextPage"] = ["uri": self.url("/restapi/v1.0/account/~/call-log?page=\(page + 1)&perPage=\(perPage)")]
        }
        let records = slice.map { $0.record() }
        return self.json([
            "uri": self.url("/restapi/v1.0/account/~/call-log"), "records": records, "navigation": navigation,
            "paging": ["page": page, "perPage": perPage, "pageStart": (page - 1) * perPage, "pageEnd": (page - 1) * perPage + max(0, records.count - 1)],
        ])
    }

    private func createSubscription(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        let body = try await request.body.collect(upTo: 64 * 1024)
        guard let object = try? JSONSerialization.jsonObject(with: Data(body.readableBytesView)) as? [String: Any],
            let filters = object["eventFilters"] as? [String], !filters.isEmpty,
            let delivery = object["deliveryMode"] as? [String: Any], delivery["transportType"] as? String == "WebHook",
            let address = delivery["address"] as? String
        else {
            return self.json(PhoneSandboxPayloads.error(code: "CMN-101", message: "Parameter [deliveryMode.address] value is invalid"), status: .badRequest)
        }
        // The handshake: the address must echo the Validation-Token within 3 s.
        let validationToken = UUID().uuidString
        var handshake = HTTPClientRequest(url: address)
        handshake.method = .POST
        handshake.headers.add(name: "Validation-Token", value: validationToken)
        handshake.headers.add(name: "Content-Type", value: "application/json")
        let echoed: Bool
        do {
            let response = try await self.httpClient.execute(handshake, timeout: .seconds(3))
            _ = try await response.body.collect(upTo: 1024)
            echoed = response.status == .ok && response.headers.first(name: "Validation-Token") == validationToken
        } catch {
            echoed = false
        }
        guard echoed else {
            return self.json(PhoneSandboxPayloads.error(code: "SUB-525", message: "WebHook server response is invalid"), status: .badRequest)
        }
        let expiresIn = (object["expiresIn"] as? Int) ?? 604_799
        let subscription = Subscription(
            id: UUID().uuidString.lowercased(), address: address, verificationToken: delivery["verificationToken"] as? String,
            eventFilters: filters, createdAt: Date(), expiresIn: expiresIn, expiresAt: Date().addingTimeInterval(TimeInterval(expiresIn))
        )
        self.state.withLock { $0.subscriptions[subscription.id] = subscription }
        return self.json(self.subscriptionInfo(subscription))
    }

    /// `PUT /subscription/{id}`: new `eventFilters` replace the old, and the subscription is renewed.
    private func updateSubscription(_ request: Request, id: String) async throws -> Response {
        let body = try await request.body.collect(upTo: 64 * 1024)
        let object = (try? JSONSerialization.jsonObject(with: Data(body.readableBytesView))) as? [String: Any] ?? [:]
        let filters = object["eventFilters"] as? [String]
        if let filters, filters.isEmpty || filters.contains(where: { SandboxEventFilter.kind(of: $0) == nil }) {
            return self.json(PhoneSandboxPayloads.error(code: "SUB-508", message: "Invalid event filters"), status: .badRequest)
        }
        let now = Date()
        let updated = self.state.withLock { state -> Subscription? in
            guard var subscription = state.subscriptions[id], subscription.isActive(at: now) else { return nil }
            if let filters { subscription.eventFilters = filters }
            if let expiresIn = object["expiresIn"] as? Int { subscription.expiresIn = expiresIn }
            subscription.expiresAt = now.addingTimeInterval(TimeInterval(subscription.expiresIn))
            state.subscriptions[id] = subscription
            return subscription
        }
        guard let updated else {
            return self.json(PhoneSandboxPayloads.error(code: "SUB-507", message: "Subscription not found or not active"), status: .notFound)
        }
        return self.json(self.subscriptionInfo(updated))
    }

    private func subscriptionInfo(_ subscription: Subscription) -> [String: Any] {
        var info: [String: Any] = [
            "uri": self.url("/restapi/v1.0/subscription/\(subscription.id)"), "id": subscription.id,
            "eventFilters": subscription.eventFilters.map { $0.replacingOccurrences(of: "~", with: self.company.accountID) },
            "expirationTime": PhoneSandboxPayloads.time(subscription.expiresAt),
            "expiresIn": max(0, Int(subscription.expiresAt.timeIntervalSinceNow)),
            "status": subscription.blacklistReason == nil ? "Active" : "Blacklisted",
            "creationTime": PhoneSandboxPayloads.time(subscription.createdAt),
            "deliveryMode": ["transportType": "WebHook", "address": subscription.address, "encryption": false],
        ]
        if let reason = subscription.blacklistReason, let at = subscription.blacklistedAt {
            info["blacklistedData"] = ["blacklistedAt": PhoneSandboxPayloads.time(at), "reason": reason]
        }
        return info
    }

    func json(_ object: Any, status: HTTPResponse.Status = .ok) -> Response {
        let data = (try? JSONSerialization.data(withJSONObject: object)) ?? Data("{}".utf8)
        return Response(status: status, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}

/// Fields of an `application/x-www-form-urlencoded` body.
struct FormFields {
    private var fields: [String: String] = [:]

    init(_ text: String) {
        for pair in text.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1).map { String($0).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String($0) }
            if parts.count == 2 { self.fields[parts[0]] = parts[1] }
        }
    }

    subscript(name: String) -> String? { self.fields[name] }
}
