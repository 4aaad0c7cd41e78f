import Foundation
import ScribeCore
import Testing

@Suite("Contacts and leads priority, and the company's own numbers")
struct LeadPriorityTests {
    typealias F = CallFixtures

    static let contact = Contact(id: "003A", name: "Carmen Contact", updatedAt: Date(timeIntervalSince1970: 100))
    static let lead = Contact(id: "00QA", name: "Lena Lead", updatedAt: Date(timeIntervalSince1970: 900), kind: .lead)
    static let otherLead = Contact(id: "00QB", name: "Aaron Lead", updatedAt: Date(timeIntervalSince1970: 500), kind: .lead)

    @Test("contacts_first: the contact, though the lead is newer, and the reason says so")
    func contactsFirst() {
        let choice = LoggingPolicy(leadPriority: .contactsFirst).choose(among: [Self.lead, Self.contact])
        #expect(choice == .contact(Self.contact, reason: "the only contact with this number; contacts come before leads (contacts_first): 1 lead passed over"))
    }

    @Test("contacts_first with leads only: the policy's rule among the leads")
    func contactsFirstLeadsOnly() {
        let choice = LoggingPolicy(leadPriority: .contactsFirst).choose(among: [Self.otherLead, Self.lead])
        #expect(choice == .contact(Self.lead, reason: "2 leads share this number; chose the most recently updated; no contact has this number, so leads are matched (contacts_first)"))
    }

    @Test("leads_first: the lead over the contact")
    func leadsFirst() {
        let choice = LoggingPolicy(leadPriority: .leadsFirst).choose(among: [Self.contact, Self.lead])
        #expect(choice == .contact(Self.lead, reason: "the only lead with this number; leads come before contacts (leads_first): 1 contact passed over"))
    }

    @Test("contacts_only: leads are never matched, so a lead alone is an unknown caller")
    func contactsOnly() {
        #expect(LoggingPolicy(leadPriority: .contactsOnly).choose(among: [Self.lead]) == .none)
        #expect(LoggingPolicy(unknownContact: .createPlaceholder, leadPriority: .contactsOnly).choose(among: [Self.lead]) == .createPlaceholder)
        let both = LoggingPolicy(leadPriority: .contactsOnly).choose(among: [Self.lead, Self.contact])
        #expect(both == .contact(Self.contact, reason: "the only contact with this number; leads are not matched (contacts_only): 1 lead passed over"))
    }

    @Test("ask: a person chooses among the preferred kind only")
    func askAmongPreferred() {
        let contact2 = Contact(id: "003B", name: "Bo Contact")
        let choice = LoggingPolicy(multipleMatches: .askPerson, leadPriority: .contactsFirst).choose(among: [Self.lead, Self.contact, contact2])
        #expect(choice == .askPerson([Self.contact, contact2]))
    }

    @Test("a company number arriving as an outside caller is skipped as our own, before any look-up")
    func companyNumber() {
        let policy = LoggingPolicy(companyNumbers: ["+16505550100"])
        let leg = F.leg(counterpart: CallEndpoint(phoneNumber: "(650) 555-0100"))
        #expect(policy.decide(leg, defaultCountryCode: "1") == .skip(.ownNumber))
        // A person asking does not make the company a customer either.
        #expect(policy.decide(leg, defaultCountryCode: "1", requestedByPerson: true) == .skip(.ownNumber))
        #expect(policy.decide(F.leg(counterpart: CallEndpoint(phoneNumber: "+14155550123")), defaultCountryCode: "1") != .skip(.ownNumber))
    }

    @Test("an extension number or a number the phone system knows as ours is skipped as our own")
    func ownNumbers() {
        let own = OwnNumbers(extensionNumbers: ["101", "102"], e164: ["+16505550201"])
        let policy = LoggingPolicy(logInternalCalls: true)
        #expect(policy.decide(F.leg(counterpart: CallEndpoint(phoneNumber: "102")), defaultCountryCode: "1", ownNumbers: own) == .skip(.ownNumber))
        #expect(policy.decide(F.leg(counterpart: CallEndpoint(phoneNumber: "+1 650 555 0201")), defaultCountryCode: "1", ownNumbers: own) == .skip(.ownNumber))
        #expect(policy.decide(F.leg(counterpart: CallEndpoint(phoneNumber: "+14155550102")), defaultCountryCode: "1", ownNumbers: own) != .skip(.ownNumber))
    }

    @Test("an agent maps to the one active CRM user with their email, whatever its case")
    func ownerByEmail() {
        let users = [
            CRMUser(id: "1", name: "Ada", email: "Ada@Example.com"),
            CRMUser(id: "2", name: "Old Ada", email: "old@example.com", active: false),
            CRMUser(id: "3", name: "Twin", email: "twin@example.com"), CRMUser(id: "4", name: "Twin", email: "twin@example.com"),
        ]
        #expect(CRMUser.owner(withEmail: "ada@example.COM", in: users)?.id == "1")
        #expect(CRMUser.owner(withEmail: "old@example.com", in: users) == nil)
        #expect(CRMUser.owner(withEmail: "twin@example.com", in: users) == nil)
        #expect(CRMUser.owner(withEmail: "", in: users) == nil)
    }

    @Test("a disposition is named by its id or its label")
    func dispositionNamed() {
        let list = [CallDisposition(id: "g-1", label: "Connected"), CallDisposition(id: "g-2", label: "Left voicemail")]
        #expect(CallDisposition.named("g-2", in: list)?.label == "Left voicemail")
        #expect(CallDisposition.named(" connected ", in: list)?.id == "g-1")
        #expect(CallDisposition.named("Busy", in: list) == nil)
    }

    @Test("a contact stored before kinds existed reads as a contact")
    func legacyContactDecodes() throws {
        let contact = try JSONDecoder().decode(Contact.self, from: Data(#"{"id":"1","name":"Old","phoneNumbers":[]}"#.utf8))
        #expect(contact.kind == .contact)
        let lead = try JSONDecoder().decode(Contact.self, from: JSONEncoder().encode(Self.lead))
        #expect(lead == Self.lead)
    }
}
