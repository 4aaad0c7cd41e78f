import Foundation

/// What a connection's sealed credential holds: a static token (as it always has, the bare token text,
/// so connections saved before OAuth still open) or an OAuth grant, as JSON.
enum StoredCRMCredential: Sendable, Hashable {
    case token(String)
    case oauth(CRMOAuthSettings, accessToken: String)
    /// A connector file's inputs (its OAuth2 grant, when it has one, among them).
    case inputs([String: String])

    /// The text to seal.
    var sealable: String {
        switch self {
        case .token(let token):
            return token
        case .oauth(let settings, let accessToken):
            let data = (try? JSONEncoder().encode(Envelope(oauth: settings, accessToken: accessToken))) ?? Data()
            return String(decoding: data, as: UTF8.self)
        case .inputs(let inputs):
            let data = (try? JSONEncoder().encode(InputsEnvelope(inputs: inputs))) ?? Data()
            return String(decoding: data, as: UTF8.self)
        }
    }

    /// The credential in `text`, the opened seal. A token never starts with `{"oauth"`.
    init(opened text: String) {
        if text.hasPrefix("{"), let envelope = try? JSONDecoder().decode(Envelope.self, from: Data(text.utf8)) {
            self = .oauth(envelope.oauth, accessToken: envelope.accessToken)
        } else if text.hasPrefix("{"), let envelope = try? JSONDecoder().decode(InputsEnvelope.self, from: Data(text.utf8)) {
            self = .inputs(envelope.inputs)
        } else {
            self = .token(text)
        }
    }

    private struct InputsEnvelope: Codable {
        var inputs: [String: String]
    }

    private struct Envelope: Codable {
        var oauth: CRMOAuthSettings
        var accessToken: String
    }
}
