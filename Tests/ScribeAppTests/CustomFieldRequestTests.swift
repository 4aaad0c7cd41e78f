import Foundation
import ScribeApp
import ScribeCore
import ScribeStore
import Testing

/// A person sets the CRM's custom fields in a manual log: values are checked against the CRM's
/// fields before anything is stored, and kept in the request, normalised, for the writer.
@Suite("Manual log: custom fields")
struct CustomFieldRequestTests {
    static let fields = [
        CustomField(key: "satisfaction_score", label: "Satisfaction score", kind: .number),
        CustomField(key: "call_reason", label: "Call reason", kind: .choice, options: [.init(value: "renewal", label: "Renewal")]),
    ]
    static let lister: CallRequests.CustomFieldLister = { _ in fields }

    @Test("values that fit are stored in the request, normalised")
    func storesValues() async throws {
        let store = try await CallRequestsTests.ledger(state: .skipped(.unknownContact))
        let manual = ManualLog(contactId: "c-1", customFields: ["satisfaction_score": " 5 ", "call_reason": "Renewal"])
        let log = try await RelatedRecordRequestTests.requests(store).logManually("log-0", manual, by: .console, customFields: Self.lister)
        #expect(log.request?.customFields == ["satisfaction_score": "5", "call_reason": "renewal"])
        #expect(try await store.callLog("log-0")?.request?.customFields == ["satisfaction_score": "5", "call_reason": "renewal"])
    }

    @Test(
        "a value that does not fit is refused naming customFields.<key>, and nothing is stored",
        arguments: [
            (["colour": "red"], "customFields.colour"),
            (["satisfaction_score": "five"], "customFields.satisfaction_score"),
            (["call_reason": "Pricing"], "customFields.call_reason"),
        ]
    )
    func refusesBadValues(values: [String: String], field: String) async throws {
        let store = try await CallRequestsTests.ledger(state: .skipped(.unknownContact))
        do {
            _ = try await RelatedRecordRequestTests.requests(store).logManually(
                "log-0", ManualLog(notes: "kept?", customFields: values), by: .console, customFields: Self.lister
            )
            Issue.record("accepted \(values)")
        } catch let error as PeopleError {
            guard case .invalidField(let named, _) = error else { Issue.record("\(error)"); return }
            #expect(named == field)
        }
        let log = try #require(try await store.callLog("log-0"))
        #expect(log.request == nil)
        #expect(try await store.content(session: log.key.sessionID, extension: log.key.extensionID).notes == nil, "the notes of a refused request are not saved")
    }

    @Test("without the CRM's fields to check against, values are refused rather than sent unchecked")
    func refusedWithoutLister() async throws {
        let store = try await CallRequestsTests.ledger(state: .skipped(.unknownContact))
        await #expect(throws: PeopleError.invalidField("customFields", "the CRM's fields cannot be checked here")) {
            try await RelatedRecordRequestTests.requests(store).logManually("log-0", ManualLog(customFields: ["a": "b"]), by: .console)
        }
    }
}
