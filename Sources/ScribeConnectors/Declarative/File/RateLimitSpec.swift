import Foundation

/// The CRM's request budget, and the headers in which it reports what is left.
///
/// `requests` per `per_seconds` sizes the connection's limiter. When an answer says none are left
/// (`remaining_header` is 0), requests wait until `reset_header` (Unix seconds, or seconds from now
/// when it is small) instead of spending the next window's first requests on 429s.
struct RateLimitSpec: Sendable, Hashable {
    var requests: Int
    var perSeconds: Int
    var remainingHeader: String?
    var resetHeader: String?

    init?(_ node: SpecNode, reader: SpecReader) {
        guard let map = reader.map(node, allowed: ["requests", "per_seconds", "remaining_header", "reset_header"], required: ["requests", "per_seconds"]) else {
            return nil
        }
        guard let requests = map["requests"].flatMap({ reader.integer($0, in: 1...100_000) }),
            let perSeconds = map["per_seconds"].flatMap({ reader.integer($0, in: 1...86_400) })
        else { return nil }
        self.requests = requests
        self.perSeconds = perSeconds
        self.remainingHeader = map["remaining_header"].flatMap { reader.text($0) }
        self.resetHeader = map["reset_header"].flatMap { reader.text($0) }
    }
}
