/// The SOQL the sandbox understands: `SELECT f, … FROM Task [WHERE f = 'text'] [LIMIT n]`.
struct SalesforceSOQLQuery: Equatable {
    var fields: [String]
    var object: String
    var condition: (field: String, value: String)?
    var limit: Int?

    static func == (lhs: SalesforceSOQLQuery, rhs: SalesforceSOQLQuery) -> Bool {
        lhs.fields == rhs.fields && lhs.object == rhs.object && lhs.condition?.field == rhs.condition?.field
            && lhs.condition?.value == rhs.condition?.value && lhs.limit == rhs.limit
    }

    /// Parses `text`; any other shape is Salesforce's 400 `MALFORMED_QUERY`, an object other than Task `INVALID_TYPE`,
    /// and a field Task lacks `INVALID_FIELD`.
    static func parse(_ text: String) throws(SalesforceSandboxError) -> SalesforceSOQLQuery {
        let tokens: [SalesforceSandboxLexer.Token]
        switch SalesforceSandboxLexer.tokens(Substring(text)) {
        case .success(let value): tokens = value
        case .failure(let error): throw .malformedQuery(error.message)
        }
        var index = 0
        func next() -> SalesforceSandboxLexer.Token? {
            defer { index += 1 }
            return index < tokens.count ? tokens[index] : nil
        }
        func peek() -> SalesforceSandboxLexer.Token? { index < tokens.count ? tokens[index] : nil }
        func unexpected(_ token: SalesforceSandboxLexer.Token?) -> SalesforceSandboxError {
            .malformedQuery("unexpected token: \(token.map(SalesforceSOQLQuery.describe) ?? "<EOF>")")
        }

        guard next()?.isKeyword("SELECT") == true else { throw .malformedQuery("unexpected token: expected SELECT") }
        var fields: [String] = []
        repeat {
            let token = next()
            guard let field = token?.word, !field.contains("."), !token!.isKeyword("FROM") else { throw unexpected(token) }
            fields.append(field)
        } while peek() == .symbol(",") && next() != nil
        guard next()?.isKeyword("FROM") == true else { throw unexpected(tokens.indices.contains(index - 1) ? tokens[index - 1] : nil) }
        guard let object = next()?.word else { throw unexpected(index - 1 < tokens.count ? tokens[index - 1] : nil) }
        guard object.lowercased() == "task" else { throw .invalidType(object) }
        for field in fields where SalesforceSOQLQuery.taskField(field) == nil {
            throw .invalidField(field, entity: "Task")
        }
        var query = SalesforceSOQLQuery(fields: fields.map { SalesforceSOQLQuery.taskField($0) ?? $0 }, object: "Task")
        if peek()?.isKeyword("WHERE") == true {
            _ = next()
            let fieldToken = next()
            guard let field = fieldToken?.word else { throw unexpected(fieldToken) }
            guard let canonical = SalesforceSOQLQuery.taskField(field) else { throw .invalidField(field, entity: "Task") }
            let operatorToken = next()
            guard operatorToken == .symbol("=") else { throw unexpected(operatorToken) }
            let valueToken = next()
            guard case .string(let value) = valueToken else { throw unexpected(valueToken) }
            query.condition = (canonical, value)
        }
        if peek()?.isKeyword("LIMIT") == true {
            _ = next()
            let limitToken = next()
            guard let limit = limitToken?.word.flatMap({ Int($0) }), limit >= 0 else { throw unexpected(limitToken) }
            query.limit = limit
        }
        if let extra = peek() { throw unexpected(extra) }
        return query
    }

    /// The API name of a Task field, including the system fields a query may read.
    static func taskField(_ name: String) -> String? {
        if let name = SalesforceSObjectSchema.task.canonicalName(name) { return name }
        return nil
    }

    private static func describe(_ token: SalesforceSandboxLexer.Token) -> String {
        switch token {
        case .word(let word): word
        case .string(let value): "'\(value)'"
        case .symbol(let symbol): String(symbol)
        }
    }
}
