import Foundation
import ScribeCore

/// What an admin changes about a person: any of their name, role and extension. Absent fields stay;
/// an empty `extensionId` takes the extension away (an admin who takes no calls).
public struct UserChange: Sendable, Hashable, Codable {
    public var name: String?
    public var role: Role?
    public var extensionId: String?

    public init(name: String? = nil, role: Role? = nil, extensionId: String? = nil) {
        self.name = name
        self.role = role
        self.extensionId = extensionId
    }
}
