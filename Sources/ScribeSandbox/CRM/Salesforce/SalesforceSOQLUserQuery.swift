/// The SOQL the sandbox understands on users: `SELECT f, … FROM User [WHERE IsActive = true|false] [LIMIT n]`.
struct SalesforceSOQLUserQuery {
    var fields: [String]
    var isActive: Bool?
    var limit: Int?

    /// The fields of a User the sandbox holds, by lowercase name, with their API spelling.
    static let knownFields: [String: String] = Dictionary(
        uniqueKeysWithValues: ["Id", "Name", "FirstName", "LastName", "Email", "Username", "IsActive"].map { ($0.lowercased(), $0) }
    )

    /// The query when `text` reads from `User`, nil when it reads from another object; a malformed one
    /// is Salesforce's `MALFORMED_QUERY`, an unknown field `INVALID_FIELD`.
    static func parseIfUsers(_ text: String) throws(SalesforceSandboxError) -> SalesforceSOQLUserQuery? {
        guard case .success(let tokens) = SalesforceSandboxLexer.tokens(Substring(text)),
            let from = tokens.firstIndex(where: { $0.isKeyword("FROM") }), from + 1 < tokens.count,
            tokens[from + 1].word?.lowercased() == "user"
        else { return nil }
        func field(_ token: SalesforceSandboxLexer.Token?) throws(SalesforceSandboxError) -> String {
            guard let word = token?.word else { throw .malformedQuery("unexpected token: \(token.map { "\($0)" } ?? "<EOF>")") }
            guard let known = knownFields[word.lowercased()] else { throw .invalidField(word, entity: "User") }
            return known
        }
        guard tokens.first?.isKeyword("SELECT") == true else { throw .malformedQuery("unexpected token: expected SELECT") }
        var query = SalesforceSOQLUserQuery(fields: [])
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
            guard try field(index + 1 < tokens.count ? tokens[index + 1] : nil) == "IsActive" else {
                throw .malformedQuery("the sandbox filters users by IsActive only")
            }
            guard index + 3 < tokens.count, tokens[index + 2] == .symbol("="), let word = tokens[index + 3].word?.lowercased(), word == "true" || word == "false" else {
                throw .malformedQuery("unexpected token: expected IsActive = true or false")
            }
            query.isActive = word == "true"
            index += 4
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
