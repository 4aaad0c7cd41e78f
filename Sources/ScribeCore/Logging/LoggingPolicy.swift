import Foundation

/// The user's and admin's rules for which calls get logged automatically, and against whom.
public struct LoggingPolicy: Sendable, Hashable, Codable {
    public var autoLog: Bool
    public var logVoicemails: Bool
    public var logInternalCalls: Bool
    /// Answered calls shorter than this are not logged; missed calls and voicemails are not affected.
    public var minimumDuration: TimeInterval
    /// E.164 numbers never logged.
    public var blockedNumbers: Set<String>
    /// Our own extensions whose calls are never logged (a lobby phone, a fax line).
    public var blockedExtensions: Set<ExtensionID>
    /// What to do when no contact has the number.
    public var unknownContact: UnknownContactRule
    /// How to pick when several contacts share the number.
    public var multipleMatches: MultipleMatchRule
    /// Contacts or leads first, where the CRM has both.
    public var leadPriority: LeadPriority
    /// The company's own numbers (E.164) from the settings: never looked up as customers.
    public var companyNumbers: Set<String>

    public init(
        autoLog: Bool = true, logVoicemails: Bool = true, logInternalCalls: Bool = false, minimumDuration: TimeInterval = 0,
        blockedNumbers: Set<String> = [], blockedExtensions: Set<ExtensionID> = [], unknownContact: UnknownContactRule = .leaveUnlogged,
        multipleMatches: MultipleMatchRule = .mostRecentlyUpdated, leadPriority: LeadPriority = .contactsFirst, companyNumbers: Set<String> = []
    ) {
        self.leadPriority = leadPriority
        self.companyNumbers = companyNumbers
        self.autoLog = autoLog
        self.logVoicemails = logVoicemails
        self.logInternalCalls = logInternalCalls
        self.minimumDuration = minimumDuration
        self.blockedNumbers = blockedNumbers
        self.blockedExtensions = blockedExtensions
        self.unknownContact = unknownContact
        self.multipleMatches = multipleMatches
    }

    /// What to do with a call that has ended for one extension, before looking up the contact.
    /// A person asking for the call to be logged (`requestedByPerson`) overrides the automatic rules,
    /// but not the absence of a number to look up, nor a number that is our own (`ownNumbers`, with
    /// ``companyNumbers``): a call with ourselves has no customer to log it against.
    public func decide(_ leg: CallLeg, defaultCountryCode: String, ownNumbers: OwnNumbers = OwnNumbers(), requestedByPerson: Bool = false) -> PolicyDecision {
        if !requestedByPerson {
            guard self.autoLog else { return .skip(.autoLogOff) }
            if leg.continuesSession != nil { return .skip(.partOfAnotherCall) }
            if leg.answeredElsewhere { return .skip(.answeredElsewhere) }
            if self.blockedExtensions.contains(leg.extensionID) { return .skip(.blockedExtension) }
            if leg.isInternal, !self.logInternalCalls { return .skip(.internalCall) }
            if leg.result == .voicemail, !self.logVoicemails { return .skip(.voicemail) }
        }
        let raw = leg.counterpart.phoneNumber
        let parsed = raw.flatMap { PhoneNumber(parsing: $0, defaultCountryCode: defaultCountryCode) }
        // Our own number arriving as an outside caller (a direct line dialled from a desk phone, the
        // main number forwarded back in): internal, whatever the phone system called it.
        var own = ownNumbers
        own.e164.formUnion(self.companyNumbers)
        if let raw, own.contains(raw: raw, parsed: parsed) {
            return .skip(.ownNumber)
        }
        guard let number = parsed else { return .skip(.noPhoneNumber) }
        if !requestedByPerson {
            if self.blockedNumbers.contains(number.e164) { return .skip(.blockedNumber) }
            if leg.result == .answered, leg.duration < self.minimumDuration { return .skip(.tooShort) }
        }
        return .lookUpContact(number)
    }

