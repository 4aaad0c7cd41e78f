import Foundation
import NIOHTTP1

/// Reading RingCentral's answers: the status to an error kind, the body to a safe message.
enum RingCentralAnswer {
    static func check(status: Int, headers: HTTPHeaders, data: Data, operation: String) throws(TelephonyError) {
        switch status {
        case 200..<300: return
        case 429:
            // Without Retry-After RingCentral advises waiting at least 30 s.
            let retryAfter = headers.first(name: "Retry-After").flatMap(Double.init) ?? 30
            throw TelephonyError(.rateLimited(retryAfter: retryAfter), operation: operation, status: status, message: errorMessage(data))
        case 401, 403:
            throw TelephonyError(.unauthorized, operation: operation, status: status, message: errorMessage(data))
        case 500...:
            throw TelephonyError(.transient, operation: operation, status: status, message: errorMessage(data))
        default:
            let body = RingCentralErrorBody(data)
            throw TelephonyError(.permanent, operation: operation, status: status, message: body.text, errorCode: body.code, parameterName: body.parameter)
        }
    }

    /// RingCentral's `message`, or OAuth's `error` with its description, never the raw body (it may echo secrets).
    static func errorMessage(_ data: Data) -> String {
        let body = RingCentralErrorBody(data)
        guard let error = body.error else { return body.text }
        return body.error_description.map { "\(error): \($0)" } ?? error
    }
}
