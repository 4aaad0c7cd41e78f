import ArgumentParser

/// `callscribe`: the thin command line over the composition root.
@main
struct CallscribeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "callscribe",
        abstract: "Logs every call from RingCentral into your CRM, from a server, with a ledger of what happened to each call.",
        subcommands: [
            DemoCommand.self, ServeCommand.self, MigrateCommand.self, CallsCommand.self, CoverageCommand.self, BackfillCommand.self,
            ConnectorsCommand.self, EventsCommand.self, BenchCommand.self, UsersCommand.self, OpenAPICommand.self,
            RingCentralCommand.self,
        ]
    )
}
