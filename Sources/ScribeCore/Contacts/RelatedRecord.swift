import Foundation

/// A CRM record a call can be attached to besides its contact: one of the contact's open deals
/// (HubSpot, Pipedrive) or opportunities (Salesforce).
public struct RelatedRecord: Sendable, Hashable, Codable {
    /// The CRM's own id of the record.
    public var id: String
    /// `deal` or `opportunity`, as the CRM calls it; empty when only the id is known (a person chose it
    /// before the contact was), in which case the CRM checks the id when the call record is created.
    public var kind: String
    /// The record's name as the CRM shows it (a deal's title); empty when only the id is known.
    public var name: String

    public init(id: String, kind: String, name: String) {
        self.id = id
        self.kind = kind
        self.name = name
    }

    /// A HubSpot or Pipedrive deal.
    public static let deal = "deal"
    /// A Salesforce opportunity.
    public static let opportunity = "opportunity"
}
