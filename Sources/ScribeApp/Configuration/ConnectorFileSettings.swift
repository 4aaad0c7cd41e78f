import Foundation
import ScribeConnectors

extension Setting {
    public static let connectorFile = Setting(
        "CALLSCRIBE_CONNECTOR_FILE", default: nil,
        "With CALLSCRIBE_CRM=file: the connector file (YAML or JSON) describing the CRM; see docs/connector-files.md. Checked at start-up."
    )
    public static let connectorInputs = Setting(
        "CALLSCRIBE_CONNECTOR_INPUTS", default: nil,
        "With CALLSCRIBE_CRM=file: the file's inputs as a JSON object, e.g. {\"api_key\": \"…\"}. Sealed into the ledger; never printed.",
        secret: true
    )

    static let connectorFileSettings: [Setting] = [.connectorFile, .connectorInputs]
}

/// A CRM described by a connector file instead of code: the checked file and the connection's inputs.
public struct ConnectorFileSettings: Sendable, Hashable {
    /// Where the file was read from.
    public var path: String
    public var spec: ConnectorSpec
    /// Held in memory only until it is sealed into the ledger at start-up.
    public var inputs: [String: String]

    public init(path: String, spec: ConnectorSpec, inputs: [String: String]) {
        self.path = path
        self.spec = spec
        self.inputs = inputs
    }

    /// The same file and inputs: the spec is what the file says.
    public static func == (lhs: ConnectorFileSettings, rhs: ConnectorFileSettings) -> Bool {
        lhs.path == rhs.path && lhs.inputs == rhs.inputs && lhs.spec.name == rhs.spec.name
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(self.path)
        hasher.combine(self.inputs)
    }

    /// Reads and checks the file and the inputs; any problem in the file stops start-up, each named by line.
    init(_ source: SettingsSource) throws(ConfigurationError) {
        let path = try source.required(.connectorFile)
        let spec = try ConnectorFileSettings.load(path)
        let inputs = try ConnectorFileSettings.inputs(source.string(.connectorInputs) ?? "{}")
        for input in spec.inputNames where inputs[input.name] == nil && input.defaultValue == nil {
            throw ConfigurationError(setting: Setting.connectorInputs.name, problem: "'\(input.name)' is required by \(path) (\(input.description))")
        }
        if let unknown = Set(inputs.keys).subtracting(spec.inputNames.map(\.name)).sorted().first {
            throw ConfigurationError(setting: Setting.connectorInputs.name, problem: "'\(unknown)' is not an input of \(path)")
        }
        self.init(path: path, spec: spec, inputs: inputs)
    }

    /// The checked file at `path`.
    public static func load(_ path: String) throws(ConfigurationError) -> ConnectorSpec {
        do {
            return try ConnectorSpec.load(contentsOf: path)
        } catch {
            throw ConfigurationError(setting: Setting.connectorFile.name, problem: error.description)
        }
    }

    /// The inputs JSON: an object of names to text (numbers and booleans are taken as their text).
    public static func inputs(_ text: String) throws(ConfigurationError) -> [String: String] {
        guard let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] else {
            throw ConfigurationError(setting: Setting.connectorInputs.name, problem: "is not a JSON object of input names to values")
        }
        var inputs: [String: String] = [:]
        for (name, value) in object {
            switch value {
            case let text as String: inputs[name] = text
            case let number as NSNumber: inputs[name] = number.stringValue
            default: throw ConfigurationError(setting: Setting.connectorInputs.name, problem: "'\(name)' is not a text value")
            }
        }
        return inputs
    }
}