    /// Picks the contact to log against, or says what to do instead: first contacts or leads, as
    /// ``leadPriority`` says, then among those by ``multipleMatches``. The reason names both choices.
    public func choose(among found: [Contact]) -> ContactChoice {
        let (contacts, note) = self.leadPriority.preferred(found)
        let choice = self.chooseAmong(contacts)
        guard let note else { return choice }
        switch choice {
        case .contact(let contact, let reason): return .contact(contact, reason: "\(reason); \(note)")
        default: return choice
        }
    }

    private func chooseAmong(_ contacts: [Contact]) -> ContactChoice {
        switch contacts.count {
        case 0:
            switch self.unknownContact {
            case .leaveUnlogged: return .none
            case .createPlaceholder: return .createPlaceholder
            case .fallback(let id, let name): return .contact(Contact(id: id, name: name), reason: "no contact has this number; logged against the fallback record")
            }
        case 1: return .contact(contacts[0], reason: "the only \(contacts[0].kind.rawValue) with this number")
        default:
            guard let sorted = self.multipleMatches.sort(contacts) else { return .askPerson(contacts) }
            let noun = contacts.allSatisfy { $0.kind == .lead } ? "leads" : "contacts"
            return .contact(sorted[0], reason: "\(contacts.count) \(noun) share this number; chose the \(self.multipleMatches.explanation)")
        }
    }
}

/// The policy's verdict before the contact look-up.
public enum PolicyDecision: Sendable, Hashable {
    case lookUpContact(PhoneNumber)
    case skip(SkipReason)
}

/// The outcome of choosing among matching contacts.
public enum ContactChoice: Sendable, Hashable {
    case contact(Contact, reason: String)
    /// Several match and the rule is to ask: a person picks.
    case askPerson([Contact])
    /// None matches and the rule is to create one named from the caller id.
    case createPlaceholder
    /// None matches and the rule is to leave the call for logging by hand.
    case none
}

/// What to do when no contact has the number.
public enum UnknownContactRule: Sendable, Hashable, Codable {
    /// Leave the call unlogged, for a person to log by hand (the Unlogged view shows it).
    case leaveUnlogged
    /// Create a contact named from the caller id and log against it.
    case createPlaceholder
    /// Log against one fixed record, e.g. an "Unknown callers" contact.
    case fallback(ContactID, name: String)
}

/// How to choose when several contacts match.
public enum MultipleMatchRule: String, Sendable, Hashable, Codable, CaseIterable {
    case askPerson = "ask"
    case mostRecentlyUpdated = "most_recently_updated"
    case alphabetical
    case earliestCreated = "earliest_created"

    var explanation: String {
        switch self {
        case .askPerson: "one a person picks"
        case .mostRecentlyUpdated: "most recently updated"
        case .alphabetical: "first alphabetically"
        case .earliestCreated: "earliest created"
        }
    }

    /// The contacts in preference order, or nil when a person must choose.
    func sort(_ contacts: [Contact]) -> [Contact]? {
        switch self {
        case .askPerson:
            nil
        case .mostRecentlyUpdated:
            contacts.sorted { ($0.updatedAt ?? .distantPast, $1.id.rawValue) > ($1.updatedAt ?? .distantPast, $0.id.rawValue) }
        case .alphabetical:
            // As people read names: "amy" and "Émile" before "Zoe" (not by code point, which puts every capital and no accent first).
            contacts.sorted { lhs, rhs in
                switch lhs.name.compare(rhs.name, options: [.caseInsensitive, .diacriticInsensitive]) {
                case .orderedAscending: true
                case .orderedDescending: false
                case .orderedSame: (lhs.name, lhs.id.rawValue) < (rhs.name, rhs.id.rawValue)
                }
            }
        case .earliestCreated:
            contacts.sorted { ($0.createdAt ?? .distantFuture, $0.id.rawValue) < ($1.createdAt ?? .distantFuture, $1.id.rawValue) }
        }
    }
}
