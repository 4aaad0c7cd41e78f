import Foundation
import Testing

import ScribeCore

@testable import ScribeConnectors

/// `find_contacts_by_name` in a connector file: how it is read, what it makes the connector able to do,
/// and the mistakes `connectors check` names at their lines.
@Suite("Connector files: name search checking")
struct NameSearchSpecTests: ConnectorFileChecking {
    static let byName = """

          find_contacts_by_name:
            - kind: contact
              request:
                method: GET
                path: /people
                query: {q: "{{name}}"}
              results: "{{response.people}}"
              contact: {id: "{{item.id}}", name: "{{item.name}}", phone: "{{item.phone}}"}
            - kind: lead
              request:
                method: POST
                path: /leads/search
                json: {filter: {name: "{{name}}"}}
              results: "{{response}}"
              contact: {id: "lead-{{item.id}}", name: "{{item.name}}"}
        """

    @Test("a list of name searches loads; the connector can then search by name and check lists it")
    func loads() throws {
        let spec = try ConnectorSpec.load(ConnectorSpecTests.minimal + Self.byName, file: "test.yaml")
        #expect(spec.capabilities.nameSearch)
        #expect(spec.nameSearches.map(\.kind) == ["contact", "lead"])
        #expect(spec.nameSearches.allSatisfy { $0.name == .findContactsByName })
        #expect(spec.operationNames == ["find_contacts", "find_contacts_by_name (2 searches)", "create_call", "update_call"])
        // The phone search is untouched: still one search, and it alone decides `leads`.
        #expect(spec.searches.count == 1)
        #expect(spec.capabilities.leads == false)
    }

    @Test("one search written without a list loads as one; a file without any cannot search by name")
    func singleAndNone() throws {
        let single = ConnectorSpecTests.minimal + """

              find_contacts_by_name:
                request: {method: GET, path: "/people/named/{{name}}"}
                results: "{{response}}"
                contact: {id: "{{item.id}}"}
            """
        let spec = try ConnectorSpec.load(single, file: "test.yaml")
        #expect(spec.nameSearches.count == 1)
        #expect(spec.operationNames.contains("find_contacts_by_name"))

        let without = try ConnectorSpec.load(ConnectorSpecTests.minimal, file: "test.yaml")
        #expect(without.capabilities.nameSearch == false)
        #expect(without.nameSearches.isEmpty)
        #expect(!without.operationNames.contains { $0.hasPrefix("find_contacts_by_name") })
    }

    @Test("a name search that reads the phone, ignores the name, has a bad kind or no contact mapping is named at its line")
    func mistakes() throws {
        let broken = ConnectorSpecTests.minimal + """

              find_contacts_by_name:
                - kind: prospect
                  request: {method: GET, path: /people, query: {q: "{{name}}"}}
                  results: "{{response}}"
                  contact: {id: "{{item.id}}"}
                - request: {method: GET, path: /people, query: {q: "{{phone.e164}}"}}
                  results: "{{response}}"
                  contact: {id: "{{item.id}}"}
                - request: {method: GET, path: /people/everyone}
                  results: "{{response}}"
                  contact: {id: "{{item.id}}"}
                - request: {method: GET, path: /people, query: {q: "{{name}}"}}
                  results: "{{response}}"
            """
        let problems = self.problems(broken)
        func problem(at fragment: String, saying words: String) throws {
            let line = self.line(containing: fragment, in: broken)
            #expect(line > 0, "\(fragment) is in the file")
            #expect(
                problems.contains { $0.line == line && $0.message.contains(words) },
                "no problem saying '\(words)' on line \(line): \(problems.map { "\($0.line): \($0.message)" })"
            )
        }
        try problem(at: "kind: prospect", saying: "'prospect' is not contact or lead")
        // The phone is not there to read: a name search has `name`, and says so.
        try problem(at: #"{q: "{{phone.e164}}"}"#, saying: "'phone' is not available here")
        try problem(at: #"{q: "{{phone.e164}}"}"#, saying: "never reads {{name}}")
        try problem(at: "/people/everyone", saying: "never reads {{name}}")
        #expect(problems.contains { $0.message.contains("'contact' is missing") })
        #expect(problems.count == 5, "\(problems.map { "\($0.line): \($0.message)" })")
    }

    @Test("{{name}} belongs to the name search and create_contact only")
    func nameElsewhere() {
        let broken = ConnectorSpecTests.minimal.replacingOccurrences(of: "{{phone.e164}}", with: "{{name}}")
        let problems = self.problems(broken)
        #expect(problems.count == 1)
        #expect(problems.first?.message.contains("'name' is not available here") == true)
        #expect(problems.first?.message.contains("operations.find_contacts can use") == true)
    }
}
