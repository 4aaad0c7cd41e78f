import ScribeCore
import Testing

/// The ``ConnectorError`` `body` throws, or a recorded issue and `nil`.
func expectConnectorError(_ body: () async throws -> Void) async -> ConnectorError? {
    do {
        try await body()
        Issue.record("expected a ConnectorError")
    } catch let error as ConnectorError {
        return error
    } catch {
        Issue.record("expected a ConnectorError, got \(error)")
    }
    return nil
}
