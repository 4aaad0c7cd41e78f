import Foundation
import ScribeCore
import Testing

@Suite("CallLogEntry")
struct CallLogEntryTests {
    @Test(
        "formats durations as hours, minutes and seconds",
        arguments: [(0.0, "0s"), (12, "12s"), (59.6, "1m 00s"), (65, "1m 05s"), (250, "4m 10s"), (3600, "1h 00m 00s"), (3725, "1h 02m 05s")]
    )
    func formatDuration(seconds: TimeInterval, text: String) {
        #expect(CallLogEntry.formatDuration(seconds) == text)
    }

    @Test("lists the body sections in a fixed order")
    func sectionOrder() {
        let labels = BodyFormatTests.entry().bodySections.map(\.label)
        #expect(labels == ["Contact", "Number", "Result", "Duration", "Agent", "Recording", "Notes", "Session"])
    }
}
