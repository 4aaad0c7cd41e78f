import Foundation

/// The SOSL the sandbox understands:
/// `FIND {term} [IN ALL|NAME|PHONE FIELDS] [RETURNING Object[(f, … [WHERE f = v [AND …]] [LIMIT n])], …] [LIMIT n]`,
/// the term as ``SalesforceSOSLTerm`` reads it.
struct SalesforceSOSLSearch: Equatable {
    enum Scope: String {
        case all = "ALL", name = "NAME", phone = "PHONE", email = "EMAIL"
    }

    /// `Field = value` in a `RETURNING` object's `WHERE`, e.g. `Lead(Id WHERE IsConverted = false)`.
    struct Condition: Equatable {
        var field: String
        var value: SalesforceFieldValue

        /// Whether `person` has this value (text compared case-insensitively, as SOQL does).
        func admits(_ person: SalesforceSandboxPerson) -> Bool {
            switch (person.value(of: self.field) ?? .null, self.value) {
            case (.string(let stored), .string(let wanted)): stored.lowercased() == wanted.lowercased()
            case (let stored, let wanted): stored == wanted
            }
        }
    }

    struct Returning: Equatable {
        /// `Contact` or `Lead`.
        var object: String
        var fields: [String]
        /// The `WHERE` conditions, AND'd.
        var conditions: [Condition] = []
        var limit: Int?

        /// Whether `person` is of this object and meets its conditions.
        func admits(_ person: SalesforceSandboxPerson) -> Bool {
            person.type == self.object && self.conditions.allSatisfy { $0.admits(person) }
        }
    }

    /// The search term: its text and the words to match.
    var term: SalesforceSOSLTerm
    var scope: Scope
    var returning: [Returning]
    var limit: Int?

    /// `field` as `object` names it (field names are case-insensitive), or Salesforce's INVALID_FIELD.
    static func canonicalField(_ field: String, of object: String) throws(SalesforceSandboxError) -> String {
        guard let canonical = SalesforceSandboxPerson.fields(of: object).first(where: { $0.lowercased() == field.lowercased() }) else {
            throw .invalidField(field, entity: object)
        }
        return canonical
    }

    static let objects = ["Contact", "Lead"]

    /// Parses `text`; any other shape is Salesforce's 400 `MALFORMED_SEARCH`, an object the sandbox
    /// does not hold `INVALID_TYPE`, and an unknown field `INVALID_FIELD`.
    static func parse(_ text: String) throws(SalesforceSandboxError) -> SalesforceSOSLSearch {
        let trimmed = text.drop { $0.isWhitespace }
        guard trimmed.prefix(4).uppercased() == "FIND" else { throw .malformedSearch("unexpected token: expected FIND") }
        var rest = trimmed.dropFirst(4).drop { $0.isWhitespace }
        guard rest.first == "{" else { throw .malformedSearch("unexpected token: the search term must be in braces") }
        let (term, afterTerm) = try SalesforceSOSLTerm.parse(rest.dropFirst())
        rest = afterTerm
        guard term.text.trimmingCharacters(in: .whitespaces).count >= 2 else {
            throw .malformedSearch("search term must be longer than one character: \(term.text)")
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
                        guard let field = fieldToken?.word, !fieldToken!.isKeyword("LIMIT"), !fieldToken!.isKeyword("WHERE") else { throw unexpected(fieldToken) }
                        fields.append(try Self.canonicalField(field, of: object))
                    } while peek() == .symbol(",") && next() != nil
                    item.fields = fields
                    if peek()?.isKeyword("WHERE") == true {
                        _ = next()
                        repeat {
                            let fieldToken = next()
                            guard let field = fieldToken?.word else { throw unexpected(fieldToken) }
                            let canonical = try Self.canonicalField(field, of: object)
                            let equals = next()
                            guard equals == .symbol("=") else { throw unexpected(equals) }
                            let valueToken = next()
                            let value: SalesforceFieldValue
                            switch valueToken {
                            case .string(let text): value = .string(text)
                            case .word(let word) where word.lowercased() == "true": value = .bool(true)
                            case .word(let word) where word.lowercased() == "false": value = .bool(false)
                            case .word(let word) where word.lowercased() == "null": value = .null
                            default: throw unexpected(valueToken)
                            }
                            item.conditions.append(Condition(field: canonical, value: value))
                        } while peek()?.isKeyword("AND") == true && next() != nil
                    }
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
        let term = SalesforceSOSLSearch.digits(self.term.text)
        guard term.count >= 2 else { return false }
        return [person.phone, person.mobilePhone].compactMap { $0 }.contains { SalesforceSOSLSearch.samePhone(SalesforceSOSLSearch.digits($0), term) }
    }

    /// Every word of the term, wildcards and all, matches a word of the name (the name fields of
    /// Contact and Lead: `Name`, `FirstName`, `LastName`, which `Name` spans).
    private func matchesName(_ person: SalesforceSandboxPerson) -> Bool {
        self.term.matches([person.name])
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
