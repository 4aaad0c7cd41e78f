import Foundation
import Synchronization

/// The deal side of the portal: a contact's deal associations (Associations v4) and the batch read of deals.
extension HubSpotSandbox {
    /// `GET /crm/v4/objects/contacts/{id}/associations/deals`'s body.
    struct AssociationsJSON: Encodable {
        struct Target: Encodable {
            struct AssociationType: Encodable {
                var category = "HUBSPOT_DEFINED"
                /// contact → deal.
                var typeId = 4
                var label: String?
            }

            var toObjectId: Int64
            var associationTypes = [AssociationType()]
        }

        var results: [Target]
    }

    /// `POST /crm/v3/objects/deals/batch/read`'s body: `{properties, inputs:[{id}]}`.
    struct BatchReadInput: Decodable {
        struct Input: Decodable {
            var id: SandboxPropertyValue
        }

        var properties: [String]?
        var inputs: [Input]
    }

    /// A batch answer: `{status, results, startedAt, completedAt}`, plus `errors` and `numErrors` when some ids were not found (207).
    struct BatchJSON: Encodable {
        struct BatchError: Encodable {
            var status = "error"
            var category = "OBJECT_NOT_FOUND"
            var message: String
            var context: [String: [String]]
        }

        var status = "COMPLETE"
        var results: [SandboxObjectJSON]
        var startedAt: String
        var completedAt: String
        var numErrors: Int?
        var errors: [BatchError]?
    }

    /// The deals associated with contact `id`, in id order; none for a contact without deals.
    func dealAssociations(ofContact id: String) throws(HubSpotSandboxError) -> AssociationsJSON {
        let deals = self.state.withLock { state in state.deals.filter { $0.contactIDs.contains(id) } }
        return AssociationsJSON(results: deals.compactMap { Int64($0.id) }.sorted().map { .init(toObjectId: $0) })
    }

    /// The deals asked for with the properties asked for (`dealname`, `dealstage`, `hs_is_closed`…);
    /// ids not found make it a 207 naming them, as HubSpot answers a partial batch.
    func batchReadDeals(_ input: BatchReadInput) throws(HubSpotSandboxError) -> (status: Int, body: BatchJSON) {
        guard !input.inputs.isEmpty, input.inputs.count <= 100 else { throw .invalidInput("inputs must hold between 1 and 100 ids") }
        let all = self.state.withLock { $0.deals }
        let selected = HubSpotSandbox.selection(input.properties, defaults: ["dealname", "amount", "closedate", "pipeline", "dealstage"], always: ["hs_object_id", "createdate", "hs_lastmodifieddate"])
        let stamp = HubSpotSandboxDate.format(Date(timeIntervalSince1970: 1_704_103_200))
        var found: [SandboxObjectJSON] = []
        var missing: [String] = []
        for id in input.inputs.map(\.id.text) {
            guard let deal = all.first(where: { $0.id == id }) else {
                missing.append(id)
                continue
            }
            let properties = [
                "hs_object_id": deal.id, "dealname": deal.name, "dealstage": deal.isClosed ? "closedwon" : "appointmentscheduled",
                "pipeline": "default", "hs_is_closed": deal.isClosed ? "true" : "false", "createdate": stamp, "hs_lastmodifieddate": stamp,
            ]
            found.append(SandboxObjectJSON(id: deal.id, properties: properties, selected: selected, createdAt: stamp, updatedAt: stamp))
        }
        let now = HubSpotSandboxDate.format(Date())
        var body = BatchJSON(results: found, startedAt: now, completedAt: now)
        guard !missing.isEmpty else { return (200, body) }
        body.numErrors = 1
        body.errors = [.init(message: "Could not get some DEAL objects, they may be deleted or not exist. Check that ids are valid.", context: ["ids": missing])]
        return (207, body)
    }
}
