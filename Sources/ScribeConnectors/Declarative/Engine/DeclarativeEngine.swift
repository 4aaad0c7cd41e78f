import Foundation
import Logging
import NIOHTTP1
import ScribeCore

/// Runs a connector file's operations: renders each step's request, sends it through the connection's
/// budget with its credentials, maps the answer's errors, follows pages, and hands the answers to the
/// operation's result mapping.
struct DeclarativeEngine: Sendable {
    let spec: ConnectorSpec
    /// `{"inputs": {…}}`: what every template may read.
    let inputs: JSONValue
    let baseURL: String
    let defaultHeaders: HTTPHeaders
    let http: ConnectorHTTPClient
    let budget: (any RequestBudget)?
    let authorizer: DeclarativeAuthorizer
    let errors: DeclarativeErrorMapper
    let lookups: LookupCache
    let now: @Sendable () -> Date

    /// The name of `operation` in errors and logs, e.g. `clio.create_call`.
    func label(_ operation: String) -> String { "\(self.spec.name).\(operation)" }

    /// Runs `operation`'s steps in `context`.
    ///
    /// - Returns: the context after the last step (its answer as `response`), and for list operations
    ///   the items of every page.
    func run(_ operation: OperationSpec, in context: JSONValue) async throws(ConnectorError) -> (context: JSONValue, items: [JSONValue]) {
        let label = self.label(operation.name.rawValue)
        let context = try await self.withLookups(context, operation: label)
        let errors = DeclarativeErrorMapper(rules: operation.errors + self.errors.rules)
        return try await self.run(operation.steps, results: operation.results, in: context, operation: label, errors: errors)
    }

    private struct Page {
        var number = 1
        var offset = 0
        var cursor = JSONValue.null
    }

    private func run(
        _ steps: [StepSpec], results: Template?, in context: JSONValue, operation label: String, errors: DeclarativeErrorMapper
    ) async throws(ConnectorError) -> (context: JSONValue, items: [JSONValue]) {
        var context = context
        var items: [JSONValue] = []
        for (index, step) in steps.enumerated() {
            if let when = step.when, !TemplateFilter.isTrue(try self.evaluate(when, in: context, operation: label)) { continue }
            var page = Page()
            var request = try self.request(step.request, in: DeclarativeEngine.with(page, context), operation: label)
            while true {
                let response = try await self.exchange(request, operation: label, errors: errors)
                context = response.recorded(in: context, step: step.name)
                guard index == steps.count - 1, let results else { break }
                let pageItems = try self.evaluate(results, in: context, operation: label).elements
                items += pageItems
                guard let paginate = step.paginate, page.number < paginate.maxPages, !pageItems.isEmpty else { break }
                let pageContext = DeclarativeEngine.with(page, context)
                if let nextURL = paginate.nextURL {
                    let next = try self.evaluate(nextURL, in: pageContext, operation: label).text
                    guard !next.isEmpty else { break }
                    guard next.hasPrefix(self.origin) else {
                        throw ConnectorError(.permanent, operation: label, message: "the next page's URL is not on \(self.origin); not following it with our credentials")
                    }
                    request = DeclarativeRequest(get: next, headers: self.defaultHeaders)
                    page = Page(number: page.number + 1, offset: items.count)
                } else {
                    if let more = paginate.more, !TemplateFilter.isTrue(try self.evaluate(more, in: pageContext, operation: label)) { break }
                    if let size = paginate.pageSize, pageItems.count < size { break }
                    var cursor = JSONValue.null
                    if let template = paginate.cursor {
                        cursor = try self.evaluate(template, in: pageContext, operation: label)
                        if cursor.isEmpty { break }
                    }
                    page = Page(number: page.number + 1, offset: items.count, cursor: cursor)
                    request = try self.request(step.request, in: DeclarativeEngine.with(page, context), operation: label)
                }
            }
        }
        return (context, items)
    }

    /// Evaluates a result field; `nil` when the answer has nothing there.
    func field(_ name: String, of operation: OperationSpec, in context: JSONValue) throws(ConnectorError) -> JSONValue? {
        guard let template = operation.fields[name] else { return nil }
        let value = try self.evaluate(template, in: context, operation: self.label(operation.name.rawValue))
        return value.isEmpty ? nil : value
    }

