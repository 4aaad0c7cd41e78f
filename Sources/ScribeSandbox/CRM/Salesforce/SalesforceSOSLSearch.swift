import Foundation

/// The SOSL the sandbox understands:
/// `FIND {term} [IN ALL|NAME|PHONE FIELDS] [RETURNING Object[(f, … [LIMIT n])], …] [LIMIT n]`.
struct SalesforceSOSLSearch: Equatable {
    enum Scope: String {
        case all = "ALL", name = "NAME", phone = "PHONE", email = "EMAIL"
    }

    struct Returning: Equatable {
        /// `Contact` or `Lead`.
        var object: String
        var fields: [String]
        var limit: Int?
    }

    /// The search term with its escapes removed.
    var term: String
    var scope: Scope
    var returning: [Returning]
    var limit: Int?

    static let objects = ["Contact", "Lead"]

    /// Parses `text`; any other shape is Salesforce's 400 `MALFORMED_SEARCH`, an object the sandbox
    /// does not hold `INVALID_TYPE`, and an unknown field `INVALID_FIELD`.
    static func parse(_ text: String) throws(SalesforceSandboxError) -> SalesforceSOSLSearch {
        let trimmed = text.drop { $0.isWhitespace }
        guard trimmed.prefix(4).uppercased() == "FIND" else { throw .malformedSearch("unexpected token: expected FIND") }
        var rest = trimmed.dropFirst(4).drop { $0.isWhitespace }
        guard rest.first == "{" else { throw .malformedSearch("unexpected token: the search term must be in braces") }
        rest = rest.dropFirst()
        var term = ""
        var closed = false
        while let character = rest.first {
            rest = rest.dropFirst()
            if character == "\\" {
                guard let escaped = rest.first else { break }
                term.append(escaped)
                rest = rest.dropFirst()
            } else if character == "}" {
                closed = true
                break
            } else {
                term.append(character)
            }
        }
        guard closed else { throw .malformedSearch("unterminated search term: missing '}'") }
        guard term.trimmingCharacters(in: .whitespaces).count >= 2 else {
            throw .malformedSearch("search term must be longer than one character: \(term)")
        }

        let tokens: [SalesforceSandboxLexer.Token]
        switch SalesforceSandboxLexer.tokens(rest) {
        case .success(let value): tokens = value
        case .failure(let error): throw .malformedSearch(error.message)
        }
        var index = 0
        func next() -> SalesforceSandboxLexer.Token? {
            defer { index += 1 }
            return index < tokens.count ? tokens[index] : nil
        }
        func peek() -> SalesforceSandboxLexer.Token? { index < tokens.count ? tokens[index] : nil }
        func unexpected(_ token: SalesforceSandboxLexer.Token?) -> SalesforceSandboxError {
            .malformedSearch("unexpected token: \(token?.word ?? token.map { "\($0)" } ?? "<EOF>")")
        }

        var search = SalesforceSOSLSearch(term: term, scope: .all, returning: SalesforceSOSLSearch.objects.map { Returning(object: $0, fields: ["Id"]) })
        if peek()?.isKeyword("IN") == true {
            _ = next()
            let scopeToken = next()
            guard let scope = scopeToken?.word.flatMap({ Scope(rawValue: $0.uppercased()) }) else { throw unexpected(scopeToken) }
            let fieldsToken = next()
            guard fieldsToken?.isKeyword("FIELDS") == true else { throw unexpected(fieldsToken) }
            search.scope = scope
        }
        if peek()?.isKeyword("RETURNING") == true {
            _ = next()
            var returning: [Returning] = []
            repeat {
                let objectToken = next()
                guard let name = objectToken?.word else { throw unexpected(objectToken) }
                guard let object = SalesforceSOSLSearch.objects.first(where: { $0.lowercased() == name.lowercased() }) else { throw .invalidType(name) }
                var item = Returning(object: object, fields: ["Id"])
                if peek() == .symbol("(") {
                    _ = next()
                    var fields: [String] = []
                    repeat {
                        let fieldToken = next()
                        guard let field = fieldToken?.word, !fieldToken!.isKeyword("LIMIT") else { throw unexpected(fieldToken) }
                        guard let canonical = SalesforceSandboxPerson.fields.first(where: { $0.lowercased() == field.lowercased() }) else {
                            throw .invalidField(field, entity: object)
                        }
                        fields.append(canonical)
                    } while peek() == .symbol(",") && next() != nil
                    item.fields = fields
                    if peek()?.isKeyword("LIMIT") == true {
                        _ = next()
                        let limitToken = next()
                        guard let limit = limitToken?.word.flatMap({ Int($0) }), limit >= 0 else { throw unexpected(limitToken) }
                        item.limit = limit
                    }
                    let close = next()
                    guard close == .symbol(")") else { throw unexpected(close) }
                }
                returning.append(item)
            } while peek() == .symbol(",") && next() != nil
            search.returning = returning
        }
        if peek()?.isKeyword("LIMIT") == true {
            _ = next()
            let limitToken = next()
            guard let limit = limitToken?.word.flatMap({ Int($0) }), limit >= 0 else { throw unexpected(limitToken) }
            search.limit = limit
        }
        if let extra = peek() { throw unexpected(extra) }
        return search
    }

    /// Whether `person` matches: phone fields by their digits whatever the formatting, names by words.
    func matches(_ person: SalesforceSandboxPerson) -> Bool {
        switch self.scope {
        case .phone: self.matchesPhone(person)
        case .name: self.matchesName(person)
        case .all: self.matchesPhone(person) || self.matchesName(person)
        case .email: false
        }
    }

    private func matchesPhone(_ person: SalesforceSandboxPerson) -> Bool {
        let term = SalesforceSOSLSearch.digits(self.term)
        guard term.count >= 2 else { return false }
        return [person.phone, person.mobilePhone].compactMap { $0 }.contains { SalesforceSOSLSearch.samePhone(SalesforceSOSLSearch.digits($0), term) }
    }

    private func matchesName(_ person: SalesforceSandboxPerson) -> Bool {
        let words = self.term.lowercased().split(separator: " ")
        let name = person.name.lowercased().split(separator: " ")
        return !words.isEmpty && words.allSatisfy { name.contains($0) }
    }

    static func digits(_ text: String) -> String {
        String(text.filter { $0.isASCII && $0.isNumber })
    }

    /// The same number written with or without its country code: equal digits, or one ending in
    /// the other with at most a three-digit country code (or a trunk `0`) in front.
    static func samePhone(_ stored: String, _ term: String) -> Bool {
        if stored == term { return true }
        let (longer, shorter) = stored.count >= term.count ? (stored, term) : (term, stored)
        return shorter.count >= 7 && longer.count - shorter.count <= 3 && longer.hasSuffix(shorter)
    }
}
