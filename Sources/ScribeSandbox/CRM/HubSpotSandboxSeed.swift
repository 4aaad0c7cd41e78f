import Foundation
import ScribeCore

/// The contacts a sandbox portal starts with, derived from the company alone so that every start
/// (and every restart of a demo) has the same ids and properties.
enum HubSpotSandboxSeed {
    /// One contact per customer, then two more on the first customer's number: a company line
    /// shared by several people, the case that makes a number match more than one contact.
    static func contacts(for company: SandboxCompany) -> (contacts: [SandboxContact], sharedNumber: String?) {
        var contacts = company.customers.enumerated().map { index, customer in
            HubSpotSandboxSeed.contact(
                index: index, firstName: customer.firstName, lastName: customer.lastName, company: customer.company,
                phone: customer.storedPhone, mobile: customer.storedMobile
            )
        }
        guard let shared = company.customers.first, let number = PhoneNumber(parsing: shared.phoneNumber) else {
            return (contacts, nil)
        }
        // The same number as people type it differently: (415) 555-0123 and 415.555.0123.
        let variants = number.storedFormVariants
        let colleagues = [("Front", "Desk", variants.count > 3 ? variants[3] : number.e164), ("Accounts", "Payable", variants.count > 5 ? variants[5] : number.e164)]
        for (offset, colleague) in colleagues.enumerated() {
            contacts.append(
                HubSpotSandboxSeed.contact(
                    index: company.customers.count + offset, firstName: colleague.0, lastName: colleague.1, company: shared.company,
                    phone: colleague.2, mobile: nil
                )
            )
        }
        return (contacts, number.e164)
    }

    static func contact(index: Int, firstName: String, lastName: String, company: String, phone: String, mobile: String?) -> SandboxContact {
        let id = String(1001 + index)
        // Created over the past months, modified a few days later: fixed, so reruns compare equal.
        let created = Date(timeIntervalSince1970: 1_704_103_200 + Double(index) * 6 * 3600)
        let modified = created.addingTimeInterval(Double(index % 30 + 1) * 86_400)
        var properties = [
            "hs_object_id": id,
            "firstname": firstName,
            "lastname": lastName,
            "company": company,
            "phone": phone,
            "createdate": HubSpotSandboxDate.format(created),
            "lastmodifieddate": HubSpotSandboxDate.format(modified),
        ]
        properties.merge(HubSpotSandboxSeed.calculated(phone, kind: "phone")) { $1 }
        if let mobile {
            properties["mobilephone"] = mobile
            properties.merge(HubSpotSandboxSeed.calculated(mobile, kind: "mobile")) { $1 }
        }
        return SandboxContact(id: id, properties: properties)
    }

    /// The read-only properties HubSpot derives from a stored number: national digits for search, and E.164.
    static func calculated(_ stored: String, kind: String) -> [String: String] {
        guard let number = PhoneNumber(parsing: stored) else { return [:] }
        return [
            "hs_searchable_calculated_\(kind)_number": number.nationalNumber,
            "hs_calculated_\(kind)_number": number.e164,
        ]
    }
}
