import Foundation
import Hummingbird
import Logging
import ServiceLifecycle
import Testing
import Vapor

/// The frameworks a generated server is mounted on; every server test runs once with each, so
/// both adapters are held to the same behaviour.
enum ServerFramework: String, CaseIterable, Sendable {
    case hummingbird = "Hummingbird"
    case vapor = "Vapor"
}

/// Serves the routes `hummingbird` and `vapor` mount, once on each framework, on an ephemeral port
/// of 127.0.0.1; runs `body` with the server's base URL and shuts the server down, also when
/// `body` throws. A failure is recorded naming the framework, and the next framework still runs.
///
/// Every generated server's tests start theirs this way: over real HTTP, one server per call.
func withEachFramework(
    hummingbird: (Hummingbird.Router<BasicRequestContext>) -> Void,
    vapor: (Vapor.Application) -> Void,
    _ body: (URL) async throws -> Void
) async throws {
    for framework in ServerFramework.allCases {
        do {
            switch framework {
            case .hummingbird:
                let router = Hummingbird.Router()
                hummingbird(router)
                try await withServing(router, body)
            case .vapor:
                try await withVaporServing(vapor, body)
            }
        } catch {
            Issue.record(error, "served by \(framework.rawValue)")
        }
    }
}

/// Serves `router` with Hummingbird, as `withEachFramework` describes.
func withServing(_ router: Hummingbird.Router<BasicRequestContext>, _ body: (URL) async throws -> Void) async throws {
    var logger = Logger(label: "GeneratedTests")
    logger.logLevel = .critical
    let (portStream, portContinuation) = AsyncStream.makeStream(of: Int.self)
    let app = Hummingbird.Application(
        router: router,
        configuration: .init(address: .hostname("127.0.0.1", port: 0)),
        onServerRunning: { channel in portContinuation.yield(channel.localAddress?.port ?? 0) },
        logger: logger
    )
    let services = ServiceGroup(configuration: .init(services: [app], logger: logger))
    try await withThrowingTaskGroup(of: Void.self) { group in
        group.addTask { try await services.run() }
        var ports = portStream.makeAsyncIterator()
        let port = try #require(await ports.next())
        var failure: (any Error)?
        do {
            try await body(URL(string: "http://127.0.0.1:\(port)")!)
        } catch {
            failure = error
        }
        await services.triggerGracefulShutdown()
        try await group.waitForAll()
        if let failure { throw failure }
    }
}

/// Serves what `mount` adds to a Vapor application, as `withEachFramework` describes.
func withVaporServing(_ mount: (Vapor.Application) -> Void, _ body: (URL) async throws -> Void) async throws {
    var logger = Logger(label: "GeneratedTests")
    logger.logLevel = .critical
    let app = try await Vapor.Application.make(.testing, logger: logger)
    mount(app)
    var failure: (any Error)?
    do {
        try await app.server.start(address: .hostname("127.0.0.1", port: 0))
        let port = try #require(app.http.server.shared.localAddress?.port)
        try await body(URL(string: "http://127.0.0.1:\(port)")!)
    } catch {
        failure = error
    }
    await app.server.shutdown()
    try await app.asyncShutdown()
    if let failure { throw failure }
}
