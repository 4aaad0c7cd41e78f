import Foundation

/// How requests are authenticated. Secrets are never written in the file: templates read them from
/// the connection's inputs, e.g. `{{inputs.api_key}}`.
enum AuthSpec: Sendable {
    /// No authentication (a CRM behind a private network, or tests).
    case none
    /// An API key as a header or a query parameter.
    case apiKey(placement: KeyPlacement, name: String, value: Template)
    /// HTTP Basic.
    case basic(username: Template, password: Template)
    /// A fixed token in a header: `header: scheme token`.
    case bearer(token: Template, header: String, scheme: String)
    /// A token obtained by a login request and obtained again when the CRM answers 401.
    case login(request: RequestSpec, token: Template, expiresIn: Template?, header: String, scheme: String)
    /// OAuth2 with a refresh token; the client id, client secret and refresh token are inputs.
    case oauth2(tokenURL: Template, clientAuthentication: String, header: String, scheme: String)

    enum KeyPlacement: String, Sendable, CaseIterable {
        case header, query
    }

    enum Kind: String, Sendable, CaseIterable {
        case none, apiKey = "api_key", basic, bearer, login, oauth2
    }

    /// The inputs an OAuth2 connection always has (and an optional `access_token` to start with).
    static let oauthInputs = ["client_id", "client_secret", "refresh_token"]

    /// - Parameter inputs: the inputs the file declares; OAuth2's own are added to them.
    init?(_ node: SpecNode, reader: SpecReader, inputs: Set<String>) {
        guard case .map(let members) = node.value else {
            reader.report(node, "expected a mapping with 'kind', found \(node.kindName)")
            return nil
        }
        guard let kindNode = members.first(where: { $0.key == "kind" })?.node else {
            reader.report(node, "'kind' is missing: one of \(Kind.allCases.map(\.rawValue).joined(separator: ", "))")
            return nil
        }
        guard let kind = reader.choice(kindNode, as: Kind.self) else { return nil }
        reader.inputs = kind == .oauth2 ? inputs.union(AuthSpec.oauthInputs + ["access_token"]) : inputs
        let keys: [String] =
            switch kind {
            case .none: ["kind"]
            case .apiKey: ["kind", "in", "name", "value"]
            case .basic: ["kind", "username", "password"]
            case .bearer: ["kind", "token", "header", "scheme"]
            case .login: ["kind", "request", "token", "expires_in", "header", "scheme"]
            case .oauth2: ["kind", "token_url", "client_authentication", "header", "scheme"]
            }
        let required: [String] =
            switch kind {
            case .none: []
            case .apiKey: ["in", "name", "value"]
            case .basic: ["username"]
            case .bearer: ["token"]
            case .login: ["request", "token"]
            case .oauth2: ["token_url"]
            }
        guard let map = reader.map(node, allowed: keys, required: required) else { return nil }
        let settings = TemplateScope.settings
        let header = map["header"].flatMap { reader.text($0) } ?? "Authorization"
        let scheme = map["scheme"].flatMap { reader.text($0) } ?? "Bearer"
        switch kind {
        case .none:
            self = .none
        case .apiKey:
            guard let placement = map["in"].flatMap({ reader.choice($0, as: KeyPlacement.self) }),
                let name = map["name"].flatMap({ reader.text($0) }),
                let value = map["value"].flatMap({ reader.template($0, scope: settings) })
            else { return nil }
            self = .apiKey(placement: placement, name: name, value: value)
        case .basic:
            guard let username = map["username"].flatMap({ reader.template($0, scope: settings) }) else { return nil }
            let password = map["password"].flatMap { reader.template($0, scope: settings) } ?? Template(literal: "")
            self = .basic(username: username, password: password)
        case .bearer:
            guard let token = map["token"].flatMap({ reader.template($0, scope: settings) }) else { return nil }
            self = .bearer(token: token, header: header, scheme: scheme)
        case .login:
            guard let request = map["request"].flatMap({ RequestSpec($0, scope: .login, reader: reader) }),
                let token = map["token"].flatMap({ reader.template($0, scope: .login) })
            else { return nil }
            self = .login(request: request, token: token, expiresIn: map["expires_in"].flatMap { reader.template($0, scope: .login) }, header: header, scheme: scheme)
        case .oauth2:
            guard let tokenURL = map["token_url"].flatMap({ reader.template($0, scope: settings) }) else { return nil }
            let authentication = map["client_authentication"].flatMap { reader.text($0) } ?? "form"
            if let node = map["client_authentication"], !["form", "basic"].contains(authentication) {
                reader.report(node, "'\(authentication)' is not form or basic")
            }
            self = .oauth2(tokenURL: tokenURL, clientAuthentication: authentication, header: header, scheme: scheme)
        }
    }

    /// Every template the auth uses (all read only inputs, except the login's answer mapping).
    var templates: [Template] {
        switch self {
        case .none: []
        case .apiKey(_, _, let value): [value]
        case .basic(let username, let password): [username, password]
        case .bearer(let token, _, _): [token]
        case .login(let request, _, _, _, _): request.templates
        case .oauth2(let tokenURL, _, _, _): [tokenURL]
        }
    }
}
