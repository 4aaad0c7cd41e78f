import ArgumentParser
import Foundation
import ScribeApp
import ScribeCore
import ScribeStore

/// `callscribe users …`: the people who sign in to the web app and the API.
struct UsersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "users", abstract: "Add and list the people who sign in.", subcommands: [Add.self, List.self]
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
