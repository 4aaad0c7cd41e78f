import Foundation

/// The user's and admin's rules for which calls get logged automatically.
public struct LoggingPolicy: Sendable, Hashable, Codable {
    public var autoLog: Bool
    public var logInternalCalls: Bool
    /// Answered calls shorter than this are not logged; missed calls and voicemails are not affected.
    public var minimumDuration: TimeInterval
    /// E.164 numbers never logged.
    public var blockedNumbers: Set<String>
    /// How to pick when several contacts share the number.
    public var multipleMatches: MultipleMatchRule

    public init(
        autoLog: Bool = true, logInternalCalls: Bool = false, minimumDuration: TimeInterval = 0,
        blockedNumbers: Set<String> = [], multipleMatches: MultipleMatchRule = .mostRecentlyUpdated
    ) {
        self.autoLog = autoLog
        self.logInternalCalls = logInternalCalls
        self.minimumDuration = minimumDuration
        self.blockedNumbers = blockedNumbers
        self.multipleMatches = multipleMatches
    }

    /// What to do with a call that has ended for one extension, before looking up the contact.
    public func decide(_ leg: CallLeg, defaultCountryCode: String) -> PolicyDecision {
        guard self.autoLog else { return .skip(.autoLogOff) }
        if leg.isInternal, !self.logInternalCalls { return .skip(.internalCall) }
        guard let raw = leg.counterpart.phoneNumber, let number = PhoneNumber(parsing: raw, defaultCountryCode: defaultCountryCode) else {
            return .skip(.noPhoneNumber)
        }
        if self.blockedNumbers.contains(number.e164) { return .skip(.blockedNumber) }
        if leg.result == .answered, leg.duration < self.minimumDuration { return .skip(.tooShort) }
        return .lookUpContact(number)
    }

    /// Picks the contact to log against, or says why none.
    public func choose(among contacts: [Contact]) -> ContactChoice {
        switch contacts.count {
        case 0: return .none
        case 1: return .contact(contacts[0], reason: "the only contact with this number")
        default:
            let sorted = self.multipleMatches.sort(contacts)
            return .contact(sorted[0], reason: "\(contacts.count) contacts share this number; chose the \(self.multipleMatches.explanation)")
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
    case none
}

/// How to choose when several contacts match.
public enum MultipleMatchRule: String, Sendable, Hashable, Codable, CaseIterable {
    case mostRecentlyUpdated = "most_recently_updated"
    case alphabetical

    var explanation: String {
        switch self {
        case .mostRecentlyUpdated: "most recently updated"
        case .alphabetical: "first alphabetically"
        }
    }

    func sort(_ contacts: [Contact]) -> [Contact] {
        switch self {
        case .mostRecentlyUpdated:
            contacts.sorted { ($0.updatedAt ?? .distantPast, $1.id.rawValue) > ($1.updatedAt ?? .distantPast, $0.id.rawValue) }
        case .alphabetical:
            contacts.sorted { ($0.name, $0.id.rawValue) < ($1.name, $1.id.rawValue) }
        }
    }
}
