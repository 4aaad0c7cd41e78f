import Foundation

/// Everything a ``SalesforceSandbox`` holds, guarded as one value by its mutex.
struct SalesforceSandboxState {
    /// Contacts, then leads as they are added.
    var people: [SalesforceSandboxPerson]
    var tasks: [SalesforceSandboxTask] = []
    /// Opportunities, each with the contacts that have a role on it.
    var opportunities: [SandboxDeal] = []
    var nextTaskNumber = 1
    var nextLeadNumber = 1
    var nextContactNumber = 1

    var receivedQueries: [String] = []

    /// Whether a contact or lead has the 15-character id `id15`.
    func personExists(_ id15: String) -> Bool {
        self.people.contains { $0.id.prefix(15) == id15 }
    }

    /// The index of the Task with `id` (15 or 18 characters).
    func taskIndex(_ id: String) -> Int? {
        guard let id15 = SalesforceSandboxID.canonical(id) else { return nil }
        return self.tasks.firstIndex { $0.id.prefix(15) == id15 }
    }

    /// Tasks get ids counting up from an offset, so that they mix digits and letters like real ones.
    static let idOffset = 400_000
    /// Contacts created through the API count up from far above the seeded ones.
    static let createdContactOffset = 500_000_000
}

extension SalesforceSandboxPerson {
    /// One contact per customer of `company`, numbers stored as the customer typed them.
    static func contacts(for company: SandboxCompany) -> [SalesforceSandboxPerson] {
        let base = Date(timeIntervalSince1970: 1_730_000_000)
        return company.customers.enumerated().map { index, customer in
            let modified = base.addingTimeInterval(TimeInterval(index * 3_600))
            return SalesforceSandboxPerson(
                type: "Contact",
                id: SalesforceSandboxID.make(keyPrefix: "003", number: 100_000 + index * 7919),
                firstName: customer.firstName,
                lastName: customer.lastName,
                phone: customer.storedPhone,
                mobilePhone: customer.storedMobile,
                // Created a few weeks before the last change: fixed, so reruns compare equal.
                createdDate: modified.addingTimeInterval(-TimeInterval(index % 30 + 1) * 86_400),
                lastModifiedDate: modified
            )
        }
    }
}
