import Foundation
import ScribeCore

/// A template that cannot be read, or a value it cannot produce.
struct TemplateError: Error, Sendable, Hashable {
    var message: String

    init(_ message: String) {
        self.message = message
    }
}
