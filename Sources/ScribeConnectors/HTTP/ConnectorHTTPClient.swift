import AsyncHTTPClient
import Foundation
import Logging
import NIOCore
import NIOHTTP1
import ScribeCore

/// Sends one JSON request to a CRM and hands back the raw response, for every connector to share.
///
/// It knows nothing about any CRM's error bodies: a response of any status is returned as is, and
/// each connector maps its CRM's failures in one place. Only transport failures (refused, reset,
/// timed out) become errors here, as ``ConnectorError/Kind/transient``.
///
/// Headers are never logged and never copied into errors, so credentials cannot leak through either.
public struct ConnectorHTTPClient: Sendable {
    let httpClient: HTTPClient
    let timeout: TimeAmount
    let logger: Logger
    let maxResponseBytes: Int

    /// - Parameters:
    ///   - httpClient: the shared client; its lifetime belongs to the caller.
    ///   - timeout: the deadline for each request, from sending to the last byte of the response.
    ///   - maxResponseBytes: larger responses fail rather than fill memory.
    public init(httpClient: HTTPClient, timeout: TimeAmount = .seconds(10), maxResponseBytes: Int = 4 << 20, logger: Logger) {
        self.httpClient = httpClient
        self.timeout = timeout
        self.maxResponseBytes = maxResponseBytes
        self.logger = logger
    }

    /// Sends `method url` with `headers` and, when given, `body` encoded as JSON.
    ///
    /// - Parameter operation: names the connector operation in errors and logs, e.g. `hubspot.createCall`.
    /// - Returns: the response, whatever its status.
    /// - Throws: ``ConnectorError`` with kind `.transient` when no complete response arrived, or
    ///   `.permanent` when the request itself cannot be sent (bad URL, unencodable body, oversized response).
    public func send(
        _ method: HTTPMethod,
        url: String,
        headers: HTTPHeaders = [:],
        body: (any Encodable)? = nil,
        operation: String
    ) async throws(ConnectorError) -> ConnectorHTTPResponse {
        var bytes: ByteBuffer?
        if let body {
            do {
                bytes = ByteBuffer(bytes: try JSONEncoder().encode(body))
            } catch {
                throw ConnectorError(.permanent, operation: operation, message: "could not encode the request body: \(error)")
            }
        }
        return try await self.send(method, url: url, headers: headers, body: bytes, contentType: "application/json", operation: operation)
    }

    /// Sends `method url` with `headers` and, when given, `body` as it is, labelled `contentType`.
    ///
    /// The body may carry secrets (token forms), so neither it nor the headers reach a log line or an error.
    public func send(
        _ method: HTTPMethod,
        url: String,
        headers: HTTPHeaders,
        body: ByteBuffer?,
        contentType: String,
        operation: String
    ) async throws(ConnectorError) -> ConnectorHTTPResponse {
        var request = HTTPClientRequest(url: url)
        request.method = method
        request.headers = headers
        if request.headers["Accept"].isEmpty { request.headers.add(name: "Accept", value: "application/json") }
        if let body {
            request.headers.replaceOrAdd(name: "Content-Type", value: contentType)
            request.body = .bytes(body)
        }

        let target = "\(method.rawValue) \(ConnectorHTTPClient.redacted(url))"
        let started = ContinuousClock.now
        do {
            let response = try await self.httpClient.execute(request, timeout: self.timeout, logger: self.logger)
            let bytes = try await response.body.collect(upTo: self.maxResponseBytes)
            self.logger.debug(
                "CRM request",
                metadata: [
                    "operation": "\(operation)", "request": "\(target)", "status": "\(response.status.code)",
                    "elapsed": "\(ContinuousClock.now - started)",
                ]
            )
            return ConnectorHTTPResponse(status: Int(response.status.code), headers: response.headers, body: bytes)
        } catch {
            let failure = ConnectorHTTPClient.transportError(error, target: target, timeout: self.timeout, operation: operation)
            self.logger.debug("CRM request failed", metadata: ["operation": "\(operation)", "request": "\(target)", "error": "\(failure.message)"])
            throw failure
        }
    }

    /// Maps a transport failure to the connector taxonomy, naming the request without its query
    /// (some CRMs take credentials as query parameters).
    static func transportError(_ error: any Error, target: String, timeout: TimeAmount, operation: String) -> ConnectorError {
        if let error = error as? HTTPClientError {
            // `shortDescription` carries no associated values: an invalid header's value could be a token.
            // `unsupportedScheme` carries the scheme, so it can only be recognized by its short description.
            let badURL = [.invalidURL, .emptyHost, .emptyScheme].contains(error) || error.shortDescription == "Unsupported scheme"
            if badURL {
                return ConnectorError(.permanent, operation: operation, message: "\(target): \(error.shortDescription)")
            }
            if [.deadlineExceeded, .readTimeout, .writeTimeout].contains(error) {
                return ConnectorError(.transient, operation: operation, message: "\(target): timed out after \(timeout.milliseconds) ms")
            }
            return ConnectorError(.transient, operation: operation, message: "\(target): \(error.shortDescription)")
        }
        if error is NIOTooManyBytesError {
            return ConnectorError(.permanent, operation: operation, message: "\(target): response too large")
        }
        // Connection refused, reset, DNS failure, TLS failure: all may go away by themselves.
        return ConnectorError(.transient, operation: operation, message: "\(target): \(error)")
    }

    /// The URL without query or fragment.
    static func redacted(_ url: String) -> String {
        String(url.prefix { $0 != "?" && $0 != "#" })
    }

    /// `text` as one path segment: everything but RFC 3986's unreserved characters percent-encoded,
    /// so that a record id can never reach another path (`../`, `?`, `#`).
    static func pathSegment(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: ConnectorHTTPClient.unreserved) ?? ""
    }

    private static let unreserved = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
}

extension TimeAmount {
    fileprivate var milliseconds: Int64 { self.nanoseconds / 1_000_000 }
}
