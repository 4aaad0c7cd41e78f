import Foundation
@testable import ScribeConnectors
import Testing

@Suite("SalesforceQuery escapes SOSL, SOQL and URLs")
struct SalesforceQueryTests {
    @Test("backslash-escapes every SOSL reserved character and nothing else")
    func escapesSOSL() {
        let reserved = #"{}[]()^~*:\"'+-&|!?"#
        let escaped = SalesforceQuery.escapeSOSL(reserved)
        #expect(escaped == #"\{\}\[\]\(\)\^\~\*\:\\\"\'\+\-\&\|\!\?"#)
        #expect(SalesforceQuery.escapeSOSL("+1 (415) 555-0123") == #"\+1 \(415\) 555\-0123"#)
        #expect(SalesforceQuery.escapeSOSL("4155550123") == "4155550123")
        #expect(SalesforceQuery.escapeSOSL("Zoë O.") == "Zoë O.")
    }

    @Test("a term cannot close the FIND braces")
    func termStaysInsideBraces() {
        let sosl = SalesforceQuery.phoneSearch("1} IN ALL FIELDS RETURNING User(Id")
        #expect(sosl.hasPrefix(#"FIND {1\} IN ALL FIELDS RETURNING User\(Id} IN PHONE FIELDS RETURNING Contact("#))
    }

    @Test("builds the phone search with contacts before leads")
    func phoneSearch() {
        #expect(
            SalesforceQuery.phoneSearch("4155550123")
                == "FIND {4155550123} IN PHONE FIELDS RETURNING Contact(Id, Name, Phone, MobilePhone, LastModifiedDate, CreatedDate), Lead(Id, Name, Phone, MobilePhone, LastModifiedDate, CreatedDate)"
        )
    }

    @Test("escapes SOQL string literals")
    func escapesSOQL() {
        #expect(SalesforceQuery.escapeSOQL(#"O'Brien \ "x""#) == #"O\'Brien \\ \"x\""#)
        #expect(SalesforceQuery.escapeSOQL("a\nb\tc\r") == #"a\nb\tc\r"#)
        #expect(SalesforceQuery.escapeSOQL("50%_off") == "50%_off")
        #expect(SalesforceQuery.taskByCallObject("log-' OR Id != '") == #"SELECT Id FROM Task WHERE CallObject = 'log-\' OR Id != \'' LIMIT 1"#)
    }

    @Test("percent-encodes everything but unreserved characters")
    func urlEncodes() {
        let encoded = SalesforceQuery.urlEncoded(#"FIND {\+1 a&b=c} 'x'"#)
        #expect(encoded == "FIND%20%7B%5C%2B1%20a%26b%3Dc%7D%20%27x%27")
        #expect(encoded.removingPercentEncoding == #"FIND {\+1 a&b=c} 'x'"#)
    }
}
