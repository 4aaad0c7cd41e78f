import Foundation
import Testing

import ScribeCore

@testable import ScribeConnectors

/// `custom_fields:`, `dispositions:`, `list_custom_fields` and `list_dispositions` in connector files:
/// what they load into, what they make the connector claim, and each mistake named at its line.
@Suite("Connector files: custom fields and dispositions")
struct ConnectorFileDirectorySpecTests: ConnectorFileChecking {
    static let declared = ConnectorSpecTests.minimal + """

        custom_fields:
          - {key: purpose, label: Purpose, kind: choice, options: [Sales, {value: sup, label: Support}]}
          - {key: budget, kind: number}
          - key: notes
        dispositions:
          - Interested
          - {id: ni, label: Not interested}
          - {id: nr, label: No response, default_for: [missed, voicemail]}
        """

    static let listed = ConnectorSpecTests.minimal + """

          list_custom_fields:
            request: {method: GET, path: /fields}
            results: "{{response.fields}}"
            field:
              key: "{{item.api_name}}"
              kind: "{{item.data_type | map(picklist: choice, integer: number)}}"
              options: "{{item.pick_list_values}}"
              option_value: "{{option.actual_value}}"
          list_dispositions:
            request: {method: GET, path: /outcomes}
            results: "{{response}}"
            disposition: {id: "{{item.guid}}", label: "{{item.name}}"}
        """

    @Test("a file without either declares neither capability")
    func neither() throws {
        let spec = try ConnectorSpec.load(ConnectorSpecTests.minimal, file: "test.yaml")
        #expect(!spec.capabilities.customFields)
        #expect(!spec.capabilities.dispositions)
        #expect(spec.declaredFields.isEmpty && spec.declaredDispositions.isEmpty)
        #expect(spec.customFieldsSource == nil && spec.dispositionsSource == nil)
    }

    @Test("declared fields and dispositions load with their kinds, options, labels and defaults")
    func declaredLists() throws {
        let spec = try ConnectorSpec.load(Self.declared, file: "test.yaml")
        #expect(
            spec.declaredFields == [
                CustomField(key: "purpose", label: "Purpose", kind: .choice, options: [.init(value: "Sales", label: "Sales"), .init(value: "sup", label: "Support")]),
                CustomField(key: "budget", label: "budget", kind: .number),
                CustomField(key: "notes", label: "notes", kind: .text),
            ]
        )
        #expect(spec.declaredDispositions.map(\.disposition) == [.init(id: "Interested", label: "Interested"), .init(id: "ni", label: "Not interested"), .init(id: "nr", label: "No response")])
        #expect(spec.declaredDispositions.map(\.defaultFor) == [[], [], [.missed, .voicemail]])
        #expect(spec.capabilities.customFields)
        #expect(spec.capabilities.dispositions)
        #expect(spec.customFieldsSource == "declared: purpose, budget, notes")
        #expect(spec.dispositionsSource == "declared: Interested, ni, nr")
    }

    @Test("the operations declare the capabilities, and their mappings may read each option")
    func listedLists() throws {
        let spec = try ConnectorSpec.load(Self.listed, file: "test.yaml")
        #expect(spec.capabilities.customFields)
        #expect(spec.capabilities.dispositions)
        #expect(spec.operations[.listCustomFields]?.fields["option_value"] != nil)
        #expect(spec.operationNames.contains("list_custom_fields") && spec.operationNames.contains("list_dispositions"))
        #expect(spec.customFieldsSource == "read with list_custom_fields")
        #expect(spec.dispositionsSource == "read with list_dispositions")
    }

    @Test("bad kinds, missing keys, misplaced options and repeated entries are named at their lines")
    func declaredMistakes() {
        let text = ConnectorSpecTests.minimal + """

            custom_fields:
              - {key: purpose, kind: choise, options: [A]}
              - {label: No key}
              - {key: budget, kind: number, options: [1, 2]}
              - {key: stage, kind: choice}
              - {key: purpose}
              - {key: tier, kind: choice, options: [Gold, Gold]}
            dispositions:
              - {label: Nameless}
              - {id: a, default_for: [answerd]}
              - {id: b, default_for: answered}
              - {id: c, default_for: answered}
              - b
            """
        let problems = self.problems(text)
        func has(_ marker: String, _ message: String) -> Bool {
            let line = self.line(containing: marker, in: text)
            return problems.contains { $0.line == line && $0.message.contains(message) }
        }
        #expect(has("choise", "'choise' is not one of text, number, choice; did you mean 'choice'?"))
        #expect(has("No key", "'key' is missing"))
        #expect(has("options: [1, 2]", "options belong to a field of kind choice; 'budget' is number"))
        #expect(has("key: stage", "the choice field 'stage' needs 'options'"))
        #expect(has("{key: purpose}", "the custom field 'purpose' is declared twice"))
        #expect(has("Gold, Gold", "the option 'Gold' is listed twice"))
        #expect(has("Nameless", "'id' is missing"))
        #expect(has("answerd", "'answerd' is not a call result: answered, missed or voicemail"))
        #expect(has("{id: c,", "two dispositions are the default for answered calls"))
        #expect(has("  - b", "the disposition 'b' is declared twice"))
        #expect(problems.allSatisfy { $0.line > 0 })
    }

    @Test("a list both declared and read from the CRM is a problem at the operation's line")
    func bothWays() {
        let text = Self.listed + """

            custom_fields: [{key: notes}]
            dispositions: [Interested]
            """
        let problems = self.problems(text)
        #expect(
            problems.contains {
                $0.line == self.line(containing: "list_custom_fields:", in: text)
                    && $0.message.contains("'list_custom_fields' reads the custom fields from the CRM, but 'custom_fields' (line \(self.line(containing: "custom_fields: [", in: text))) declares them too")
            }
        )
        #expect(problems.contains { $0.line == self.line(containing: "list_dispositions:", in: text) && $0.message.contains("'dispositions'") })
        #expect(problems.count == 2)
    }

    @Test("an operation's mapping is checked: its required key, where {{option}} may be read, options to read")
    func operationMistakes() {
        let text = ConnectorSpecTests.minimal + """

              list_custom_fields:
                request: {method: GET, path: /fields}
                results: "{{response}}"
                field:
                  label: "{{option.name}}"
                  option_label: "{{option.name}}"
              list_dispositions:
                request: {method: GET, path: /outcomes}
                disposition: {id: "{{item.guid}}", name: "{{item.name}}"}
            """
        let problems = self.problems(text)
        func has(_ marker: String, _ message: String) -> Bool {
            let line = self.line(containing: marker, in: text)
            return problems.contains { $0.line == line && $0.message.contains(message) }
        }
        #expect(has("    field:", "'key' is missing"))
        #expect(has("label: \"{{option.name}}\"", "'option' is not available here"))
        #expect(has("    field:", "'option_label' reads each of the field's 'options', which are not mapped"))
        #expect(has("list_dispositions:", "'results' is missing"))
        #expect(has("item.guid", "unknown key 'name'"))
        // `option_label` may read `{{option}}`: no problem on its line.
        #expect(!problems.contains { $0.line == self.line(containing: "option_label:", in: text) })
    }
}
