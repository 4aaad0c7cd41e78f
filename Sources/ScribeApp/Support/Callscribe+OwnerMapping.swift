import Foundation
import ScribeCore

extension Callscribe {
    /// For each stored connection, the CRM users new records can be assigned to and whom each person
    /// with a phone user maps to: the admin's mapping, else the active CRM user with their email, else
    /// nobody (the CRM picks). Read-only; `callscribe connectors owners` prints it.
    public func ownerMappings() async throws -> [ConnectionCheck] {
        var mappings: [String] = []
        for accountID in try await self.people.accountIDs() {
            let account = try await self.people.accountSettings(of: accountID)
            for user in try await self.people.users(of: accountID) {
                guard let phoneUser = user.extensionID else { continue }
                mappings.append(account.crmOwners[phoneUser.rawValue].map { "\(user.email)|admin|\($0)" } ?? "\(user.email)|email|")
            }
        }
        return try await self.eachConnection { connector in
            guard connector.capabilities.owners else { return ("this CRM's users cannot be listed: new records are owned as the CRM decides", nil) }
            let users = try await connector.users()
            let lines = mappings.map { line -> String in
                let parts = line.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
                if parts[1] == "admin" { return "\(parts[0]) → \(parts[2]) (set by an admin)" }
                guard let owner = CRMUser.owner(withEmail: parts[0], in: users) else { return "\(parts[0]) → nobody (no one active CRM user has this email)" }
                return "\(parts[0]) → \(owner.name) (\(owner.id), same email)"
            }
            return ("\(users.count) active CRM users" + (lines.isEmpty ? "" : "; " + lines.joined(separator: "; ")), nil)
        }
    }
}
