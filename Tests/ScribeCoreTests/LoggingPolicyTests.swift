import Foundation
import ScribeCore
import Testing

@Suite("LoggingPolicy")
struct LoggingPolicyTests {
    typealias F = CallFixtures

    @Test("skips every call when automatic logging is off")
    func autoLogOff() {
        let policy = LoggingPolicy(autoLog: false)
        #expect(policy.decide(F.leg(), defaultCountryCode: "1") == .skip(.autoLogOff))
        #expect(policy.decide(F.leg(counterpart: CallEndpoint(phoneNumber: "102")), defaultCountryCode: "1") == .skip(.autoLogOff))
    }

    @Test("skips internal calls unless they are to be logged")
    func internalCall() {
        let leg = F.leg(counterpart: CallEndpoint(phoneNumber: "102", extensionID: "ext-102"))
        #expect(LoggingPolicy().decide(leg, defaultCountryCode: "1") == .skip(.internalCall))
        // Logged internal calls still need a public number to look up.
        #expect(LoggingPolicy(logInternalCalls: true).decide(leg, defaultCountryCode: "1") == .skip(.noPhoneNumber))
    }

    @Test("skips calls with no or an unusable caller number", arguments: [nil, "anonymous", "Unknown", "+1"] as [String?])
    func noPhoneNumber(number: String?) {
        let leg = F.leg(counterpart: CallEndpoint(phoneNumber: number, name: "Private"))
        #expect(LoggingPolicy().decide(leg, defaultCountryCode: "1") == .skip(.noPhoneNumber))
    }

    @Test("skips blocked numbers, matched on E.164 whatever the format reported")
    func blockedNumber() {
        let policy = LoggingPolicy(blockedNumbers: ["+14155550123"])
        #expect(policy.decide(F.leg(counterpart: CallEndpoint(phoneNumber: "(415) 555-0123")), defaultCountryCode: "1") == .skip(.blockedNumber))
        #expect(policy.decide(F.leg(counterpart: CallEndpoint(phoneNumber: "+14155550199")), defaultCountryCode: "1") != .skip(.blockedNumber))
    }

    @Test("skips answered calls shorter than the minimum, but not missed ones")
    func tooShort() throws {
        let policy = LoggingPolicy(minimumDuration: 30)
        #expect(policy.decide(F.leg(answeredFor: 10), defaultCountryCode: "1") == .skip(.tooShort))
        let number = try #require(PhoneNumber(parsing: "+14155550123"))
        #expect(policy.decide(F.leg(answeredFor: 30), defaultCountryCode: "1") == .lookUpContact(number))
        #expect(policy.decide(F.leg(answeredFor: nil), defaultCountryCode: "1") == .lookUpContact(number))
    }

    @Test("looks up the contact by the normalized number otherwise")
    func lookUpContact() throws {
        let us = try #require(PhoneNumber(parsing: "+14155550123"))
        #expect(LoggingPolicy().decide(F.leg(counterpart: CallEndpoint(phoneNumber: "415.555.0123")), defaultCountryCode: "1") == .lookUpContact(us))
        let london = try #require(PhoneNumber(parsing: "+442079460000"))
        #expect(LoggingPolicy().decide(F.leg(counterpart: CallEndpoint(phoneNumber: "020 7946 0000")), defaultCountryCode: "44") == .lookUpContact(london))
        #expect(LoggingPolicy().decide(F.leg(direction: .outbound, counterpart: CallEndpoint(phoneNumber: "+14155550123")), defaultCountryCode: "1") == .lookUpContact(us))
    }

    static let contacts = [
        Contact(id: "c-3", name: "Zoe Zimmer", updatedAt: CallFixtures.t0),
        Contact(id: "c-1", name: "Bob Brown", updatedAt: CallFixtures.t0.addingTimeInterval(100)),
        Contact(id: "c-2", name: "Amy Adams", updatedAt: nil),
    ]

    @Test("chooses nobody among no contacts", arguments: MultipleMatchRule.allCases)
    func noContacts(rule: MultipleMatchRule) {
        #expect(LoggingPolicy(multipleMatches: rule).choose(among: []) == .none)
    }

