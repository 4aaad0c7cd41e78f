import Foundation
import Logging

/// Sets up swift-log once for a command: to standard error, at `level`.
enum CommandLogging {
    static func bootstrap(level: Logger.Level) -> Logger {
        // Line-buffer standard output so that what a command prints shows up at once, even in a pipe or file.
        setvbuf(stdout, nil, _IOLBF, 0)
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
