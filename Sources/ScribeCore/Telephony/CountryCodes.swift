import Foundation

/// Country calling codes, enough to split an E.164 number into country code and national number.
///
/// ITU codes are prefix-free: a number starts with exactly one of them. One-digit codes are 1 and 7;
/// the two-digit ones are listed; everything else is three digits.
enum CountryCodes {
    private static let twoDigit: Set<String> = [
        "20", "27", "30", "31", "32", "33", "34", "36", "39", "40", "41", "43", "44", "45", "46", "47", "48", "49",
        "51", "52", "53", "54", "55", "56", "57", "58", "60", "61", "62", "63", "64", "65", "66",
        "81", "82", "84", "86", "90", "91", "92", "93", "94", "95", "98",
    ]

    static func prefix(of digits: String) -> String {
        if digits.hasPrefix("1") || digits.hasPrefix("7") { return String(digits.prefix(1)) }
        let two = String(digits.prefix(2))
        if twoDigit.contains(two) { return two }
        return String(digits.prefix(3))
    }
}
