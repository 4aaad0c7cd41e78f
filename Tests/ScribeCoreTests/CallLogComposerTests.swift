import Foundation
import ScribeCore
import Testing

@Suite("CallLogComposer")
struct CallLogComposerTests {
    typealias F = CallFixtures
    typealias L = LogFixtures

    // MARK: The full record

    @Test("renders a full record as plain text, every section in its fixed order")
    func fullPlainText() {
        let expected = """
            Contact: Jane Doe
            Number: +14155550123
            Date: 2027-01-15 03:00 -05:00
            Duration: 1m 00s
            Result: Answered
            Disposition: Interested
            Agent: Alice Agent (ext 101)
            Notes: Asked about renewal.
              Call back Friday.
            Recording: https://rec.example/r-1
            AI summary: Wants a quote.
            Transcript: Agent: Hello
              Caller: Hi
            Call journey: Alice Agent: missed
              Bob Agent: answered
            Session: s-1
            """
        #expect(L.compose(.plainText).entry.body == expected)
    }

    @Test("says a call in progress is in progress, and its basics change when it ends")
    func inProgress() {
        let talking = F.fold(Array(F.answeredCall.prefix(3))).legs[0]
        let during = L.compose(leg: talking, content: CallLogContent())
        #expect(during.entry.body.contains("Duration: call in progress\nResult: In progress"))
        #expect(during.entry.duration == 0)
        let after = L.compose(leg: L.recordedLeg, content: CallLogContent())
        #expect(after.entry.body.contains("Duration: 1m 00s\nResult: Answered"))
        #expect(during.artifactFingerprints[.basics] != after.artifactFingerprints[.basics], "the hang-up is an update of the basics")
    }

    @Test("renders a full record as HTML, every section in its fixed order")
    func fullHTML() {
        let expected =
            "<p><b>Contact</b>: Jane Doe</p><p><b>Number</b>: +14155550123</p><p><b>Date</b>: 2027-01-15 03:00 -05:00</p>"
            + "<p><b>Duration</b>: 1m 00s</p><p><b>Result</b>: Answered</p><p><b>Disposition</b>: Interested</p>"
            + "<p><b>Agent</b>: Alice Agent (ext 101)</p><p><b>Notes</b>: Asked about renewal.<br>Call back Friday.</p>"
            + "<p><b>Recording</b>: https://rec.example/r-1</p><p><b>AI summary</b>: Wants a quote.</p>"
            + "<p><b>Transcript</b>: Agent: Hello<br>Caller: Hi</p><p><b>Call journey</b>: Alice Agent: missed<br>Bob Agent: answered</p>"
            + "<p><b>Session</b>: s-1</p>"
        #expect(L.compose(.html).entry.body == expected)
    }

    @Test("renders a full record as Markdown, every section in its fixed order")
    func fullMarkdown() {
        let expected = [
            "**Contact**: Jane Doe",
            "**Number**: \\+14155550123",
            "**Date**: 2027\\-01\\-15 03:00 \\-05:00",
            "**Duration**: 1m 00s",
            "**Result**: Answered",
            "**Disposition**: Interested",
            "**Agent**: Alice Agent \\(ext 101\\)",
            "**Notes**: Asked about renewal\\.  \nCall back Friday\\.",
            "**Recording**: https://rec\\.example/r\\-1",
            "**AI summary**: Wants a quote\\.",
            "**Transcript**: Agent: Hello  \nCaller: Hi",
            "**Call journey**: Alice Agent: missed  \nBob Agent: answered",
            "**Session**: s\\-1",
        ].joined(separator: "\n\n")
        #expect(L.compose(.markdown).entry.body == expected)
    }

