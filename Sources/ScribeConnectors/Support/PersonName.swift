/// A contact's name split for CRMs that keep first and last names apart: the last word is the last
/// name and the words before it the first name; a single word is the last name.
///
/// `"Ana María Ruiz"` → first `"Ana María"`, last `"Ruiz"`; `"Cher"` → no first name, last `"Cher"`;
/// a blank name → no first name and an empty last name, for the CRM to refuse.
struct PersonName: Sendable, Hashable {
    var first: String?
    var last: String

    init(splitting name: String) {
        let words = name.split(whereSeparator: \.isWhitespace)
        let first = words.dropLast().joined(separator: " ")
        self.first = first.isEmpty ? nil : first
        self.last = words.last.map(String.init) ?? ""
    }
}
