import Foundation
import ScribeCore

/// Clio's list paging: `limit` (1…200, default 200) and the opaque `page_token` from
/// `meta.paging.next`, which is a full URL to the next page (docs.developers.clio.com/api-docs/pagination [V]).
struct ClioSandboxPage {
    static let maximumLimit = 200

    var limit: Int
    var offset: Int

    init(limit: String?, pageToken: String?) throws(ClioSandboxError) {
        guard let limit = limit.map({ Int($0) }) ?? ClioSandboxPage.maximumLimit, (1...ClioSandboxPage.maximumLimit).contains(limit) else {
            throw .badRequest("Invalid limit: must be between 1 and \(ClioSandboxPage.maximumLimit)")
        }
        self.limit = limit
        if let pageToken {
            guard pageToken.hasPrefix("cs"), let offset = Int(pageToken.dropFirst(2)), offset >= 0 else { throw .badRequest("Invalid page_token") }
            self.offset = offset
        } else {
            self.offset = 0
        }
    }

    /// This page of `items` and the `page_token` of the next page, if there is one.
    func slice<Item>(_ items: [Item]) -> (items: [Item], nextToken: String?) {
        let page = Array(items.dropFirst(self.offset).prefix(self.limit))
        let end = self.offset + page.count
        return (page, end < items.count ? "cs\(end)" : nil)
    }

    /// `{"data":[…],"meta":{"paging":{"next":URL?},"records":N}}`: `next` repeats the request's URL
    /// (`base` is scheme, host and path; `query` its parameters) with the next `page_token`.
    static func envelope(data: [JSONValue], total: Int, nextToken: String?, base: String, query: [(String, String)]) -> JSONValue {
        var paging: [String: JSONValue] = [:]
        if let nextToken {
            // Every reserved character escaped, `+` included, so a phone query survives the round trip.
            let unreserved = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
            let pairs = query.filter { $0.0 != "page_token" } + [("page_token", nextToken)]
            let text = pairs.map { "\($0.0.addingPercentEncoding(withAllowedCharacters: unreserved) ?? $0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: unreserved) ?? $0.1)" }
            paging["next"] = .string(base + "?" + text.joined(separator: "&"))
        }
        return .object(["data": .array(data), "meta": .object(["paging": .object(paging), "records": .int(total)])])
    }
}
