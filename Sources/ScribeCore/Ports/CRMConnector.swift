import Foundation

/// A CRM, as the engine sees it. Every method maps the CRM's own failures to ``ConnectorError``.
public protocol CRMConnector: Sendable {
    /// How record bodies are rendered for this CRM.
    var bodyFormat: BodyFormat { get }

    /// Contacts whose stored numbers match `phone`, whatever format the CRM stored them in.
    func findContacts(matching phone: PhoneNumber) async throws(ConnectorError) -> [Contact]

    /// Creates the call record, carrying `entry.marker` so that it can be found again.
    func createCallRecord(_ entry: CallLogEntry) async throws(ConnectorError) -> CRMRecordID

    /// The record carrying `marker`, if one was created: used after a crash between the CRM's
    /// accepting a create and the ledger's recording it.
    func findCallRecord(marker: CallLogID) async throws(ConnectorError) -> CRMRecordID?
}
