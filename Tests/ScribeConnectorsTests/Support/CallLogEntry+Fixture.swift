import Foundation
import ScribeCore

extension CallLogEntry {
    /// A finished call with `contact`, at a fixed time.
    static func fixture(
        marker: CallLogID = "log-0001",
        contact: Contact,
        direction: CallDirection = .inbound,
        result: CallResult = .answered,
        recordingURL: String? = nil
    ) -> CallLogEntry {
        CallLogEntry(
            marker: marker,
            subject: "Inbound call with \(contact.name)",
            body: "<p><b>Notes</b>: Asked about &lt;invoices&gt; &amp; refunds</p>",
            startedAt: Date(timeIntervalSince1970: 1_741_079_700.25),
            duration: 250.4,
            direction: direction,
            result: result,
            fromNumber: "+14155550123",
            toNumber: "+16505550100",
            contact: contact,
            agentName: "Ada Park",
            recordingURL: recordingURL,
            sessionID: "s-9f2c"
        )
    }
}