    @Test("chooses the only contact and says so", arguments: MultipleMatchRule.allCases)
    func oneContact(rule: MultipleMatchRule) {
        let contact = Self.contacts[0]
        #expect(LoggingPolicy(multipleMatches: rule).choose(among: [contact]) == .contact(contact, reason: "the only contact with this number"))
    }

    @Test("chooses the most recently updated of several contacts, whatever their order")
    func mostRecentlyUpdated() {
        let policy = LoggingPolicy(multipleMatches: .mostRecentlyUpdated)
        for order in CallFixtures.permutations(Self.contacts) {
            #expect(policy.choose(among: order) == .contact(Self.contacts[1], reason: "3 contacts share this number; chose the most recently updated"))
        }
    }

    @Test("breaks a tie in update time by contact id")
    func mostRecentlyUpdatedTie() {
        let a = Contact(id: "c-a", name: "Second", updatedAt: CallFixtures.t0)
        let b = Contact(id: "c-b", name: "First", updatedAt: CallFixtures.t0)
        let policy = LoggingPolicy(multipleMatches: .mostRecentlyUpdated)
        #expect(policy.choose(among: [a, b]) == .contact(a, reason: "2 contacts share this number; chose the most recently updated"))
        #expect(policy.choose(among: [b, a]) == .contact(a, reason: "2 contacts share this number; chose the most recently updated"))
    }

    @Test("chooses the first of several contacts alphabetically, whatever their order")
    func alphabetical() {
        let policy = LoggingPolicy(multipleMatches: .alphabetical)
        for order in CallFixtures.permutations(Self.contacts) {
            #expect(policy.choose(among: order) == .contact(Self.contacts[2], reason: "3 contacts share this number; chose the first alphabetically"))
        }
    }

    // MARK: More of decide

    static let number = PhoneNumber(parsing: "+14155550123")!

    @Test("skips calls of a blocked extension")
    func blockedExtension() {
        let policy = LoggingPolicy(blockedExtensions: ["ext-101"])
        #expect(policy.decide(F.leg(), defaultCountryCode: "1") == .skip(.blockedExtension))
        #expect(LoggingPolicy(blockedExtensions: ["ext-999"]).decide(F.leg(), defaultCountryCode: "1") == .lookUpContact(Self.number))
    }

    @Test("skips voicemails unless they are to be logged")
    func voicemail() {
        #expect(LoggingPolicy(logVoicemails: false).decide(F.voicemailLeg, defaultCountryCode: "1") == .skip(.voicemail))
        #expect(LoggingPolicy(logVoicemails: true).decide(F.voicemailLeg, defaultCountryCode: "1") == .lookUpContact(Self.number))
    }

    @Test("voicemails and missed calls are never too short")
    func minimumDurationOnlyForAnswered() {
        let policy = LoggingPolicy(minimumDuration: 3600)
        #expect(policy.decide(F.voicemailLeg, defaultCountryCode: "1") == .lookUpContact(Self.number))
        #expect(policy.decide(F.leg(answeredFor: nil), defaultCountryCode: "1") == .lookUpContact(Self.number))
    }

    @Test("logs an internal call with a public number when internal calls are to be logged")
    func internalCallLogged() {
        let leg = F.leg(counterpart: CallEndpoint(phoneNumber: "+14155550123", extensionID: "ext-102"))
        #expect(LoggingPolicy().decide(leg, defaultCountryCode: "1") == .skip(.internalCall))
        #expect(LoggingPolicy(logInternalCalls: true).decide(leg, defaultCountryCode: "1") == .lookUpContact(Self.number))
    }

