import Foundation

/// Everything a ``PipedriveSandbox`` holds, guarded as one value by its mutex.
struct PipedriveSandboxState {
    var persons: [PipedriveSandboxPerson]
    var personIndex: [Int: Int]
    var activities: [PipedriveSandboxActivity] = []
    var activityIndex: [Int: Int] = [:]
    var nextActivityID = 5001
    var nextPersonID: Int
    var deals: [SandboxDeal] = []
    /// Call logs in the order they were made; deleted ones are gone.
    var callLogs: [PipedriveSandboxCallLog] = []
    var callLogsMade = 0

    init(persons: [PipedriveSandboxPerson]) {
        self.persons = persons
        self.personIndex = Dictionary(uniqueKeysWithValues: persons.enumerated().map { ($1.id, $0) })
        self.nextPersonID = (persons.map(\.id).max() ?? 1000) + 1
    }

    /// Adds `person`, which must have a new id.
    mutating func add(_ person: PipedriveSandboxPerson) {
        self.personIndex[person.id] = self.persons.count
        self.persons.append(person)
    }

    func person(_ id: Int) -> PipedriveSandboxPerson? {
        self.personIndex[id].map { self.persons[$0] }
    }

    func deal(_ id: Int) -> SandboxDeal? {
        self.deals.first { $0.id == String(id) }
    }

    func activity(_ id: Int) -> PipedriveSandboxActivity? {
        self.activityIndex[id].map { self.activities[$0] }
    }

    mutating func store(_ activity: PipedriveSandboxActivity) {
        if let index = self.activityIndex[activity.id] {
            self.activities[index] = activity
        } else {
            self.activityIndex[activity.id] = self.activities.count
            self.activities.append(activity)
        }
    }
}

/// The persons a sandbox company starts with, derived from the company alone so every start has the same ids.
enum PipedriveSandboxSeed {
    /// One person per customer (ids from 1001), phones stored as typed; then two colleagues on the
    /// first customer's line, stored with the very same text (a company line copied between records).
    static func persons(for company: SandboxCompany) -> [PipedriveSandboxPerson] {
        var organizations: [String: Int] = [:]
        func orgID(_ name: String) -> Int {
            if let id = organizations[name] { return id }
            let id = organizations.count + 1
            organizations[name] = id
            return id
        }
        var persons = company.customers.enumerated().map { index, customer in
            var phones = [PipedriveSandboxPerson.Phone(value: customer.storedPhone, primary: true, label: "work")]
            if let mobile = customer.storedMobile {
                phones.append(.init(value: mobile, primary: false, label: "mobile"))
            }
            return PipedriveSandboxSeed.person(
                index: index, firstName: customer.firstName, lastName: customer.lastName, phones: phones,
                orgID: orgID(customer.company), orgName: customer.company
            )
        }
        if let shared = company.customers.first {
            for (offset, colleague) in [("Front", "Desk"), ("Accounts", "Payable")].enumerated() {
                persons.append(
                    PipedriveSandboxSeed.person(
                        index: company.customers.count + offset, firstName: colleague.0, lastName: colleague.1,
                        phones: [.init(value: shared.storedPhone, primary: true, label: "work")],
                        orgID: orgID(shared.company), orgName: shared.company
                    )
                )
            }
        }
        return persons
    }

    static func person(index: Int, firstName: String, lastName: String, phones: [PipedriveSandboxPerson.Phone], orgID: Int, orgName: String) -> PipedriveSandboxPerson {
        // Added over the past months, updated a few days later: fixed, so reruns compare equal.
        let added = Date(timeIntervalSince1970: 1_704_103_200 + Double(index) * 6 * 3600)
        return PipedriveSandboxPerson(
            id: 1001 + index, name: "\(firstName) \(lastName)", firstName: firstName, lastName: lastName, phones: phones,
            orgID: orgID, orgName: orgName, addTime: added, updateTime: added.addingTimeInterval(Double(index % 30 + 1) * 86_400)
        )
    }
}
