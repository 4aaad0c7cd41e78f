import Foundation
import ScribeCore
import Testing

@Suite("RecordFormat dates")
struct RecordFormatTests {
    /// An instant given in UTC, e.g. `utc("2027-01-15T17:00:00Z")`.
    static func utc(_ text: String) -> Date {
        try! Date(text, strategy: .iso8601)
    }

    static func format(_ pattern: String, in zone: String) -> RecordFormat {
        RecordFormat(dateFormat: pattern, timeZone: zone)
    }

    @Test(
        "shows the same wall-clock time in New York with the winter and the summer offset",
        arguments: [
            ("2027-01-15T17:00:00Z", "yyyy-MM-dd HH:mm ZZZZZ", "2027-01-15 12:00 -05:00"),
            ("2027-07-15T16:00:00Z", "yyyy-MM-dd HH:mm ZZZZZ", "2027-07-15 12:00 -04:00"),
            ("2027-01-15T17:00:00Z", "yyyy-MM-dd HH:mm zzz", "2027-01-15 12:00 EST"),
            ("2027-07-15T16:00:00Z", "yyyy-MM-dd HH:mm zzz", "2027-07-15 12:00 EDT"),
        ]
    )
    func newYork(instant: String, pattern: String, text: String) {
        #expect(Self.format(pattern, in: "America/New_York").format(Self.utc(instant)) == text)
    }

    @Test(
        "switches New York's offset at the daylight-saving changes of 2027 (14 March, 7 November)",
        arguments: [
            ("2027-03-14T06:59:00Z", "2027-03-14 01:59 -05:00"),
            ("2027-03-14T07:00:00Z", "2027-03-14 03:00 -04:00"),
            ("2027-11-07T05:59:00Z", "2027-11-07 01:59 -04:00"),
            ("2027-11-07T06:00:00Z", "2027-11-07 01:00 -05:00"),
        ]
    )
    func newYorkTransitions(instant: String, text: String) {
        #expect(Self.format("yyyy-MM-dd HH:mm ZZZZZ", in: "America/New_York").format(Self.utc(instant)) == text)
    }

    @Test(
        "shows the same wall-clock time in London in GMT and in BST",
        arguments: [
            // UTS #35: `ZZZZZ` writes a zero offset as "Z"; `xxx` always writes the offset.
            ("2027-01-15T12:00:00Z", "yyyy-MM-dd HH:mm ZZZZZ", "2027-01-15 12:00 Z"),
            ("2027-07-15T11:00:00Z", "yyyy-MM-dd HH:mm ZZZZZ", "2027-07-15 12:00 +01:00"),
            ("2027-01-15T12:00:00Z", "yyyy-MM-dd HH:mm xxx", "2027-01-15 12:00 +00:00"),
            ("2027-07-15T11:00:00Z", "yyyy-MM-dd HH:mm xxx", "2027-07-15 12:00 +01:00"),
            // Europe changes on the last Sunday of March, 28 March 2027, at 01:00 UTC.
            ("2027-03-28T00:59:00Z", "yyyy-MM-dd HH:mm xxx", "2027-03-28 00:59 +00:00"),
            ("2027-03-28T01:00:00Z", "yyyy-MM-dd HH:mm xxx", "2027-03-28 02:00 +01:00"),
        ]
    )
    func london(instant: String, pattern: String, text: String) {
        #expect(Self.format(pattern, in: "Europe/London").format(Self.utc(instant)) == text)
    }

    @Test("the record's Date section is the call's start in the chosen zone")
    func dateSection() {
        let composed = LogFixtures.compose(format: Self.format("d MMM yyyy, h:mm a zzz", in: "America/Los_Angeles"))
        #expect(composed.sections.first { $0.section.label == "Date" }?.section.value == "15 Jan 2027, 12:00 AM PST")
    }

    @Test("defaults to UTC and falls back to GMT for a zone name the system does not know")
    func zones() {
        let instant = Self.utc("2027-07-15T11:00:00Z")
        #expect(RecordFormat().timeZone == "UTC")
        #expect(RecordFormat(dateFormat: "yyyy-MM-dd HH:mm xxx").format(instant) == "2027-07-15 11:00 +00:00")
        let unknown = Self.format("yyyy-MM-dd HH:mm xxx", in: "Mars/Olympus_Mons")
        #expect(!unknown.hasValidTimeZone)
        #expect(unknown.format(instant) == "2027-07-15 11:00 +00:00")
        #expect(Self.format("yyyy", in: "Europe/London").hasValidTimeZone)
    }
}
