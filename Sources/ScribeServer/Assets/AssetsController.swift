import Hummingbird
import NIOCore

/// `/assets/app.css` and `/assets/app.js`: the web app's only style and script, built into the binary.
struct AssetsController {
    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/assets/app.css") { _, _ in Self.asset(AppStyle.css, type: "text/css; charset=utf-8") }
        router.get("/assets/app.js") { _, _ in Self.asset(AppScript.js, type: "text/javascript; charset=utf-8") }
    }

    private static func asset(_ text: String, type: String) -> Response {
        Response(status: .ok, headers: [.contentType: type, .cacheControl: "no-cache"], body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}
