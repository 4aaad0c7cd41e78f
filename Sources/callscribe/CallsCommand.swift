import ArgumentParser
import Foundation
import ScribeApp
import ScribeCore
import ScribeStore

/// `callscribe calls …`: the call history from the ledger.
struct CallsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "calls", abstract: "Look at calls and their log state; log or retry one by hand.", subcommands: [List.self, Show.self, Log.self, Retry.self, Fields.self])

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List calls, newest first, with what happened to each.")

        @OptionGroup var ledger: LedgerOptions

        @Flag(help: "Only calls that are not in the CRM (skipped, failed or pending).")
        var unlogged = false

        @Option(help: "all, unlogged, pending, failed, logged or skipped.")
        var filter: String?

        @Option(help: "How many calls at most (1-10000).")
        var limit = 50

        @Flag(help: "Print JSON.")
        var json = false

        func validate() throws {
            guard (1...10_000).contains(self.limit) else { throw ValidationError("--limit must be from 1 to 10000") }
            if let filter, CallLogQuery.Filter(rawValue: filter) == nil {
                throw ValidationError("--filter must be one of \(CallLogQuery.Filter.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            if self.unlogged, self.filter != nil { throw ValidationError("use --unlogged or --filter, not both") }
        }

        func run() async throws {
            let store = try self.ledger.open(creating: false)
            let filter = self.unlogged ? .unlogged : (self.filter.flatMap(CallLogQuery.Filter.init(rawValue:)) ?? .all)
            let calls = try await store.callLogs(CallLogQuery(filter: filter, limit: self.limit)).map(CallLogSummary.init)
            if self.json {
                print(String(decoding: try CallLogSummary.encoder.encode(calls), as: UTF8.self))
                return
            }
            if calls.isEmpty { print("No calls.") }
            for call in calls {
                let time = call.startedAt.formatted(date: .numeric, time: .standard)
                let who = call.contact ?? call.counterpart
                print("\(time)  \(call.direction.padding(toLength: 8, withPad: " ", startingAt: 0)) \(who.padding(toLength: 22, withPad: " ", startingAt: 0)) \(call.state.padding(toLength: 8, withPad: " ", startingAt: 0)) \(call.explanation)")
            }
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show", abstract: "Show one call: its logs, what happened and why, and optionally its raw events in order."
        )

        @OptionGroup var ledger: LedgerOptions

        @Argument(help: "A call-log id or a telephony session id (s-…).")
        var id: String

        @Flag(help: "Also list the telephony events the call was folded from, in sequence order.")
        var events = false

        @Flag(help: "Print JSON.")
        var json = false

        func run() async throws {
            let store = try self.ledger.open(creating: false)
            guard let report = try await CallReport.build(id: self.id, includeEvents: self.events, store: store) else {
                throw ValidationError("no call or call log with id '\(self.id)' in \(self.ledger.path)")
            }
            print(self.json ? String(decoding: try CallLogSummary.encoder.encode(report), as: UTF8.self) : report.text)
        }
    }
}
