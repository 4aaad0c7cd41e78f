import Foundation
import Hummingbird
import ScribeApp
import ScribeCore

/// Failures on the web pages become pages: not signed in → the sign-in page; not allowed → 403;
/// not found → 404; anything else → the API's mapping, shown as a page.
struct PageErrors: RouterMiddleware {
    typealias Context = AppRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch AccessError.notSignedIn, AccessError.sessionExpired {
            let target = request.uri.path == "/" ? "/login" : "/login?next=" + (request.uri.path.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")
            return Response(status: .seeOther, headers: [.location: target])
        } catch AccessError.adminOnly, AccessError.notYourCall {
            return Self.page(context, status: .forbidden, title: "Admins only", message: "This page is for the account's admins.")
        } catch let error as PeopleError {
            if case .logNotFound = error {
                return Self.page(context, status: .notFound, title: "No such call", message: "There is no call here that you can see.")
            }
            return Self.page(context, status: .badRequest, title: "Cannot do that", message: error.description)
        } catch let error as APIError {
            return Self.page(context, status: error.status, title: error.status.reasonPhrase, message: error.message)
        }
    }

    static func page(_ context: Context, status: HTTPResponse.Status, title: String, message: String) -> Response {
        PageLayout(title: title, section: .calls, caller: context.caller).response(
            "<section class=\"problem\" id=\"problem\" data-status=\"\(status.code)\"><h1>\(esc(title))</h1><p>\(esc(message))</p><p><a href=\"/\">Back to calls</a></p></section>",
            status: status
        )
    }
}
