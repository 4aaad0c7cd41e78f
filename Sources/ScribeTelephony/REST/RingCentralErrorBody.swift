import Foundation

/// What an error answer says, read from RingCentral's body (`{errorCode, message, errors: [{errorCode,
/// message, parameterName}]}`) or OAuth's (`{error, error_description}`). Only these fields are
/// kept, never the raw body: it may echo a secret.
struct RingCentralErrorBody: Decodable {
    struct Item: Decodable {
        var errorCode: String?
        var message: String?
        var parameterName: String?
    }

    var errorCode: String?
    var message: String?
    var parameterName: String?
    var errors: [Item]?
    var error: String?
    var error_description: String?

    init(_ data: Data) {
        self = (try? JSONDecoder().decode(Self.self, from: data)) ?? Self()
    }

    private init() {}

    /// The message to show: RingCentral's, or OAuth's description or code.
    var text: String {
        self.message ?? self.errors?.first?.message ?? self.error_description ?? self.error ?? "no error message"
    }

    /// RingCentral's code: the top-level one live answers carry, else the first item's.
    var code: String? { self.errorCode ?? self.errors?.first?.errorCode }

    /// The parameter the answer names as wrong.
    var parameter: String? { self.parameterName ?? self.errors?.lazy.compactMap(\.parameterName).first }
}
