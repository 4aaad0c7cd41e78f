import ArgumentParser
import ScribeServer

/// `callscribe openapi`: prints the REST API's OpenAPI document.
struct OpenAPICommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "openapi", abstract: "Print the REST API's OpenAPI 3.1 document.")

    func run() throws {
        print(OpenAPIDocument.json)
    }
}
