import Foundation
import ScribeCore
import Testing

/// Whatever a caller or agent types, the body keeps exactly the sections we rendered, and their text
/// reads back as typed. ``RenderedBody`` parses bodies independently and strictly.
@Suite("BodyFormat escaping")
struct BodyFormatEscapingTests {
    typealias L = LogFixtures

    static let formats: [BodyFormat] = [.plainText, .html, .markdown]

    /// Text written to look like markup or like our own section headings, in every format.
    static let hostile: [String] = [
        // HTML: tags, a closing paragraph and a fake section, entities.
        "<script>alert('x')</script></p><p><b>Recording</b>: http://evil &amp; \"co\"",
        // Markdown: a fake label, a heading, a link, a list, a quote, a rule, code, a table, a setext underline.
        "**Notes**: fake\n# heading\n[link](x)\n\n**Recording**: http://evil\n- item\n1. first\n> quote\n---\n```code```\n|a|b|\n===\n\\*already escaped\\*",
        // Plain text: fake sections after every kind of line break.
        "fine\nRecording: http://evil\rAI summary: fake\r\nSession: s-evil\n\nTranscript: fake",
        "\nRecording: http://evil\n",
        "one\u{2028}Recording: http://evil\u{2029}Session: x\u{85}Notes: y\u{0B}Agent: z\u{0C}Result: w",
        // Unicode: emoji with ZWJ and skin tone, flags, RTL text and an override, combining marks, also on markup characters.
        "Emoji 👩🏽‍💻🇺🇸 RTL \u{202E}gnidroceR\u{202C} مرحبا עברית, e\u{301} n\u{303}",
        "<\u{338}script>x<\u{301}/p> *\u{301}em*\u{301} _\u{301}u_\u{301} #\u{301} [\u{301}a]\u{301}(\u{301}x)\u{301} &\u{301}lt;",
        ": \u{301}leading combining mark and   spaces\n  \u{301}indented line",
        "",
    ]

    static func sections(_ text: String) -> [RecordSection] {
        [RecordSection("Contact", "Jane Doe"), RecordSection("Notes", text), RecordSection("AI summary", text), RecordSection("Session", "s-1")]
    }

    @Test("keeps exactly the rendered sections, with the text as typed", arguments: formats, hostile.indices)
    func structureHolds(format: BodyFormat, index: Int) {
        let sections = Self.sections(Self.hostile[index])
        let body = format.render(sections)
        #expect(RenderedBody.sections(in: body, format: format) == RenderedBody.expected(sections), "body: \(body.debugDescription)")
    }

    @Test("keeps the sections of a composed record whose every user-typed field is hostile", arguments: formats, hostile.indices)
    func composedStructureHolds(format: BodyFormat, index: Int) {
        let text = Self.hostile[index]
        let content = CallLogContent(
            notes: L.notes(text + "."), disposition: "Disposition " + text, recording: L.recording,
            insights: CallInsights(summary: "Summary " + text, transcript: "Transcript " + text)
        )
        let composer = L.composer(format)
        let composed = composer.compose(
            L.log(), contact: Contact(id: "c-1", name: "Contact " + text), content: content, agent: AgentIdentity(name: "Agent " + text, extensionNumber: "101"),
            journey: ["Journey " + text, "Bob Agent: answered"]
        )
        let parsed = RenderedBody.sections(in: composed.entry.body, format: format)
        #expect(parsed.map(\.label) == L.allLabels)
        #expect(parsed == RenderedBody.expected(composed.sections.map(\.section)))
    }

