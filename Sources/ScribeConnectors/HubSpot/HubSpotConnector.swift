import AsyncHTTPClient
import Foundation
import Logging
import NIOCore
import NIOHTTP1
import ScribeCore

/// Logs calls into HubSpot as call engagements associated with a contact (CRM v3 objects API).
///
/// ```swift
/// let hubspot = HubSpotConnector(accessToken: token, httpClient: .shared)
/// let contacts = try await hubspot.findContacts(matching: caller)
/// ```
public struct HubSpotConnector: CRMConnector {
    private let baseURL: String
    private let authorization: CRMAuthorization
    private let http: ConnectorHTTPClient
    /// The portal's dispositions, shared by this connector's copies and read at most once per lifetime.
    let dispositionCache: ExpiringCache<[CallDisposition]>

    /// How long the portal's list of dispositions is reused before it is read again.
    public static let dispositionLifetime: TimeInterval = 600

    /// - Parameters:
    ///   - baseURL: `https://api.hubapi.com`, or a sandbox's address.
    ///   - accessToken: an OAuth access token or a private-app token.
    ///   - httpClient: shared; its lifetime belongs to the caller.
    ///   - timeout: the deadline for each request.
    public init(
        baseURL: String = "https://api.hubapi.com",
        accessToken: String,
        httpClient: HTTPClient,
        timeout: TimeAmount = .seconds(10),
        logger: Logger = Logger(label: "callscribe.hubspot")
    ) {
        self.init(baseURL: baseURL, authorization: .bearer(accessToken), httpClient: httpClient, timeout: timeout, logger: logger)
    }

    /// - Parameter authorization: a private-app token (``CRMAuthorization/bearer(_:)``) or an OAuth grant
    ///   (``CRMAuthorization/oauth(_:)``), refreshed at `POST /oauth/v1/token` when HubSpot answers 401.
    public init(
        baseURL: String = "https://api.hubapi.com",
        authorization: CRMAuthorization,
        httpClient: HTTPClient,
        timeout: TimeAmount = .seconds(10),
        logger: Logger = Logger(label: "callscribe.hubspot")
    ) {
        self.baseURL = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
        self.authorization = authorization
        self.http = ConnectorHTTPClient(httpClient: httpClient, timeout: timeout, logger: logger)
        self.dispositionCache = ExpiringCache(lifetime: HubSpotConnector.dispositionLifetime)
    }

    /// HubSpot renders `hs_call_body` as HTML.
    public var bodyFormat: BodyFormat { .html }

    public var capabilities: ConnectorCapabilities {
        ConnectorCapabilities(
            customFields: true, dispositions: true, batchCreateLimit: HubSpotCallBatch.limit, editDetection: true, markerSearch: true,
            relatedRecords: true, owners: true, nameSearch: true
        )
    }

    /// Searches the number both as HubSpot normalizes it (national digits in the calculated properties)
    /// and as E.164 text in `phone` and `mobilephone`, for contacts whose calculated values lag.
    public func findContacts(matching phone: PhoneNumber) async throws(ConnectorError) -> [Contact] {
        typealias Filter = HubSpotSearchRequest.Filter
        let request = HubSpotSearchRequest(
            filterGroups: [
                Filter.equals("hs_searchable_calculated_phone_number", phone.nationalNumber),
                Filter.equals("hs_searchable_calculated_mobile_number", phone.nationalNumber),
                Filter.equals("phone", phone.e164),
                Filter.equals("mobilephone", phone.e164),
            ].map { HubSpotSearchRequest.FilterGroup(filters: [$0]) },
            properties: HubSpotObject.contactProperties,
            limit: 10
        )
        let found = try await self.send(.POST, "/crm/v3/objects/contacts/search", body: request, as: HubSpotSearchResponse.self, operation: "hubspot.findContacts")
        var seen = Set<String>()
        return found.results.filter { seen.insert($0.id).inserted }.map { $0.contact(fallbackName: phone.e164) }
    }

