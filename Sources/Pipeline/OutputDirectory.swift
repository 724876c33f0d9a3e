import Foundation
import Render

/// The folder gen writes into (`Generated/`), and the rules for touching it: only files gen
/// produced are written or removed (they are listed in a manifest), each file is replaced
/// atomically, and an unchanged file is left alone so its modification time does not trigger rebuilds.
public struct OutputDirectory {
    public var path: String
    /// Lists, one per line, the files the last run wrote, relative to `path`.
    static let manifestName = ".gen-manifest"

    public init(path: String) {
        self.path = path
    }

    /// What a write did, for the summary line.
    public struct WriteSummary: Equatable {
        public var written: [String] = []
        public var unchanged: [String] = []
        public var removed: [String] = []
    }

    /// A file whose committed contents differ from what gen produces now.
    public struct Difference {
        public var path: String
        /// A unified diff from the current file (or `/dev/null`) to the generated contents.
        public var diff: String
    }

    /// Writes `files`, removes files a previous run wrote that this run did not produce, and
    /// updates the manifest.
    /// - Throws: file-system errors; files replaced before the error keep their new contents,
    ///   the others their old ones (each file is replaced atomically, none is left half-written).
    public func write(_ files: [OutputFile]) throws -> WriteSummary {
        var summary = WriteSummary()
        let manager = FileManager.default
        for file in files {
            let target = url(for: file.path)
            let data = Data(file.contents.utf8)
            if manager.contents(atPath: target.path) == data {
                summary.unchanged.append(file.path)
                continue
            }
            try manager.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: target, options: .atomic)
            summary.written.append(file.path)
        }
        let produced = Set(files.map(\.path))
        for stale in previousManifest() where !produced.contains(stale) {
            let target = url(for: stale)
            if manager.fileExists(atPath: target.path) {
                try manager.removeItem(at: target)
                summary.removed.append(stale)
                removeEmptyFolders(from: target.deletingLastPathComponent())
            }
        }
        let manifest = Data((files.map(\.path).sorted().joined(separator: "\n") + "\n").utf8)
        let manifestURL = url(for: Self.manifestName)
        if manager.contents(atPath: manifestURL.path) != manifest {
            try manifest.write(to: manifestURL, options: .atomic)
        }
        return summary
    }

    /// The files that would change, with diffs, without writing anything: what `--check` reports.
    public func differences(from files: [OutputFile]) -> [Difference] {
        var differences: [Difference] = []
        for file in files {
            let current = FileManager.default.contents(atPath: url(for: file.path).path).map { String(decoding: $0, as: UTF8.self) }
            if current == file.contents { continue }
            let old = current.map { ("a/" + file.path, $0) } ?? ("/dev/null", "")
            differences.append(Difference(path: file.path, diff: UnifiedDiff.make(from: old, to: ("b/" + file.path, file.contents))))
        }
        let produced = Set(files.map(\.path))
        for stale in previousManifest() where !produced.contains(stale) {
            if let current = FileManager.default.contents(atPath: url(for: stale).path) {
                differences.append(Difference(
                    path: stale,
                    diff: UnifiedDiff.make(from: ("a/" + stale, String(decoding: current, as: UTF8.self)), to: ("/dev/null", ""))
                ))
            }
        }
        return differences
    }

    /// Removes `folder` and its parents up to (not including) the output folder while they are
    /// empty: folders gen's files left behind, never anything holding a user's file.
    private func removeEmptyFolders(from folder: URL) {
        let root = URL(fileURLWithPath: path).standardizedFileURL.path
        var current = folder.standardizedFileURL
        while current.path.hasPrefix(root + "/"),
              (try? FileManager.default.contentsOfDirectory(atPath: current.path).isEmpty) == true
        {
            try? FileManager.default.removeItem(at: current)
            current = current.deletingLastPathComponent()
        }
    }

    private func url(for relativePath: String) -> URL {
        URL(fileURLWithPath: path).appendingPathComponent(relativePath)
    }

    private func previousManifest() -> [String] {
        guard let data = FileManager.default.contents(atPath: url(for: Self.manifestName).path) else { return [] }
        // Only plain relative paths are honoured, so a tampered manifest cannot point outside the folder.
        return String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init).filter {
            !$0.isEmpty && !$0.hasPrefix("/") && !$0.split(separator: "/").contains("..")
        }
    }
}
