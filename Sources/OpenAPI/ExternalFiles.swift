import Diagnostics
import Foundation
import YAML

/// The files a spec is made of: the main document and every file its `$ref`s name, each read and
/// parsed once. References resolve relative to the file that contains them (OpenAPI 3.1 §4.8.23,
/// RFC 3986 §5.2) and must stay inside the main document's folder: a reference that escapes it
/// (`../../etc/passwd`, an absolute path, a symlink to elsewhere) or names a URL is an error and
/// the file is never read.
final class ExternalFiles {
    /// Reads a file's bytes; injectable so tests can supply files without touching the disk.
    typealias Reader = (_ path: String) -> [UInt8]?

    let rootFile: String
    /// The main document's folder with symlinks resolved: nothing outside it is read.
    private let rootFolder: String
    private let read: Reader
    private let diagnostics: DiagnosticSink
    /// Parsed files by resolved path; `nil` marks a file that failed to load (reported once).
    private var documents: [String: Node?] = [:]
    /// The path each file is shown as in diagnostics, by resolved path.
    private(set) var displayPaths: [String: String] = [:]

    /// The folder relative display paths are relative to (the current directory by default).
    private let workingDirectory: String
    /// Resolved path by display path, and symlink resolutions: a spec has thousands of refs and
    /// each would otherwise cost file-system calls.
    private var resolvedByDisplayPath: [String: String] = [:]

    init(root: Node, read: @escaping Reader, workingDirectory: String?, diagnostics: DiagnosticSink) {
        rootFile = root.location.file
        self.workingDirectory = workingDirectory ?? FileManager.default.currentDirectoryPath
        self.read = read
        self.diagnostics = diagnostics
        let folder = Self.normalize(Self.directory(of: rootFile))
        rootFolder = Self.resolvingSymlinks(folder.isEmpty ? "." : folder, in: self.workingDirectory)
        let key = Self.resolvingSymlinks(rootFile, in: self.workingDirectory)
        documents[key] = root
        displayPaths[key] = rootFile
        resolvedByDisplayPath[rootFile] = key
    }

    /// Where a reference leads: the file's display path and resolved path.
    struct Target {
        var displayPath: String
        var resolvedPath: String
    }

    /// The file a reference's file part names, relative to the file the reference is written in.
    /// Reports (and returns `nil` for) URLs, absolute paths and paths leaving the spec's folder.
    func target(of filePart: String, from referringFile: String, ref: String, at location: SourceLocation) -> Target? {
        if filePart.contains("://") || filePart.hasPrefix("//") {
            diagnostics.error("reference '\(ref)' names a URL; only files inside the spec's folder are read", at: location)
            return nil
        }
        let decoded = filePart.removingPercentEncoding ?? filePart
        if decoded.hasPrefix("/") {
            diagnostics.error("reference '\(ref)' is an absolute path; references must be relative and stay inside the spec's folder", at: location)
            return nil
        }
        let display = Self.normalize(Self.directory(of: referringFile) + "/" + decoded)
        let resolved = resolvedByDisplayPath[display] ?? resolvingSymlinks(display)
        resolvedByDisplayPath[display] = resolved
        guard resolved.hasPrefix(rootFolder + "/") else {
            diagnostics.error("reference '\(ref)' leads outside the spec's folder; it is not read", at: location)
            return nil
        }
        if displayPaths[resolved] == nil { displayPaths[resolved] = display }
        return Target(displayPath: displayPaths[resolved]!, resolvedPath: resolved)
    }

    /// The parsed file, loading it on first use. Problems are reported once, at the first reference.
    func document(_ target: Target, ref: String, at location: SourceLocation) -> Node? {
        if let known = documents[target.resolvedPath] { return known }
        guard let bytes = read(target.resolvedPath) else {
            diagnostics.error("cannot read '\(target.displayPath)', named by reference '\(ref)'", at: location)
            documents[target.resolvedPath] = .some(nil)
            return nil
        }
        do {
            let node = try YAMLLoader().load(bytes, file: target.displayPath, diagnostics: diagnostics)
            documents[target.resolvedPath] = node
            return node
        } catch {
            diagnostics.report(error)
            documents[target.resolvedPath] = .some(nil)
            return nil
        }
    }

    /// The resolved path of the file a node was read from.
    func resolvedPath(ofFile displayPath: String) -> String {
        resolvedByDisplayPath[displayPath] ?? displayPath
    }

    static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return path[..<slash].isEmpty ? "/" : String(path[..<slash])
    }

    /// `a/./b/../c` → `a/c`, keeping leading `..` of relative paths.
    static func normalize(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == "..", let last = parts.last, last != ".." {
                parts.removeLast()
            } else {
                parts.append(part)
            }
        }
        return (path.hasPrefix("/") ? "/" : "") + parts.joined(separator: "/")
    }

    func resolvingSymlinks(_ path: String) -> String {
        Self.resolvingSymlinks(path, in: workingDirectory)
    }

    static func resolvingSymlinks(_ path: String, in workingDirectory: String) -> String {
        let absolute = path.hasPrefix("/") ? path : workingDirectory + "/" + path
        return URL(fileURLWithPath: absolute).standardizedFileURL.resolvingSymlinksInPath().path
    }

    /// Reads from the file system.
    static func fileSystemReader(_ path: String) -> [UInt8]? {
        FileManager.default.contents(atPath: path).map { Array($0) }
    }
}
