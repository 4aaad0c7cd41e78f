import Foundation
import Synchronization

/// What each API operation does to the portal, independent of HTTP.
extension HubSpotSandbox {
    /// HubSpot's default contact properties, and those it returns whatever was asked.
    static let contactDefaultProperties = ["firstname", "lastname", "email", "lastmodifieddate", "hs_object_id", "createdate"]
    static let contactAlwaysProperties = ["hs_object_id", "createdate", "lastmodifieddate"]
    /// For engagements the defaults are the always-returned ones.
    static let callAlwaysProperties = ["hs_object_id", "hs_createdate", "hs_lastmodifieddate"]
    /// The contact properties a free-text `query` searches (HubSpot's "default searchable properties";
    /// the list is from HubSpot's search guide as remembered, not checked word for word).
    static let contactSearchableProperties = [
        "firstname", "lastname", "email", "hs_additional_emails", "phone", "mobilephone", "fax", "company", "hs_marketable_until_renewal",
    ]

    func searchContacts(_ request: SandboxSearchRequest) throws(HubSpotSandboxError) -> SandboxCollectionJSON {
        try request.validate()
        let contacts = self.state.withLock { $0.contacts }
        let selected = HubSpotSandbox.selection(request.properties, defaults: HubSpotSandbox.contactDefaultProperties, always: HubSpotSandbox.contactAlwaysProperties)
        let matched = HubSpotSandbox.sorted(
            contacts.filter { request.matches($0.properties, searchable: HubSpotSandbox.contactSearchableProperties) }, by: request.sorts, id: \.id,
            properties: \.properties
        )
        let objects = matched.map {
            SandboxObjectJSON(id: $0.id, properties: $0.properties, selected: selected, createdAt: $0.createdAt, updatedAt: $0.updatedAt)
        }
        return SandboxCollectionJSON(objects: objects, after: request.after, limit: request.limit ?? 10, includeTotal: true)
    }

    func searchCalls(_ request: SandboxSearchRequest) throws(HubSpotSandboxError) -> SandboxCollectionJSON {
        try request.validate()
        let calls = self.state.withLock { $0.calls }
        let selected = HubSpotSandbox.selection(request.properties, defaults: [], always: HubSpotSandbox.callAlwaysProperties)
        let matched = HubSpotSandbox.sorted(calls.filter { request.matches($0.apiProperties) }, by: request.sorts, id: \.id, properties: \.apiProperties)
        let objects = matched.map { HubSpotSandbox.json($0, selected: selected, withAssociations: false) }
        return SandboxCollectionJSON(objects: objects, after: request.after, limit: request.limit ?? 10, includeTotal: true)
    }

    /// `POST /crm/v3/objects/contacts`: stored with HubSpot's own properties (id, dates) and the
    /// calculated forms of its numbers, so that a phone search finds it at once.
    func createContact(_ input: SandboxCallInput) throws(HubSpotSandboxError) -> SandboxContact {
        var properties = try HubSpotContactValidator.validated(input.propertyValues)
        return self.state.withLock { state in
            let id = String(state.nextContactID)
            state.nextContactID += 1
            let now = HubSpotSandboxDate.format(Date())
            properties.merge(["hs_object_id": id, "createdate": now, "lastmodifieddate": now]) { $1 }
            for (property, kind) in [("phone", "phone"), ("mobilephone", "mobile")] {
                if let number = properties[property] { properties.merge(HubSpotSandboxSeed.calculated(number, kind: kind)) { $1 } }
            }
            let contact = SandboxContact(id: id, properties: properties)
            state.add(contact)
            return contact
        }
    }

    func createCall(_ input: SandboxCallInput) throws(HubSpotSandboxError) -> SandboxCallRecord {
        let properties = try HubSpotCallValidator.validated(input.propertyValues, isCreate: true)
        return try self.state.withLock { state throws(HubSpotSandboxError) -> SandboxCallRecord in
            let (contactIDs, dealIDs) = try HubSpotSandbox.associated(input.associations ?? [], in: state)
            let now = Date()
            let record = SandboxCallRecord(
                id: String(state.nextCallID), properties: properties, contactIDs: contactIDs, dealIDs: dealIDs.isEmpty ? nil : dealIDs,
                createdAt: now, updatedAt: now
            )
            state.nextCallID += 1
            state.store(record)
            // Under the lock, so the journal's order is the order of ids.
            self.journal?.append(record)
            return record
        }
    }

