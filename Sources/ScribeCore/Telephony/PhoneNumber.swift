import Foundation

/// A phone number in E.164 form (`+` and up to 15 digits), normalized from whatever a phone
/// system or CRM stored: `(415) 555-0100`, `415.555.0100`, `+1 415 555 0100 ext 12`, `0044 20 7946 0000`.
public struct PhoneNumber: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The digits, country code first, without the `+`.
    public let digits: String

    /// The E.164 form, `+` followed by the digits.
    public var e164: String { "+" + self.digits }
    public var description: String { self.e164 }

    /// The country calling code (`1`, `44`, `353`…).
    public var countryCode: String { CountryCodes.prefix(of: self.digits) }

    /// The national significant number: the digits after the country code.
    public var nationalNumber: String { String(self.digits.dropFirst(self.countryCode.count)) }

    private init(digits: String) {
        self.digits = digits
    }

    /// Parses a number as people and systems write it.
    ///
    /// - Parameters:
    ///   - text: the number as stored or dialled.
    ///   - defaultCountryCode: the country assumed for national numbers (the account's region).
    /// - Returns: `nil` for text that is not a dialable public number: empty, too short (an internal
    ///   extension such as `102`), or too long.
    public init?(parsing text: String, defaultCountryCode: String = "1") {
        let withoutExtension = PhoneNumber.stripExtension(text)
        let hasPlus = withoutExtension.trimmingLeadingSpaces().hasPrefix("+")
        var digits = String(withoutExtension.filter(\.isASCIIDigit))
        if hasPlus {
            // Already international.
        } else if digits.hasPrefix("00") {
            digits.removeFirst(2)
        } else if defaultCountryCode == "1", digits.hasPrefix("011") {
            digits.removeFirst(3)
        } else if defaultCountryCode == "1" {
            if digits.count == 10 { digits = "1" + digits }
        } else if digits.hasPrefix("0") {
            digits = defaultCountryCode + digits.dropFirst()
        } else if !digits.hasPrefix(defaultCountryCode) || digits.count <= 10 {
            digits = defaultCountryCode + digits
        }
        guard (8...15).contains(digits.count), digits.first != "0" else { return nil }
        self.init(digits: digits)
    }

    /// The ways a CRM may have stored this number, most likely first, for CRMs that match
    /// the stored text exactly.
    public var storedFormVariants: [String] {
        let national = self.nationalNumber
        var variants = [self.e164, self.digits, national]
        if self.countryCode == "1", national.count == 10 {
            let area = national.prefix(3)
            let exchange = national.dropFirst(3).prefix(3)
            let line = national.suffix(4)
            variants += [
                "(\(area)) \(exchange)-\(line)",
                "\(area)-\(exchange)-\(line)",
                "\(area).\(exchange).\(line)",
                "+1 \(area) \(exchange) \(line)",
                "+1 (\(area)) \(exchange)-\(line)",
                "1-\(area)-\(exchange)-\(line)",
            ]
        } else {
            variants += ["0" + national, "+\(self.countryCode) \(national)"]
        }
        return variants
    }

    private static func stripExtension(_ text: String) -> Substring {
        let lowered = text.lowercased()
        for marker in ["ext.", "ext", "x", "#", ";"] {
            if let range = lowered.range(of: marker) {
                let offset = lowered.distance(from: lowered.startIndex, to: range.lowerBound)
                return text.prefix(offset)
            }
        }
        return Substring(text)
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { self >= "0" && self <= "9" }
}

extension Substring {
    fileprivate func trimmingLeadingSpaces() -> Substring { self.drop(while: { $0 == " " || $0 == "\t" }) }
}
