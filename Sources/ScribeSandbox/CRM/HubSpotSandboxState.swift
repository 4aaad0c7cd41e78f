import Foundation

/// Everything a ``HubSpotSandbox`` holds, guarded as one value by its mutex.
struct HubSpotSandboxState {
    var contacts: [SandboxContact]
    var contactIndex: [String: Int]
    var calls: [SandboxCallRecord] = []
    var callIndex: [String: Int] = [:]
    var nextCallID: Int64
    var nextContactID: Int64
    var deals: [SandboxDeal] = []

    /// Call ids start high and count up, like a real portal's engagement ids.
    static let firstCallID: Int64 = 50_000_000_001

    init(contacts: [SandboxContact], calls: [SandboxCallRecord]) {
        self.contacts = contacts
        self.contactIndex = Dictionary(uniqueKeysWithValues: contacts.enumerated().map { ($1.id, $0) })
        self.nextContactID = (contacts.compactMap { Int64($0.id) }.max() ?? 1000) + 1
        self.nextCallID = (calls.compactMap { Int64($0.id) }.max() ?? HubSpotSandboxState.firstCallID - 1) + 1
        for call in calls { self.store(call) }
    }

    /// Inserts or replaces `record`.
    mutating func store(_ record: SandboxCallRecord) {
        if let index = self.callIndex[record.id] {
            self.calls[index] = record
        } else {
            self.callIndex[record.id] = self.calls.count
            self.calls.append(record)
        }
    }

    /// Adds `contact`, which must have a new id.
    mutating func add(_ contact: SandboxContact) {
        self.contactIndex[contact.id] = self.contacts.count
        self.contacts.append(contact)
    }

    func call(_ id: String) -> SandboxCallRecord? {
        self.callIndex[id].map { self.calls[$0] }
    }

    func deal(_ id: String) -> SandboxDeal? {
        self.deals.first { $0.id == id }
    }

    func contact(_ id: String) -> SandboxContact? {
        self.contactIndex[id].map { self.contacts[$0] }
    }
}
