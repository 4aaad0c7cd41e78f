/// Checks call properties the way HubSpot does before it stores them, against the portal's
/// ``HubSpotCallPropertyCatalogue``.
enum HubSpotCallValidator {
    /// The properties to store, or HubSpot's 400 listing every problem.
    ///
    /// A property the portal lacks is `PROPERTY_DOESNT_EXIST`; a number or an option each property
    /// checks itself (``HubSpotSandboxProperty/problem(with:)``); read-only properties (HubSpot's own
    /// and calculated ones) are accepted but not stored.
    ///
    /// - Parameter isCreate: a create must carry `hs_timestamp`; an update need not.
    static func validated(_ properties: [String: String], isCreate: Bool) throws(HubSpotSandboxError) -> [String: String] {
        typealias Problem = HubSpotSandboxError.PropertyProblem
        let catalogue = HubSpotCallPropertyCatalogue.byName
        var problems = Problem.unknown(properties.keys, known: Set(catalogue.keys))
        if isCreate, (properties["hs_timestamp"] ?? "").isEmpty {
            problems.append(Problem(name: "hs_timestamp", error: "REQUIRED_PROPERTY", message: "Property \"hs_timestamp\" is required"))
        }
        if let timestamp = properties["hs_timestamp"], !timestamp.isEmpty, HubSpotSandboxDate.parse(timestamp) == nil {
            problems.append(Problem(name: "hs_timestamp", error: "INVALID_DATE", message: "\(timestamp) is not a valid date"))
        }
        for (name, value) in properties.sorted(by: { $0.key < $1.key }) {
            if let problem = catalogue[name]?.problem(with: value) { problems.append(problem) }
        }
        guard problems.isEmpty else { throw .invalidProperties(problems) }
        return properties.filter { catalogue[$0.key]?.isReadOnly != true }
    }
}
