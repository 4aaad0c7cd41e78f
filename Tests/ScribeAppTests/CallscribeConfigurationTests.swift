import Foundation
import Logging
import ScribeApp
import ScribeCore
import ScribeTelephony
import Testing

@Suite("CallscribeConfiguration and SettingsSource")
struct CallscribeConfigurationTests {
    /// The four settings without defaults; everything else may be left out.
    static let minimal: [String: String] = [
        "RINGCENTRAL_CLIENT_ID": "rc-client",
        "RINGCENTRAL_CLIENT_SECRET": "rc-secret-value-7f3a",
        "RINGCENTRAL_JWT": "rc-jwt-value-9c1e",
        "HUBSPOT_ACCESS_TOKEN": "hs-token-value-42b8",
    ]

    func configuration(_ changes: [String: String?] = [:], configFile: String? = nil) throws -> CallscribeConfiguration {
        var environment = Self.minimal
        for (name, value) in changes { environment[name] = value }
        return try CallscribeConfiguration(try SettingsSource(environment: environment, configFile: configFile))
    }

    /// The configuration error `changes` cause; records an issue when there is none.
    func configurationError(_ changes: [String: String?], configFile: String? = nil) -> ConfigurationError? {
        do {
            _ = try self.configuration(changes, configFile: configFile)
            Issue.record("expected a ConfigurationError for \(changes)")
            return nil
        } catch let error as ConfigurationError {
            return error
        } catch {
            Issue.record("expected a ConfigurationError, got \(error)")
            return nil
        }
    }

    @Test("a minimal environment parses, with the documented defaults for the rest")
    func minimalEnvironment() throws {
        let configuration = try self.configuration()
        #expect(configuration.ringCentral.clientID == "rc-client")
        #expect(configuration.ringCentral.clientSecret == "rc-secret-value-7f3a")
        #expect(configuration.ringCentral.jwt == "rc-jwt-value-9c1e")
        #expect(configuration.ringCentral.serverURL == "https://platform.ringcentral.com")
        #expect(configuration.crm == CRMSettings(kind: .hubspot, baseURL: "https://api.hubapi.com", credential: "hs-token-value-42b8"))
        #expect(configuration.host == "127.0.0.1")
        #expect(configuration.port == 8080)
        #expect(configuration.publicURL == nil)
        #expect(configuration.secretKey == nil)
        #expect(configuration.webhookToken == nil)
        #expect(configuration.dataDirectory.lastPathComponent == "data")
        #expect(configuration.databasePath.hasSuffix("/data/callscribe.sqlite"))
        #expect(configuration.defaultCountryCode == "1")
        #expect(configuration.workerConcurrency == 16)
        #expect(configuration.retryPolicy == RetryPolicy(maximumAttempts: 8))
        #expect(configuration.syncInterval == 300)
        #expect(configuration.catchUpWindow == 24 * 3600)
        #expect(configuration.contactCacheLifetime == 600)
        #expect(configuration.logLevel == .info)
        #expect(configuration.webhookAddress(boundPort: 9000) == "http://127.0.0.1:9000/webhooks/ringcentral")
    }

    @Test(
        "a bad value stops start-up with an error naming its setting",
        arguments: [
            ("CALLSCRIBE_PORT", "abc"),
            ("CALLSCRIBE_PORT", "70000"),
            ("CALLSCRIBE_WORKER_CONCURRENCY", "0"),
            ("RINGCENTRAL_SERVER_URL", "ftp://x"),
            ("CALLSCRIBE_LOG_LEVEL", "loud"),
            ("CALLSCRIBE_DEFAULT_COUNTRY_CODE", "0x"),
            ("CALLSCRIBE_DEFAULT_COUNTRY_CODE", "44½"),
            ("CALLSCRIBE_DEFAULT_COUNTRY_CODE", "٤٤"),
        ]
    )
    func badValue(setting: String, value: String) throws {
        let error = try #require(self.configurationError([setting: value]))
        #expect(error.setting == setting)
        #expect(error.description.hasPrefix("\(setting): "))
    }

