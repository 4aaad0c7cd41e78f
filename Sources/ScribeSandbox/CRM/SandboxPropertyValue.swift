/// A property value as clients send it: HubSpot takes strings, numbers and booleans and stores them all as strings.
struct SandboxPropertyValue: Decodable, Sendable {
    var text: String

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let text = try? container.decode(String.self) {
            self.text = text
        } else if let number = try? container.decode(Int64.self) {
            self.text = String(number)
        } else if let number = try? container.decode(Double.self) {
            self.text = String(number)
        } else {
            self.text = String(try container.decode(Bool.self))
        }
    }
}
