import Foundation
import ScribeApp

/// Prints a value as the JSON every `--json` flag gives: ISO 8601 dates, sorted keys, URLs as written.
enum JSONOutput {
    static func print(_ value: some Encodable) throws {
        let encoder = CallLogSummary.encoder
        encoder.outputFormatting.insert(.withoutEscapingSlashes)
        Swift.print(String(decoding: try encoder.encode(value), as: UTF8.self))
    }
}
