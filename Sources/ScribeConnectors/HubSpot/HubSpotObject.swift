import Foundation

/// A CRM object as HubSpot returns it (`SimplePublicObject`): every property value is a string or null.
struct HubSpotObject: Decodable, Sendable {
    var id: String
    var properties: [String: String?]
    var createdAt: String?
    var updatedAt: String?

    /// The property's value exactly as stored, `nil` when absent or null.
    func storedValue(_ name: String) -> String? {
        self.properties[name] ?? nil
    }

    /// The property's value, `nil` when absent, null or blank.
    func property(_ name: String) -> String? {
        guard let value = self.properties[name] ?? nil else { return nil }
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        return trimmed.isEmpty ? nil : trimmed
    }
}
