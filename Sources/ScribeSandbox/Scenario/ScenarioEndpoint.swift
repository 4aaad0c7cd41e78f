import Foundation

/// One end of a call in a scenario: an extension of the sandbox company (by number, e.g. `"101"`, or
/// by name, e.g. `"Ada Park"`), one of its customers (by index, so the CRM knows them), or any E.164 number.
public struct ScenarioEndpoint: Codable, Sendable, Hashable {
    public var `extension`: String?
    public var customer: Int?
    public var number: String?

    public init(extension: String? = nil, customer: Int? = nil, number: String? = nil) {
        self.extension = `extension`
        self.customer = customer
        self.number = number
    }

    public static func ext(_ numberOrName: String) -> ScenarioEndpoint { ScenarioEndpoint(extension: numberOrName) }
    public static func customer(_ index: Int) -> ScenarioEndpoint { ScenarioEndpoint(customer: index) }

    /// Exactly one of the three must be given.
    func validate(path: String) throws(ScenarioError) {
        let given = [self.extension != nil, self.customer != nil, self.number != nil].filter { $0 }.count
        guard given == 1 else { throw ScenarioError(field: path, message: "give exactly one of extension, customer or number") }
        if let number, !Self.isE164(number) {
            throw ScenarioError(field: path + ".number", message: "must be an E.164 number such as +19095550199")
        }
    }

    static func isE164(_ number: String) -> Bool {
        let digits = number.dropFirst()
        return number.hasPrefix("+") && (7...15).contains(digits.count) && digits.allSatisfy { $0.isASCII && $0.isWholeNumber } && digits.first != "0"
    }
}
