import ArgumentParser
import Foundation
import Logging
import ScribeApp
import ScribeCore
import ScribeTelephony

/// `callscribe ringcentral`: the RingCentral connection of a server using the authorization-code grant.
struct RingCentralCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ringcentral", abstract: "Connect RingCentral (authorization-code grant) and see the connection.",
        subcommands: [Authorize.self, Status.self]
    )

    /// Connects from a terminal, for a server no browser reaches: prints the sign-in URL, reads back
    /// where RingCentral sent the browser, and stores the token pair in the ledger.
    struct Authorize: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "authorize", abstract: "Sign in to RingCentral from any browser and store the token pair in the ledger.",
            discussion: """
                Prints RingCentral's sign-in URL. Open it, sign in as an admin, and paste the address the browser ends on \
                (…/ringcentral/callback?code=…; the page itself may show an error) on standard input. A running server \
                picks the new pair up from the ledger. Uses the same settings as serve (RINGCENTRAL_AUTH=authorization_code).
                """
        )

        @Option(help: "A JSON file of settings, as for serve.")
        var config: String?

        func run() async throws {
            let configuration = try CommandSettings.configuration(configFile: self.config)
            guard configuration.ringCentral.grant == .authorizationCode else {
                throw CommandFailure("RINGCENTRAL_AUTH is jwt: there is nothing to authorize")
            }
            let logger = CommandLogging.bootstrap(level: max(configuration.logLevel, .warning))
            let redirectURI = configuration.ringCentralRedirectURI(boundPort: configuration.port)
            let state = SecureToken.make()
            try await OutboundHTTP.withClient { client in
                let callscribe = try Callscribe(configuration: configuration, httpClient: client, logger: logger)
                print("Open this address, sign in to RingCentral as an admin, then paste the address the browser ends on:\n")
                print(callscribe.ringCentralAuthorizeURL(redirectURI: redirectURI, state: state) + "\n")
                // Standard output may be a pipe (a script driving the sign-in): show the URL before waiting.
                fflush(nil)
                guard let answer = readLine(strippingNewline: true)?.trimmingCharacters(in: .whitespaces), !answer.isEmpty else {
                    throw CommandFailure("nothing was pasted")
                }
                let code = try Self.code(from: answer, state: state)
                do {
                    try await callscribe.connectRingCentral(code: code, redirectURI: redirectURI)
                } catch {
                    throw CommandFailure("\(error)")
                }
                print("RingCentral connected: \(Status.describe(await callscribe.ringCentralConnectionState()))")
            }
        }

        /// The code from the pasted callback address (whose state must be ours), or the bare code.
        static func code(from answer: String, state: String) throws -> String {
            guard answer.contains("?"), let items = URLComponents(string: answer)?.queryItems else { return answer }
            if let error = items.first(where: { $0.name == "error" })?.value { throw CommandFailure("RingCentral did not connect: \(error)") }
            guard items.first(where: { $0.name == "state" })?.value == state else {
                throw CommandFailure("that address is not from this sign-in (its state differs); start again")
            }
            guard let code = items.first(where: { $0.name == "code" })?.value, !code.isEmpty else { throw CommandFailure("that address has no code") }
            return code
        }
    }

    struct Status: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "status", abstract: "Say whether RingCentral is connected.")

        @Option(help: "A JSON file of settings, as for serve.")
        var config: String?

        func run() async throws {
            let configuration = try CommandSettings.configuration(configFile: self.config)
            let logger = CommandLogging.bootstrap(level: max(configuration.logLevel, .warning))
            try await OutboundHTTP.withClient { client in
                let callscribe = try Callscribe(configuration: configuration, httpClient: client, logger: logger)
                print(Self.describe(await callscribe.ringCentralConnectionState()))
            }
        }

        static func describe(_ state: RingCentralConnectionState) -> String {
            switch state {
            case .jwt: "signed in with the JWT credential (RINGCENTRAL_AUTH=jwt)"
            case .notConnected: "not connected: an admin must connect at /ringcentral/connect, or run `callscribe ringcentral authorize`"
            case .connected(let owner, let until): "connected as extension \(owner ?? "?"); refresh token good until \(until.iso8601)"
            case .needsReauthorization(let reason): "needs an admin to connect again: \(reason)"
            }
        }
    }
}