    /// Creates a contact with the name split into `firstname` and `lastname` and the number in E.164
    /// as `phone`. HubSpot wants at least one of email, first or last name, so it refuses a blank name.
    public func createContact(named name: String, phone: PhoneNumber) async throws(ConnectorError) -> Contact {
        let input = HubSpotPropertiesInput(properties: HubSpotObject.newContactProperties(named: name, phone: phone))
        let created = try await self.send(.POST, "/crm/v3/objects/contacts", body: input, as: HubSpotObject.self, operation: "hubspot.createContact")
        return created.contact(fallbackName: phone.e164)
    }

    /// The contact's open deals: the ids from the v4 associations API, then their names (`dealname`)
    /// and `hs_is_closed` in one batch read. Closed deals (won or lost) are left out.
    public func relatedRecords(of contact: ContactID) async throws(ConnectorError) -> [RelatedRecord] {
        let operation = "hubspot.relatedRecords"
        let path = "/crm/v4/objects/contacts/" + ConnectorHTTPClient.pathSegment(contact.rawValue) + "/associations/deals?limit=500"
        let associated = try await self.send(.GET, path, as: HubSpotAssociations.self, operation: operation)
        var seen = Set<Int64>()
        let ids = associated.results.map(\.toObjectId).filter { seen.insert($0).inserted }
        guard !ids.isEmpty else { return [] }
        // A batch read takes up to 100 ids; a contact with more open deals than that is not a phone call's concern.
        let input = HubSpotBatchReadInput(properties: ["dealname", "hs_is_closed"], inputs: ids.prefix(100).map { .init(id: String($0)) })
        let deals = try await self.send(.POST, "/crm/v3/objects/deals/batch/read", body: input, as: HubSpotBatchReadResponse.self, operation: operation)
        return deals.results
            .filter { $0.property("hs_is_closed") != "true" }
            .map { RelatedRecord(id: $0.id, kind: RelatedRecord.deal, name: $0.property("dealname") ?? "Deal \($0.id)") }
            .sorted { ($0.name.lowercased(), $0.id) < ($1.name.lowercased(), $1.id) }
    }

    /// The call properties an account added that people may fill in (`GET /crm/v3/properties/calls`):
    /// text, number and single-choice properties that are not HubSpot's own, hidden, calculated or
    /// read-only, and not our marker. Sorted by label.
    public func customFields() async throws(ConnectorError) -> [CustomField] {
        let list = try await self.send(.GET, "/crm/v3/properties/calls", as: HubSpotPropertyList.self, operation: "hubspot.customFields")
        return list.results
            .compactMap { $0.customField(reserved: [HubSpotCallProperties.marker]) }
            .sorted { ($0.label.lowercased(), $0.key) < ($1.label.lowercased(), $1.key) }
    }

    /// Creates a call engagement associated with `entry.contact` (type 194) and, when a person chose
    /// one, with `entry.relatedRecord` (call → deal, type 206), carrying `entry.marker` in the
    /// `callscribe_log_id` property. A person's custom-field values go in as further properties.
    public func createCallRecord(_ entry: CallLogEntry) async throws(ConnectorError) -> CRMRecordID {
        var properties = HubSpotCallProperties.properties(for: entry, bodyFormat: self.bodyFormat)
        properties["hs_call_disposition"] = try await self.dispositionID(for: entry, operation: "hubspot.createCall")
        let input = HubSpotCallInput(properties: properties, associations: HubSpotCallInput.associations(for: entry))
        let created = try await self.send(.POST, "/crm/v3/objects/calls", body: input, as: HubSpotObject.self, operation: "hubspot.createCall")
        return CRMRecordID(created.id)
    }

