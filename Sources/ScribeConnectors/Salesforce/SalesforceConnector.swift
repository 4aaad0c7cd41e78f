import AsyncHTTPClient
import Foundation
import Logging
import NIOCore
import NIOHTTP1
import ScribeCore

/// Logs calls into Salesforce as completed call Tasks on a contact or lead (REST API).
///
/// ```swift
/// let salesforce = SalesforceConnector(instanceURL: instanceURL, accessToken: token, httpClient: .shared)
/// let contacts = try await salesforce.findContacts(matching: caller)
/// ```
///
/// Each Task carries the log's marker in `CallObject` ("Call Object Identifier"), so that
/// ``findCallRecord(marker:)`` can find it again with SOQL.
public struct SalesforceConnector: CRMConnector {
    /// The REST API version used unless told otherwise.
    public static let defaultAPIVersion = "v61.0"

    private let instanceURL: String
    private let authorization: CRMAuthorization
    private let apiVersion: String
    private let activityTimeZone: TimeZone
    private let http: ConnectorHTTPClient

    /// - Parameters:
    ///   - instanceURL: the org's `instance_url` from the token response, e.g. `https://acme.my.salesforce.com`, or a sandbox's address.
    ///   - accessToken: an OAuth access token (session id).
    ///   - apiVersion: `vNN.0`.
    ///   - httpClient: shared; its lifetime belongs to the caller.
    ///   - timeout: the deadline for each request.
    ///   - activityTimeZone: the zone in which a call's start becomes the Task's `ActivityDate`.
    public init(
        instanceURL: String,
        accessToken: String,
        apiVersion: String = SalesforceConnector.defaultAPIVersion,
        httpClient: HTTPClient,
        timeout: TimeAmount = .seconds(10),
        activityTimeZone: TimeZone = .gmt,
        logger: Logger = Logger(label: "callscribe.salesforce")
    ) {
        self.init(
            instanceURL: instanceURL, authorization: .bearer(accessToken), apiVersion: apiVersion, httpClient: httpClient,
            timeout: timeout, activityTimeZone: activityTimeZone, logger: logger
        )
    }

    /// - Parameter authorization: a session id (``CRMAuthorization/bearer(_:)``), or an OAuth grant
    ///   (``CRMAuthorization/oauth(_:)``) refreshed at `POST {login}/services/oauth2/token` on `401 INVALID_SESSION_ID`.
    public init(
        instanceURL: String,
        authorization: CRMAuthorization,
        apiVersion: String = SalesforceConnector.defaultAPIVersion,
        httpClient: HTTPClient,
        timeout: TimeAmount = .seconds(10),
        activityTimeZone: TimeZone = .gmt,
        logger: Logger = Logger(label: "callscribe.salesforce")
    ) {
        self.instanceURL = instanceURL.hasSuffix("/") ? String(instanceURL.dropLast()) : instanceURL
        self.authorization = authorization
        self.apiVersion = apiVersion
        self.activityTimeZone = activityTimeZone
        self.http = ConnectorHTTPClient(httpClient: httpClient, timeout: timeout, logger: logger)
    }

    /// A Task's `Description` is plain text.
    public var bodyFormat: BodyFormat { .plainText }

    public var capabilities: ConnectorCapabilities {
        ConnectorCapabilities(
            customFields: true, dispositions: true, batchCreateLimit: SalesforceTaskBatch.limit, editDetection: true, markerSearch: true,
            relatedRecords: true, leads: true, owners: true, nameSearch: true
        )
    }

    /// Searches phone fields for the number's national digits with SOSL, which matches them however
    /// the number was formatted when stored. Contacts come first, then leads, each tagged with its kind
    /// (which of the two is logged against is the matching policy's choice).
    public func findContacts(matching phone: PhoneNumber) async throws(ConnectorError) -> [Contact] {
        let sosl = SalesforceQuery.phoneSearch(phone.nationalNumber)
        let found = try await self.get("search/", query: sosl, as: SalesforceSearchResponse.self, operation: "salesforce.findContacts")
        return found.people { _ in phone.e164 }
    }

    /// Creates a Contact with the name split into `FirstName` and the required `LastName` (a blank
    /// name is Salesforce's `REQUIRED_FIELD_MISSING`) and the number in E.164 as `Phone`.
    ///
    /// Salesforce answers a create with the id alone, so the contact's dates are left unknown.
    public func createContact(named name: String, phone: PhoneNumber) async throws(ConnectorError) -> Contact {
        let operation = "salesforce.createContact"
        let fields = SalesforceContactFields(name: name, phone: phone)
        let response = try await self.send(.POST, path: "sobjects/Contact", body: fields, operation: operation)
        let id = try SalesforceConnector.createdID(response, operation: operation)
        let fullName = [fields.firstName, fields.lastName].compactMap { $0 }.joined(separator: " ")
        return Contact(id: ContactID(id), name: fullName.isEmpty ? phone.e164 : fullName, phoneNumbers: [fields.phone])
    }

