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
}
