import ArgumentParser
import BuildsAPIServer
import BuildsExample
import Foundation
import BuildsAPIHummingbird
import Hummingbird

/// `builds-example-server`: the generated builds API server over an in-memory store, to try by hand:
///
///     swift run builds-example-server --port 8080 --seed Tests/Interop/seed.json --token secret
///     curl -X PATCH -H 'Authorization: Bearer secret' -H 'Content-Type: application/json' \
///          -d '{"description": null}' localhost:8080/api/v1/org/acme/builds/<id>
@main
struct BuildsExampleServer: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "builds-example-server",
        abstract: "Serve the builds API (generated server routes) from an in-memory store."
    )

    @Option(help: "The address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "The port to listen on; 0 picks a free one.")
    var port = 8080

    @Option(help: "A JSON file mapping each org slug to an array of BuildResponse records.")
    var seed: String?

    @Option(help: "The only bearer token accepted.")
    var token: String

    func run() async throws {
        let store: BuildStore
        if let seed {
            guard let data = FileManager.default.contents(atPath: seed) else {
                throw ValidationError("cannot read seed file '\(seed)'")
            }
            store = try BuildStore(seed: data)
        } else {
            store = BuildStore()
        }
        let router = Router()
        BuildsService(store: store).registerRoutes(on: router, authenticator: StaticBearerToken(token))
        let app = Application(
            router: router,
            configuration: .init(address: .hostname(host, port: port)),
            onServerRunning: { channel in
                // Written unbuffered: scripts wait for this line, so it must not sit in a pipe's buffer.
                FileHandle.standardOutput.write(Data("listening on http://\(host):\(channel.localAddress?.port ?? port)\n".utf8))
            }
        )
        try await app.runService()
    }
}
