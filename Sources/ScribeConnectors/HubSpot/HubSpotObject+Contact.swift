import Foundation
import ScribeCore

extension HubSpotObject {
    /// The contact properties a search asks for.
    static let contactProperties = ["firstname", "lastname", "phone", "mobilephone", "lastmodifieddate", "createdate"]

    /// This object read as a contact; `fallbackName` names a contact that has no name in HubSpot.
    func contact(fallbackName: String) -> Contact {
        let name = [self.property("firstname"), self.property("lastname")].compactMap { $0 }.joined(separator: " ")
        let modified = self.property("lastmodifieddate") ?? self.updatedAt
        let created = self.property("createdate") ?? self.createdAt
        return Contact(
            id: ContactID(self.id),
            name: name.isEmpty ? fallbackName : name,
            phoneNumbers: [self.property("phone"), self.property("mobilephone")].compactMap { $0 },
            updatedAt: modified.flatMap(HubSpotObject.parseDate),
            createdAt: created.flatMap(HubSpotObject.parseDate)
        )
    }

    /// The properties of a new contact: the name split into `firstname` and `lastname` (blank parts
    /// left out) and the number in E.164 as `phone`, from which HubSpot derives its searchable forms.
    static func newContactProperties(named name: String, phone: PhoneNumber) -> [String: String] {
        let split = PersonName(splitting: name)
        var properties = ["phone": phone.e164]
        if let first = split.first { properties["firstname"] = first }
        if !split.last.isEmpty { properties["lastname"] = split.last }
        return properties
    }

    /// HubSpot writes ISO 8601 with milliseconds, but not always: accept both.
    static func parseDate(_ text: String) -> Date? {
        (try? Date.ISO8601FormatStyle(includingFractionalSeconds: true).parse(text))
            ?? (try? Date.ISO8601FormatStyle().parse(text))
    }
}
