import Foundation

/// A position in a source file, 1-based like a compiler's: `specs/builds.yaml:12:7`.
///
/// Twelve bytes and no reference: the YAML tree and the `Document` hold one for every key and
/// value (about two million for an 8 MB spec), so a `String` path in each made every copy a
/// retain and cost a third of the tree's memory. The path is interned in `SourceFile` instead.
public struct SourceLocation: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The file, as an interned path.
    public var sourceFile: SourceFile
    private var storedLine: UInt32
    private var storedColumn: UInt32

    /// A location in `file`; interning the path takes a lock, so hot paths intern once with
    /// `SourceFile(path:)` and use `init(sourceFile:line:column:)`.
    public init(file: String, line: Int, column: Int) {
        self.init(sourceFile: SourceFile(path: file), line: line, column: column)
    }

    /// A location in an interned file. Lines and columns beyond 2^32 − 1 are clamped there.
    public init(sourceFile: SourceFile, line: Int, column: Int) {
        self.sourceFile = sourceFile
        self.storedLine = UInt32(clamping: line)
        self.storedColumn = UInt32(clamping: column)
    }

    /// The path as the user gave it (or as it was resolved relative to the spec), never made absolute,
    /// so messages stay short and match what the user typed.
    public var file: String { sourceFile.path }
    /// 1-based line number.
    public var line: Int { Int(storedLine) }
    /// 1-based column, counted in Unicode scalars as libyaml counts them.
    public var column: Int { Int(storedColumn) }

    /// `file:line:column`, the prefix of every diagnostic.
    public var description: String { "\(file):\(line):\(column)" }

    /// Orders by file path, then line, then column: the order diagnostics are printed in.
    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        if lhs.sourceFile != rhs.sourceFile { return lhs.file < rhs.file }
        return (lhs.storedLine, lhs.storedColumn) < (rhs.storedLine, rhs.storedColumn)
    }
}

/// A file path interned for the life of the process: equal paths get equal values, so comparing
/// files is comparing integers. The few paths of a run (the spec, files it references,
/// templates) stay in one table that is never emptied.
public struct SourceFile: Hashable, Sendable {
    private let index: UInt32

    /// The interned value for `path`, adding it to the table the first time.
    public init(path: String) {
        index = Self.table.withLock { table in
            if let index = table.indices[path] { return index }
            let index = UInt32(table.paths.count)
            table.paths.append(path)
            table.indices[path] = index
            return index
        }
    }

    /// The path exactly as it was interned.
    public var path: String {
        Self.table.withLock { $0.paths[Int(index)] }
    }

    private struct Table {
        var paths: [String] = []
        var indices: [String: UInt32] = [:]
    }

    private static let table = LockedTable()

    /// The table behind a lock, since files are read and reported on several threads.
    private final class LockedTable: @unchecked Sendable {
        private let lock = NSLock()
        private var table = Table()

        func withLock<Result>(_ body: (inout Table) -> Result) -> Result {
            lock.lock()
            defer { lock.unlock() }
            return body(&table)
        }
    }
}