    /// The contact's open opportunities, by SOQL on `OpportunityContactRole` (one per opportunity,
    /// however many roles the contact has on it).
    public func relatedRecords(of contact: ContactID) async throws(ConnectorError) -> [RelatedRecord] {
        let soql = SalesforceQuery.openOpportunities(ofContact: contact.rawValue)
        let roles = try await self.get("query", query: soql, as: SalesforceContactRoles.self, operation: "salesforce.relatedRecords")
        var seen = Set<String>()
        return roles.records.filter { seen.insert($0.opportunityID).inserted }.map {
            RelatedRecord(id: $0.opportunityID, kind: RelatedRecord.opportunity, name: $0.opportunity?.name ?? "Opportunity \($0.opportunityID)")
        }
    }

    /// The Task fields an admin added that people may fill in (`GET …/sobjects/Task/describe`): custom
    /// text, number and picklist fields that can be set on create and changed later and are not
    /// formulas; a picklist offers its active values. Sorted by label.
    public func customFields() async throws(ConnectorError) -> [CustomField] {
        try await self.describeTask(operation: "salesforce.customFields").fields
            .compactMap(\.customField)
            .sorted { ($0.label.lowercased(), $0.key) < ($1.label.lowercased(), $1.key) }
    }

    /// Creates a completed call Task on `entry.contact` (`WhoId`) and, when a person chose one, on
    /// `entry.relatedRecord` (`WhatId`), carrying `entry.marker` in `CallObject`, and the custom
    /// fields in `entry.customFields`, each as the JSON its field takes.
    public func createCallRecord(_ entry: CallLogEntry) async throws(ConnectorError) -> CRMRecordID {
        let operation = "salesforce.createCall"
        let fields = SalesforceTaskFields(entry: entry, bodyFormat: self.bodyFormat, timeZone: self.activityTimeZone)
        let body = try await self.body(fields, adding: entry.customFields, operation: operation)
        let response = try await self.send(.POST, path: "sobjects/Task", body: body, operation: operation)
        return CRMRecordID(try SalesforceConnector.createdID(response, operation: operation))
    }

    /// Creates up to 200 call Tasks in one `POST …/composite/sobjects` (sObject Collections create, API
    /// 42.0 and later [V]; the whole request counts as one API call [V]), each with the fields of
    /// ``createCallRecord(_:)``, its marker in `CallObject`. A refused Task fails alone, with the error its
    /// single create would get; a whole-request failure (401 after the one refresh, 403
    /// `REQUEST_LIMIT_EXCEEDED`, 5xx, more than 200 records) throws as a single create does. The Task is
    /// described once for the batch, and only when some entry carries custom-field values.
    public func createCallRecords(_ entries: [CallLogEntry]) async throws(ConnectorError) -> [Result<CRMRecordID, ConnectorError>] {
        let operation = "salesforce.batchCreateCalls"
        guard !entries.isEmpty else { return [] }
        let description: SalesforceSObjectDescription? =
            if entries.contains(where: { !$0.customFields.isEmpty }) { try await self.describeTask(operation: operation) } else { nil }
        let records = entries.map { entry in
            let fields = SalesforceTaskFields(entry: entry, bodyFormat: self.bodyFormat, timeZone: self.activityTimeZone)
            guard let description, !entry.customFields.isEmpty else { return SalesforceTaskBatchInput.Record(fields: fields) }
            return SalesforceTaskBatchInput.Record(fields: SalesforceTaskWrite(fields: fields, values: entry.customFields, description: description))
        }
        let response = try await self.send(.POST, path: "composite/sobjects", body: SalesforceTaskBatchInput(records: records), operation: operation)
        let results = try response.decode([SalesforceSaveResult].self, operation: operation)
        return SalesforceTaskBatch.outcomes(of: results, for: entries, headers: response.headers, operation: operation)
    }

    /// PATCHes `Subject`, `Description` (cut to 32,000 characters, as on create), `Status`,
    /// `CallDisposition` and the custom fields in `entry.customFields`; Salesforce answers 204 with no
    /// body. `WhoId`, `ActivityDate` and `CallObject` are not sent, so the contact, the date and the
    /// marker stay as they are.
    public func updateCallRecord(_ id: CRMRecordID, with entry: CallLogEntry) async throws(ConnectorError) {
        let operation = "salesforce.updateCall"
        let path = "sobjects/Task/" + ConnectorHTTPClient.pathSegment(id.rawValue)
        let body = try await self.body(SalesforceTaskUpdate(entry: entry), adding: entry.customFields, operation: operation)
        _ = try await self.send(.PATCH, path: path, body: body, operation: operation)
    }

