import Foundation
import ScribeCore

/// The connection's lookups, fetched once (by the first operation that needs them) and kept; a
/// failed fetch is not kept, so the next operation tries again.
actor LookupCache {
    private var values: JSONValue?
    private var inFlight: Task<Result<JSONValue, ConnectorError>, Never>?

    func values(_ fetch: @escaping @Sendable () async throws(ConnectorError) -> JSONValue) async throws(ConnectorError) -> JSONValue {
        if let values { return values }
        if let inFlight { return try await inFlight.value.get() }
        let task = Task { () -> Result<JSONValue, ConnectorError> in
            do throws(ConnectorError) {
                return .success(try await fetch())
            } catch {
                return .failure(error)
            }
        }
        self.inFlight = task
        let result = await task.value
        self.inFlight = nil
        let values = try result.get()
        self.values = values
        return values
    }
}
