import Foundation
import ScribeCore
import Testing

@testable import ScribeConnectors

@Suite("Connector file templates")
struct TemplateTests {
    let context: JSONValue = .object([
        "call": .object([
            "subject": .string("Call with \"Ann\" / 50% off"), "duration_seconds": .number(125), "direction": .string("inbound"),
            "started_at": .string("2026-11-21T09:05:07Z"), "agent_name": .null,
        ]),
        "record": .object(["id": .string("../admin?x=1#y")]),
        "response": .object(["data": .array([.object(["id": .number(42)])])]),
        "headers": .object(["retry-after": .string("7")]),
    ])

    func render(_ text: String, _ escaping: Template.Escaping = .none) throws -> String {
        try Template(parsing: text).render(in: self.context, escaping: escaping)
    }

    @Test("a value in a URL path is one segment: slashes, queries and fragments are encoded")
    func pathEscaping() throws {
        #expect(try self.render("/communications/{{record.id}}.json", .pathSegment) == "/communications/..%2Fadmin%3Fx%3D1%23y.json")
    }

    @Test("a value with a line break cannot go into a header")
    func headerInjection() throws {
        let context: JSONValue = .object(["inputs": .object(["key": .string("abc\r\nX-Evil: 1")])])
        #expect(throws: TemplateError.self) { try Template(parsing: "{{inputs.key}}").render(in: context, escaping: .header) }
    }

    @Test("a template that is one hole keeps the value's JSON type; text around it makes text")
    func typedValues() throws {
        #expect(try Template(parsing: "{{response.data.0.id}}").value(in: self.context) == .number(42))
        #expect(try Template(parsing: "id {{response.data.0.id}}").value(in: self.context) == .string("id 42"))
        #expect(try Template(parsing: "{{call.missing}}").value(in: self.context) == .null)
    }

    @Test("filters format durations, times and choices")
    func filters() throws {
        #expect(try self.render("{{call.duration_seconds | mmss}}") == "02:05")
        #expect(try self.render("{{call.duration_seconds | hhmmss}}") == "00:02:05")
        #expect(try self.render("{{call.started_at | date}}") == "2026-11-21")
        #expect(try self.render("{{call.started_at | datetime(\"yyyy-MM-dd HH:mm:ss\")}}") == "2026-11-21 09:05:07")
        #expect(try self.render("{{call.started_at | datetime}}") == "2026-11-21T09:05:07+00:00")
        #expect(try self.render("{{call.started_at | epoch}}") == "1795251907")
        #expect(try self.render("{{call.direction | map(inbound: Inbound, outbound: Outbound)}}") == "Inbound")
        #expect(try self.render("{{call.agent_name | default(\"Nobody\")}}") == "Nobody")
        #expect(try self.render("{{call.agent_name | default(call.direction) | upper}}") == "INBOUND")
        #expect(try self.render("{{headers.Retry-After | number}}") == "7")
        #expect(try self.render("{{call.subject | truncate(9)}}") == "Call with")
    }

    @Test("a mistake in a template is named: unclosed holes, unknown filters, wrong arguments")
    func mistakes() {
        #expect(throws: TemplateError.self) { try Template(parsing: "{{call.subject") }
        #expect(throws: TemplateError.self) { try Template(parsing: "{{call.subject | uper}}") }
        #expect(throws: TemplateError.self) { try Template(parsing: "{{call.subject | truncate}}") }
        #expect(throws: TemplateError.self) { try Template(parsing: "{{ | upper}}") }
        do {
            _ = try Template(parsing: "{{call.subject | uper}}")
        } catch {
            #expect(error.message.contains("did you mean 'upper'"))
        }
    }

    @Test("a JSON body escapes every value by encoding, and leaves out members that come out as nothing")
    func jsonBody() throws {
        let yaml = """
            data:
              subject: "{{call.subject}}"
              seconds: "{{call.duration_seconds}}"
              agent: "{{call.agent_name}}"
              matter:
                $if: "{{call.matter}}"
                id: "{{call.matter}}"
              senders:
                $switch: "{{call.direction}}"
                inbound: [{type: Contact}]
                outbound: [{type: User}]
            """
        let reader = SpecReader()
        let node = try SpecNode.parse(yaml)
        let template = try #require(ValueTemplate(node, scope: TemplateScope("test", ["call"]), reader: reader))
        #expect(reader.problems.isEmpty)
        let value = try #require(try template.evaluate(in: self.context))
        #expect(
            value.jsonText
                == #"{"data":{"seconds":125,"senders":[{"type":"Contact"}],"subject":"Call with \"Ann\" / 50% off"}}"#
        )
    }
}
