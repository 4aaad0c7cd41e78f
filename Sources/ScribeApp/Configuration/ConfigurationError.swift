/// A configuration value that stops start-up, naming the setting at fault.
public struct ConfigurationError: Error, Sendable, Hashable, CustomStringConvertible {
    public var setting: String
    public var problem: String

    public init(setting: String, problem: String) {
        self.setting = setting
        self.problem = problem
    }

    public var description: String { "\(self.setting): \(self.problem)" }
}
