import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

extension SandboxCRMOAuth {
    /// Serves the token endpoint at `path` on `router` (a POST with a urlencoded form).
    func addTokenRoute(to router: Router<BasicRequestContext>, path: RouterPath) {
        router.post(path) { request, _ in
            let form = (try? await request.body.collect(upTo: 64 << 10)).map { String(buffer: $0) } ?? ""
            let host = request.head.authority ?? "127.0.0.1"
            let answer = self.token(form: form, authorization: request.headers[.authorization], instanceURL: "http://\(host)")
            var headers = HTTPFields()
            headers[.contentType] = "application/json;charset=UTF-8"
            headers[.cacheControl] = "no-store"
            let data = (try? JSONSerialization.data(withJSONObject: answer.body, options: [.sortedKeys])) ?? Data("{}".utf8)
            return Response(status: HTTPResponse.Status(code: answer.status), headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
        }
    }
}
