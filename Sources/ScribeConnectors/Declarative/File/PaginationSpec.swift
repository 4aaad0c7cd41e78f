import Foundation

/// How a list continues over pages: either the response names the next page's URL (`next_url`), or the
/// same request is sent again with `{{page.number}}`, `{{page.offset}}` and `{{page.cursor}}` moved on
/// while `more` says there is more (or, with `page_size`, while pages come back full).
struct PaginationSpec: Sendable {
    var nextURL: Template?
    var more: Template?
    var cursor: Template?
    var pageSize: Int?
    var maxPages: Int

    static let keys = ["next_url", "more", "cursor", "page_size", "max_pages"]

    init?(_ node: SpecNode, reader: SpecReader) {
        guard let map = reader.map(node, allowed: PaginationSpec.keys) else { return nil }
        let scope = TemplateScope.pagination
        self.nextURL = map["next_url"].flatMap { reader.template($0, scope: scope) }
        self.more = map["more"].flatMap { reader.template($0, scope: scope) }
        self.cursor = map["cursor"].flatMap { reader.template($0, scope: scope) }
        self.pageSize = map["page_size"].flatMap { reader.integer($0, in: 1...10_000) }
        self.maxPages = map["max_pages"].flatMap { reader.integer($0, in: 1...100) } ?? 10
        if self.nextURL != nil, self.more != nil || self.cursor != nil || self.pageSize != nil {
            reader.report(node, "use either next_url, or more/cursor/page_size, not both")
        }
        if self.nextURL == nil, self.more == nil, self.cursor == nil, self.pageSize == nil {
            reader.report(node, "say how to reach the next page: next_url, more, cursor or page_size")
        }
    }
}
