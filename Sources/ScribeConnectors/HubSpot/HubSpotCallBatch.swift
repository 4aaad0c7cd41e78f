import ScribeCore

/// The body of `POST /crm/v3/objects/calls/batch/create` (`BatchInputSimplePublicObjectBatchInputForCreate`):
/// up to 100 inputs, each a call's properties and associations, as in a single create.
///
/// Each input carries the log's marker as its `objectWriteTraceId`, which HubSpot echoes in the
/// `context` of an input's error, so that a 207's errors can be matched to their entries.
struct HubSpotCallBatchInput: Encodable, Sendable {
    struct Input: Encodable, Sendable {
        var properties: [String: String]
        var associations: [HubSpotCallInput.Association]
        var objectWriteTraceId: String
    }

    var inputs: [Input]
}

/// The answer to a batch create: 201 `BatchResponseSimplePublicObject` when every input was created,
/// 207 `BatchResponseSimplePublicObjectWithErrors` when some were refused (`errors[]`, `numErrors`).
struct HubSpotCallBatchResponse: Decodable, Sendable {
    var status: String?
    var results: [HubSpotObject]
    var errors: [HubSpotErrorBody]?
    var numErrors: Int?
}

/// Matches a batch answer to the entries sent, in their order.
///
/// HubSpot does not promise `results` in input order, so a created record is matched by the marker
/// property it carries, and a refused input by the `objectWriteTraceId` in its error's context. An
/// entry the answer mentions neither way is reported as a transient failure: its create may have
/// happened, so the engine's retry looks for the record by its marker before creating again.
enum HubSpotCallBatch {
    /// HubSpot's documented ceiling on inputs per batch request.
    static let limit = 100

    static func outcomes(
        of response: HubSpotCallBatchResponse, for entries: [CallLogEntry], operation: String
    ) -> [Result<CRMRecordID, ConnectorError>] {
        var created: [String: CRMRecordID] = [:]
        for object in response.results {
            if let marker = object.storedValue(HubSpotCallProperties.marker) { created[marker] = CRMRecordID(object.id) }
        }
        var refused: [String: ConnectorError] = [:]
        for error in response.errors ?? [] {
            for trace in error.context?["objectWriteTraceId"] ?? [] {
                refused[trace] = HubSpotErrorMapper.error(forBatchInput: error, operation: operation)
            }
        }
        return entries.map { entry in
            let marker = entry.marker.rawValue
            if let id = created[marker] { return .success(id) }
            if let error = refused[marker] { return .failure(error) }
            return .failure(
                ConnectorError(.transient, operation: operation, status: 207, message: "the batch answer says nothing of input \(marker)")
            )
        }
    }
}
