import Foundation
import Logging
import ScribeApp
import ScribeDemo
import Testing

/// The stack's choice of CRM, beyond the calls themselves (those are the end-to-end suites).
@Suite("The sandbox stack runs the chosen CRM")
struct SandboxStackCRMTests {
    @Test("a data folder whose ledger logged into one CRM is refused for another, naming both")
    func refusesAnotherCRMsFolder() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("callscribe-test-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        var logger = Logger(label: "test")
        logger.logLevel = .critical
        var options = SandboxStackOptions(dataDirectory: folder)
        options.settings = [Setting.syncInterval.name: "86400"]
        options.crm = .pipedrive
        let kind = try await SandboxStack.run(options, logger: logger) { stack in
            // Known once start-up has stored the CRM connection.
            _ = await stack.callscribe.account()
            return stack.sandboxCRM.vendor
        }
        #expect(kind == .pipedrive)
        options.crm = .salesforce
        do {
            try await SandboxStack.run(options, logger: logger) { _ in Issue.record("a Salesforce stack ran on a Pipedrive ledger") }
            Issue.record("no error")
        } catch let error as SandboxStackError {
            #expect("\(error)".contains("pipedrive") && "\(error)".contains("salesforce"))
        }
    }
}
