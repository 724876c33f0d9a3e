import Diagnostics
import Foundation
@testable import Pipeline

/// Paths of the repository, found from this file so tests run from any working directory.
enum Repository {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let templates = root.appendingPathComponent("Templates").path
    static let goldenFixtures = root.appendingPathComponent("Tests/genTests/Fixtures/golden")

    /// The `gen` executable `swift test` built next to the test bundle.
    static var genExecutable: URL {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("gen")
    }
}

/// A scratch folder removed when the value is released.
final class TemporaryDirectory {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("gen-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(at: url)
    }

    func write(_ text: String, to name: String) throws -> URL {
        let file = url.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: file)
        return file
    }
}

/// The result of running the real `gen` binary.
struct GenRun {
    var status: Int32
    var stdout: String
    var stderr: String
}

/// Runs `gen` with `arguments` in `directory`.
func runGen(_ arguments: [String], in directory: URL) throws -> GenRun {
    let process = Process()
    process.executableURL = Repository.genExecutable
    process.arguments = arguments
    process.currentDirectoryURL = directory
    let stdout = Pipe()
    let stderr = Pipe()
    process.standardOutput = stdout
    process.standardError = stderr
    try process.run()
    // Read both pipes before waiting, so a chatty run cannot fill a pipe and stall.
    let out = stdout.fileHandleForReading.readDataToEndOfFile()
    let err = stderr.fileHandleForReading.readDataToEndOfFile()
    while process.isRunning { usleep(5_000) }
    return GenRun(status: process.terminationStatus, stdout: String(decoding: out, as: UTF8.self), stderr: String(decoding: err, as: UTF8.self))
}