    /// Sends one request with credentials, through the budget; maps the answer to an error when it is
    /// one, and after a rejected credential that can be renewed, renews it and sends once more.
    func exchange(
        _ request: DeclarativeRequest, operation: String, authorized: Bool = true, errors: DeclarativeErrorMapper? = nil
    ) async throws(ConnectorError) -> DeclarativeResponse {
        let errors = errors ?? self.errors
        guard authorized else { return try await self.send(request, operation: operation, errors: errors) }
        var first = request
        let token = try await self.authorizer.authorize(&first, operation: operation)
        do {
            return try await self.send(first, operation: operation, errors: errors)
        } catch let error where error.kind == .authExpired && self.authorizer.renews {
            try await self.authorizer.renew(rejecting: token, operation: operation)
            var second = request
            _ = try await self.authorizer.authorize(&second, operation: operation)
            return try await self.send(second, operation: operation, errors: errors)
        }
    }

    private func send(_ request: DeclarativeRequest, operation: String, errors: DeclarativeErrorMapper) async throws(ConnectorError) -> DeclarativeResponse {
        let send = { () async throws(ConnectorError) -> DeclarativeResponse in
            let raw = try await self.http.send(
                request.method, url: request.url, headers: request.headers, body: request.body, contentType: request.contentType, operation: operation
            )
            let response = DeclarativeResponse(status: raw.status, headers: raw.headers, bodyText: raw.bodyText)
            self.noteBudget(response)
            if let error = errors.error(for: response, inputs: self.inputs["inputs"], operation: operation, now: self.now()) { throw error }
            return response
        }
        guard let budget = self.budget else { return try await send() }
        return try await budget.perform(operation, send)
    }

    /// Pauses the budget when the CRM says no requests are left in its window.
    private func noteBudget(_ response: DeclarativeResponse) {
        guard let limit = self.spec.rateLimit, let budget = self.budget, let remainingHeader = limit.remainingHeader else { return }
        guard let remaining = Int(response.headers[remainingHeader.lowercased()].text), remaining <= 0 else { return }
        let reset = limit.resetHeader.flatMap { DeclarativeErrorMapper.seconds(response.headers[$0.lowercased()].text, now: self.now()) }
        budget.pause(for: min(reset ?? TimeInterval(limit.perSeconds), TimeInterval(limit.perSeconds)))
    }

    /// `context` with `lookups` filled in (each fetched once per connection).
    private func withLookups(_ context: JSONValue, operation: String) async throws(ConnectorError) -> JSONValue {
        guard !self.spec.lookups.isEmpty, case .object(var members) = context else { return context }
        members["lookups"] = try await self.lookups.values { () async throws(ConnectorError) -> JSONValue in
            var values: [String: JSONValue] = [:]
            for lookup in self.spec.lookups {
                let label = self.label("lookups.\(lookup.name)")
                let start = JSONValue.object(["inputs": self.inputs["inputs"], "lookups": .object(values)])
                let (context, _) = try await self.run(lookup.steps, results: nil, in: start, operation: label, errors: self.errors)
                values[lookup.name] = try self.evaluate(lookup.value, in: context, operation: label)
            }
            return .object(values)
        }
        return .object(members)
    }

    func request(_ spec: RequestSpec, in context: JSONValue, operation: String) throws(ConnectorError) -> DeclarativeRequest {
        do {
            return try DeclarativeRequest(spec, baseURL: self.baseURL, defaultHeaders: self.defaultHeaders, context: context)
        } catch {
            throw ConnectorError(.permanent, operation: operation, message: error.message)
        }
    }

    func evaluate(_ template: Template, in context: JSONValue, operation: String) throws(ConnectorError) -> JSONValue {
        do {
            return try template.value(in: context)
        } catch {
            throw ConnectorError(.permanent, operation: operation, message: error.message)
        }
    }

    /// The base URL's scheme and host: next-page URLs must stay on it.
    private var origin: String {
        guard let url = URL(string: self.baseURL), let scheme = url.scheme, let host = url.host else { return self.baseURL }
        return "\(scheme)://\(host)" + (url.port.map { ":\($0)" } ?? "")
    }

    private static func with(_ page: Page, _ context: JSONValue) -> JSONValue {
        guard case .object(var members) = context else { return context }
        members["page"] = .object(["number": .number(Double(page.number)), "offset": .number(Double(page.offset)), "cursor": page.cursor])
        return .object(members)
    }
}
