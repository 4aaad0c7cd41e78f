/// A request body's top-level fields, read with the type checks Pipedrive's schema validation makes;
/// each refusal names the field.
struct PipedriveRequestFields {
    let body: [String: PipedriveJSONValue]

    /// The keys sent, sorted.
    var sentFields: [String] { self.body.keys.sorted() }

    /// Refuses the first field (alphabetically) that is not in `writable`.
    func refuseUnknown(_ writable: Set<String>) throws(PipedriveSandboxError) {
        if let unknown = self.sentFields.first(where: { !writable.contains($0) }) {
            throw .validation(unknown, "unknown field")
        }
    }

    /// Whether `name` was sent with a value other than null.
    func has(_ name: String) -> Bool {
        self.body[name].map { $0 != .null } ?? false
    }

    func string(_ name: String) throws(PipedriveSandboxError) -> String? {
        guard let value = self.body[name], value != .null else { return nil }
        guard let text = value.string else { throw .validation(name, "must be string") }
        return text
    }

    /// A string that must be sent and not be empty.
    func required(_ name: String) throws(PipedriveSandboxError) -> String {
        guard let text = try self.string(name), !text.isEmpty else { throw .validation(name, "is required") }
        return text
    }

    func bool(_ name: String) throws(PipedriveSandboxError) -> Bool? {
        guard let value = self.body[name], value != .null else { return nil }
        guard let flag = value.bool else { throw .validation(name, "must be boolean") }
        return flag
    }

    func integer(_ name: String) throws(PipedriveSandboxError) -> Int? {
        guard let value = self.body[name], value != .null else { return nil }
        guard let number = value.integer else { throw .validation(name, "must be integer") }
        return number
    }
}
