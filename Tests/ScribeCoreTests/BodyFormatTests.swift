import Foundation
import ScribeCore
import Testing

@Suite("BodyFormat")
struct BodyFormatTests {
    static func entry(
        contactName: String = "Jane Doe", direction: CallDirection = .inbound, agentName: String? = "Alice Agent",
        notes: String? = "Asked about renewal", recordingURL: String? = "https://media.example/rec/7"
    ) -> CallLogEntry {
        CallLogEntry(
            marker: "log-1", subject: "Inbound call from \(contactName)", startedAt: CallFixtures.t0, duration: 65, direction: direction,
            result: .answered, fromNumber: "+14155550123", toNumber: "+16505550100", contact: Contact(id: "c-1", name: contactName),
            agentName: agentName, notes: notes, recordingURL: recordingURL, sessionID: "s-1"
        )
    }

    @Test("renders plain text as labelled lines in a fixed order")
    func plainText() {
        #expect(BodyFormat.plainText.render(Self.entry()) == """
            Contact: Jane Doe
            Number: +14155550123
            Result: Answered
            Duration: 1m 05s
            Agent: Alice Agent
            Recording: https://media.example/rec/7
            Notes: Asked about renewal
            Session: s-1
            """)
    }

    @Test("leaves out absent agent, recording and empty notes, and shows the callee on outbound calls")
    func optionalSections() {
        let entry = Self.entry(direction: .outbound, agentName: nil, notes: "", recordingURL: nil)
        #expect(BodyFormat.plainText.render(entry) == "Contact: Jane Doe\nNumber: +16505550100\nResult: Answered\nDuration: 1m 05s\nSession: s-1")
    }

    @Test("renders HTML paragraphs with bold labels")
    func html() {
        let entry = Self.entry(agentName: nil, notes: nil, recordingURL: nil)
        #expect(BodyFormat.html.render(entry) == "<p><b>Contact</b>: Jane Doe</p><p><b>Number</b>: +14155550123</p><p><b>Result</b>: Answered</p><p><b>Duration</b>: 1m 05s</p><p><b>Session</b>: s-1</p>")
    }

    @Test("escapes markup, ampersands and quotes in HTML notes and contact names")
    func htmlEscaping() {
        let entry = Self.entry(contactName: #"Tom & "Jerry" <script>alert('x')</script>"#, notes: "<b>VIP</b> & \"urgent\"\nsecond line")
        let html = BodyFormat.html.render(entry)
        #expect(html.contains("<p><b>Contact</b>: Tom &amp; &quot;Jerry&quot; &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;</p>"))
        #expect(html.contains("<p><b>Notes</b>: &lt;b&gt;VIP&lt;/b&gt; &amp; &quot;urgent&quot;<br>second line</p>"))
        #expect(!html.contains("<script>"))
        #expect(!html.contains("<b>VIP"))
    }

    @Test("renders Markdown with bold labels and escaped values")
    func markdown() {
        let entry = Self.entry(contactName: "Jane *Doe*", agentName: nil, notes: "call back [soon]", recordingURL: nil)
        #expect(BodyFormat.markdown.render(entry) == #"""
            **Contact**: Jane \*Doe\*

            **Number**: \+14155550123

            **Result**: Answered

            **Duration**: 1m 05s

            **Notes**: call back \[soon\]

            **Session**: s\-1
            """#)
    }

    @Test("renders the same entry identically every time", arguments: [BodyFormat.plainText, .html, .markdown])
    func deterministic(format: BodyFormat) {
        let entry = Self.entry(contactName: "Zoë & <Co>", notes: "line 1\nline 2")
        #expect(format.render(entry) == format.render(entry))
        #expect(format.render(entry) == format.render(Self.entry(contactName: "Zoë & <Co>", notes: "line 1\nline 2")))
    }
}
