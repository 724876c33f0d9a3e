import Foundation
import Hummingbird
import Logging
import ServiceLifecycle
import Testing

/// Serves `router` on an ephemeral port of 127.0.0.1, runs `body` with the server's base URL, then
/// shuts the server down gracefully, also when `body` throws (its error is then rethrown).
///
/// Every generated server's tests start theirs this way: over real HTTP, one server per call.
func withServing(_ router: Router<BasicRequestContext>, _ body: (URL) async throws -> Void) async throws {
    var logger = Logger(label: "GeneratedTests")
    logger.logLevel = .critical
    let (portStream, portContinuation) = AsyncStream.makeStream(of: Int.self)
    let app = Application(
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
