import HTTPTypes
import Hummingbird
import NIOCore
import ScribeApp
import ScribeCore
import ScribeTelephony

/// `GET /recordings/{id}?sig=…`: the recording links in CRM records. Public: whoever can read the
/// CRM record may play its recording, and the signature is what lets them; the audio comes from the
/// local archive when it has it, otherwise it streams from RingCentral with the server's own token.
/// A `Range` of one span of bytes is answered with 206, so players can seek.
struct RecordingsController {
    let callscribe: Callscribe

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/recordings/{id}") { request, context in
            // The signature is a credential: it is never logged, and a wrong one answers like an unknown recording.
            let signature = request.uri.queryParameters["sig"].map { String($0) }
            let content = try await self.callscribe.recording(context.parameters.get("id") ?? "", signature: signature, range: request.headers[.range])
            return Self.response(content)
        }
    }

    /// The audio as it arrives: 200 with all of it, or 206 with the part asked for.
    static func response(_ content: RecordingContent) -> Response {
        // Private: a shared cache must not keep audio that is only for whoever holds the link.
        var headers: HTTPFields = [.contentType: content.contentType, .cacheControl: "private", .acceptRanges: "bytes"]
        if let range = content.range {
            headers[.contentRange] = range.contentRange(completeLength: content.completeLength)
        }
        let body = ResponseBody(contentLength: content.contentLength) { writer in
            for try await chunk in content.body {
                try await writer.write(chunk)
            }
            try await writer.finish(nil)
        }
        return Response(status: content.range == nil ? .ok : .partialContent, headers: headers, body: body)
    }
}
