import ArgumentParser
import ScribeDemo

/// `--crm hubspot|pipedrive|salesforce|clio|insightly|zoho-crm|odoo`: which sandbox CRM the demo and
/// the benchmark run and log into; the last four through their shipped connector files.
struct CRMOption: ParsableArguments {
    @Option(help: "The sandbox CRM to run and log into: \(CRMOption.choices.joined(separator: ", ")).")
    var crm = SandboxStackCRM.Vendor.hubspot.rawValue

    /// The chosen CRM; valid once `validate()` has passed.
    var vendor: SandboxStackCRM.Vendor { SandboxStackCRM.Vendor(rawValue: self.crm.lowercased()) ?? .hubspot }

    func validate() throws {
        guard CRMOption.choices.contains(self.crm.lowercased()) else {
            throw ValidationError("--crm '\(self.crm)' is not one of \(CRMOption.choices.joined(separator: ", "))")
        }
    }

    /// The CRMs with a sandbox the stack can run.
    static let choices = SandboxStackCRM.Vendor.allCases.map(\.rawValue)
}
