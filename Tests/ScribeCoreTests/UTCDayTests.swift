import Foundation
import ScribeCore
import Testing

@Suite("UTCDay")
struct UTCDayTests {
    @Test("reads YYYY-MM-DD and nothing else", arguments: ["2026-03-31", "2024-02-29", "0001-01-01"])
    func valid(text: String) throws {
        let day = try #require(UTCDay(text))
        #expect(day.description == text)
    }

    @Test(
        "refuses what is not a day that exists",
        arguments: ["", "2026-3-31", "2026/03/31", "2026-02-29", "2026-02-30", "2026-13-01", "2026-00-10", "20260331", "2026-03-31T00:00:00Z", "yesterday", "２０２６-03-31"]
    )
    func invalid(text: String) {
        #expect(UTCDay(text) == nil)
    }

    @Test("starts at midnight UTC and the next day follows across month and year ends")
    func startAndNext() throws {
        let day = try #require(UTCDay("2026-12-31"))
        #expect(day.start == Date(timeIntervalSince1970: 1_798_675_200))
        #expect(day.next.description == "2027-01-01")
        #expect(try #require(UTCDay("2024-02-28")).next.description == "2024-02-29")
        #expect(day < day.next)
    }

    @Test("a moment falls on its UTC day, whatever the local zone")
    func containing() {
        #expect(UTCDay(containing: Date(timeIntervalSince1970: 1_798_675_199)).description == "2026-12-30")
        #expect(UTCDay(containing: Date(timeIntervalSince1970: 1_798_675_200)).description == "2026-12-31")
    }

    @Test("encodes as its YYYY-MM-DD string and refuses a bad one")
    func codable() throws {
        let data = try JSONEncoder().encode([UTCDay("2026-03-31")])
        #expect(String(decoding: data, as: UTF8.self) == #"["2026-03-31"]"#)
        #expect(try JSONDecoder().decode([UTCDay].self, from: data) == [UTCDay("2026-03-31")])
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([UTCDay].self, from: Data(#"["2026-02-30"]"#.utf8)) }
    }
}
