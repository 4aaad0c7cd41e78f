import Foundation

/// A deal in a sandbox CRM (a HubSpot or Pipedrive deal, a Salesforce opportunity): its name, whether
/// it is still open, and the contacts it involves.
public struct SandboxDeal: Sendable, Hashable {
    /// The CRM's id: numeric for HubSpot and Pipedrive, 18 characters (`006…`) for Salesforce.
    public var id: String
    public var name: String
    /// Won or lost: never offered to attach a call to.
    public var isClosed: Bool
    /// The contacts (persons) associated with it.
    public var contactIDs: [String]

    public init(id: String, name: String, isClosed: Bool, contactIDs: [String]) {
        self.id = id
        self.name = name
        self.isClosed = isClosed
        self.contactIDs = contactIDs
    }

    /// The deals every sandbox CRM starts with, for the first two contacts of `contactIDs`: two open
    /// deals and a closed one on the first, one open deal on the second, ids from `makeID(1…4)`.
    /// Fixed, so every start (and every restart of a demo) has the same ones.
    static func seed(contactIDs: [String], makeID: (Int) -> String) -> [SandboxDeal] {
        guard let first = contactIDs.first else { return [] }
        var deals = [
            SandboxDeal(id: makeID(1), name: "Annual renewal", isClosed: false, contactIDs: [first]),
            SandboxDeal(id: makeID(2), name: "Upgrade to Premium", isClosed: false, contactIDs: [first]),
            SandboxDeal(id: makeID(3), name: "Pilot (closed won)", isClosed: true, contactIDs: [first]),
        ]
        if contactIDs.count > 1 {
            deals.append(SandboxDeal(id: makeID(4), name: "New office lines", isClosed: false, contactIDs: [contactIDs[1]]))
        }
        return deals
    }
}
