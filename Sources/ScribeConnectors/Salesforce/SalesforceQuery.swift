import Foundation

/// Builds SOSL and SOQL text with every user value escaped, and URL-encodes it for `?q=`.
enum SalesforceQuery {
    /// The fields read for each person found by a phone search.
    static let personFields = ["Id", "Name", "Phone", "MobilePhone", "LastModifiedDate", "CreatedDate"]

    /// `FIND {term} IN PHONE FIELDS RETURNING Contact(…), Lead(…)`: contacts and leads whose phone
    /// fields hold `digits`, whatever formatting they were stored with.
    static func phoneSearch(_ digits: String) -> String {
        let fields = SalesforceQuery.personFields.joined(separator: ", ")
        return "FIND {\(SalesforceQuery.escapeSOSL(digits))} IN PHONE FIELDS RETURNING Contact(\(fields)), Lead(\(fields))"
    }

    /// `FIND {ann* lee*} IN NAME FIELDS RETURNING Contact(…), Lead(… WHERE IsConverted = false) LIMIT n`:
    /// contacts and the leads not yet converted (a converted lead lives on as a contact) with a name
    /// word starting with each word of `name`. Every word is SOSL-escaped, so `O'Brien`, `Smith-Jones`
    /// or `Who?` search for themselves; words of two or more characters get SOSL's trailing `*`
    /// wildcard (a one-letter prefix would match half the org).
    static func nameSearch(_ name: String, limit: Int) -> String {
        let words = name.split(whereSeparator: \.isWhitespace).map { word in
            SalesforceQuery.escapeSOSL(String(word)) + (word.count >= 2 ? "*" : "")
        }
        let fields = SalesforceQuery.personFields.joined(separator: ", ")
        return "FIND {\(words.joined(separator: " "))} IN NAME FIELDS RETURNING Contact(\(fields)), Lead(\(fields) WHERE IsConverted = false) LIMIT \(limit)"
    }

    /// The org's active users, for mapping agents to Task owners (an org has far fewer than SOQL's first page of 2,000).
    static let activeUsers = "SELECT Id, Name, Email, IsActive FROM User WHERE IsActive = true"

    /// `SELECT Id FROM Task WHERE CallObject = '…' LIMIT 1`.
    static func taskByCallObject(_ callObject: String) -> String {
        "SELECT Id FROM Task WHERE CallObject = '\(SalesforceQuery.escapeSOQL(callObject))' LIMIT 1"
    }

    /// The contact's open opportunities through its contact roles: `OpportunityContactRole` is the
    /// standard link between a contact and an opportunity (an Account's opportunities need not involve the contact).
    static func openOpportunities(ofContact contactID: String) -> String {
        "SELECT OpportunityId, Opportunity.Name FROM OpportunityContactRole WHERE ContactId = '\(SalesforceQuery.escapeSOQL(contactID))' AND Opportunity.IsClosed = false LIMIT 200"
    }

    /// The SOSL reserved characters, each of which must be preceded by a backslash inside `FIND {…}`.
    static let soslReserved: Set<Character> = ["?", "&", "|", "!", "{", "}", "[", "]", "(", ")", "^", "~", "*", ":", "\\", "\"", "'", "+", "-"]

    /// `text` with every SOSL reserved character backslash-escaped, for use inside `FIND {…}`.
    static func escapeSOSL(_ text: String) -> String {
        var out = ""
        for character in text {
            if SalesforceQuery.soslReserved.contains(character) { out.append("\\") }
            out.append(character)
        }
        return out
    }

    /// `text` as the inside of a SOQL string literal (`'…'`): backslash, quotes and control
    /// characters escaped with SOQL's escape sequences.
    static func escapeSOQL(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "\\": out += "\\\\"
            case "'": out += "\\'"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            default: out.append(character)
            }
        }
        return out
    }

    /// Percent-encodes everything but RFC 3986's unreserved characters, so that a space, `+`, `&`,
    /// `{` or `'` in a query can never be read as something else.
    static func urlEncoded(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: SalesforceQuery.unreserved) ?? ""
    }

    private static let unreserved = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
}
