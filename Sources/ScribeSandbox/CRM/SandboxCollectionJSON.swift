/// A page of objects: `{total?, results, paging?{next{after, link}}}`.
struct SandboxCollectionJSON: Encodable, Sendable {
    struct Paging: Encodable, Sendable {
        struct Next: Encodable, Sendable {
            var after: String
            var link: String?
        }

        var next: Next
    }

    /// Present on search answers only, as in HubSpot.
    var total: Int?
    var results: [SandboxObjectJSON]
    var paging: Paging?

    /// The page of `objects` starting at offset `after`, `limit` long, with the cursor of the next page.
    init(objects: [SandboxObjectJSON], after: String?, limit: Int, includeTotal: Bool, link: String? = nil) {
        let start = min(objects.count, max(0, after.flatMap { Int($0) } ?? 0))
        let end = min(objects.count, start + limit)
        self.total = includeTotal ? objects.count : nil
        self.results = Array(objects[start..<end])
        self.paging = end < objects.count ? Paging(next: Paging.Next(after: String(end), link: link.map { "\($0)?after=\(end)" })) : nil
    }
}
