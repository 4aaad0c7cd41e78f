import HTTPTypes
import Hummingbird
import NIOCore
import ScribeApp
import ScribeTelephony

/// `GET /recordings/{id}?sig=…`: the recording links in CRM records. Public: whoever can read the
/// CRM record may play its recording, and the signature is what lets them; the audio streams from
/// RingCentral with the server's own token.
struct RecordingsController {
    let callscribe: Callscribe

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/recordings/{id}") { request, context in
            // The signature is a credential: it is never logged, and a wrong one answers like an unknown recording.
            let signature = request.uri.queryParameters["sig"].map { String($0) }
            let content = try await self.callscribe.recording(context.parameters.get("id") ?? "", signature: signature)
            return Self.response(content)
        }
    }

    /// The audio as RingCentral sends it, passed on as it arrives.
    static func response(_ content: RecordingContent) -> Response {
        // Private: a shared cache must not keep audio that is only for whoever holds the link.
        let headers: HTTPFields = [.contentType: content.contentType, .cacheControl: "private"]
        let body = ResponseBody(contentLength: content.contentLength) { writer in
            for try await chunk in content.body {
                try await writer.write(chunk)
            }
            try await writer.finish(nil)
        }
        return Response(status: .ok, headers: headers, body: body)
    }
}
