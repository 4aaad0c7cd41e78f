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

    /// This entry as the engine writes it on a later pass: a new subject and body (ending in a
    /// newline, to show it is kept verbatim), the recording ready and the result known. It also
    /// names `otherContact`, another time and another marker, which an update must not write.
    func revised(otherContact: Contact) -> CallLogEntry {
        var revised = self
        revised.subject = "Voicemail from \(self.contact.name)"
        revised.body = "<p><b>Voicemail</b>: Please call back about the refund</p>\n<p><a href=\"https://media.example.com/rec/77.mp3\">Recording</a></p>\n"
        revised.recordingURL = "https://media.example.com/rec/77.mp3"
        revised.result = .voicemail
        revised.contact = otherContact
        revised.startedAt = self.startedAt.addingTimeInterval(86_400)
        revised.marker = "log-other"
        return revised
    }
}
