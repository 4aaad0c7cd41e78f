import Foundation

/// The body of `POST /crm/v3/objects/calls/batch/create`: `{inputs: [{properties, associations, objectWriteTraceId?}]}`.
struct SandboxBatchCreateInput: Decodable, Sendable {
    struct Input: Decodable, Sendable {
        var properties: [String: SandboxPropertyValue]
        var associations: [SandboxCallInput.Association]?
        var objectWriteTraceId: String?
    }

    var inputs: [Input]
}

/// One refused input of a batch, as HubSpot lists it in a 207's `errors[]` (`StandardError`); its
/// `context` carries the input's `objectWriteTraceId` when the input had one.
struct SandboxBatchError: Encodable, Sendable {
    var status = "error"
    var category: String
    var message: String
    var context: [String: [String]]
    var errors: [String] = []
    var links: [String: String] = [:]
}

/// A batch answer: `BatchResponseSimplePublicObject`, with `errors` and `numErrors` on a 207.
struct SandboxBatchResponse: Encodable, Sendable {
    var status = "COMPLETE"
    var results: [SandboxObjectJSON]
    var errors: [SandboxBatchError]?
    var numErrors: Int?
    var startedAt: String
    var completedAt: String
}

extension HubSpotSandbox {
    /// HubSpot's ceiling on inputs per batch request.
    static let batchInputLimit = 100

    /// Creates each input as a single create would (same validation, same associations check):
    /// 201 when all were created, 207 listing the refused ones in `errors` otherwise. More than 100
    /// inputs, or none, is refused as a whole with HubSpot's 400.
    func batchCreateCalls(_ input: SandboxBatchCreateInput) throws(HubSpotSandboxError) -> SandboxReply {
        guard !input.inputs.isEmpty else { throw .invalidInput("Invalid input JSON: inputs must not be empty") }
        guard input.inputs.count <= Self.batchInputLimit else {
            throw .invalidInput(
                "The maximum number of inputs supported in a batch request is \(Self.batchInputLimit). Please reduce the number of items and try again"
            )
        }
        let started = HubSpotSandboxDate.format(Date())
        var results: [SandboxObjectJSON] = []
        var errors: [SandboxBatchError] = []
        for item in input.inputs {
            do throws(HubSpotSandboxError) {
                let record = try self.createCall(SandboxCallInput(properties: item.properties, associations: item.associations))
                results.append(HubSpotSandbox.json(record, selected: Array(record.apiProperties.keys).sorted(), withAssociations: false))
            } catch {
                var context = error.context ?? [:]
                if let trace = item.objectWriteTraceId { context["objectWriteTraceId"] = [trace] }
                errors.append(SandboxBatchError(category: error.category ?? "VALIDATION_ERROR", message: error.message, context: context))
            }
        }
        let answer = SandboxBatchResponse(
            results: results, errors: errors.isEmpty ? nil : errors, numErrors: errors.isEmpty ? nil : errors.count,
            startedAt: started, completedAt: HubSpotSandboxDate.format(Date())
        )
        return .json(errors.isEmpty ? 201 : 207, answer)
    }
}
