import Foundation
import ScribeCore

/// The body of `POST /api/v2/persons` (`AddPersonRequest`) for a new contact: the whole name (API v2
/// takes no first or last name; Pipedrive splits it itself) and one primary work phone in E.164.
struct PipedrivePersonInput: Encodable, Sendable, Equatable {
    struct Phone: Encodable, Sendable, Equatable {
        var value: String
        var primary: Bool
        var label: String
    }

    var name: String
    var phones: [Phone]

    init(name: String, phone: PhoneNumber) {
        self.name = name.trimmingCharacters(in: .whitespacesAndNewlines)
        self.phones = [Phone(value: phone.e164, primary: true, label: "work")]
    }
}