    /// Reads `Subject` and `Description` as stored; a deleted Task is Salesforce's 404 `NOT_FOUND`, `.notFound`.
    public func readCallRecord(_ id: CRMRecordID) async throws(ConnectorError) -> CallRecordSnapshot {
        let operation = "salesforce.readCall"
        let path = "sobjects/Task/\(ConnectorHTTPClient.pathSegment(id.rawValue))?fields=\(SalesforceTaskSnapshot.fields.joined(separator: ","))"
        let task = try await self.send(.GET, path: path, operation: operation).decode(SalesforceTaskSnapshot.self, operation: operation)
        return CallRecordSnapshot(subject: task.subject ?? "", body: task.description ?? "")
    }

    /// Queries Tasks by `CallObject` with SOQL, the marker escaped as a string literal.
    public func findCallRecord(marker: CallLogID) async throws(ConnectorError) -> CRMRecordID? {
        let soql = SalesforceQuery.taskByCallObject(marker.rawValue)
        let found = try await self.get("query", query: soql, as: SalesforceQueryResponse.self, operation: "salesforce.findCall")
        return found.records.first.map { CRMRecordID($0.id) }
    }

    /// `fields` as they are when there are no custom-field `values`; otherwise `fields` and `values`
    /// in one body, each value as the JSON its field takes. A number field wants a JSON number, so the
    /// Task is described first to learn which fields those are (one more request, made only for a
    /// write that carries values).
    private func body<Fields: Encodable & Sendable>(
        _ fields: Fields,
        adding values: [String: String],
        operation: String
    ) async throws(ConnectorError) -> any Encodable & Sendable {
        guard !values.isEmpty else { return fields }
        let description = try await self.describeTask(operation: operation)
        return SalesforceTaskWrite(fields: fields, values: values, description: description)
    }

    /// `GET …/sobjects/Task/describe`.
    func describeTask(operation: String) async throws(ConnectorError) -> SalesforceSObjectDescription {
        try await self.send(.GET, path: "sobjects/Task/describe", operation: operation).decode(SalesforceSObjectDescription.self, operation: operation)
    }

    /// The id of a created record from its save result `{id, success, errors}`.
    private static func createdID(_ response: ConnectorHTTPResponse, operation: String) throws(ConnectorError) -> String {
        let result = try response.decode(SalesforceSaveResult.self, operation: operation)
        return try SalesforceConnector.saveOutcome(result, headers: response.headers, rawBody: response.bodyText, operation: operation).get()
    }

    /// The created id of a save result `{id, success, errors}`, or the error its `errors` mean:
    /// Salesforce answers a failed single create with 400, so a save result that says it failed (a 2xx
    /// single create's, or one element of an sObject Collections answer) is read as that 400 would be.
    static func saveOutcome(_ result: SalesforceSaveResult, headers: HTTPHeaders, rawBody: String, operation: String) -> Result<String, ConnectorError> {
        guard result.success, let id = result.id, !id.isEmpty else {
            return .failure(
                SalesforceErrorMapper.error(status: 400, headers: headers, body: SalesforceErrorBody(items: result.errors ?? []), rawBody: rawBody, operation: operation)
            )
        }
        return .success(id)
    }

    /// GETs `path?q=query` under `/services/data/vNN.0/` and decodes a 2xx answer.
    func get<Response: Decodable>(_ path: String, query: String, as type: Response.Type, operation: String) async throws(ConnectorError) -> Response {
        let response = try await self.send(.GET, path: "\(path)?q=\(SalesforceQuery.urlEncoded(query))", operation: operation)
        return try response.decode(Response.self, operation: operation)
    }

    /// Sends one request under `/services/data/vNN.0/`; any non-2xx answer goes through ``SalesforceErrorMapper``.
    func send(_ method: HTTPMethod, path: String, body: (any Encodable & Sendable)? = nil, operation: String) async throws(ConnectorError) -> ConnectorHTTPResponse {
        let url = "\(self.instanceURL)/services/data/\(self.apiVersion)/\(path)"
        let response: ConnectorHTTPResponse
        do {
            response = try await self.http.send(method, url: url, authorization: self.authorization, body: body, operation: operation)
        } catch {
            throw self.redacted(error)
        }
        guard response.isSuccess else { throw self.redacted(SalesforceErrorMapper.error(for: response, operation: operation)) }
        return response
    }

    /// `error` with the access token cut out of its message, should anything ever echo it.
    private func redacted(_ error: ConnectorError) -> ConnectorError {
        guard case .header(_, let header) = self.authorization else { return error }
        let accessToken = String(header.dropFirst("Bearer ".count))
        guard !accessToken.isEmpty, error.message.contains(accessToken) else { return error }
        var error = error
        error.message = error.message.replacingOccurrences(of: accessToken, with: "[redacted]")
        return error
    }
}
