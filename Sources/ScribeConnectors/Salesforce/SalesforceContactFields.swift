import ScribeCore

/// The body of `POST /services/data/vNN.0/sobjects/Contact`: the name split into `FirstName` (left
/// out when there is none) and the required `LastName`, and the number in E.164 as `Phone`, which
/// Salesforce keeps verbatim because of its `+`.
struct SalesforceContactFields: Encodable, Sendable, Hashable {
    var firstName: String?
    var lastName: String
    var phone: String

    private enum CodingKeys: String, CodingKey {
        case firstName = "FirstName"
        case lastName = "LastName"
        case phone = "Phone"
    }

    init(name: String, phone: PhoneNumber) {
        let split = PersonName(splitting: name)
        self.firstName = split.first
        self.lastName = split.last
        self.phone = phone.e164
    }
}