    @Test(
        "a missing or empty required secret stops start-up naming it, without printing any secret",
        arguments: ["RINGCENTRAL_CLIENT_SECRET", "RINGCENTRAL_JWT", "HUBSPOT_ACCESS_TOKEN"], [nil, ""] as [String?]
    )
    func missingSecret(setting: String, value: String?) throws {
        let error = try #require(self.configurationError([setting: value]))
        #expect(error.setting == setting)
        #expect(error.problem == "is required")
        for secret in Self.minimal.values where secret != "rc-client" {
            #expect(!error.description.contains(secret))
        }
    }

    @Test("the error for a bad secret key says what is wrong without repeating the key")
    func badSecretKeyIsNotPrinted() throws {
        let key = "c2VjcmV0LWtleS10aGF0LWlzLXRvby1zaG9ydA=="
        let configuration = try self.configuration(["CALLSCRIBE_SECRET_KEY": key])
        #expect(configuration.secretKey == key)
        let error = try #require(throws: ConfigurationError.self) {
            try SecretBox(base64Key: configuration.secretKey, dataDirectory: FileManager.default.temporaryDirectory)
        }
        #expect(error.setting == "CALLSCRIBE_SECRET_KEY")
        #expect(!error.description.contains(key))
    }

    @Test("a JSON config file supplies values and the environment overrides them")
    func configFile() async throws {
        try await withTemporaryDirectory { directory in
            let file = directory.appendingPathComponent("callscribe.json")
            let json = """
                {"CALLSCRIBE_PORT": "9090", "CALLSCRIBE_HOST": "0.0.0.0", "CALLSCRIBE_WORKER_CONCURRENCY": 4,
                 "HUBSPOT_API_URL": "http://127.0.0.1:4010/", "HUBSPOT_ACCESS_TOKEN": "from-file", "CALLSCRIBE_LOG_LEVEL": "DEBUG"}
                """
            try Data(json.utf8).write(to: file)
            var environment = Self.minimal
            environment["HUBSPOT_ACCESS_TOKEN"] = nil
            environment["CALLSCRIBE_PORT"] = "9191"

            let configuration = try CallscribeConfiguration(try SettingsSource(environment: environment, configFile: file.path))
            #expect(configuration.port == 9191, "the environment wins over the file")
            #expect(configuration.host == "0.0.0.0")
            #expect(configuration.workerConcurrency == 4, "a JSON number is read as the number")
            #expect(configuration.crm.baseURL == "http://127.0.0.1:4010", "the trailing slash is dropped")
            #expect(configuration.crm.credential == "from-file")
            #expect(configuration.logLevel == .debug)
        }
    }

    @Test("an unknown key in the config file is an error naming the key")
    func unknownKey() async throws {
        try await withTemporaryDirectory { directory in
            let file = directory.appendingPathComponent("callscribe.json")
            try Data(#"{"CALLSCRIBE_PORT": "9090", "CALLSCRIBE_PROT": "9091"}"#.utf8).write(to: file)
            let error = try #require(throws: ConfigurationError.self) {
                try SettingsSource(environment: Self.minimal, configFile: file.path)
            }
            #expect(error.setting == "CALLSCRIBE_PROT")
            #expect(error.problem.contains(file.path))
        }
    }

    @Test("an unreadable config file is an error naming the file")
    func unreadableFile() async throws {
        try await withTemporaryDirectory { directory in
            let missing = directory.appendingPathComponent("missing.json").path
            let error = try #require(throws: ConfigurationError.self) {
                try SettingsSource(environment: Self.minimal, configFile: missing)
            }
            #expect(error.setting == "--config")
            #expect(error.problem.contains(missing))
        }
    }

    @Test("a config file that is not a JSON object is an error naming the file")
    func notAnObject() async throws {
        try await withTemporaryDirectory { directory in
            let file = directory.appendingPathComponent("callscribe.json")
            try Data(#"["CALLSCRIBE_PORT"]"#.utf8).write(to: file)
            let error = try #require(throws: ConfigurationError.self) {
                try SettingsSource(environment: Self.minimal, configFile: file.path)
            }
            #expect(error.setting == "--config")
            #expect(error.problem.contains(file.path))
        }
    }
}
