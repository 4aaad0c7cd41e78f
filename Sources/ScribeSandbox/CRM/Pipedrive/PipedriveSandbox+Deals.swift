import Foundation
import Synchronization

/// The company's deals: listed by person and status, and checked when an activity names one.
extension PipedriveSandbox {
    /// `data[]` of `GET /api/v2/deals`: the fields a deal list carries that Callscribe could read.
    struct DealJSON: Encodable {
        var id: Int
        var title: String
        var status: String
        var personID: Int?
        var ownerID: Int
        var value: Double = 0
        var currency = "USD"
        var isDeleted = false

        private enum CodingKeys: String, CodingKey {
            case id, title, status, value, currency
            case personID = "person_id"
            case ownerID = "owner_id"
            case isDeleted = "is_deleted"
        }
    }

    /// The statuses `status=` takes; `deleted` lists nothing here, as no deal is ever deleted.
    static let dealStatuses: Set<String> = ["open", "won", "lost", "deleted"]

    /// `GET /api/v2/deals?person_id=&status=`: not deleted deals by id, of the person when given, of
    /// the status when given.
    func listDeals(personID: String?, status: String?, page: Page) throws(PipedriveSandboxError) -> PipedriveSandboxEnvelope<[DealJSON]> {
        let person: Int?? = personID.map { Int($0) }
        if case .some(.none) = person { throw .validation("person_id", "must be integer") }
        if let status, !PipedriveSandbox.dealStatuses.contains(status) {
            throw .validation("status", "must be equal to one of the allowed values: open, won, lost, deleted")
        }
        let deals = self.state.withLock { $0.deals }.filter { deal in
            let dealStatus = deal.isClosed ? "won" : "open"
            return (status.map { $0 == dealStatus } ?? true) && (person.flatMap { $0 }.map { deal.contactIDs.contains(String($0)) } ?? true)
        }
        let (items, next) = page.slice(deals)
        let json = items.map { deal in
            DealJSON(
                id: Int(deal.id) ?? 0, title: deal.name, status: deal.isClosed ? "won" : "open",
                personID: deal.contactIDs.first.flatMap { Int($0) }, ownerID: PipedriveSandbox.ownerID
            )
        }
        return PipedriveSandboxEnvelope(data: json, additionalData: .init(nextCursor: next))
    }

    /// An activity's `deal_id` must name a deal of the company: refused as a validation failure of the field.
    static func checkDeal(_ id: Int?, in state: PipedriveSandboxState) throws(PipedriveSandboxError) {
        guard let id, state.deal(id) == nil else { return }
        throw .validation("deal_id", "deal \(id) does not exist")
    }
}
