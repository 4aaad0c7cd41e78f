import Foundation

/// What a CRM connector can do beyond finding contacts and creating call records, so that the engine
/// and the UI offer only what the CRM supports (no disposition picker for a CRM without dispositions,
/// no edit detection where records cannot be read back).
public struct ConnectorCapabilities: Sendable, Hashable, Codable {
    /// The CRM's call records have admin-defined fields a person may fill in.
    public var customFields: Bool
    /// The CRM's call records have a disposition (call outcome) field, set from ``CallLogEntry/disposition``:
    /// ``CRMConnector/dispositions()`` lists its choices, or none when it takes free text (Salesforce's
    /// standard `CallDisposition`).
    public var dispositions: Bool
    /// The most call records one request can create; 1 when the CRM has no batch create.
    public var batchCreateLimit: Int
    /// Records can be read back, so a person's edit is noticed and kept.
    public var editDetection: Bool
    /// A record can be found again by the marker (our log id) it carries: external ids.
    public var markerSearch: Bool
    /// Calls can be attached to the contact's deals, opportunities or matters.
    public var relatedRecords: Bool
    /// Leads are searched besides contacts.
    public var leads: Bool
    /// The CRM's users can be listed (``CRMConnector/users()``), to map agents to record owners by email.
    public var owners: Bool
    /// Contacts can be searched by name (``CRMConnector/findContacts(named:)``), for the log form's picker.
    public var nameSearch: Bool

    public init(
        customFields: Bool = false, dispositions: Bool = false, batchCreateLimit: Int = 1, editDetection: Bool = false,
        markerSearch: Bool = false, relatedRecords: Bool = false, leads: Bool = false, owners: Bool = false, nameSearch: Bool = false
    ) {
        self.customFields = customFields
        self.dispositions = dispositions
        self.batchCreateLimit = max(1, batchCreateLimit)
        self.editDetection = editDetection
        self.markerSearch = markerSearch
        self.relatedRecords = relatedRecords
        self.leads = leads
        self.owners = owners
        self.nameSearch = nameSearch
    }
}