    /// Each automatic rule, with a policy and a leg that it skips.
    static let automaticRules: [(SkipReason, LoggingPolicy, CallLeg)] = [
        (.autoLogOff, LoggingPolicy(autoLog: false), CallFixtures.leg()),
        (.blockedExtension, LoggingPolicy(blockedExtensions: ["ext-101"]), CallFixtures.leg()),
        (.internalCall, LoggingPolicy(), CallFixtures.leg(counterpart: CallEndpoint(phoneNumber: "+14155550123", extensionID: "ext-102"))),
        (.voicemail, LoggingPolicy(logVoicemails: false), CallFixtures.voicemailLeg),
        (.blockedNumber, LoggingPolicy(blockedNumbers: ["+14155550123"]), CallFixtures.leg()),
        (.tooShort, LoggingPolicy(minimumDuration: 30), CallFixtures.leg(answeredFor: 10)),
    ]

    @Test("a person's request overrides each automatic rule", arguments: automaticRules)
    func personOverrides(reason: SkipReason, policy: LoggingPolicy, leg: CallLeg) {
        #expect(policy.decide(leg, defaultCountryCode: "1") == .skip(reason))
        #expect(policy.decide(leg, defaultCountryCode: "1", requestedByPerson: true) == .lookUpContact(Self.number))
    }

    @Test("a person's request does not override the absence of a number", arguments: [nil, "anonymous", "102"] as [String?])
    func personCannotLogWithoutNumber(number: String?) {
        let leg = F.leg(counterpart: CallEndpoint(phoneNumber: number))
        #expect(LoggingPolicy().decide(leg, defaultCountryCode: "1", requestedByPerson: true) == .skip(.noPhoneNumber))
        #expect(LoggingPolicy(autoLog: false).decide(leg, defaultCountryCode: "1", requestedByPerson: true) == .skip(.noPhoneNumber))
    }

    @Test("checks the rules in order: auto-log, extension, internal, voicemail, number, blocked number, duration")
    func ruleOrder() {
        let everything = LoggingPolicy(
            autoLog: false, logVoicemails: false, minimumDuration: 3600, blockedNumbers: ["+14155550123"], blockedExtensions: ["ext-101"]
        )
        let leg = F.leg(answeredFor: 10)
        #expect(everything.decide(leg, defaultCountryCode: "1") == .skip(.autoLogOff))
        var policy = everything
        policy.autoLog = true
        #expect(policy.decide(leg, defaultCountryCode: "1") == .skip(.blockedExtension))
        policy.blockedExtensions = []
        #expect(policy.decide(F.leg(counterpart: CallEndpoint(phoneNumber: nil, extensionID: "ext-102")), defaultCountryCode: "1") == .skip(.internalCall))
        #expect(policy.decide(F.voicemailLeg, defaultCountryCode: "1") == .skip(.voicemail))
        #expect(policy.decide(F.leg(counterpart: CallEndpoint(phoneNumber: nil)), defaultCountryCode: "1") == .skip(.noPhoneNumber))
        #expect(policy.decide(leg, defaultCountryCode: "1") == .skip(.blockedNumber))
        policy.blockedNumbers = []
        #expect(policy.decide(leg, defaultCountryCode: "1") == .skip(.tooShort))
    }

    // MARK: More of choose