    /// Creates up to 100 call engagements in one `POST /crm/v3/objects/calls/batch/create`, each input
    /// as ``createCallRecord(_:)`` would send it plus its marker as `objectWriteTraceId`. A 207 fails
    /// only the inputs it lists in `errors[]` (see ``HubSpotCallBatch``); any other failure (more than
    /// 100 inputs, 429, 5xx) is thrown for the whole batch.
    public func createCallRecords(_ entries: [CallLogEntry]) async throws(ConnectorError) -> [Result<CRMRecordID, ConnectorError>] {
        let operation = "hubspot.batchCreateCalls"
        guard !entries.isEmpty else { return [] }
        var inputs: [HubSpotCallBatchInput.Input] = []
        for entry in entries {
            var properties = HubSpotCallProperties.properties(for: entry, bodyFormat: self.bodyFormat)
            properties["hs_call_disposition"] = try await self.dispositionID(for: entry, operation: operation)
            inputs.append(
                HubSpotCallBatchInput.Input(
                    properties: properties, associations: HubSpotCallInput.associations(for: entry), objectWriteTraceId: entry.marker.rawValue
                )
            )
        }
        let body = HubSpotCallBatchInput(inputs: inputs)
        let answer = try await self.send(.POST, "/crm/v3/objects/calls/batch/create", body: body, as: HubSpotCallBatchResponse.self, operation: operation)
        return HubSpotCallBatch.outcomes(of: answer, for: entries, operation: operation)
    }

    /// PATCHes title, body, recording link (when there is one), status, disposition (when
    /// `entry.writesDisposition`) and the custom fields in `entry.customFields`; the association, `hs_timestamp` and the marker are not sent, so
    /// they stay as they are.
    public func updateCallRecord(_ id: CRMRecordID, with entry: CallLogEntry) async throws(ConnectorError) {
        var properties = HubSpotCallProperties.engineOwned(by: entry)
        if entry.writesDisposition {
            properties["hs_call_disposition"] = try await self.dispositionID(for: entry, operation: "hubspot.updateCall")
        }
        let input = HubSpotPropertiesInput(properties: properties)
        _ = try await self.send(.PATCH, HubSpotConnector.callPath(id), body: input, as: HubSpotObject.self, operation: "hubspot.updateCall")
    }

    /// Reads `hs_call_title` and `hs_call_body` as stored; a deleted call is HubSpot's 404, `.notFound`.
    public func readCallRecord(_ id: CRMRecordID) async throws(ConnectorError) -> CallRecordSnapshot {
        let path = HubSpotConnector.callPath(id) + "?properties=" + HubSpotCallProperties.snapshotProperties.joined(separator: ",")
        let call = try await self.send(.GET, path, as: HubSpotObject.self, operation: "hubspot.readCall")
        return HubSpotCallProperties.snapshot(of: call)
    }

    /// Searches calls by `callscribe_log_id`. HubSpot's search index lags writes by seconds, so a
    /// record created moments ago may not be found yet.
    public func findCallRecord(marker: CallLogID) async throws(ConnectorError) -> CRMRecordID? {
        let request = HubSpotSearchRequest(
            filterGroups: [.init(filters: [.equals(HubSpotCallProperties.marker, marker.rawValue)])],
            properties: [HubSpotCallProperties.marker],
            limit: 1
        )
        let found = try await self.send(.POST, "/crm/v3/objects/calls/search", body: request, as: HubSpotSearchResponse.self, operation: "hubspot.findCall")
        return found.results.first.map { CRMRecordID($0.id) }
    }

    /// `/crm/v3/objects/calls/{id}`, the id encoded as one path segment.
    private static func callPath(_ id: CRMRecordID) -> String {
        "/crm/v3/objects/calls/" + ConnectorHTTPClient.pathSegment(id.rawValue)
    }

    /// Sends `method path` with `body` and decodes a 2xx answer; any other answer goes through ``HubSpotErrorMapper``.
    func send<Response: Decodable>(
        _ method: HTTPMethod,
        _ path: String,
        body: (any Encodable & Sendable)? = nil,
        as type: Response.Type,
        operation: String
    ) async throws(ConnectorError) -> Response {
        let response = try await self.http.send(method, url: self.baseURL + path, authorization: self.authorization, body: body, operation: operation)
        guard response.isSuccess else { throw HubSpotErrorMapper.error(for: response, operation: operation) }
        return try response.decode(Response.self, operation: operation)
    }
}
