import Foundation
import Logging

/// Sets up swift-log once for a command: to standard error, at `level`.
enum CommandLogging {
    static func bootstrap(level: Logger.Level) -> Logger {
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
        var logger = Logger(label: "callscribe")
        logger.logLevel = level
        return logger
    }
}