    func updateCall(id: String, _ input: SandboxCallInput) throws(HubSpotSandboxError) -> SandboxCallRecord {
        let properties = try HubSpotCallValidator.validated(input.propertyValues, isCreate: false)
        return try self.state.withLock { state throws(HubSpotSandboxError) -> SandboxCallRecord in
            guard var record = state.call(id) else { throw .notFound }
            record.properties.merge(properties) { $1 }
            record.updatedAt = Date()
            state.store(record)
            self.journal?.append(record)
            return record
        }
    }

    func readCall(id: String, properties: [String]?, withAssociations: Bool) throws(HubSpotSandboxError) -> SandboxObjectJSON {
        guard let record = self.state.withLock({ $0.call(id) }) else { throw .notFound }
        let selected = HubSpotSandbox.selection(properties, defaults: [], always: HubSpotSandbox.callAlwaysProperties)
        return HubSpotSandbox.json(record, selected: selected, withAssociations: withAssociations)
    }

    func listCalls(limit: Int, after: String?, properties: [String]?, withAssociations: Bool, link: String) throws(HubSpotSandboxError) -> SandboxCollectionJSON {
        guard (1...100).contains(limit) else { throw .invalidInput("limit must be between 1 and 100, got \(limit)") }
        let calls = self.state.withLock { $0.calls }
        let selected = HubSpotSandbox.selection(properties, defaults: [], always: HubSpotSandbox.callAlwaysProperties)
        let objects = calls.map { HubSpotSandbox.json($0, selected: selected, withAssociations: withAssociations) }
        return SandboxCollectionJSON(objects: objects, after: after, limit: limit, includeTotal: false, link: link)
    }

    /// The contact and deal ids of call → contact (194) and call → deal (206) associations; HubSpot
    /// refuses the whole create if one is invalid.
    static func associated(_ associations: [SandboxCallInput.Association], in state: HubSpotSandboxState) throws(HubSpotSandboxError) -> (contacts: [String], deals: [String]) {
        var contacts: [String] = []
        var deals: [String] = []
        for association in associations {
            let id = association.to.id.text
            let typeIDs = association.types.filter { $0.associationCategory == "HUBSPOT_DEFINED" }.map(\.associationTypeId)
            if let other = typeIDs.first(where: { $0 != 194 && $0 != 206 }) {
                throw .invalidInput("One or more associations are invalid: type \(other) does not associate calls to contacts or deals")
            }
            let toDeal = typeIDs.contains(206)
            let exists = toDeal ? state.deal(id) != nil : state.contact(id) != nil
            guard exists else {
                throw HubSpotSandboxError(
                    httpStatus: 400, message: "One or more associations are invalid: no \(toDeal ? "deal" : "contact") with id \(id) exists",
                    category: "VALIDATION_ERROR", context: ["ids": [id]]
                )
            }
            if toDeal {
                if !deals.contains(id) { deals.append(id) }
            } else if !contacts.contains(id) {
                contacts.append(id)
            }
        }
        return (contacts, deals)
    }

    static func json(_ record: SandboxCallRecord, selected: [String], withAssociations: Bool) -> SandboxObjectJSON {
        let created = HubSpotSandboxDate.format(record.createdAt)
        var object = SandboxObjectJSON(id: record.id, properties: record.apiProperties, selected: selected, createdAt: created, updatedAt: HubSpotSandboxDate.format(record.updatedAt))
        if withAssociations, !record.contactIDs.isEmpty {
            object.associations = ["contacts": .init(results: record.contactIDs.map { .init(id: $0, type: "call_to_contact") })]
        }
        if withAssociations, let deals = record.dealIDs, !deals.isEmpty {
            object.associations = (object.associations ?? [:]).merging(["deals": .init(results: deals.map { .init(id: $0, type: "call_to_deal") })]) { $1 }
        }
        return object
    }

    /// The properties to return: those asked for (or the defaults), plus those HubSpot always returns.
    static func selection(_ requested: [String]?, defaults: [String], always: [String]) -> [String] {
        let asked = requested.flatMap { $0.isEmpty ? nil : $0 } ?? defaults
        return asked + always.filter { !asked.contains($0) }
    }

    /// By the requested sorts, then by numeric id, so that pages are stable.
    static func sorted<Object>(_ objects: [Object], by sorts: [SandboxSearchRequest.Sort], id: (Object) -> String, properties: (Object) -> [String: String]) -> [Object] {
        objects.sorted { lhs, rhs in
            for sort in sorts {
                let order = SandboxSearchFilter.compare(properties(lhs)[sort.propertyName] ?? "", properties(rhs)[sort.propertyName] ?? "") ?? 0
                if order != 0 { return sort.descending ? order > 0 : order < 0 }
            }
            return (Int64(id(lhs)) ?? 0, id(lhs)) < (Int64(id(rhs)) ?? 0, id(rhs))
        }
    }
}
