import Foundation
import ScribeCore

/// Maps a CRM answer to the error taxonomy: statuses, optionally a value in the body, and what it means.
///
/// Rules are tried in the file's order; the first that matches decides. A rule naming 2xx statuses
/// catches errors CRMs send with 200 (Zoho's per-record `status: error`, JSON-RPC errors). An error
/// answer no rule matches falls to the defaults: 401 auth expired, 403 permission denied, 404 and 410
/// not found, 400/409/422 validation failed, 429 rate limited (with `Retry-After`), 408 and 5xx
/// transient, anything else permanent.
struct ErrorRule: Sendable {
    enum Kind: String, Sendable, CaseIterable {
        case authExpired = "auth_expired", permissionDenied = "permission_denied", notFound = "not_found"
        case validationFailed = "validation_failed", rateLimited = "rate_limited", transient, permanent
    }

    var statuses: [ClosedRange<Int>]
    var value: Template?
    var equals: [String]
    var contains: String?
    var kind: Kind
    var field: Template?
    var message: Template?
    var retryAfter: Template?

    static let keys = ["status", "value", "equals", "contains", "kind", "field", "message", "retry_after"]

    init?(_ node: SpecNode, reader: SpecReader) {
        guard let map = reader.map(node, allowed: ErrorRule.keys, required: ["status", "kind"]) else { return nil }
        let scope = TemplateScope.errors
        var statuses: [ClosedRange<Int>] = []
        for item in map["status"].map({ reader.list($0) }) ?? [] {
            guard let text = reader.text(item) else { continue }
            if let code = Int(text), (100...599).contains(code) {
                statuses.append(code...code)
            } else if text.count == 3, text.hasSuffix("xx"), let hundred = Int(text.prefix(1)), (1...5).contains(hundred) {
                statuses.append(hundred * 100...hundred * 100 + 99)
            } else {
                reader.report(item, "'\(text)' is not an HTTP status such as 422 or a class such as 4xx")
            }
        }
        guard let kind = map["kind"].flatMap({ reader.choice($0, as: Kind.self) }) else { return nil }
        self.statuses = statuses
        self.kind = kind
        self.value = map["value"].flatMap { reader.template($0, scope: scope) }
        self.equals = map["equals"].map { reader.list($0).compactMap { reader.text($0) } } ?? []
        self.contains = map["contains"].flatMap { reader.text($0) }
        if map["equals"] != nil, map["value"] == nil { reader.report(node, "'equals' compares 'value', which is missing") }
        self.field = map["field"].flatMap { reader.template($0, scope: scope) }
        self.message = map["message"].flatMap { reader.template($0, scope: scope) }
        self.retryAfter = map["retry_after"].flatMap { reader.template($0, scope: scope) }
    }

    /// True when the rule applies to an answer with `status` and `context` (status, body, headers).
    func matches(status: Int, context: JSONValue, bodyText: String) throws(TemplateError) -> Bool {
        guard self.statuses.contains(where: { $0.contains(status) }) else { return false }
        if let contains = self.contains {
            let haystack = self.value.map { try? $0.render(in: context) } ?? bodyText
            guard (haystack ?? "").contains(contains) else { return false }
        }
        if let value = self.value, !self.equals.isEmpty {
            return self.equals.contains(try value.render(in: context))
        }
        if let value = self.value, self.contains == nil {
            return TemplateFilter.isTrue(try value.value(in: context))
        }
        return true
    }

    var templates: [Template] {
        [self.value, self.field, self.message, self.retryAfter].compactMap { $0 }
    }
}
