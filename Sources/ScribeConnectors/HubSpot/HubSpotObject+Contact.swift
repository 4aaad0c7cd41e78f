import Foundation
import ScribeCore

extension HubSpotObject {
    /// The contact properties a search asks for.
    static let contactProperties = ["firstname", "lastname", "phone", "mobilephone", "lastmodifieddate", "createdate"]

    /// This object read as a contact; `fallbackName` names a contact that has no name in HubSpot.
    func contact(fallbackName: String) -> Contact {
        let name = [self.property("firstname"), self.property("lastname")].compactMap { $0 }.joined(separator: " ")
        let modified = self.property("lastmodifieddate") ?? self.updatedAt
        return Contact(
            id: ContactID(self.id),
            name: name.isEmpty ? fallbackName : name,
            phoneNumbers: [self.property("phone"), self.property("mobilephone")].compactMap { $0 },
            updatedAt: modified.flatMap(HubSpotObject.parseDate)
        )
    }

    /// HubSpot writes ISO 8601 with milliseconds, but not always: accept both.
    static func parseDate(_ text: String) -> Date? {
        (try? Date.ISO8601FormatStyle(includingFractionalSeconds: true).parse(text))
            ?? (try? Date.ISO8601FormatStyle().parse(text))
    }
}
