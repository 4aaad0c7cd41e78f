import Foundation

/// Text as a URL carries it with only RFC 3986's unreserved characters left as they are, the way
/// the connectors encode query values and path segments.
enum StrictPercentEncoding {
    static func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")) ?? text
    }
}
