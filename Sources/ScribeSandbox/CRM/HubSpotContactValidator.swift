/// Checks contact properties the way HubSpot does before it creates a contact.
enum HubSpotContactValidator {
    /// The default contact properties the sandbox knows.
    static let knownProperties: Set<String> = [
        "firstname", "lastname", "email", "phone", "mobilephone", "company", "jobtitle", "website", "address", "city",
        "state", "zip", "country", "lifecyclestage", "hubspot_owner_id",
    ]

    /// Maintained by HubSpot (the calculated phone forms among them): accepted in a request but never stored from it.
    static let readOnlyProperties: Set<String> = [
        "hs_object_id", "createdate", "lastmodifieddate", "hs_searchable_calculated_phone_number",
        "hs_searchable_calculated_mobile_number", "hs_calculated_phone_number", "hs_calculated_mobile_number",
    ]

    /// HubSpot creates a contact only with at least one of these.
    static let identifyingProperties = ["email", "firstname", "lastname"]

    /// The properties to store, or HubSpot's 400 listing every problem.
    static func validated(_ properties: [String: String]) throws(HubSpotSandboxError) -> [String: String] {
        typealias Problem = HubSpotSandboxError.PropertyProblem
        var problems = Problem.unknown(properties.keys, known: knownProperties.union(readOnlyProperties))
        let identified = identifyingProperties.contains { !(properties[$0] ?? "").allSatisfy(\.isWhitespace) }
        if !identified {
            // The docs say one of the three is required; the wording of HubSpot's refusal is the sandbox's own.
            let message = "A contact needs at least one of email, firstname or lastname"
            problems.append(Problem(name: "lastname", error: "REQUIRED_PROPERTY", message: message))
        }
        if let email = properties["email"], !email.isEmpty, !HubSpotContactValidator.looksLikeEmail(email) {
            problems.append(Problem(name: "email", error: "INVALID_EMAIL", message: "Email address \(email) is invalid"))
        }
        guard problems.isEmpty else { throw .invalidProperties(problems) }
        return properties.filter { !readOnlyProperties.contains($0.key) }
    }

    /// `local@domain.tld`, roughly.
    static func looksLikeEmail(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        return parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".") && !text.contains(where: \.isWhitespace)
    }
}
