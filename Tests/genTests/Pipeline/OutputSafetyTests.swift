import Foundation
import Testing
@testable import Pipeline
import Render

/// What gen guarantees about the output folder when runs fail, crash or overlap.
@Suite struct OutputSafetyTests {
    static let otherSpec = CLITests.minimalSpec.replacingOccurrences(of: "name: {type: string}", with: "name: {type: string}\n        size: {type: integer}")

    func files(_ pairs: [(String, String)]) -> [OutputFile] {
        pairs.map { OutputFile(path: $0.0, contents: $0.1) }
    }

    /// Every file under `url`, relative path → contents.
    func snapshot(_ url: URL) -> [String: String] {
        var result: [String: String] = [:]
        let root = url.standardizedFileURL.path
        let enumerator = FileManager.default.enumerator(at: url, includingPropertiesForKeys: nil)
        while let file = enumerator?.nextObject() as? URL {
            let path = file.standardizedFileURL.path
            if let data = FileManager.default.contents(atPath: path) {
                result[String(path.dropFirst(root.count + 1))] = String(decoding: data, as: UTF8.self)
            }
        }
        return result
    }

    // Until the journal is committed the output folder shows the previous run only; a crash after
    // the commit point is completed by the next run.
    @Test func stagedWriteIsInvisibleUntilApplied() throws {
        let directory = try TemporaryDirectory()
        let output = OutputDirectory(path: directory.url.appendingPathComponent("out").path)
        _ = try output.write(files([("A/One.swift", "one\n"), ("A/Two.swift", "two\n")]))
        let before = snapshot(directory.url)

        // Simulate a crash right after the commit point: staged and journaled, nothing applied.
        let journal = try #require(try output.stage(files([("A/One.swift", "ONE\n"), ("B/Three.swift", "three\n")])))
        #expect(journal.summary.written == ["A/One.swift", "B/Three.swift"])
        #expect(journal.summary.removed == ["A/Two.swift"])
        let visible = snapshot(directory.url).filter { !$0.key.contains(OutputDirectory.stagingName) }
        #expect(visible == before)

        // The next write first finishes the interrupted one, then does its own.
        let summary = try output.write(files([("A/One.swift", "ONE\n"), ("B/Three.swift", "three\n")]))
        #expect(summary.written.isEmpty)
        #expect(snapshot(directory.url) == [
            "out/A/One.swift": "ONE\n",
            "out/B/Three.swift": "three\n",
            "out/.gen-manifest": "A/One.swift\nB/Three.swift\n",
        ])
    }

    // Staged files without a journal are an interrupted run that never committed: discarded.
    @Test func uncommittedStagingIsDiscarded() throws {
        let directory = try TemporaryDirectory()
        let output = OutputDirectory(path: directory.url.appendingPathComponent("out").path)
        _ = try output.write(files([("A/One.swift", "one\n")]))
        _ = try directory.write("half-writ", to: "out/.gen-staging/0")
        _ = try directory.write("gen-journal 1\nput\t0\t../../escape\n", to: "out/.gen-staging/journal.tmp")
        let summary = try output.write(files([("A/One.swift", "one\n")]))
        #expect(summary.unchanged == ["A/One.swift"])
        #expect(snapshot(directory.url) == ["out/A/One.swift": "one\n", "out/.gen-manifest": "A/One.swift\n"])
    }

    // A journal that points outside the folder is not gen's: it is thrown away, never applied.
    @Test func foreignJournalIsNotApplied() throws {
        let directory = try TemporaryDirectory()
        let output = OutputDirectory(path: directory.url.appendingPathComponent("out").path)
        _ = try directory.write("payload", to: "out/.gen-staging/0")
        _ = try directory.write("gen-journal 1\nput\t0\t../victim.txt\n", to: "out/.gen-staging/journal")
        _ = try output.write(files([("A/One.swift", "one\n")]))
        #expect(!FileManager.default.fileExists(atPath: directory.url.appendingPathComponent("victim.txt").path))
        #expect(snapshot(directory.url) == ["out/A/One.swift": "one\n", "out/.gen-manifest": "A/One.swift\n"])
    }

    // A failure while staging (here: a folder where a file must go) leaves the previous output
    // exactly as it was, with no staging debris.
    @Test func failedWriteLeavesPreviousOutput() throws {
        let directory = try TemporaryDirectory()
        let output = OutputDirectory(path: directory.url.appendingPathComponent("out").path)
        _ = try output.write(files([("A/One.swift", "one\n"), ("A/Two.swift", "two\n")]))
        try FileManager.default.createDirectory(at: directory.url.appendingPathComponent("out/B/Blocked.swift"), withIntermediateDirectories: true)
        let before = snapshot(directory.url)
        #expect(throws: (any Error).self) {
            try output.write(files([("A/One.swift", "ONE\n"), ("B/Blocked.swift", "x\n")]))
        }
        #expect(snapshot(directory.url) == before)
        #expect(!FileManager.default.fileExists(atPath: directory.url.appendingPathComponent("out/.gen-staging").path))
    }

    // Eight real gen processes for two different specs race on one folder. They take turns (a
    // lock on the folder), so the result is exactly one run's complete output and its manifest.
    @Test func concurrentRunsTakeTurns() throws {
        let directory = try TemporaryDirectory()
        _ = try directory.write(CLITests.minimalSpec, to: "a.yaml")
        _ = try directory.write(Self.otherSpec, to: "b.yaml")
        // Reference outputs, one run each into its own folder.
        for name in ["a", "b"] {
            let run = try runGen(["\(name).yaml", "--output", "ref-\(name)", "--templates", Repository.templates, "--quiet"], in: directory.url)
            #expect(run.status == 0, "\(run.stderr)")
        }
        let references = ["a", "b"].map { snapshot(directory.url.appendingPathComponent("ref-\($0)")) }
        #expect(references[0] != references[1])

        for round in 0..<3 {
            let processes = try (0..<8).map { index -> Process in
                let process = Process()
                process.executableURL = Repository.genExecutable
                process.arguments = [index % 2 == 0 ? "a.yaml" : "b.yaml", "--output", "out", "--templates", Repository.templates, "--quiet"]
                process.currentDirectoryURL = directory.url
                process.standardError = FileHandle.nullDevice
                try process.run()
                return process
            }
            for process in processes {
                process.waitUntilExit()
                #expect(process.terminationStatus == 0, "round \(round)")
            }
            let result = snapshot(directory.url.appendingPathComponent("out"))
            #expect(result == references[0] || result == references[1], "round \(round): \(result.keys.sorted())")
        }
    }
}
