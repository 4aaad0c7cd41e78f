import Foundation

/// Odoo's `phone_mobile_search` (the `mail.thread.phone` mixin, `_search_phone_mobile_search` in
/// odoo/addons/phone_validation, 19.0): a search-only field that compares the model's stored phone
/// fields with their formatting removed — spaces, `\`, `.`, `/`, `(`, `)` and `-`
/// (`PHONE_REGEX_PATTERN`); a `+` stays, so it is **digit-normalised but not country-aware**.
///
/// - A term starting with `+` or `00` matches either international prefix: `=` compares with
///   `+<digits>` and `00<digits>`; `ilike` looks for those as a prefix.
/// - Any other term: `=` compares the cleaned number exactly; `ilike` finds it anywhere in it.
/// - A term shorter than 3 characters is a `UserError` ("Please enter at least 3 characters…").
///
/// So `+14155550123` finds `+1 415 555 0123` but not `(415) 555-0123`, which `4155550123` finds
/// with `ilike` (and also finds `+14155550123` and `1-415-555-0123`). `phone_sanitized` (stored,
/// E.164 for a valid number of the partner's country) is the field to compare an E.164 number with.
enum OdooPhoneSearch {
    /// Removes what `PHONE_REGEX_PATTERN` matches.
    static func clean(_ text: String) -> String {
        String(text.filter { !" \t\n\\./()-".contains($0) })
    }

    /// True when `stored` matches `term` under `op` (`=`, `!=`, `like`, `ilike`, `not ilike`, `=like`, `=ilike`).
    static func matches(stored: String?, op: String, term: String) -> Bool {
        let negative = op.hasPrefix("not ") || op == "!="
        guard let stored, !stored.isEmpty else { return negative }
        let cleaned = OdooPhoneSearch.clean(stored)
        let positive: Bool
        if term.hasPrefix("+") || term.hasPrefix("00") {
            let digits = OdooPhoneSearch.clean(String(term.dropFirst(term.hasPrefix("+") ? 1 : 2)))
            let candidates = ["00" + digits, "+" + digits]
            positive = ["=", "!="].contains(op) ? candidates.contains(cleaned) : candidates.contains { cleaned.hasPrefix($0) }
        } else {
            let digits = OdooPhoneSearch.clean(term)
            positive = ["=", "!="].contains(op) ? cleaned == digits : cleaned.contains(digits)
        }
        return negative ? !positive : positive
    }

    /// E.164 for a North American number in any of the usual formats, else `nil` (Odoo stores `False`):
    /// what `phone_sanitized` holds for a partner in the United States.
    static func sanitized(_ text: String?) -> String? {
        guard let text else { return nil }
        let digits = text.filter(\.isNumber)
        if digits.count == 10 { return "+1" + digits }
        if digits.count == 11, digits.hasPrefix("1") { return "+" + digits }
        return nil
    }
}
