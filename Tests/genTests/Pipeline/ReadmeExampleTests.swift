import Foundation
import Testing

/// Every ```swift block of README.md compiles: a doc example that does not is a bug.
///
/// Swift code is type-checked in Swift 6 mode against the modules this package builds from
/// `Generated/` (BuildsAPI, its server and AsyncHTTPClient transport), the example service and
/// Hummingbird or Vapor; statements are wrapped in an `async throws` function. Package manifest fragments
/// (`.target(…)` lists, `dependencies:`/`targets:` arguments) are put into a `Package(…)` and
/// evaluated by `swift package dump-package`.
@Suite struct ReadmeExampleTests {
    struct Block: CustomTestStringConvertible, Sendable {
        var line: Int
        var code: String
        var testDescription: String { "README.md:\(line)" }

        var isManifest: Bool {
            code.hasPrefix(".target(") || code.hasPrefix("dependencies:") || code.hasPrefix("targets:")
        }
    }

    static let blocks: [Block] = {
        guard let text = try? String(contentsOf: Repository.root.appendingPathComponent("README.md"), encoding: .utf8) else { return [] }
        var blocks: [Block] = []
        var current: (line: Int, lines: [String])?
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if current == nil, line == "```swift" {
                current = (index + 2, [])
            } else if let open = current {
                if line == "```" {
                    blocks.append(Block(line: open.line, code: open.lines.joined(separator: "\n")))
                    current = nil
                } else {
                    current?.lines.append(String(line))
                }
            }
        }
        return blocks
    }()

    @Test func readmeHasExamples() {
        #expect(Self.blocks.count >= 4)
        #expect(Self.blocks.contains { !$0.isManifest } && Self.blocks.contains(where: \.isManifest))
    }

    @Test(arguments: ReadmeExampleTests.blocks.filter { !$0.isManifest })
    func swiftExampleCompiles(_ block: Block) throws {
        let scratch = try TemporaryDirectory()
        let declaresTypes = block.code.split(separator: "\n").contains { $0.hasPrefix("struct ") || $0.hasPrefix("extension ") }
        let body = declaresTypes ? block.code : "func example() async throws {\n" + block.code + "\n}"
        // Hummingbird and Vapor both have an `Application`: an example names the one it is about.
        let framework = block.code.contains("Vapor.") ? "Vapor" : "Hummingbird"
        let source = """
            import AsyncHTTPClient
            import BuildsAPI
            import BuildsAPIAsyncHTTPClient
            import BuildsAPI\(framework)
            import BuildsAPIServer
            import BuildsExample
            import Foundation
            import \(framework)

            \(body)

            """
        let file = try scratch.write(source, to: "Example.swift")
        let result = try run(["swiftc", "-swift-version", "6", "-typecheck", "-parse-as-library"] + GoldenTests.dependencyFlags() + [file.path])
        #expect(result.status == 0, "README.md:\(block.line): the example does not compile:\n\(result.output)")
    }

    @Test(arguments: ReadmeExampleTests.blocks.filter(\.isManifest))
    func manifestExampleIsValid(_ block: Block) throws {
        let scratch = try TemporaryDirectory()
        // A list of targets is shown as it goes into a package that depends on what they name.
        let arguments = block.code.hasPrefix(".target(") ? """
            dependencies: [
                .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.0.0"),
                .package(url: "https://github.com/swift-server/async-http-client", from: "1.0.0"),
                .package(url: "https://github.com/vapor/vapor", from: "4.0.0"),
            ],
            targets: [
            \(block.code)
            ]
            """ : block.code
        _ = try scratch.write("""
            // swift-tools-version: 6.2
            import PackageDescription

            let package = Package(
                name: "ReadmeExample",
                \(arguments)
            )

            """, to: "Package.swift")
        let result = try run(["swift", "package", "--package-path", scratch.url.path, "dump-package"])
        #expect(result.status == 0, "README.md:\(block.line): the manifest fragment is not valid:\n\(result.output)")
    }

    private func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        let pipe = Pipe()
        process.standardError = pipe
        process.standardOutput = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        while process.isRunning { usleep(10_000) }
        return (process.terminationStatus, String(decoding: output, as: UTF8.self))
    }
}
