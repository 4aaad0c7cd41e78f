import Foundation
import ScribeCore

extension ConnectorSpec {
    /// The base URL for a connection with `inputs`, without a trailing `/`.
    ///
    /// - Throws: ``ConnectorError`` `.permanent` when it is not an http(s) URL or an input it reads is missing.
    public func baseURL(inputs: [String: String]) throws(ConnectorError) -> String {
        try self.baseURL(values: try self.inputValues(inputs))
    }

    /// The operations the file describes, in the reference's order; a contact search counts its searches.
    public var operationNames: [String] {
        func named(_ operation: OperationName, _ searches: [OperationSpec]) -> [String] {
            if searches.isEmpty { return [] }
            return [searches.count > 1 ? "\(operation.rawValue) (\(searches.count) searches)" : operation.rawValue]
        }
        return named(.findContacts, self.searches) + named(.findContactsByName, self.nameSearches) + self.operations.keys.sorted().map(\.rawValue)
    }

    /// Where the log form's custom fields come from, for `connectors check`: the declared keys, the
    /// operation that reads them, or nil when the file has none.
    public var customFieldsSource: String? {
        if self.operations[.listCustomFields] != nil { return "read with list_custom_fields" }
        return self.declaredFields.isEmpty ? nil : "declared: " + self.declaredFields.map(\.key).joined(separator: ", ")
    }

    /// Where the dispositions come from, for `connectors check`, as ``customFieldsSource``.
    public var dispositionsSource: String? {
        if self.operations[.listDispositions] != nil { return "read with list_dispositions" }
        return self.declaredDispositions.isEmpty ? nil : "declared: " + self.declaredDispositions.map(\.disposition.id).joined(separator: ", ")
    }

    /// The budget the file states for its CRM (`rate_limit`), if any.
    public var requestBudget: RateLimit? {
        self.rateLimit.map { RateLimit(requests: $0.requests, per: TimeInterval($0.perSeconds)) }
    }

    /// For an OAuth2 file: the app registration and the refresh token, from the connection's inputs.
    public func oauthGrant(inputs: [String: String]) throws(ConnectorError) -> (registration: CRMOAuthClient.Registration, refreshToken: String)? {
        guard case .oauth2(let tokenURL, let authentication, _, _) = self.auth else { return nil }
        let operation = "\(self.name).connect"
        let values = try self.inputValues(inputs)
        let url: String
        do {
            url = try tokenURL.render(in: .object(["inputs": values]))
        } catch {
            throw ConnectorError(.permanent, operation: operation, message: "token_url: \(error.message)")
        }
        guard let clientID = inputs["client_id"], let secret = inputs["client_secret"], let refreshToken = inputs["refresh_token"] else {
            throw ConnectorError(.permanent, operation: operation, message: "an OAuth2 connection needs the inputs client_id, client_secret and refresh_token")
        }
        let registration = CRMOAuthClient.Registration(
            tokenURL: url, clientID: clientID, clientSecret: secret, clientAuthentication: authentication == "basic" ? .basic : .form
        )
        return (registration, refreshToken)
    }

    func baseURL(values: JSONValue) throws(ConnectorError) -> String {
        let operation = "\(self.name).connect"
        let rendered: String
        do {
            rendered = try self.baseURL.render(in: .object(["inputs": values]))
        } catch {
            throw ConnectorError(.permanent, operation: operation, message: "base_url: \(error.message)")
        }
        let baseURL = String(rendered.reversed().drop { $0 == "/" }.reversed())
        guard let url = URL(string: baseURL), ["http", "https"].contains(url.scheme?.lowercased() ?? ""), url.host != nil else {
            throw ConnectorError(.permanent, operation: operation, message: "base_url '\(baseURL)' is not an http(s) URL")
        }
        return baseURL
    }

    /// The inputs as templates read them: given values, then the file's defaults; a missing one is an error.
    func inputValues(_ inputs: [String: String]) throws(ConnectorError) -> JSONValue {
        let operation = "\(self.name).connect"
        var values: [String: JSONValue] = [:]
        for input in self.inputs {
            if let value = inputs[input.name] ?? input.defaultValue {
                values[input.name] = .string(value)
            } else {
                throw ConnectorError(.permanent, operation: operation, message: "input '\(input.name)' is not set (\(input.description))")
            }
        }
        if let name = Set(inputs.keys).subtracting(self.inputs.map(\.name)).sorted().first {
            throw ConnectorError(.permanent, operation: operation, message: "input '\(name)' is not declared by the \(self.name) connector file")
        }
        return .object(values)
    }
}
