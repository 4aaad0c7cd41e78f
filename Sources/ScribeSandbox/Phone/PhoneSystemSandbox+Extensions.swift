import Synchronization
extension PhoneSystemSandbox {
    /// The company's extensions: the seeded ones, then any added while running.
    public var employees: [SandboxCompany.Employee] {
        self.company.employees + self.state.withLock { $0.addedEmployees }
    }

    /// Adds a user extension, as an admin would: RingCentral's extension list shows it from now
    /// on, and calls can be placed to it.
    public func addExtension(extensionID: String, extensionNumber: String, name: String, directNumber: String) {
        let employee = SandboxCompany.Employee(extensionID: extensionID, extensionNumber: extensionNumber, name: name, directNumber: directNumber)
        self.state.withLock { $0.addedEmployees.append(employee) }
    }
}
