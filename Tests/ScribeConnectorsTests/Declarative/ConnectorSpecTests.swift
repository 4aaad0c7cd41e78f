import Foundation
import Testing

import ScribeCore

@testable import ScribeConnectors

@Suite("Connector files: checking")
struct ConnectorSpecTests: ConnectorFileChecking {
    static let minimal = """
        connector: example
        format_version: 1
        base_url: "https://crm.example.com/api"
        auth:
          kind: api_key
          in: header
          name: X-API-Key
          value: "{{inputs.api_key}}"
        inputs:
          api_key: {secret: true, description: The API key}
        operations:
          find_contacts:
            request:
              method: GET
              path: /people
              query: {phone: "{{phone.e164}}"}
            results: "{{response.people}}"
            contact: {id: "{{item.id}}", name: "{{item.name}}"}
          create_call:
            request:
              method: POST
              path: /calls
              json: {subject: "{{call.subject}}", person: "{{contact.id}}"}
            id: "{{response.id}}"
          update_call:
            request:
              method: PATCH
              path: "/calls/{{record.id}}"
              json: {subject: "{{call.subject}}"}
        """

    @Test("a complete file loads, and what it describes decides the capabilities")
    func loads() throws {
        let spec = try ConnectorSpec.load(Self.minimal, file: "test.yaml")
        #expect(spec.name == "example")
        #expect(spec.bodyFormat == .plainText)
        #expect(spec.capabilities.editDetection == false)
        #expect(spec.capabilities.markerSearch == false)
        #expect(spec.inputNames.map(\.name) == ["api_key"])
    }

    @Test("the same file written as JSON loads too")
    func json() throws {
        let json = """
            {"connector": "example", "format_version": 1, "base_url": "https://crm.example.com",
             "auth": {"kind": "basic", "username": "{{inputs.key}}"},
             "inputs": {"key": {"secret": true}},
             "operations": {
               "find_contacts": {"request": {"method": "GET", "path": "/people"}, "results": "{{response}}", "contact": {"id": "{{item.id}}"}},
               "create_call": {"request": {"method": "POST", "path": "/calls", "json": {"s": "{{call.subject}}"}}, "id": "{{response.id}}"},
               "update_call": {"request": {"method": "PUT", "path": "/calls/{{record.id}}"}}
             }}
            """
        #expect(self.problems(json).isEmpty)
    }

    @Test("each mistake is reported with its line, all at once")
    func mistakesWithLines() {
        let broken = Self.minimal
            .replacingOccurrences(of: "method: POST", with: "metod: POST")
            .replacingOccurrences(of: "\"{{call.subject}}\", person", with: "\"{{call.subjet | uper}}\", person")
            .replacingOccurrences(of: "path: \"/calls/{{record.id}}\"", with: "path: \"/calls/{{call.id}}\"\n      query: {x: \"{{item.id}}\"}")
            .replacingOccurrences(of: "value: \"{{inputs.api_key}}\"", with: "value: \"{{inputs.apikey}}\"")
        let problems = self.problems(broken)
        let lines = broken.split(separator: "\n", omittingEmptySubsequences: false)

        let typo = lines[self.line(containing: "metod", in: broken) - 1]
        let typoColumn = typo.distance(from: typo.startIndex, to: typo.firstIndex(of: "m")!) + 1
        #expect(problems.contains {
            $0.line == self.line(containing: "metod", in: broken) && $0.column == typoColumn && $0.message.contains("unknown key 'metod'; did you mean 'method'?")
        })
        #expect(problems.contains { $0.line == self.line(containing: "metod", in: broken) - 1 && $0.message == "'method' is missing" })
        #expect(problems.contains { $0.line == self.line(containing: "uper", in: broken) && $0.message.contains("did you mean 'upper'") })
        #expect(problems.contains { $0.line == self.line(containing: "{{item.id}}\"}", in: broken) && $0.message.contains("'item' is not available here") })
        #expect(problems.contains { $0.line == self.line(containing: "inputs.apikey", in: broken) && $0.message.contains("does not name an input") })
        #expect(problems.allSatisfy { $0.line > 0 })
    }

    @Test("missing operations, unknown auth kinds and bad statuses are named")
    func missingPieces() {
        let text = """
            connector: Bad Name
            format_version: 2
            base_url: https://crm.example.com
            auth: {kind: oauth}
            errors:
              - {status: 4x2, kind: rate_limit}
            operations:
              find_contacts:
                request: {method: GET, path: people}
                contact: {name: "{{item.name}}"}
            """
        let messages = self.problems(text).map(\.description)
        #expect(messages.contains { $0.hasPrefix("line 1:") && $0.contains("connector name is lower-case") })
        #expect(messages.contains { $0.hasPrefix("line 2:") && $0.contains("format_version 2 is not known") })
        #expect(messages.contains { $0.hasPrefix("line 4:") && $0.contains("'oauth' is not one of") && $0.contains("did you mean 'oauth2'") })
        #expect(messages.contains { $0.hasPrefix("line 6:") && $0.contains("'4x2' is not an HTTP status") })
        #expect(messages.contains { $0.hasPrefix("line 6:") && $0.contains("'rate_limit' is not one of") })
        #expect(messages.contains { $0.contains("operation 'create_call' is missing") })
        #expect(messages.contains { $0.contains("operation 'update_call' is missing") })
        #expect(messages.contains { $0.hasPrefix("line 9:") && $0.contains("a path starts with '/'") })
        #expect(messages.contains { $0.contains("'results' is missing") })
        #expect(messages.contains { $0.hasPrefix("line 10:") && $0.contains("'id' is missing") })
    }

    @Test("a file that is not YAML names the line where reading stopped")
    func notYAML() {
        let problems = self.problems("connector: x\nauth: {kind: none\noperations: {}\n")
        #expect(problems.count == 1)
        #expect(problems.first?.line ?? 0 >= 2)
        #expect(problems.first?.message.contains("not valid YAML") == true)
    }

    @Test("phone formats fill masks from the national number or all the digits, and skip masks that do not fit")
    func phoneFormats() throws {
        let number = try #require(PhoneNumber(parsing: "+14155550123"))
        #expect(PhoneFormat("e164")?.format(number) == "+14155550123")
        #expect(PhoneFormat("digits")?.format(number) == "14155550123")
        #expect(PhoneFormat("national")?.format(number) == "4155550123")
        #expect(PhoneFormat("(###) ###-####")?.format(number) == "(415) 555-0123")
        #expect(PhoneFormat("+# ### ### ####")?.format(number) == "+1 415 555 0123")
        #expect(PhoneFormat("## ## ##")?.format(number) == nil)
        #expect(PhoneFormat("e.164") == nil)
        let uk = try #require(PhoneNumber(parsing: "+442079460000"))
        #expect(PhoneFormat("local")?.format(uk) == "02079460000")
    }
}
