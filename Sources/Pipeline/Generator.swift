import Diagnostics
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import IR
import OpenAPI
import Render
import YAML

/// Runs the stages in order: spec file → YAML nodes → OpenAPI `Document` → IR → rendered files.
/// Nothing is written here; `OutputDirectory` does that once every stage has succeeded.
public struct Generator {
    /// The spec as the user named it; diagnostics and headers use this spelling.
    public var specPath: String
    /// A folder of templates replacing built-in ones by name; `nil` for the built-ins alone.
    public var templatesDirectory: String?
    /// Overrides the module name derived from `info.title`.
    public var moduleName: String?
    /// The folder a relative `specPath` is read from; the current directory when `nil`.
    public var workingDirectory: URL?
    /// How much model code goes in one file (see `Renderer.modelsFileWeight`).
    public var modelsFileWeight = Renderer.defaultModelsFileWeight
    /// How much client or server code goes in one file (see `Renderer.operationsFileWeight`).
    public var operationsFileWeight = Renderer.defaultOperationsFileWeight
    /// Which operations (and the schemas they use) to generate; all by default.
    public var selection = OperationSelection()
    /// Swift names chosen for schemas and operations.
    public var renames = NameOverrides()
    /// Which parts to write; `nil` for the layout's default (see `Renderer.outputs`).
    public var outputs: Set<Renderer.Output>?
    /// Module folders (the default) or the flat single-module layout of the SwiftPM plugins.
    public var layout = Renderer.Layout.modules
    /// The access level of the generated declarations (see `Renderer.accessLevel`).
    public var accessLevel = Renderer.AccessLevel.public

    public init(specPath: String, templatesDirectory: String? = nil, moduleName: String? = nil, workingDirectory: URL? = nil) {
        self.specPath = specPath
        self.templatesDirectory = templatesDirectory
        self.moduleName = moduleName
        self.workingDirectory = workingDirectory
    }

    /// Failures that stop a run before any output: unreadable files (`isUsageError`) or errors in the spec.
    public struct Failure: Error {
        /// True for I/O and usage problems (exit 2), false for problems in the spec or templates (exit 1).
        public var isUsageError: Bool
    }

    /// The names the built-in templates' code uses unqualified (see `Renderer.reservedNames`): a
    /// module given one of them would be shadowed by, or shadow, what the code means.
    public static var reservedNames: ReservedNames { Renderer.builtinReservedNames }

    /// Generates every output file.
    /// - Throws: `Failure` when the spec cannot be read or has errors; the reasons are in `diagnostics`.
    public func run(diagnostics: DiagnosticSink) throws(Failure) -> [OutputFile] {
        var renderer: Renderer
        do {
            renderer = try Renderer(overridesDirectory: templatesDirectory, diagnostics: diagnostics)
            renderer.modelsFileWeight = modelsFileWeight
            renderer.operationsFileWeight = operationsFileWeight
            renderer.outputs = outputs
            renderer.layout = layout
            renderer.accessLevel = accessLevel
        } catch {
            diagnostics.report(error)
            throw Failure(isUsageError: error.location == nil)
        }
        // Each stage's input is released when the stage returns (the YAML tree before the IR is
        // built, the Document before rendering), which keeps peak memory near one stage's worth.
        let module = try buildModule(from: loadDocument(diagnostics: diagnostics), reserved: renderer.reservedNames, diagnostics: diagnostics)
        return renderer.render(module)
    }

    private func loadDocument(diagnostics: DiagnosticSink) throws(Failure) -> Document {
        let readPath = specPath.hasPrefix("/") ? specPath : (workingDirectory.map { $0.appendingPathComponent(specPath).path } ?? specPath)
        guard let bytes = Self.readFile(atPath: readPath) else {
            var isDirectory: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: readPath, isDirectory: &isDirectory)
            let reason = isDirectory.boolValue ? "it is a directory" : exists ? "it is not readable" : "no such file"
            diagnostics.error("cannot read spec '\(specPath)': \(reason)", at: nil)
            throw Failure(isUsageError: true)
        }
        let root: Node
        do {
            root = try YAMLLoader().load(bytes, file: specPath, diagnostics: diagnostics)
        } catch {
            diagnostics.report(error)
            throw Failure(isUsageError: false)
        }
        let parser = DocumentParser(root: root, diagnostics: diagnostics, workingDirectory: workingDirectory?.path)
        guard let document = parser.parse(), !diagnostics.hasErrors else {
            throw Failure(isUsageError: false)
        }
        return document
    }

    /// The file's bytes, read straight into one array (through `Data` it would be held twice).
    static func readFile(atPath path: String) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else { return nil }
        var bytes = [UInt8](repeating: 0, count: Int(status.st_size))
        var filled = 0
        while filled < bytes.count {
            let count = bytes.withUnsafeMutableBytes { buffer in
                read(descriptor, buffer.baseAddress! + filled, buffer.count - filled)
            }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { break }
            filled += count
        }
        // A file that shrank while being read yields what was there.
        return filled == bytes.count ? bytes : Array(bytes[..<filled])
    }

    private func buildModule(from document: Document, reserved: ReservedNames, diagnostics: DiagnosticSink) throws(Failure) -> SwiftModule {
        let selected = document.selecting(selection, diagnostics: diagnostics)
        let module = ModuleBuilder(document: selected, diagnostics: diagnostics, reserved: reserved, overrides: renames).build(specPath: specPath, moduleName: moduleName)
        guard !diagnostics.hasErrors else { throw Failure(isUsageError: false) }
        return module
    }
}
