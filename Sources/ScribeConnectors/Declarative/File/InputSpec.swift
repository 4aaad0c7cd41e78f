import Foundation

/// A value the person connecting the CRM supplies: an API key, a region's URL, a database name.
/// Secret inputs are sealed in the ledger and never printed.
struct InputSpec: Sendable, Hashable {
    var name: String
    var secret: Bool
    var defaultValue: String?
    var description: String

    init(name: String, secret: Bool, defaultValue: String?, description: String) {
        self.name = name
        self.secret = secret
        self.defaultValue = defaultValue
        self.description = description
    }

    init?(name: String, _ node: SpecNode, reader: SpecReader) {
        guard let map = reader.map(node, allowed: ["secret", "default", "description"]) else { return nil }
        self.name = name
        self.description = map["description"].flatMap { reader.text($0) } ?? ""
        self.defaultValue = map["default"].flatMap { reader.text($0) }
        if let node = map["secret"] {
            guard let text = reader.text(node), ["true", "false"].contains(text) else {
                reader.report(node, "secret is true or false")
                return nil
            }
            self.secret = text == "true"
        } else {
            self.secret = false
        }
        if self.secret, self.defaultValue != nil, let node = map["default"] {
            reader.report(node, "a secret input cannot have a default written in the file")
        }
    }
}
