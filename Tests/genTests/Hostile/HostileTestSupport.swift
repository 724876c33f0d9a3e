import Foundation
import Testing

/// A run of a real executable (`gen`, `swiftc`, a compiled probe) with a wall-clock bound.
struct BoundedRun {
    var status: Int32
    /// Ended by a signal (a trap, a stack overflow, or our kill after the timeout), not by `exit`.
    var signaled: Bool
    var timedOut: Bool
    var stdout: String
    var stderr: String
    /// Wall-clock time from launch to exit.
    var seconds: Double
}

/// Runs `executable` in `directory`, killing it after `timeout` seconds. Output goes to files, so a
/// chatty or hung child can never stall on a full pipe.
func runBounded(_ executable: URL, _ arguments: [String], in directory: URL, timeout: Double) throws -> BoundedRun {
    let logs = FileManager.default.temporaryDirectory.appendingPathComponent("gen-hostile-logs-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: logs, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: logs) }
    let outURL = logs.appendingPathComponent("stdout")
    let errURL = logs.appendingPathComponent("stderr")
    _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
    _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
    let out = try FileHandle(forWritingTo: outURL)
    let err = try FileHandle(forWritingTo: errURL)
    defer {
        try? out.close()
        try? err.close()
    }

    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    process.currentDirectoryURL = directory
    process.standardInput = FileHandle.nullDevice
    process.standardOutput = out
    process.standardError = err
    let start = Date()
    try process.run()
    var timedOut = false
    while process.isRunning {
        if Date().timeIntervalSince(start) > timeout {
            timedOut = true
            kill(process.processIdentifier, SIGKILL)
            break
        }
        usleep(5_000)
    }
    while process.isRunning { usleep(5_000) }
    let seconds = Date().timeIntervalSince(start)
    return BoundedRun(
        status: process.terminationStatus,
        signaled: process.terminationReason == .uncaughtSignal,
        timedOut: timedOut,
        stdout: String(decoding: (try? Data(contentsOf: outURL)) ?? Data(), as: UTF8.self),
        stderr: String(decoding: (try? Data(contentsOf: errURL)) ?? Data(), as: UTF8.self),
        seconds: seconds
    )
}

/// Runs the real `gen` on `spec` inside `directory`, writing to `directory/out` with the repository's templates.
func runGenBounded(_ spec: String, in directory: URL, extra: [String] = [], timeout: Double = 20) throws -> BoundedRun {
    try runBounded(
        Repository.genExecutable,
        [spec, "--templates", Repository.templates, "--output", "out"] + extra,
        in: directory,
        timeout: timeout
    )
}

/// Every line gen may print on standard error: a compiler-style diagnostic, a position-less
/// `gen:` line, or the closing count. Anything else (a message broken over lines, a stack trace)
/// is not.
func malformedStderrLines(_ stderr: String) -> [String] {
    let diagnostic = #/[^\n]+:[0-9]+:[0-9]+: (error|warning|note): [^\n]+/#
    let positionless = #/gen: (error|warning|note): [^\n]+|gen: wrote [0-9]+, unchanged [0-9]+, removed [0-9]+ file\(s\) in '[^\n]*'/#
    let count = #/[0-9]+ errors?, [0-9]+ warnings?/#
    return stderr.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init).filter { line in
        line.wholeMatch(of: diagnostic) == nil && line.wholeMatch(of: positionless) == nil && line.wholeMatch(of: count) == nil
    } + (stderr.isEmpty || stderr.hasSuffix("\n") ? [] : ["(no final newline)"])
}

/// The run ended by itself (no timeout, no signal) with exit status 1; every line on standard
/// error is a well-formed diagnostic; one error is at `file` (with a position unless `file` is
/// `nil`, which means a position-less `gen: error:`) and contains `message`; and the output
/// folder was not created.
func expectRejected(
    _ run: BoundedRun, file: String?, message: String, outputFolder: URL,
    sourceLocation: Testing.SourceLocation = #_sourceLocation
) {
    #expect(!run.timedOut, "gen ran longer than its bound and was killed", sourceLocation: sourceLocation)
    #expect(!run.signaled, "gen died of signal \(run.status)\n\(run.stderr.prefix(2000))", sourceLocation: sourceLocation)
    #expect(run.status == 1, "exit status \(run.status)\n\(run.stderr.prefix(2000))", sourceLocation: sourceLocation)
    #expect(malformedStderrLines(run.stderr).isEmpty, "malformed diagnostics: \(malformedStderrLines(run.stderr).map { String($0.prefix(300)) })", sourceLocation: sourceLocation)
    let lines = run.stderr.split(separator: "\n").map(String.init)
    let matching = lines.contains { line in
        let positioned: Bool
        if let file {
            positioned = line.hasPrefix(file + ":") && line.dropFirst(file.count + 1).wholeMatch(of: #/[0-9]+:[0-9]+: error: .*/#) != nil
        } else {
            positioned = line.hasPrefix("gen: error: ")
        }
        return positioned && (message.isEmpty || line.contains(message))
    }
    #expect(matching, "no error at \(file ?? "gen:") containing \"\(message)\" in:\n\(run.stderr.prefix(2000))", sourceLocation: sourceLocation)
    #expect(!FileManager.default.fileExists(atPath: outputFolder.path), "the output folder was created", sourceLocation: sourceLocation)
}

/// The run ended by itself with exit status 0 and wrote its output.
func expectAccepted(_ run: BoundedRun, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    #expect(!run.timedOut, "gen ran longer than its bound and was killed", sourceLocation: sourceLocation)
    #expect(!run.signaled, "gen died of signal \(run.status)\n\(run.stderr.prefix(2000))", sourceLocation: sourceLocation)
    #expect(run.status == 0, "exit status \(run.status)\n\(run.stderr.prefix(2000))", sourceLocation: sourceLocation)
    #expect(malformedStderrLines(run.stderr).isEmpty, "malformed diagnostics: \(malformedStderrLines(run.stderr).map { String($0.prefix(300)) })", sourceLocation: sourceLocation)
}

/// The `.swift` files of the models module gen wrote to `output` (models, support, client), sorted.
func moduleSources(in output: URL, module: String) throws -> [String] {
    let folder = output.appendingPathComponent(module)
    return try FileManager.default.contentsOfDirectory(atPath: folder.path)
        .filter { $0.hasSuffix(".swift") }.sorted().map { folder.appendingPathComponent($0).path }
}

/// Type-checks `sources` as one Swift 6 module with warnings as errors; records swiftc's errors.
func expectTypeChecks(
    _ sources: [String], module: String, in directory: URL, timeout: Double = 300,
    sourceLocation: Testing.SourceLocation = #_sourceLocation
) throws {
    let run = try runBounded(
        URL(fileURLWithPath: "/usr/bin/env"),
        ["swiftc", "-typecheck", "-swift-version", "6", "-warnings-as-errors", "-module-name", module] + sources,
        in: directory,
        timeout: timeout
    )
    #expect(!run.timedOut, "swiftc timed out", sourceLocation: sourceLocation)
    #expect(run.status == 0 && !run.signaled, "swiftc failed:\n\(run.stderr.prefix(6000))", sourceLocation: sourceLocation)
}

/// A small deterministic generator (SplitMix64), so "random" inputs are the same on every run.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
