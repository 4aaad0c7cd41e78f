import Foundation
import ScribeCore
import Testing

@Suite("CustomField")
struct CustomFieldTests {
    static let fields = [
        CustomField(key: "call_topic", label: "Call topic", kind: .text),
        CustomField(key: "satisfaction_score", label: "Satisfaction score", kind: .number),
        CustomField(
            key: "call_reason", label: "Call reason", kind: .choice,
            options: [.init(value: "pricing", label: "Pricing question"), .init(value: "renewal", label: "Renewal")]
        ),
    ]

    @Test("text is kept as typed, numbers are trimmed, and a choice is given by its value or its label")
    func normalises() throws {
        let values = try CustomField.normalise(
            ["call_topic": "  Renewal <b>now</b> ", "satisfaction_score": " 4.5 ", "call_reason": "Pricing question"], against: Self.fields
        )
        #expect(values == ["call_topic": "  Renewal <b>now</b> ", "satisfaction_score": "4.5", "call_reason": "pricing"])
        #expect(try CustomField.normalise(["call_reason": "renewal"], against: Self.fields) == ["call_reason": "renewal"])
    }

    @Test(
        "a value that does not fit is refused, naming the field",
        arguments: [
            (["nope": "x"], CustomField.ValueProblem.unknownField("nope")),
            (["satisfaction_score": "4,5"], .notANumber(field: "satisfaction_score", value: "4,5")),
            (["satisfaction_score": "inf"], .notANumber(field: "satisfaction_score", value: "inf")),
            (["call_reason": "Legacy"], .notAnOption(field: "call_reason", value: "Legacy", allowed: ["pricing", "renewal"])),
            (["call_topic": String(repeating: "a", count: CustomField.maximumValueLength + 1)], .tooLong(field: "call_topic", limit: CustomField.maximumValueLength)),
        ]
    )
    func refuses(values: [String: String], problem: CustomField.ValueProblem) {
        #expect(throws: problem) { try CustomField.normalise(values, against: Self.fields) }
        #expect(problem.field == values.keys.first)
        #expect(problem.description.contains(values.keys.first!))
    }
}
