import ArgumentParser
import Foundation
import ScribeApp
import ScribeCore
import ScribeStore

/// `callscribe users …`: the people who sign in to the web app and the API.
struct UsersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "users", abstract: "Add, list and look after the people who sign in.",
        subcommands: [Add.self, List.self, Password.self, Remove.self]
    )

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add", abstract: "Add a person. The password is read from standard input (one line), never from the command line."
        )

        @OptionGroup var ledger: LedgerOptions

        @Option(help: "Their email, used to sign in.")
        var email: String

        @Option(help: "Their name as the web app shows it.")
        var name: String

        @Option(help: "agent or admin.")
        var role = "agent"

        @Option(help: "The phone-system extension id whose calls are theirs (see `callscribe calls list --json`).")
        var `extension`: String?

        func validate() throws {
            guard Role(rawValue: self.role) != nil else { throw ValidationError("--role must be agent or admin") }
        }

        func run() async throws {
            let store = try self.ledger.open(creating: false)
            let accounts = try await store.accountIDs()
            guard accounts.count == 1, let account = accounts.first else {
                throw ValidationError(accounts.isEmpty ? "the ledger has no account yet; start the server once first" : "the ledger has several accounts")
            }
            if let id = self.extension, !(try await store.extensions(of: account).contains { $0.id.rawValue == id }) {
                throw ValidationError("--extension '\(id)' is not an extension of account \(account)")
            }
            guard let password = readLine(strippingNewline: true) else { throw ValidationError("type the password on standard input") }
            do {
                let user = try await UserDirectory(people: store, passwords: PasswordHasher(), effects: .live).createUser(
                    email: self.email, name: self.name, password: password, role: Role(rawValue: self.role) ?? .agent, accountID: account,
                    extensionID: self.extension.map { ExtensionID($0) }
                )
                print("Added \(user.email) (\(user.role.rawValue)).")
            } catch let error as PeopleError {
                throw ValidationError(error.description)
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List the people of the ledger's account.")

        @OptionGroup var ledger: LedgerOptions

        @Flag(help: "Print JSON.")
        var json = false

        func run() async throws {
            let store = try self.ledger.open(creating: false)
            var users: [User] = []
            for account in try await store.accountIDs() { users += try await store.users(of: account) }
            if self.json {
                struct Row: Encodable { var email: String; var name: String; var role: String; var extensionId: String? }
                let rows = users.map { Row(email: $0.email, name: $0.name, role: $0.role.rawValue, extensionId: $0.extensionID?.rawValue) }
                print(String(decoding: try CallLogSummary.encoder.encode(rows), as: UTF8.self))
                return
            }
            if users.isEmpty { print("No users.") }
            for user in users { print("\(user.email)  \(user.role.rawValue)  \(user.name)  \(user.extensionID?.rawValue ?? "-")") }
        }
    }
}

extension UsersCommand {
    /// `callscribe users password --email E`: sets a forgotten password (read from standard input).
    struct Password: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "password",
            abstract: "Set a person's password, read from standard input (one line); their sessions end."
        )

        @OptionGroup var ledger: LedgerOptions

        @Option(help: "Their email.")
        var email: String

        func run() async throws {
            guard let password = readLine(strippingNewline: true) else { throw ValidationError("type the new password on standard input") }
            let user = try await UsersCommand.withPerson(self.email, ledger: self.ledger) { directory, user in
                try await directory.setPassword(of: user, to: password)
            }
            print("Set the password of \(user.email); their sessions have ended.")
        }
    }

    /// `callscribe users remove --email E`: a person leaves; their calls stay.
    struct Remove: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "remove",
            abstract: "Remove a person with their sessions, API tokens and settings; their extension's calls stay. The last admin stays."
        )

        @OptionGroup var ledger: LedgerOptions

        @Option(help: "Their email.")
        var email: String

        func run() async throws {
            let user = try await UsersCommand.withPerson(self.email, ledger: self.ledger) { directory, user in try await directory.remove(user) }
            print("Removed \(user.email).")
        }
    }

    /// Does `act` to the person with `email` and returns them; an unknown email, or a refusal, is a
    /// message and a non-zero exit.
    static func withPerson(
        _ email: String, ledger: LedgerOptions, _ act: (UserDirectory, User) async throws -> Void
    ) async throws -> User {
        let store = try ledger.open(creating: false)
        guard let found = try await store.credentials(email: email.trimmingCharacters(in: .whitespaces)) else {
            throw CommandFailure("no user with email '\(email)'; `callscribe users list` lists them")
        }
        do {
            try await act(UserDirectory(people: store, passwords: PasswordHasher(), effects: .live), found.user)
        } catch let error as PeopleError {
            throw CommandFailure(error.description)
        }
        return found.user
    }
}
