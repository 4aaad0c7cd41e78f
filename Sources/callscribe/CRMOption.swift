import ArgumentParser
import ScribeApp

/// `--crm hubspot|pipedrive|salesforce`: which sandbox CRM the demo and the benchmark run and log into.
struct CRMOption: ParsableArguments {
    @Option(help: "The sandbox CRM to run and log into: \(CRMOption.choices.joined(separator: ", ")).")
    var crm = CRMSettings.Kind.hubspot.rawValue

    /// The chosen CRM; valid once `validate()` has passed.
    var kind: CRMSettings.Kind { CRMSettings.Kind(rawValue: self.crm.lowercased()) ?? .hubspot }

    func validate() throws {
        guard CRMOption.choices.contains(self.crm.lowercased()) else {
            throw ValidationError("--crm '\(self.crm)' is not one of \(CRMOption.choices.joined(separator: ", "))")
        }
    }

    /// The CRMs with a sandbox the stack can run.
    static let choices = CRMSettings.Kind.allCases.filter { $0 != .file }.map(\.rawValue)
}
