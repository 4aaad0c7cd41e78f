import NIOHTTP1
import ScribeCore

/// The body of `POST /services/data/vNN.0/composite/sobjects` (sObject Collections create [V]):
/// `{"allOrNone": false, "records": [{"attributes": {"type": "Task"}, …}]}`, each record the fields a
/// single Task create sends.
///
/// `allOrNone` is false (Salesforce's default [V]) so that one refused Task fails alone and the others
/// are still created.
struct SalesforceTaskBatchInput: Encodable, Sendable {
    /// One Task: its `attributes` map, then the fields of a single create in the same object.
    struct Record: Encodable, Sendable {
        private struct Attributes: Encodable, Sendable {
            var type = "Task"
        }

        private enum CodingKeys: String, CodingKey {
            case attributes
        }

        /// A ``SalesforceTaskFields``, or a ``SalesforceTaskWrite`` when the entry carries custom-field values.
        var fields: any Encodable & Sendable

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(Attributes(), forKey: .attributes)
            // The fields add to the same JSON object (standard names never clash with `attributes`).
            try self.fields.encode(to: encoder)
        }
    }

    var allOrNone = false
    var records: [Record]
}

/// Matches an sObject Collections answer to the entries sent.
///
/// Salesforce answers a well-formed request with 200 and one `SaveResult` per record, in the order
/// sent [V: "The SaveResult objects are returned in the order in which the create requests were
/// specified"]; a refused record's `errors` are read as the 400 of a single create would be. An entry
/// the answer has no element for is a transient failure: its create may have happened, so the engine's
/// retry looks for the record by its marker before creating again.
enum SalesforceTaskBatch {
    /// The API's ceiling on records per request [V: "The list can contain up to 200 objects"].
    static let limit = 200

    static func outcomes(
        of results: [SalesforceSaveResult], for entries: [CallLogEntry], headers: HTTPHeaders, operation: String
    ) -> [Result<CRMRecordID, ConnectorError>] {
        entries.indices.map { index in
            guard index < results.count else {
                let marker = entries[index].marker.rawValue
                return .failure(
                    ConnectorError(.transient, operation: operation, status: 200, message: "the answer has no save result for record \(index + 1) (\(marker))")
                )
            }
            let rawBody = "save result \(index + 1) of \(results.count) reports a failure without errors"
            return SalesforceConnector.saveOutcome(results[index], headers: headers, rawBody: rawBody, operation: operation).map { CRMRecordID($0) }
        }
    }
}
