import Foundation
import ScribeCore

/// One way a CRM may have stored a number, tried in order by contact searches that read
/// `{{phone.formatted}}`: `e164` (+14155550123), `digits` (14155550123), `national` (4155550123),
/// `local` (04155550123, the trunk-prefixed national form outside North America), or a mask where
/// each `#` is a digit, e.g. `(###) ###-####` (filled from the national number, or from all digits
/// when the mask has as many `#` as they are; a mask that fits neither is skipped).
enum PhoneFormat: Sendable, Hashable {
    case e164, digits, national, local
    case mask(String)

    init?(_ text: String) {
        switch text {
        case "e164": self = .e164
        case "digits": self = .digits
        case "national": self = .national
        case "local": self = .local
        default:
            guard text.contains("#") else { return nil }
            self = .mask(text)
        }
    }

    /// The number in this format, or nil when a mask does not fit it.
    func format(_ number: PhoneNumber) -> String? {
        switch self {
        case .e164: return number.e164
        case .digits: return number.digits
        case .national: return number.nationalNumber
        case .local: return number.countryCode == "1" ? number.nationalNumber : "0" + number.nationalNumber
        case .mask(let mask):
            let slots = mask.filter { $0 == "#" }.count
            let source = slots == number.nationalNumber.count ? number.nationalNumber : slots == number.digits.count ? number.digits : nil
            guard var digits = source.map({ Array($0) })?.makeIterator() else { return nil }
            return String(mask.map { $0 == "#" ? digits.next() ?? "#" : $0 })
        }
    }
}
