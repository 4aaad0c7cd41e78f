import Foundation

/// Everything a ``ClioSandbox`` holds, guarded as one value by its mutex.
struct ClioSandboxState {
    var contacts: [ClioSandboxContact]
    var matters: [ClioSandboxMatter]
    var relationships: [ClioSandboxRelationship]
    var communications: [ClioSandboxCommunication] = []
    var nextContactID: Int
    var nextPhoneID = 90_001
    var nextCommunicationID = 7_000_001

    init(contacts: [ClioSandboxContact], matters: [ClioSandboxMatter], relationships: [ClioSandboxRelationship]) {
        self.contacts = contacts
        self.matters = matters
        self.relationships = relationships
        self.nextContactID = (contacts.map(\.id).max() ?? 0) + 1
    }

    func contact(_ id: Int) -> ClioSandboxContact? { self.contacts.first { $0.id == id } }

    func matter(_ id: Int) -> ClioSandboxMatter? { self.matters.first { $0.id == id } }

    func communication(_ id: Int) -> ClioSandboxCommunication? { self.communications.first { $0.id == id } }

    mutating func store(_ communication: ClioSandboxCommunication) {
        if let index = self.communications.firstIndex(where: { $0.id == communication.id }) {
            self.communications[index] = communication
        } else {
            self.communications.append(communication)
        }
    }

    /// Removes the communication; false when there was none.
    mutating func removeCommunication(_ id: Int) -> Bool {
        guard let index = self.communications.firstIndex(where: { $0.id == id }) else { return false }
        self.communications.remove(at: index)
        return true
    }
}

/// The records a sandbox firm starts with, derived from the company alone so every start has the same ids.
enum ClioSandboxSeed {
    /// The firm's own user: the sender of outbound calls and receiver of inbound ones.
    static let userID = 344_117_001
    static let userName = "Ada Park"

    /// One `Person` per customer (ids from 20001), phones stored exactly as typed (the company's
    /// seven styles, `+14155550123` … `4155550127`), a mobile for some.
    static func contacts(for company: SandboxCompany) -> [ClioSandboxContact] {
        company.customers.enumerated().map { index, customer in
            let created = Date(timeIntervalSince1970: 1_704_103_200 + Double(index) * 6 * 3600)
            var phones = [ClioSandboxContact.PhoneNumber(id: 80_001 + index * 2, name: "Work", number: customer.storedPhone, defaultNumber: true)]
            if let mobile = customer.storedMobile {
                phones.append(.init(id: 80_002 + index * 2, name: "Mobile", number: mobile, defaultNumber: false))
            }
            return ClioSandboxContact(
                id: 20_001 + index, type: "Person", firstName: customer.firstName, lastName: customer.lastName,
                name: "\(customer.firstName) \(customer.lastName)", phoneNumbers: phones,
                email: "\(customer.firstName.lowercased()).\(customer.lastName.lowercased())@example.com",
                createdAt: created, updatedAt: created.addingTimeInterval(86_400)
            )
        }
    }

    /// Three matters for the first client (two open, one closed) and one for the second.
    static func matters(contacts: [ClioSandboxContact]) -> [ClioSandboxMatter] {
        let stamp = Date(timeIntervalSince1970: 1_706_000_000)
        let plan: [(client: Int, description: String, status: String)] = [
            (0, "Lease dispute", "Open"), (0, "Estate planning", "Pending"), (0, "Contract review", "Closed"), (1, "Employment claim", "Open"),
        ]
        return plan.enumerated().compactMap { index, entry in
            guard entry.client < contacts.count else { return nil }
            return ClioSandboxMatter(
                id: 50_001 + index, displayNumber: String(format: "%05d-%@", 1 + index, contacts[entry.client].lastName ?? "Matter"),
                description: entry.description, status: entry.status, clientID: contacts[entry.client].id, updatedAt: stamp
            )
        }
    }

    /// The third contact is related (as a witness) to every matter of the first client.
    static func relationships(contacts: [ClioSandboxContact], matters: [ClioSandboxMatter]) -> [ClioSandboxRelationship] {
        guard contacts.count > 2 else { return [] }
        return matters.filter { $0.clientID == contacts[0].id }.enumerated().map { index, matter in
            ClioSandboxRelationship(id: 60_001 + index, description: "Witness", matterID: matter.id, contactID: contacts[2].id)
        }
    }
}