    @Test("tags each section with the artifact it shows, in the fixed order")
    func sectionOrderAndTags() {
        let composed = L.compose()
        #expect(composed.sections.map(\.section.label) == L.allLabels)
        #expect(
            composed.sections.map(\.artifact) == [
                .basics, .basics, .basics, .basics, .basics, .disposition, .basics, .notes, .recording, .aiSummary, .transcript, .callJourney, .basics,
            ]
        )
    }

    @Test("fills the entry's fields from the leg, the contact and the settings")
    func entryFields() {
        let entry = L.compose().entry
        #expect(entry.marker == "log-1")
        #expect(entry.subject == "Inbound call from Jane Doe")
        #expect(entry.startedAt == F.t0)
        #expect(entry.duration == 60)
        #expect(entry.direction == .inbound)
        #expect(entry.result == .answered)
        #expect(entry.fromNumber == "+14155550123")
        #expect(entry.toNumber == "+16505550100")
        #expect(entry.contact == L.contact)
        #expect(entry.agentName == "Alice Agent")
        #expect(entry.recordingURL == "https://rec.example/r-1")
        #expect(entry.sessionID == "s-1")
    }

    @Test("leaves out sections with nothing to show")
    func emptySectionsLeftOut() {
        let composed = L.compose(content: CallLogContent(notes: L.notes("")), agent: nil, journey: [])
        #expect(composed.sections.map(\.section.label) == ["Contact", "Number", "Date", "Duration", "Result", "Session"])
        #expect(Set(composed.artifactFingerprints.keys) == [.basics])
    }

    // MARK: Stability

    @Test("composing the same log twice gives the same body and fingerprints", arguments: [BodyFormat.plainText, .html, .markdown])
    func stable(format: BodyFormat) {
        let first = L.compose(format)
        let second = L.composer(format).compose(L.log(), contact: L.contact, content: L.fullContent, agent: L.agent, journey: L.journey)
        #expect(first.entry == second.entry)
        #expect(first.artifactFingerprints == second.artifactFingerprints)
        #expect(Set(first.artifactFingerprints.keys) == Set(Artifact.allCases))
    }

    @Test("an artifact's fingerprint changes with what it shows, and no other's does")
    func fingerprintsAreIndependent() {
        let before = L.compose().artifactFingerprints
        var content = L.fullContent
        content.notes = L.notes("Asked about renewal.\nCall back Monday.")
        let after = L.compose(content: content).artifactFingerprints
        #expect(after[.notes] != before[.notes])
        for artifact in Artifact.allCases where artifact != .notes {
            #expect(after[artifact] == before[artifact], "\(artifact)")
        }
    }

    @Test("the subject is part of the basics fingerprint")
    func subjectInBasics() {
        var content = L.fullContent
        content.subject = "Renewal call"
        let before = L.compose().artifactFingerprints
        let after = L.compose(content: content).artifactFingerprints
        #expect(after[.basics] != before[.basics])
        #expect(after.filter { $0.key != .basics } == before.filter { $0.key != .basics })
    }

    // MARK: Field toggles

    @Test(
        "turning a field off removes its section and its artifact's fingerprint, and changes no other",
        arguments: [
            (LoggedField.transcript, Artifact.transcript, "Transcript"),
            (.recordingLink, .recording, "Recording"),
            (.aiSummary, .aiSummary, "AI summary"),
            (.notes, .notes, "Notes"),
            (.disposition, .disposition, "Disposition"),
            (.callJourney, .callJourney, "Call journey"),
        ]
    )
    func artifactToggle(field: LoggedField, artifact: Artifact, label: String) {
        let all = L.compose()
        let without = L.compose(format: L.format(without: field))
        #expect(without.sections.map(\.section.label) == L.allLabels.filter { $0 != label })
        #expect(without.artifactFingerprints[artifact] == nil)
        #expect(without.artifactFingerprints.filter { $0.key != artifact } == all.artifactFingerprints.filter { $0.key != artifact })
        #expect(RenderedBody.labels(in: without.entry.body, format: .plainText) == L.allLabels.filter { $0 != label })
    }

    @Test(
        "turning a basics field off removes its section and changes the basics fingerprint",
        arguments: [
            (LoggedField.contactNumber, "Number"), (.dateTime, "Date"), (.duration, "Duration"), (.result, "Result"), (.agent, "Agent"),
            (.sessionID, "Session"),
        ]
    )
    func basicsToggle(field: LoggedField, label: String) {
        let all = L.compose()
        let without = L.compose(format: L.format(without: field))
        #expect(without.sections.map(\.section.label) == L.allLabels.filter { $0 != label })
        #expect(without.artifactFingerprints[.basics] != nil)
        #expect(without.artifactFingerprints[.basics] != all.artifactFingerprints[.basics])
    }

    @Test("the recording link reaches the entry only while it is logged")
    func recordingURLToggle() {
        #expect(L.compose(format: L.format(without: .recordingLink)).entry.recordingURL == nil)
        #expect(L.compose(content: CallLogContent()).entry.recordingURL == nil)
    }

    // MARK: Adding to a record a person edited

    @Test(
        "adds only the sections of the given artifacts after the person's text",
        arguments: [
            (BodyFormat.plainText, "\nRecording: https://rec.example/r-1\nTranscript: Agent: Hello\n  Caller: Hi"),
            (.html, "<p><b>Recording</b>: https://rec.example/r-1</p><p><b>Transcript</b>: Agent: Hello<br>Caller: Hi</p>"),
            (.markdown, "\n\n**Recording**: https://rec\\.example/r\\-1\n\n**Transcript**: Agent: Hello  \nCaller: Hi"),
        ]
    )
    func addToEditedRecord(format: BodyFormat, addition: String) {
        let composed = L.compose(format)
        let added = composed.sections(of: [.recording, .transcript])
        #expect(added == [RecordSection("Recording", "https://rec.example/r-1"), RecordSection("Transcript", "Agent: Hello\nCaller: Hi")])
        let edited = "Jane's own summary, e\u{301}dited.\r\n"
        let body = format.appending(added, to: edited)
        #expect(Array(body.utf8) == Array(edited.utf8) + Array(addition.utf8))
    }

    // MARK: Subject

    @Test("turning the subject off gives \"Call\"")
    func subjectOff() {
        let format = L.format(without: .subject)
        #expect(L.compose(format: format).entry.subject == "Call")
        var withTemplate = format
        withTemplate.subjectTemplate = "{contact}"
        #expect(L.compose(format: withTemplate).entry.subject == "Call")
    }

    @Test("a subject the agent typed wins over the template; a blank one does not")
    func typedSubject() {
        var format = L.newYorkFormat
        format.subjectTemplate = "Call with {contact}"
        var content = L.fullContent
        content.subject = "  Renewal: next steps \n"
        #expect(L.compose(format: format, content: content).entry.subject == "Renewal: next steps")
        content.subject = " \n "
        #expect(L.compose(format: format, content: content).entry.subject == "Call with Jane Doe")
    }

    @Test("fills every placeholder of the subject template")
    func templatePlaceholders() {
        var format = L.newYorkFormat
        format.subjectTemplate = "{direction} {result} call: {contact} at {number}, {agent}, {date}"
        #expect(L.compose(format: format).entry.subject == "Inbound Answered call: Jane Doe at +14155550123, Alice Agent, 2027-01-15 03:00 -05:00")
        #expect(L.compose(format: format, agent: nil).entry.subject == "Inbound Answered call: Jane Doe at +14155550123, , 2027-01-15 03:00 -05:00")
        let outbound = F.leg(direction: .outbound, counterpart: CallEndpoint(phoneNumber: "+442079460000"), answeredFor: nil)
        #expect(L.compose(format: format, leg: outbound).entry.subject == "Outbound Missed call: Jane Doe at +442079460000, Alice Agent, 2027-01-15 03:00 -05:00")
    }

    @Test(
        "leaves unknown placeholders and unclosed braces visible",
        arguments: [
            ("Call with {contact} re {topic}", "Call with Jane Doe re {topic}"),
            ("Call with {Contact}", "Call with {Contact}"),
            ("Call with {contact", "Call with {contact"),
            ("{contact} {", "Jane Doe {"),
            ("{contact}} }{", "Jane Doe} }{"),
            ("{}", "{}"),
            ("{{contact}}", "{{contact}}"),
            ("no placeholders", "no placeholders"),
        ]
    )
    func templateEdgeCases(template: String, subject: String) {
        var format = L.newYorkFormat
        format.subjectTemplate = template
        #expect(L.compose(format: format).entry.subject == subject)
    }

    @Test("does not expand placeholders inside the values it fills in")
    func templateValuesNotExpanded() {
        var format = L.newYorkFormat
        format.subjectTemplate = "Call with {contact} by {agent}"
        let composed = L.composer(format: format).compose(
            L.log(), contact: Contact(id: "c-1", name: "{agent}"), content: CallLogContent(), agent: L.agent, journey: []
        )
        #expect(composed.entry.subject == "Call with {agent} by Alice Agent")
    }

    @Test(
        "defaults the subject by direction and result",
        arguments: [
            (CallDirection.inbound, 60 as TimeInterval?, "Inbound call from Jane Doe"),
            (.inbound, nil, "Missed call from Jane Doe"),
            (.outbound, 60, "Outbound call to Jane Doe"),
            (.outbound, nil, "Unanswered call to Jane Doe"),
        ]
    )
    func defaultSubject(direction: CallDirection, talkTime: TimeInterval?, subject: String) {
        let leg = F.leg(direction: direction, answeredFor: talkTime)
        #expect(L.compose(leg: leg).entry.subject == subject)
    }

    @Test("defaults the subject of a voicemail to \"Voicemail from\"")
    func voicemailSubject() {
        #expect(L.compose(leg: F.voicemailLeg).entry.subject == "Voicemail from Jane Doe")
    }

    // MARK: Duration

    @Test(
        "formats durations in hours, minutes and seconds",
        arguments: [(0, "0s"), (12, "12s"), (59.4, "59s"), (59.5, "1m 00s"), (250, "4m 10s"), (3600, "1h 00m 00s"), (3725, "1h 02m 05s")]
            as [(TimeInterval, String)]
    )
    func duration(seconds: TimeInterval, text: String) {
        #expect(CallLogComposer.formatDuration(seconds) == text)
    }
}
