import Foundation

/// Which people a call is logged against when the CRM keeps both contacts and leads (Salesforce)
/// and both have the number.
public enum LeadPriority: String, Sendable, Hashable, Codable, CaseIterable {
    /// Contacts when any has the number, else leads.
    case contactsFirst = "contacts_first"
    /// Leads when any has the number, else contacts.
    case leadsFirst = "leads_first"
    /// Leads are never matched.
    case contactsOnly = "contacts_only"

    /// The people to choose among, and a note saying why, when leads were in play; `found` as it is
    /// (and no note) when none of them is a lead.
    func preferred(_ found: [Contact]) -> (candidates: [Contact], note: String?) {
        let contacts = found.filter { $0.kind == .contact }
        let leads = found.filter { $0.kind == .lead }
        guard !leads.isEmpty else { return (found, nil) }
        let passedOver = { (count: Int, noun: String) in "\(count) \(noun)\(count == 1 ? "" : "s") passed over" }
        switch self {
        case .contactsOnly:
            return (contacts, "leads are not matched (contacts_only): " + passedOver(leads.count, "lead"))
        case .contactsFirst:
            if contacts.isEmpty { return (leads, "no contact has this number, so leads are matched (contacts_first)") }
            return (contacts, "contacts come before leads (contacts_first): " + passedOver(leads.count, "lead"))
        case .leadsFirst:
            if contacts.isEmpty { return (leads, nil) }
            return (leads, "leads come before contacts (leads_first): " + passedOver(contacts.count, "contact"))
        }
    }
}

/// The account's own numbers, which are never looked up as customers: its extensions' short numbers
/// and the company's phone numbers in E.164 (main line, direct numbers).
public struct OwnNumbers: Sendable, Hashable {
    public var extensionNumbers: Set<String>
    public var e164: Set<String>

    public init(extensionNumbers: Set<String> = [], e164: Set<String> = []) {
        self.extensionNumbers = extensionNumbers
        self.e164 = e164
    }

    /// Whether `raw` (as the phone system reported it) is one of ours: an extension number typed as
    /// digits, or a number whose E.164 form is the company's.
    public func contains(raw: String, parsed: PhoneNumber?) -> Bool {
        let digits = raw.filter(\.isNumber)
        if !digits.isEmpty, digits.count == raw.trimmingCharacters(in: .whitespaces).count, self.extensionNumbers.contains(digits) { return true }
        return parsed.map { self.e164.contains($0.e164) } ?? false
    }
}
