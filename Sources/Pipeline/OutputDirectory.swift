import Foundation
import Render
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The folder gen writes into (`Generated/`), and the rules for touching it: only files gen
/// produced are written or removed (they are listed in a manifest), a run's changes land as one
/// journaled transaction under a lock (see `write(_:)`), and an unchanged file is left alone so its
/// modification time does not trigger rebuilds.
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
    /// updates the manifest, as one transaction:
    /// 1. under an exclusive lock on the folder (`flock`), so concurrent runs take turns;
    /// 2. the changed files are written into `.gen-staging/` first, and only when all of them are
    ///    there is a journal written (the commit point);
    /// 3. the journal is then applied: each staged file is renamed over its target, stale files are
    ///    removed, the manifest is replaced.
    /// A failure before the commit point leaves the previous output exactly as it was; a crash after
    /// it is completed by the next run, which finds the journal and applies it before anything else.
    /// - Throws: file-system errors (cannot create the folder, disk full, a target that is a folder).
    public func write(_ files: [OutputFile]) throws -> WriteSummary {
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return try withLock(exclusive: true) {
            try recoverInterruptedWrite()
            let staged: Journal?
            do {
                staged = try stage(files)
            } catch {
                try? FileManager.default.removeItem(at: url(for: Self.stagingName))
                throw error
            }
            guard let journal = staged else {
                return WriteSummary(unchanged: files.map(\.path))
            }
            try apply(journal)
            return journal.summary
        }
    }

    /// A staged write: which staged file replaces which target, what to remove.
    struct Journal {
        /// `(staged file name, target path)`; the manifest is among them when it changes.
        var puts: [(staged: String, target: String)]
        var removals: [String]
        var summary: WriteSummary

        static let header = "gen-journal 1"

        var text: String {
            var lines = [Self.header]
            for put in puts { lines.append("put\t\(put.staged)\t\(put.target)") }
            for removal in removals { lines.append("remove\t\(removal)") }
            return lines.joined(separator: "\n") + "\n"
        }

        /// Reads a journal back; `nil` when it is not one gen wrote (it is then ignored and discarded).
        init?(text: String) {
            var lines = text.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
            guard lines.first == Self.header else { return nil }
            lines.removeFirst()
            puts = []
            removals = []
            summary = WriteSummary()
            for line in lines {
                let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
                switch (fields.first, fields.count) {
                case ("put", 3) where OutputDirectory.isPlainRelativePath(fields[2]) && !fields[1].contains("/"):
                    puts.append((fields[1], fields[2]))
                case ("remove", 2) where OutputDirectory.isPlainRelativePath(fields[1]):
                    removals.append(fields[1])
                default:
                    return nil
                }
            }
        }

        init(puts: [(staged: String, target: String)], removals: [String], summary: WriteSummary) {
            self.puts = puts
            self.removals = removals
            self.summary = summary
        }
    }

    static let stagingName = ".gen-staging"
    static let journalName = "journal"

    /// Writes every changed file and the journal into the staging folder; returns `nil` when nothing
    /// changes. Until the journal is written the output folder itself is untouched.
    func stage(_ files: [OutputFile]) throws -> Journal? {
        let manager = FileManager.default
        var summary = WriteSummary()
        var changed: [OutputFile] = []
        for file in files {
            let target = url(for: file.path)
            var isDirectory: ObjCBool = false
            if manager.fileExists(atPath: target.path, isDirectory: &isDirectory), isDirectory.boolValue {
                throw CocoaError(.fileWriteFileExists, userInfo: [NSFilePathErrorKey: target.path, NSLocalizedDescriptionKey: "'\(target.path)' is a folder; gen would write a file there"])
            }
            if manager.contents(atPath: target.path) == Data(file.contents.utf8) {
                summary.unchanged.append(file.path)
            } else {
                changed.append(file)
                summary.written.append(file.path)
            }
        }
        let produced = Set(files.map(\.path))
        let removals = previousManifest().filter { !produced.contains($0) && manager.fileExists(atPath: url(for: $0).path) }
        summary.removed = removals
        let manifest = Data((files.map(\.path).sorted().joined(separator: "\n") + "\n").utf8)
        let manifestChanged = manager.contents(atPath: url(for: Self.manifestName).path) != manifest
        if changed.isEmpty && removals.isEmpty && !manifestChanged { return nil }

        let staging = url(for: Self.stagingName)
        try? manager.removeItem(at: staging)
        try manager.createDirectory(at: staging, withIntermediateDirectories: false)
        var puts: [(staged: String, target: String)] = []
        for (index, file) in changed.enumerated() {
            try Data(file.contents.utf8).write(to: staging.appendingPathComponent(String(index)))
            puts.append((String(index), file.path))
        }
        if manifestChanged {
            try manifest.write(to: staging.appendingPathComponent("manifest"))
            puts.append(("manifest", Self.manifestName))
        }
        let journal = Journal(puts: puts, removals: removals, summary: summary)
        // The atomic write of the journal is the commit point.
        try Data(journal.text.utf8).write(to: staging.appendingPathComponent(Self.journalName), options: .atomic)
        return journal
    }

    /// Carries out a committed journal. Safe to repeat: a staged file already moved is skipped.
    func apply(_ journal: Journal) throws {
        let manager = FileManager.default
        let staging = url(for: Self.stagingName)
        for put in journal.puts {
            let source = staging.appendingPathComponent(put.staged)
            guard manager.fileExists(atPath: source.path) else { continue }
            let target = url(for: put.target)
            try manager.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            // rename(2) replaces the target atomically; readers see the old file or the new one.
            guard rename(source.path, target.path) == 0 else {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: target.path, NSLocalizedDescriptionKey: "cannot replace '\(target.path)': \(String(cString: strerror(errno)))"])
            }
        }
        for removal in journal.removals {
            let target = url(for: removal)
            if manager.fileExists(atPath: target.path) {
                try manager.removeItem(at: target)
                removeEmptyFolders(from: target.deletingLastPathComponent())
            }
        }
        try manager.removeItem(at: staging)
    }

    /// Finishes or discards what an interrupted run left in the staging folder: a committed journal
    /// is applied, anything else is removed.
    func recoverInterruptedWrite() throws {
        let staging = url(for: Self.stagingName)
        guard FileManager.default.fileExists(atPath: staging.path) else { return }
        if let data = FileManager.default.contents(atPath: staging.appendingPathComponent(Self.journalName).path),
           let journal = Journal(text: String(decoding: data, as: UTF8.self))
        {
            try apply(journal)
        } else {
            try FileManager.default.removeItem(at: staging)
        }
    }

    /// Runs `body` holding an advisory lock on the output folder itself (no lock file is left
    /// behind): exclusive for writers, shared for `--check`.
    func withLock<T>(exclusive: Bool, _ body: () throws -> T) throws -> T {
        let descriptor = open(path, O_RDONLY | O_DIRECTORY)
        guard descriptor >= 0 else { return try body() }
        defer { close(descriptor) }
        while flock(descriptor, exclusive ? LOCK_EX : LOCK_SH) != 0 {
            guard errno == EINTR else { break }
        }
        defer { _ = flock(descriptor, LOCK_UN) }
        return try body()
    }

    /// The files that would change, with diffs, without writing anything: what `--check` reports.
    public func differences(from files: [OutputFile]) -> [Difference] {
        (try? withLock(exclusive: false) { compare(files) }) ?? compare(files)
    }

    private func compare(_ files: [OutputFile]) -> [Difference] {
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
        return String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init).filter(Self.isPlainRelativePath)
    }

    static func isPlainRelativePath(_ path: String) -> Bool {
        !path.isEmpty && !path.hasPrefix("/") && !path.split(separator: "/").contains("..")
    }
}
