import ArgumentParser
import ScribeApp

/// `--crm hubspot|pipedrive|salesforce`: which sandbox CRM the demo and the benchmark run and log into.
struct CRMOption: ParsableArguments {
    @Option(help: "The sandbox CRM to run and log into: \(CRMSettings.Kind.allCases.map(\.rawValue).joined(separator: ", ")).")
    var crm = CRMSettings.Kind.hubspot.rawValue

    /// The chosen CRM; valid once `validate()` has passed.
    var kind: CRMSettings.Kind { CRMSettings.Kind(rawValue: self.crm.lowercased()) ?? .hubspot }

    func validate() throws {
        guard CRMSettings.Kind(rawValue: self.crm.lowercased()) != nil else {
            throw ValidationError("--crm '\(self.crm)' is not one of \(CRMSettings.Kind.allCases.map(\.rawValue).joined(separator: ", "))")
        }
    }
}
