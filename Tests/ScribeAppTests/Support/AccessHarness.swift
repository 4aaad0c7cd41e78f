import Foundation
import Logging
import ScribeApp
import ScribeCore
import Synchronization
import Testing

/// A ``Callscribe`` on a fresh data folder, its services not running, with a settable clock,
/// numbered ids (`id-1`, `id-2`…) and cheap password hashing: for sign-in, tokens, settings and
/// what each person may see.
struct AccessHarness {
    static let account: AccountID = "acc-1"
    static let password = "correct horse battery"

    let app: Callscribe
    let clock: TestClock

    /// Runs `body` with a Callscribe whose configuration `configure` may change first.
    static func run<T>(
        configure: (inout CallscribeConfiguration) -> Void = { _ in }, _ body: (AccessHarness) async throws -> T
    ) async throws -> T {
        try await withTemporaryDirectory { directory in
            var environment = CallscribeConfigurationTests.minimal
            environment["CALLSCRIBE_DATA_DIR"] = directory.path
            var configuration = try CallscribeConfiguration(try SettingsSource(environment: environment, configFile: nil))
            configuration.passwordHasher = PasswordHasher(costLog2: 4)
            configure(&configuration)
            let clock = TestClock()
            let counter = Mutex(0)
            let effects = Effects(
                now: clock.read,
                makeID: {
                    let number = counter.withLock { next in
                        next += 1
                        return next
                    }
                    return "id-\(number)"
                },
                random: { 0.5 }
            )
            let app = try Callscribe(
                configuration: configuration, effects: effects, logger: Logger(label: "callscribe.tests", factory: { _ in SwiftLogNoOpLogHandler() })
            )
            return try await body(AccessHarness(app: app, clock: clock))
        }
    }

    /// A person of ``account`` (or `account`) with ``password``.
    func user(
        _ email: String, role: Role = .agent, extension extensionID: ExtensionID? = nil, account: AccountID = AccessHarness.account
    ) async throws -> User {
        try await self.app.createUser(
            email: email, name: email.split(separator: "@")[0].capitalized, password: Self.password, role: role, accountID: account, extensionID: extensionID
        )
    }
}

extension PeopleError {
    /// The field an ``invalidField(_:_:)`` names.
    var invalidField: String? {
        if case .invalidField(let field, _) = self { field } else { nil }
    }
}
