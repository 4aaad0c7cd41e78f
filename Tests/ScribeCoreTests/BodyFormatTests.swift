import Foundation
import ScribeCore
import Testing

@Suite("BodyFormat")
struct BodyFormatTests {
    static let sections = [RecordSection("Notes", "Asked about renewal.\nCall back Friday."), RecordSection("Session", "s-1")]

    @Test("renders plain text as `Label: value`, one section a line, continuation lines indented by two spaces")
    func plainText() {
        #expect(BodyFormat.plainText.render(Self.sections) == "Notes: Asked about renewal.\n  Call back Friday.\nSession: s-1")
    }

    @Test("renders HTML as one paragraph a section with a bold label, lines separated by <br>")
    func html() {
        #expect(
            BodyFormat.html.render(Self.sections)
                == "<p><b>Notes</b>: Asked about renewal.<br>Call back Friday.</p><p><b>Session</b>: s-1</p>"
        )
    }

    @Test("renders Markdown with a bold label a section, hard line breaks within one and a blank line between them")
    func markdown() {
        #expect(BodyFormat.markdown.render(Self.sections) == "**Notes**: Asked about renewal\\.  \nCall back Friday\\.\n\n**Session**: s\\-1")
    }

    @Test("renders no sections as an empty body", arguments: [BodyFormat.plainText, .html, .markdown])
    func empty(format: BodyFormat) {
        #expect(format.render([]) == "")
    }

    @Test("treats CR LF, a lone CR and the other Unicode line breaks as line breaks")
    func lineBreaks() {
        let sections = [RecordSection("Notes", "a\r\nb\rc\u{2028}d\u{85}e")]
        #expect(BodyFormat.plainText.render(sections) == "Notes: a\n  b\n  c\n  d\n  e")
        #expect(BodyFormat.html.render(sections) == "<p><b>Notes</b>: a<br>b<br>c<br>d<br>e</p>")
        #expect(BodyFormat.markdown.render(sections) == "**Notes**: a  \nb  \nc  \nd  \ne")
    }

    @Test("keeps empty lines of a value, indented, so they start no section")
    func emptyLines() {
        let sections = [RecordSection("Notes", "\nmiddle\n\n"), RecordSection("Session", "s-1")]
        #expect(BodyFormat.plainText.render(sections) == "Notes: \n  middle\n  \n  \nSession: s-1")
        #expect(BodyFormat.html.render(sections) == "<p><b>Notes</b>: <br>middle<br><br></p><p><b>Session</b>: s-1</p>")
    }

    // MARK: Appending to a record a person edited

    /// A body a person wrote in the CRM: CR LF line breaks, a decomposed é, an emoji with a skin tone,
    /// trailing spaces, and HTML and Markdown we must not touch.
    static let personsText = "Spoke to Jane <i>again</i>.\r\nShe said “cafe\u{301}” **twice** 👍🏽  "
    static let added = [RecordSection("Recording", "https://rec.example/r-1")]

    @Test(
        "appends sections after the person's text, which stays byte for byte as it was",
        arguments: [
            (BodyFormat.plainText, "\nRecording: https://rec.example/r-1"),
            (.html, "<p><b>Recording</b>: https://rec.example/r-1</p>"),
            (.markdown, "\n\n**Recording**: https://rec\\.example/r\\-1"),
        ]
    )
    func appendKeepsPersonsText(format: BodyFormat, addition: String) {
        let body = format.appending(Self.added, to: Self.personsText)
        let bytes = Array(body.utf8)
        let original = Array(Self.personsText.utf8)
        #expect(bytes.starts(with: original))
        #expect(String(decoding: bytes.dropFirst(original.count), as: UTF8.self) == addition)
    }

    @Test("leaves the body as it is when there is nothing to add", arguments: [BodyFormat.plainText, .html, .markdown])
    func appendNothing(format: BodyFormat) {
        #expect(Array(format.appending([], to: Self.personsText).utf8) == Array(Self.personsText.utf8))
    }

    @Test("appending to an empty body gives just the rendered sections", arguments: [BodyFormat.plainText, .html, .markdown])
    func appendToEmpty(format: BodyFormat) {
        #expect(format.appending(Self.added, to: "") == format.render(Self.added))
    }

    @Test("sections appended to a body we wrote parse back as one list of sections", arguments: [BodyFormat.plainText, .html, .markdown])
    func appendedSectionsParse(format: BodyFormat) {
        // A body we wrote ourselves, then the recording added: the whole reads as the sections in order.
        let written = format.render(Self.sections)
        let body = format.appending(Self.added, to: written)
        #expect(RenderedBody.sections(in: body, format: format) == Self.sections + Self.added)
    }
}
