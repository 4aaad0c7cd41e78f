import ArgumentParser
import Foundation
import ScribeApp

/// Settings as `serve` reads them: the environment over `--config FILE`. A bad one ends the command
/// with a message naming it and EX_CONFIG, before anything is touched.
enum CommandSettings {
    static func source(configFile: String?) throws -> SettingsSource {
        do {
            return try SettingsSource(configFile: configFile)
        } catch let error as ConfigurationError {
            throw self.exit(error)
        }
    }

    /// The whole configuration, as `serve` needs it (RingCentral and CRM credentials included).
    static func configuration(configFile: String?) throws -> CallscribeConfiguration {
        let source = try self.source(configFile: configFile)
        do throws(ConfigurationError) {
            return try CallscribeConfiguration(source)
        } catch {
            throw self.exit(error)
        }
    }

    /// Prints the error (it names a setting, never a secret value) and gives the exit code.
    static func exit(_ error: ConfigurationError) -> ExitCode {
        FileHandle.standardError.write(Data("callscribe: configuration error: \(error)\n".utf8))
        return ExitCode(78)  // EX_CONFIG
    }
}
