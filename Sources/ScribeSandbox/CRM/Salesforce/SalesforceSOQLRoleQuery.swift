/// The SOQL the sandbox understands on contact roles:
/// `SELECT f, … FROM OpportunityContactRole WHERE c = v [AND c = v …] [LIMIT n]`, where the fields
/// may follow the `Opportunity` relationship (`Opportunity.Name`) and a value is a string or `true`/`false`.
struct SalesforceSOQLRoleQuery {
    var fields: [String]
    var conditions: [(field: String, value: SalesforceFieldValue)]
    var limit: Int?

    /// The fields of a role the sandbox holds, by lowercase name, with their API spelling.
    static let knownFields: [String: String] = Dictionary(
        uniqueKeysWithValues: ["Id", "OpportunityId", "ContactId", "Role", "IsPrimary", "Opportunity.Id", "Opportunity.Name", "Opportunity.IsClosed"]
            .map { ($0.lowercased(), $0) }
    )

    /// The query when `text` reads from `OpportunityContactRole`, nil when it reads from another object
    /// (left to ``SalesforceSOQLQuery``); a malformed one is Salesforce's `MALFORMED_QUERY`, an unknown field `INVALID_FIELD`.
    static func parseIfRoles(_ text: String) throws(SalesforceSandboxError) -> SalesforceSOQLRoleQuery? {
        guard case .success(let tokens) = SalesforceSandboxLexer.tokens(Substring(text)),
            let from = tokens.firstIndex(where: { $0.isKeyword("FROM") }), from + 1 < tokens.count,
            tokens[from + 1].word?.lowercased() == "opportunitycontactrole"
        else { return nil }
        func field(_ token: SalesforceSandboxLexer.Token?) throws(SalesforceSandboxError) -> String {
            guard let word = token?.word else { throw .malformedQuery("unexpected token: \(token.map { "\($0)" } ?? "<EOF>")") }
            guard let known = knownFields[word.lowercased()] else { throw .invalidField(word, entity: "OpportunityContactRole") }
            return known
        }
        guard tokens.first?.isKeyword("SELECT") == true else { throw .malformedQuery("unexpected token: expected SELECT") }
        var query = SalesforceSOQLRoleQuery(fields: [], conditions: [])
        var index = 1
        while index < from {
            query.fields.append(try field(tokens[index]))
            index += 1
            if index < from {
                guard tokens[index] == .symbol(",") else { throw .malformedQuery("unexpected token: expected ,") }
                index += 1
            }
        }
        guard !query.fields.isEmpty else { throw .malformedQuery("unexpected token: FROM") }
        index = from + 2
        if index < tokens.count, tokens[index].isKeyword("WHERE") {
            repeat {
                index += 1
                let name = try field(index < tokens.count ? tokens[index] : nil)
                guard index + 2 < tokens.count, tokens[index + 1] == .symbol("=") else { throw .malformedQuery("unexpected token: expected =") }
                let value: SalesforceFieldValue
                switch tokens[index + 2] {
                case .string(let text): value = .string(text)
                case .word(let word) where word.lowercased() == "true" || word.lowercased() == "false": value = .bool(word.lowercased() == "true")
                default: throw .malformedQuery("unexpected token: \(tokens[index + 2])")
                }
                query.conditions.append((name, value))
                index += 3
            } while index < tokens.count && tokens[index].isKeyword("AND")
        }
        if index < tokens.count, tokens[index].isKeyword("LIMIT") {
            guard index + 1 < tokens.count, let limit = tokens[index + 1].word.flatMap({ Int($0) }), limit >= 0 else {
                throw .malformedQuery("unexpected token: expected a number after LIMIT")
            }
            query.limit = limit
            index += 2
        }
        if index < tokens.count { throw .malformedQuery("unexpected token: \(tokens[index])") }
        return query
    }
}
