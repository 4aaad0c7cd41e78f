import Foundation
import NIOCore
import Synchronization

/// The body of `POST …/composite/sobjects` (sObject Collections create): `{allOrNone, records: [{attributes: {type}, …fields}]}`.
struct SalesforceCollectionInsert: Decodable {
    /// One record: the `type` of its `attributes` map and its field values.
    struct Record: Decodable {
        private struct Attributes: Decodable {
            var type: String?
        }

        var type: String?
        var fields: [String: SalesforceFieldValue]

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: SalesforceSandbox.DynamicKey.self)
            var fields: [String: SalesforceFieldValue] = [:]
            var type: String?
            for key in container.allKeys {
                if key.stringValue == "attributes" {
                    type = try container.decode(Attributes.self, forKey: key).type
                } else {
                    fields[key.stringValue] = try container.decode(SalesforceFieldValue.self, forKey: key)
                }
            }
            self.type = type
            self.fields = fields
        }
    }

    var allOrNone: Bool?
    var records: [Record]
}

/// A `SaveResult`, as a single create answers and as one element of an sObject Collections answer: `{id, success, errors: [{statusCode, message, fields}]}`,
/// `id` written as `null` when the record was not created.
struct SalesforceCollectionSaveResult: Encodable {
    struct Failure: Encodable {
        var statusCode: String
        var message: String
        var fields: [String]
    }

    var id: String?
    var success: Bool
    var errors: [Failure]

    private enum CodingKeys: String, CodingKey {
        case id, success, errors
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(self.id, forKey: .id)  // `null` when absent, as Salesforce writes it
        try container.encode(self.success, forKey: .success)
        try container.encode(self.errors, forKey: .errors)
    }

    static func created(_ id: String) -> SalesforceCollectionSaveResult {
        SalesforceCollectionSaveResult(id: id, success: true, errors: [])
    }

    static func refused(_ error: SalesforceSandboxError) -> SalesforceCollectionSaveResult {
        SalesforceCollectionSaveResult(
            id: nil, success: false, errors: error.items.map { Failure(statusCode: $0.errorCode, message: $0.message, fields: $0.fields ?? []) }
        )
    }
}

extension SalesforceSandbox {
    /// sObject Collections' ceiling on records per request [V: "The list can contain up to 200 objects"].
    static let collectionRecordLimit = 200

    /// `POST …/composite/sobjects`: creates each record in order as its single create would (same
    /// checks, same ids), answering 200 with one save result per record, in order [V]. With
    /// `allOrNone` false (the default [V]) a refused record fails alone; with `allOrNone` true any
    /// refusal rolls back every record, and the valid ones say `ALL_OR_NONE_OPERATION_ROLLED_BACK` [U].
    /// Only `Task` and `Contact` records are served; any other type is refused as `INVALID_TYPE`.
    /// More than 200 records: 400 `EXCEEDED_ID_LIMIT` for the whole request, nothing created
    /// [O: the code and message are those clients report, not in the REST guide].
    func createCollection(_ body: ByteBuffer) throws(SalesforceSandboxError) -> [SalesforceCollectionSaveResult] {
        let insert: SalesforceCollectionInsert
        do {
            insert = try JSONDecoder().decode(SalesforceCollectionInsert.self, from: Data(body.readableBytesView))
        } catch {
            throw SalesforceSandboxError(
                status: 400, errorCode: "JSON_PARSER_ERROR", message: "Unexpected body: the request must be {\"allOrNone\": …, \"records\": [{\"attributes\": {\"type\": …}, …}]}"
            )
        }
        guard insert.records.count <= SalesforceSandbox.collectionRecordLimit else {
            throw SalesforceSandboxError(
                status: 400, errorCode: "EXCEEDED_ID_LIMIT", message: "record limit reached. cannot submit more than 200 records into this call", fields: []
            )
        }
        let allOrNone = insert.allOrNone ?? false
        return self.state.withLock { state in
            // Inserted into a copy, kept only when allOrNone allows: a rollback is dropping the copy.
            var trial = state
            let results = insert.records.map { record -> Result<String, SalesforceSandboxError> in
                do throws(SalesforceSandboxError) {
                    switch record.type {
                    case "Task": return .success(try SalesforceSandbox.insertTask(record.fields, into: &trial).id)
                    case "Contact": return .success(try SalesforceSandbox.insertContact(record.fields, into: &trial).id)
                    default: throw SalesforceSandboxError.invalidType(record.type ?? "")
                    }
                } catch {
                    return .failure(error)
                }
            }
            let anyRefused = results.contains { if case .failure = $0 { true } else { false } }
            if allOrNone && anyRefused {
                let rolledBack = SalesforceSandboxError(
                    status: 400, errorCode: "ALL_OR_NONE_OPERATION_ROLLED_BACK",
                    message: "Record rolled back because not all records were valid and the request was using AllOrNone header"
                )
                return results.map { result in
                    switch result {
                    case .success: .refused(rolledBack)
                    case .failure(let error): .refused(error)
                    }
                }
            }
            state = trial
            return results.map { result in
                switch result {
                case .success(let id): .created(id)
                case .failure(let error): .refused(error)
                }
            }
        }
    }
}
