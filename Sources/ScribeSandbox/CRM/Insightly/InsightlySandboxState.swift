import Foundation

/// Everything an ``InsightlySandbox`` holds, guarded as one value by its mutex.
struct InsightlySandboxState {
    var contacts: [InsightlySandboxPerson]
    var leads: [InsightlySandboxPerson]
    var related: [InsightlySandboxRelated]
    var links: [InsightlySandboxLink]
    var events: [InsightlySandboxEvent] = []
    var nextContactID = 0
    var nextLeadID = 0
    var nextEventID = 5_000_001
    var nextLinkID = 0

    init(contacts: [InsightlySandboxPerson], leads: [InsightlySandboxPerson], related: [InsightlySandboxRelated], links: [InsightlySandboxLink]) {
        self.contacts = contacts
        self.leads = leads
        self.related = related
        self.links = links
        self.nextContactID = (contacts.map(\.id).max() ?? 300_000) + 1
        self.nextLeadID = (leads.map(\.id).max() ?? 600_000) + 1
        self.nextLinkID = (links.map(\.linkID).max() ?? 0) + 1
    }

    func links(of objectName: String, _ id: Int) -> [InsightlySandboxLink] {
        self.links.filter { $0.objectName == objectName && $0.objectID == id }
    }

    func event(_ id: Int) -> InsightlySandboxEvent? { self.events.first { $0.id == id } }

    /// Whether a record of `name` (any case: `contact`, `Organisation`…) with `id` exists.
    func exists(_ name: String, _ id: Int) -> Bool {
        switch name.lowercased() {
        case "contact": self.contacts.contains { $0.id == id }
        case "lead": self.leads.contains { $0.id == id }
        case "organisation": self.related.contains { $0.kind == "Organisation" && $0.id == id }
        case "opportunity": self.related.contains { $0.kind == "Opportunity" && $0.id == id }
        default: false
        }
    }

    mutating func store(_ event: InsightlySandboxEvent) {
        if let index = self.events.firstIndex(where: { $0.id == event.id }) { self.events[index] = event } else { self.events.append(event) }
    }

    /// Removes the event and its links; false when there was none.
    mutating func removeEvent(_ id: Int) -> Bool {
        guard let index = self.events.firstIndex(where: { $0.id == id }) else { return false }
        self.events.remove(at: index)
        self.links.removeAll { $0.objectName == "Event" && $0.objectID == id }
        return true
    }
}

/// The records a sandbox Insightly instance starts with, derived from the company alone.
enum InsightlySandboxSeed {
    /// The API key's user (`GET /v3.1/users/me`).
    static let userID = 1_200_001

    /// Leads: people not yet contacts, numbers stored in three more formats, one with a mobile.
    static let leadPeople: [(first: String, last: String, phone: String, mobile: String?, org: String)] = [
        ("Lena", "Moss", "(737) 555-0191", "737.555.0192", "Moss Ventures"),
        ("Omar", "Reyes", "+17375550193", nil, "Reyes Logistics"),
        ("Priya", "Shah", "737-555-0194", nil, "Shah Design"),
    ]

    static func state(for company: SandboxCompany) -> InsightlySandboxState {
        var organisations: [String: Int] = [:]
        var related: [InsightlySandboxRelated] = []
        var links: [InsightlySandboxLink] = []
        func link(_ owner: String, _ ownerID: Int, to name: String, _ id: Int, role: String? = nil) {
            links.append(InsightlySandboxLink(linkID: 800_001 + links.count, objectName: owner, objectID: ownerID, linkObjectName: name, linkObjectID: id, role: role, details: nil))
        }
        var contacts: [InsightlySandboxPerson] = []
        for (index, customer) in company.customers.enumerated() {
            let orgID: Int
            if let known = organisations[customer.company] {
                orgID = known
            } else {
                orgID = 400_001 + organisations.count
                organisations[customer.company] = orgID
                related.append(InsightlySandboxRelated(kind: "Organisation", id: orgID, name: customer.company, state: nil))
            }
            let contact = InsightlySandboxPerson(
                kind: "Contact", id: 300_001 + index, firstName: customer.firstName, lastName: customer.lastName,
                phone: customer.storedPhone, mobile: customer.storedMobile,
                email: "\(customer.firstName.lowercased()).\(customer.lastName.lowercased())@example.com",
                organisationID: orgID, organisationName: nil, created: Date(timeIntervalSince1970: 1_704_103_200 + Double(index) * 6 * 3600)
            )
            contacts.append(contact)
            link("Contact", contact.id, to: "Organisation", orgID, role: "Employee")
        }
        // Opportunities: an open and a won one on the first contact, an open one on the second.
        for (offset, plan) in [(0, "Annual renewal", "OPEN"), (0, "Pilot project", "WON"), (1, "Fleet upgrade", "OPEN")].enumerated() where plan.0 < contacts.count {
            let id = 700_001 + offset
            related.append(InsightlySandboxRelated(kind: "Opportunity", id: id, name: plan.1, state: plan.2))
            link("Contact", contacts[plan.0].id, to: "Opportunity", id)
        }
        let leads = InsightlySandboxSeed.leadPeople.enumerated().map { index, person in
            InsightlySandboxPerson(
                kind: "Lead", id: 600_001 + index, firstName: person.first, lastName: person.last, phone: person.phone, mobile: person.mobile,
                email: nil, organisationID: nil, organisationName: person.org, created: Date(timeIntervalSince1970: 1_710_000_000 + Double(index) * 3600)
            )
        }
        return InsightlySandboxState(contacts: contacts, leads: leads, related: related, links: links)
    }
}
