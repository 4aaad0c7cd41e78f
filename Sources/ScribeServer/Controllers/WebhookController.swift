import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import ScribeApp
import ScribeCore

/// `POST /webhooks/ringcentral`: the Validation-Token handshake, then deliveries — checked for the
/// Verification-Token in constant time, stored (deduplicated by event id) and acknowledged at once.
/// Telephony-session events and RingSense "insights ready" events both arrive here.
struct WebhookController {
    /// RingCentral's deliveries are small; anything this large is not one of them.
    static let maximumBodySize = 1 << 20

    let callscribe: Callscribe

    func addRoutes(to router: Router<AppRequestContext>) {
        router.post("/webhooks/ringcentral") { request, context in try await self.receive(request, context) }
    }

    private func receive(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        if let validationToken = request.headers[HTTPField.Name("Validation-Token")!] {
            // Creating a subscription: echo the token, with an empty JSON body, well under 1 KB.
            return Response(
                status: .ok,
                headers: [HTTPField.Name("Validation-Token")!: validationToken, .contentType: "application/json"]
            )
        }
        let token = request.headers[HTTPField.Name("Verification-Token")!]
        guard let token, ConstantTime.equals(token, self.callscribe.webhookToken) else {
            throw APIError(
                .unauthorized, code: "invalid_verification_token",
                message: token == nil ? "The Verification-Token header is missing." : "The Verification-Token header does not match.",
                field: "Verification-Token"
            )
        }
        let body: ByteBuffer
        do {
            body = try await request.body.collect(upTo: Self.maximumBodySize)
        } catch {
            throw APIError(.contentTooLarge, code: "body_too_large", message: "Deliveries are limited to \(Self.maximumBodySize) bytes.")
        }
        let receipt = try await self.callscribe.ingestWebhook(Data(body.readableBytesView))
        return try JSONResponse.make([
            "status": receipt.status.rawValue, "kind": receipt.kind.rawValue, "event": receipt.eventID.rawValue,
            "telephonySessionId": receipt.sessionID?.rawValue ?? "",
        ])
    }
}