    @Test("with no contact: leaves the call unlogged, creates a placeholder, or logs against the fallback record")
    func unknownContactRules() {
        #expect(LoggingPolicy(unknownContact: .leaveUnlogged).choose(among: []) == .none)
        #expect(LoggingPolicy(unknownContact: .createPlaceholder).choose(among: []) == .createPlaceholder)
        #expect(
            LoggingPolicy(unknownContact: .fallback("c-unknown", name: "Unknown callers")).choose(among: [])
                == .contact(Contact(id: "c-unknown", name: "Unknown callers"), reason: "no contact has this number; logged against the fallback record")
        )
    }

    @Test("the unknown-contact rule does not apply when a contact has the number", arguments: [UnknownContactRule.createPlaceholder, .fallback("c-unknown", name: "Unknown callers")])
    func unknownContactRuleNotApplied(rule: UnknownContactRule) {
        let contact = Self.contacts[0]
        #expect(LoggingPolicy(unknownContact: rule).choose(among: [contact]) == .contact(contact, reason: "the only contact with this number"))
    }

    @Test("asks a person to choose among several contacts, in the order they were found")
    func askPerson() {
        let policy = LoggingPolicy(multipleMatches: .askPerson)
        #expect(policy.choose(among: Self.contacts) == .askPerson(Self.contacts))
        #expect(policy.choose(among: Self.contacts.reversed()) == .askPerson(Self.contacts.reversed()))
    }

    @Test("a contact never updated comes after every contact that was")
    func mostRecentlyUpdatedNil() {
        let never = Contact(id: "c-0", name: "Never", updatedAt: nil)
        let once = Contact(id: "c-9", name: "Once", updatedAt: .distantPast.addingTimeInterval(1))
        #expect(LoggingPolicy(multipleMatches: .mostRecentlyUpdated).choose(among: [never, once]) == .contact(once, reason: "2 contacts share this number; chose the most recently updated"))
    }

    @Test("breaks a tie in name by contact id")
    func alphabeticalTie() {
        let a = Contact(id: "c-a", name: "Jane Doe", updatedAt: CallFixtures.t0)
        let b = Contact(id: "c-b", name: "Jane Doe", updatedAt: CallFixtures.t0.addingTimeInterval(100))
        let policy = LoggingPolicy(multipleMatches: .alphabetical)
        #expect(policy.choose(among: [a, b]) == .contact(a, reason: "2 contacts share this number; chose the first alphabetically"))
        #expect(policy.choose(among: [b, a]) == .contact(a, reason: "2 contacts share this number; chose the first alphabetically"))
    }

    @Test("orders names alphabetically whatever their case and accents")
    func alphabeticalIgnoresCaseAndAccents() {
        let policy = LoggingPolicy(multipleMatches: .alphabetical)
        let zoe = Contact(id: "c-1", name: "Zoe Zimmer")
        let amy = Contact(id: "c-2", name: "amy adams")
        let emile = Contact(id: "c-3", name: "Émile Zola")
        for order in CallFixtures.permutations([zoe, amy, emile]) {
            #expect(policy.choose(among: order) == .contact(amy, reason: "3 contacts share this number; chose the first alphabetically"))
        }
        #expect(policy.choose(among: [zoe, emile]) == .contact(emile, reason: "2 contacts share this number; chose the first alphabetically"))
    }

    static let created = [
        Contact(id: "c-3", name: "Zoe Zimmer", createdAt: CallFixtures.t0.addingTimeInterval(-100)),
        Contact(id: "c-1", name: "Bob Brown", createdAt: CallFixtures.t0),
        Contact(id: "c-2", name: "Amy Adams", createdAt: nil),
    ]

    @Test("chooses the earliest created of several contacts, whatever their order; one with no creation time comes last")
    func earliestCreated() {
        let policy = LoggingPolicy(multipleMatches: .earliestCreated)
        for order in CallFixtures.permutations(Self.created) {
            #expect(policy.choose(among: order) == .contact(Self.created[0], reason: "3 contacts share this number; chose the earliest created"))
        }
        #expect(policy.choose(among: [Self.created[2], Self.created[1]]) == .contact(Self.created[1], reason: "2 contacts share this number; chose the earliest created"))
    }

    @Test("breaks a tie in creation time by contact id")
    func earliestCreatedTie() {
        let a = Contact(id: "c-a", name: "Zed", createdAt: CallFixtures.t0)
        let b = Contact(id: "c-b", name: "Abe", createdAt: CallFixtures.t0)
        let policy = LoggingPolicy(multipleMatches: .earliestCreated)
        #expect(policy.choose(among: [a, b]) == .contact(a, reason: "2 contacts share this number; chose the earliest created"))
        #expect(policy.choose(among: [b, a]) == .contact(a, reason: "2 contacts share this number; chose the earliest created"))
        let noTimes = [Contact(id: "c-y", name: "Y"), Contact(id: "c-x", name: "X")]
        #expect(policy.choose(among: noTimes) == .contact(noTimes[1], reason: "2 contacts share this number; chose the earliest created"))
    }
}