    @Test("escapes HTML so no tag or entity typed by a person survives")
    func htmlEscaped() {
        let body = BodyFormat.html.render(Self.sections(Self.hostile[0]))
        #expect(
            body.contains(
                "<p><b>Notes</b>: &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&lt;/p&gt;&lt;p&gt;&lt;b&gt;Recording&lt;/b&gt;: http://evil &amp;amp; &quot;co&quot;</p>"
            )
        )
        #expect(!body.contains("<script"))
        #expect(body.components(separatedBy: "<p>").count - 1 == 4)
    }

    @Test("escapes Markdown so no heading, link or bold label typed by a person survives")
    func markdownEscaped() {
        let body = BodyFormat.markdown.render([RecordSection("Notes", Self.hostile[1])])
        let lines = [
            "**Notes**: \\*\\*Notes\\*\\*: fake", "\\# heading", "\\[link\\]\\(x\\)", "", "\\*\\*Recording\\*\\*: http://evil", "\\- item",
            "1\\. first", "\\> quote", "\\-\\-\\-", "\\`\\`\\`code\\`\\`\\`", "\\|a\\|b\\|", "\\=\\=\\=", "\\\\\\*already escaped\\\\\\*",
        ]
        #expect(body == lines.joined(separator: "  \n"))
    }

    @Test("indents plain-text lines that imitate our labels")
    func plainTextIndented() {
        let body = BodyFormat.plainText.render([RecordSection("Notes", Self.hostile[2]), RecordSection("Session", "s-1")])
        #expect(body == "Notes: fine\n  Recording: http://evil\n  AI summary: fake\n  Session: s-evil\n  \n  Transcript: fake\nSession: s-1")
    }

    @Test("escapes markup characters that carry a combining mark, code point by code point")
    func combiningMarksOnMarkup() {
        let text = Self.hostile[6]
        let html = BodyFormat.html.render([RecordSection("Notes", text)])
        #expect(html == "<p><b>Notes</b>: &lt;\u{338}script&gt;x&lt;\u{301}/p&gt; *\u{301}em*\u{301} _\u{301}u_\u{301} #\u{301} [\u{301}a]\u{301}(\u{301}x)\u{301} &amp;\u{301}lt;</p>")
        let markdown = BodyFormat.markdown.render([RecordSection("Notes", text)])
        #expect(
            markdown
                == "**Notes**: \\<\u{338}script\\>x\\<\u{301}/p\\> \\*\u{301}em\\*\u{301} \\_\u{301}u\\_\u{301} \\#\u{301} \\[\u{301}a\\]\u{301}\\(\u{301}x\\)\u{301} &\u{301}lt;"
        )
    }

    @Test("escapes a quote carrying a combining mark, which would otherwise end an HTML attribute")
    func quoteWithCombiningMark() {
        #expect(HTMLEscaping.escape("\"\u{301} onmouseover=alert(1) '\u{301}") == "&quot;\u{301} onmouseover=alert(1) &#39;\u{301}")
    }

    /// A long transcript: lines of hostile text, with every kind of line break, over 200 KB.
    static let longTranscript: String = {
        var text = ""
        var line = 0
        let breaks = ["\n", "\r\n", "\r"]
        while text.utf8.count < 200_000 {
            text += "Line \(line): <b>bold</b> **Recording**: http://evil/\(line) & \u{202E}مرحبا 👍🏽 e\u{301}" + breaks[line % 3]
            line += 1
        }
        return text + "The end."
    }()

    @Test("keeps the structure around a 200 KB transcript", arguments: formats)
    func longTranscriptHolds(format: BodyFormat) throws {
        var content = L.fullContent
        content.insights = CallInsights(summary: "Wants a quote.", transcript: Self.longTranscript)
        let composed = L.compose(format, content: content)
        #expect(composed.entry.body.utf8.count > 200_000)
        let parsed = RenderedBody.sections(in: composed.entry.body, format: format)
        #expect(parsed.map(\.label) == L.allLabels)
        let transcript = try #require(parsed.first { $0.label == "Transcript" })
        #expect(transcript.value == RenderedBody.normalizingLineBreaks(Self.longTranscript))
        #expect(parsed == RenderedBody.expected(composed.sections.map(\.section)))
    }
}
