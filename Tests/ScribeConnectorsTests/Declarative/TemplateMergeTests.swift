import Foundation
import ScribeCore
import Testing

@testable import ScribeConnectors

/// `$merge` in a JSON body: the members of an object whose keys the file cannot know (the custom
/// fields a person filled in) spread into the body.
@Suite("Connector file templates: $merge")
struct TemplateMergeTests {
    let context: JSONValue = .object([
        "call": .object([
            "subject": .string("Renewal"),
            "custom_fields": .object(["Call_Purpose": .string("Demo"), "Budget": .string("1200"), "Subject": .string("from a field"), "Gone": .null]),
            "none": .object([:]),
            "list": .array([.string("a")]),
        ])
    ])

    func body(_ yaml: String) throws -> (template: ValueTemplate?, problems: [ConnectorFileProblem]) {
        let reader = SpecReader()
        let template = ValueTemplate(try SpecNode.parse(yaml), scope: TemplateScope("test", ["call"]), reader: reader)
        return (template, reader.problems)
    }

    @Test("an object's members are added; members written out win, null ones are left out")
    func merges() throws {
        let (parsed, problems) = try self.body(
            """
            data:
              - $merge: "{{call.custom_fields}}"
                Subject: "{{call.subject}}"
                Kind: call
            """
        )
        #expect(problems.isEmpty)
        let template = try #require(parsed)
        let value = try #require(try template.evaluate(in: self.context))
        #expect(value.jsonText == #"{"data":[{"Budget":"1200","Call_Purpose":"Demo","Kind":"call","Subject":"Renewal"}]}"#)
    }

    @Test("nothing to merge adds nothing; $merge goes with $if")
    func emptyAndConditional() throws {
        let (parsed, problems) = try self.body(
            """
            a: {$merge: "{{call.none}}", x: 1}
            b: {$merge: "{{call.missing}}", x: 2}
            c: {$if: "{{call.missing}}", $merge: "{{call.custom_fields}}"}
            """
        )
        #expect(problems.isEmpty)
        let template = try #require(parsed)
        let value = try #require(try template.evaluate(in: self.context))
        #expect(value.jsonText == #"{"a":{"x":1},"b":{"x":2}}"#)
    }

    @Test("merging what is not an object is an error naming the template")
    func notAnObject() throws {
        let template = try #require(try self.body(#"data: {$merge: "{{call.list}}"}"#).template)
        do {
            _ = try template.evaluate(in: self.context)
            Issue.record("a list was merged")
        } catch {
            #expect(error.message.contains("'$merge' adds the members of an object, but '{{call.list}}' is not one"))
        }
    }

    @Test("$merge is checked like any template and cannot sit beside $switch")
    func mistakes() throws {
        let (_, problems) = try self.body(
            """
            a: {$merge: "{{contact.fields}}"}
            b:
              $switch: "{{call.subject}}"
              $merge: "{{call.custom_fields}}"
              Renewal: {x: 1}
            """
        )
        #expect(problems.contains { $0.line == 1 && $0.message.contains("'contact' is not available here") })
        #expect(problems.contains { $0.line == 2 && $0.message.contains("'$merge' and '$switch' cannot be in the same mapping") })
    }
}
