import Diagnostics
import Foundation
import IR

/// A file the renderer produced, by its path relative to the output folder.
public struct OutputFile: Sendable, Hashable {
    /// e.g. `BuildsAPI/Models.swift`.
    public var path: String
    public var contents: String

    public init(path: String, contents: String) {
        self.path = path
        self.contents = contents
    }
}

/// Fills the Mustache templates with views built from the IR. Stage entry point:
/// `(SwiftModule) -> [OutputFile]`.
///
/// The templates are built in (`Templates/*.mustache`, compiled into gen). A folder of overrides
/// may replace any of them by file name, and add partials of its own: each `NAME.mustache` is
/// registered as a template and as the partial `{{> NAME}}`.
public struct Renderer: Sendable {
    /// The names of the built-in templates (`models`, `struct`, …), for documentation and tests.
    public static var builtinTemplateNames: [String] { BuiltinTemplates.texts.keys.sorted() }

    private let library: TemplateLibrary

    /// The names the loaded templates' code declares or spells unqualified (`ClientError`, `Data`,
    /// `Sendable`, `MainActor`, …, user override templates included), with those the views' Swift
    /// fragments spell (`ViewBuilder.fragmentNames`): no generated type may take one. Pass it to
    /// `ModuleBuilder`; Templates/README.md lists the built-in set.
    public let reservedNames: ReservedNames

    /// `reservedNames` of the built-in templates alone.
    public static let builtinReservedNames = ReservedNames(
        templateNames: TemplateNames(templates: BuiltinTemplates.texts.values.compactMap { try? Template($0) }).reserved
            .union(ViewBuilder.fragmentNames)
    )

    /// Loads the built-in templates, then every `.mustache` file in `overridesDirectory` in
    /// their place (same name) or beside them (new partials).
    /// - Throws: `Diagnostic` pointing into a template file (`my-templates/models.mustache:3:5`)
    ///   when one does not parse or includes a partial that exists nowhere, or naming the folder
    ///   when it cannot be read.
    ///   An override file that replaces no built-in template and that no template includes is
    ///   reported to `diagnostics` as a warning (a misspelt `modles.mustache` would otherwise do
    ///   nothing, silently).
    public init(overridesDirectory directory: String? = nil, diagnostics: DiagnosticSink? = nil) throws(Diagnostic) {
        var templates: [String: Template] = [:]
        var paths: [String: String] = [:]
        func add(_ name: String, text: String, path: String) throws(Diagnostic) {
            do {
                templates[name] = try Template(text)
                paths[name] = path
            } catch {
                throw .error("template does not parse: \(error.message)", at: SourceLocation(file: path, line: error.line, column: error.column))
            }
        }
        for (name, text) in BuiltinTemplates.texts.sorted(by: { $0.key < $1.key }) {
            try add(name, text: text, path: "<built-in>/\(name).mustache")
        }
        var overrides: [String] = []
        if let directory {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), !isDirectory.boolValue {
                throw .error("--templates '\(directory)' is a file; expected a folder of NAME.mustache files", at: nil)
            }
            let names: [String]
            guard FileManager.default.fileExists(atPath: directory) else {
                throw .error("no templates folder '\(directory)'", at: nil)
            }
            do {
                names = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".mustache") }.sorted()
            } catch {
                throw .error("cannot read templates folder '\(directory)': \(error.localizedDescription)", at: nil)
            }
            for file in names {
                let path = (directory as NSString).appendingPathComponent(file)
                guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
                    throw .error("cannot read template '\(path)' as UTF-8 text", at: nil)
                }
                let name = String(file.dropLast(".mustache".count))
                try add(name, text: text, path: path)
                overrides.append(name)
            }
        }
        let included = Set(templates.values.flatMap { $0.partialReferences.map(\.name) })
        for name in overrides where BuiltinTemplates.texts[name] == nil && !included.contains(name) {
            let hint = closestMatch(to: name, in: BuiltinTemplates.texts.keys.sorted()).map { "; did you mean '\($0).mustache'?" } ?? ""
            diagnostics?.warning(
                "template '\(name).mustache' replaces no built-in template and no template includes it, so it is not used\(hint)",
                at: SourceLocation(file: paths[name] ?? name, line: 1, column: 1)
            )
        }
        // So would a key no view has: a misspelt `{{nmae}}` in a user's template is an error at
        // the key, with the closest key the views have. (The built-in templates are checked by
        // TemplateReferenceTests.)
        for name in overrides {
            guard let template = templates[name] else { continue }
            for key in template.keyReferences where !BuiltinTemplates.viewKeys.contains(key.name) {
                let hint = closestMatch(to: key.name, in: BuiltinTemplates.viewKeys.sorted()).map { "; did you mean '\($0)'?" } ?? ""
                throw .error(
                    "no view has the key '\(key.name)', so it would render as nothing\(hint) (Templates/README.md lists each view's keys)",
                    at: SourceLocation(file: paths[name] ?? name, line: key.line, column: key.column)
                )
            }
        }
        // A partial that does not exist would render as nothing (the Mustache rule); in a code
        // generator that is a typo to report, not output to lose silently.
        for (name, template) in templates.sorted(by: { $0.key < $1.key }) {
            if let missing = template.partialReferences.first(where: { templates[$0.name] == nil }) {
                let hint = closestMatch(to: missing.name, in: templates.keys.sorted()).map { "; did you mean '\($0)'?" } ?? ""
                throw .error(
                    "no template '\(missing.name).mustache' for the partial '{{> \(missing.name)}}', built in"
                        + (directory.map { " or in '\($0)'" } ?? "") + hint,
                    at: SourceLocation(file: paths[name] ?? name, line: missing.line, column: missing.column)
                )
            }
        }
        self.library = TemplateLibrary(templates: templates)
        self.reservedNames = ReservedNames(templateNames: TemplateNames(templates: templates.values).reserved.union(ViewBuilder.fragmentNames))
    }

    /// The parts of the output: the models (with their support file) always, and the client and
    /// the server routes when wanted.
    public enum Output: String, CaseIterable, Sendable {
        /// `Models*.swift` and `Support.swift` in the module folder.
        case models
        /// `Client.swift` in the module folder.
        case client
        /// `Server.swift` in the `…Server` folder: the `APIService` protocol and routes that decode
        /// requests and encode responses, on no particular framework (Foundation only).
        case server
        /// `HummingbirdRoutes.swift` in the `…Hummingbird` folder: `registerRoutes(on:)` for a
        /// Hummingbird 2 router. Implies `server`.
        case hummingbird
        /// `VaporRoutes.swift` in the `…Vapor` folder: `registerRoutes(on:)` for Vapor 4. Implies `server`.
        case vapor
        /// `AsyncHTTPClientTransport.swift` in the `…AsyncHTTPClient` folder: a `ClientTransport`
        /// over AsyncHTTPClient, for those who do not send with `URLSession`.
        case asyncHTTPClient

        /// The part in words, for messages: `AsyncHTTPClient transport`.
        public var title: String {
            switch self {
            case .models: "models"
            case .client: "client"
            case .server: "server"
            case .hummingbird: "Hummingbird routes"
            case .vapor: "Vapor routes"
            case .asyncHTTPClient: "AsyncHTTPClient transport"
            }
        }
    }

    /// What `render(_:)` writes; `.models` is implied, since the others use the models. `nil`: the
    /// layout's default, every part in the modules layout (each its own module, so users compile
    /// only those they add as targets) and the models and client in the flat one (a single module
    /// cannot leave out the server's or the transport's dependencies).
    public var outputs: Set<Output>?

    /// The parts the run writes: `outputs` (with the server under a framework's routes), or the
    /// layout's default.
    var effectiveOutputs: Set<Output> {
        var outputs = outputs ?? (layout == .modules ? Set(Output.allCases) : [.models, .client])
        if !outputs.isDisjoint(with: [.hummingbird, .vapor]) { outputs.insert(.server) }
        return outputs
    }

    /// How the files are laid out in the output folder.
    public enum Layout: String, CaseIterable, Sendable {
        /// `Module/Models*.swift`, `Module/Support.swift`, `Module/Client.swift`,
        /// `ModuleServer/Server.swift`, `ModuleHummingbird/…`, `ModuleVapor/…` and
        /// `ModuleAsyncHTTPClient/…`: the server, its framework adapters and the transport
        /// are modules of their own, so a user depends only on what they add as targets.
        case modules
        /// `Models.swift`, `Support.swift`, `Client.swift`, `Server.swift`, `HummingbirdRoutes.swift`,
        /// `VaporRoutes.swift` and `AsyncHTTPClientTransport.swift` straight in the folder, as one module and never split:
        /// the fixed set of files a SwiftPM build plugin must declare before gen runs. A part not
        /// generated is a file holding only a comment saying so.
        case flat
    }

    public var layout = Layout.modules

    /// The access level of the generated declarations that users call: the models, the support
    /// code, the client, the server, its framework routes and the transport. The templates see it
    /// as `access`.
    public enum AccessLevel: String, CaseIterable, Sendable {
        /// Usable from any module: the generated modules as a library of their own.
        case `public`
        /// Usable from the modules of the same package (`-package-name`): generated code shared
        /// inside one package without becoming its API.
        case `package`
        /// Usable only inside the module: the flat layout, where everything is one module. The
        /// modules layout cannot use it, since its client, server and transport modules import
        /// the models' one.
        case `internal`
    }

    /// `public` unless the output is meant for one package (`package`) or one module (`internal`).
    public var accessLevel = AccessLevel.public

    /// The default `modelsFileWeight`: about 10,000 lines of model code per file.
    public static let defaultModelsFileWeight = 1_000

    /// How much model code goes in one file, in units of about ten lines (one per declaration,
    /// property and case). Large specs get several `Models*.swift` files so the Swift compiler
    /// can type-check them in parallel and an edit recompiles less; a small spec keeps a single
    /// `Models.swift`.
    public var modelsFileWeight = Renderer.defaultModelsFileWeight

    /// The default `operationsFileWeight`: about 10,000 lines of client or server code per file.
    public static let defaultOperationsFileWeight = 1_000

    /// How much operation code goes in one client or server file, in units of about ten lines
    /// (`OperationView.weight`). A large spec's client gets `Client2.swift`, … (each an
    /// `extension Client`) and its server `Server2.swift`, … (response enums and route handlers),
    /// so the compiler works on them in parallel; a small spec keeps one `Client.swift` and one
    /// `Server.swift`, exactly as without splitting.
    public var operationsFileWeight = Renderer.defaultOperationsFileWeight

    /// Renders every output file for `module`, in a fixed order: `Models.swift` (then
    /// `Models2.swift`, … for large specs), `Support.swift`, `Client.swift` (then `Client2.swift`, …),
    /// `Server.swift` (then `Server2.swift`, …), then the adapters and the transport, the parts after
    /// the models as `outputs` asks.
    /// Files are rendered concurrently; the result does not depend on the order they finish in.
    public func render(_ module: SwiftModule) -> [OutputFile] {
        layout == .flat ? renderFlat(module) : render(RenderJobs(jobs(for: module)))
    }

    /// The files of the module layout, each as the template to render and how to build its view.
    ///
    /// Views are built by the job that renders them, on the rendering threads, and released with
    /// it: built all at once they took more memory than the IR, and on top of them came the text.
    /// Only the server's operation views are built up front, since its first file registers every
    /// route and each of its files then declares its share of handlers.
    private func jobs(for module: SwiftModule) -> [RenderJob] {
        let views = ViewBuilder(module: module, access: accessLevel.rawValue)
        var queue: [RenderJob] = []
        let typeChunks = Self.chunks(of: module.types, weight: modelsFileWeight, by: ViewBuilder.weight(of:))
        for (index, chunk) in typeChunks.enumerated() {
            queue.append((
                "\(module.name)/Models\(index == 0 ? "" : String(index + 1)).swift", "models",
                { views.modelsView(types: chunk, includesOperationTypes: index == 0) }
            ))
        }
        queue.append(("\(module.name)/Support.swift", "support", { views.supportView() }))
        let outputs = effectiveOutputs
        if outputs.contains(.client) {
            let clientChunks = Self.chunks(of: module.operations, weight: operationsFileWeight, by: ViewBuilder.weight(of:))
            for (index, chunk) in clientChunks.enumerated() {
                let isSplit = clientChunks.count > 1
                queue.append((
                    "\(module.name)/Client\(index == 0 ? "" : String(index + 1)).swift", "client",
                    {
                        var view = views.clientView(operations: chunk, isContinuation: index > 0)
                        view.isSplit = isSplit
                        return view
                    }
                ))
            }
        }
        if outputs.contains(.server) {
            let server = views.serverView(importsModels: true)
            // Chunked by index, as the views are built already and the weights come from the IR.
            let serverChunks = Self.chunks(of: Array(module.operations.indices), weight: operationsFileWeight) {
                ViewBuilder.weight(of: module.operations[$0])
            }
            for (index, chunk) in serverChunks.enumerated() {
                var view = server
                view.isContinuation = index > 0
                view.isSplit = serverChunks.count > 1
                view.importLines = views.serverImportLines(
                    operations: chunk.map { module.operations[$0] }, isContinuation: index > 0, importsModels: true
                )
                // The first file registers every route and declares the protocol with every requirement;
                // each file declares its share of the response enums and handlers (`chunkOperations`).
                view.chunkOperations = chunk.map { server.operations[$0] }
                queue.append(("\(module.name)Server/Server\(index == 0 ? "" : String(index + 1)).swift", "server", { [view] in view }))
            }
        }
        if outputs.contains(.hummingbird) {
            queue.append(("\(module.name)Hummingbird/HummingbirdRoutes.swift", "hummingbird", { views.adapterView(framework: "Hummingbird", importsServer: true) }))
        }
        if outputs.contains(.vapor) {
            queue.append(("\(module.name)Vapor/VaporRoutes.swift", "vapor", { views.adapterView(framework: "Vapor", importsServer: true) }))
        }
        if outputs.contains(.asyncHTTPClient) {
            queue.append(("\(module.name)AsyncHTTPClient/AsyncHTTPClientTransport.swift", "async-http-client", { views.transportView(importsModels: true) }))
        }
        return queue
    }

    /// The files of the flat layout after the models and support, by part.
    public static let flatFiles: [(output: Output, path: String)] = [
        (.client, "Client.swift"), (.server, "Server.swift"), (.hummingbird, "HummingbirdRoutes.swift"),
        (.vapor, "VaporRoutes.swift"), (.asyncHTTPClient, "AsyncHTTPClientTransport.swift"),
    ]

    /// The flat layout: the seven files of one module, unsplit, each always present.
    private func renderFlat(_ module: SwiftModule) -> [OutputFile] {
        let views = ViewBuilder(module: module, access: accessLevel.rawValue)
        let outputs = effectiveOutputs
        var queue: [RenderJob] = [
            ("Models.swift", "models", { views.modelsView() }),
            ("Support.swift", "support", { views.supportView() }),
        ]
        if outputs.contains(.client) { queue.append(("Client.swift", "client", { views.clientView() })) }
        if outputs.contains(.server) { queue.append(("Server.swift", "server", { views.serverView(importsModels: false) })) }
        if outputs.contains(.hummingbird) {
            queue.append(("HummingbirdRoutes.swift", "hummingbird", { views.adapterView(framework: "Hummingbird", importsServer: false) }))
        }
        if outputs.contains(.vapor) { queue.append(("VaporRoutes.swift", "vapor", { views.adapterView(framework: "Vapor", importsServer: false) })) }
        if outputs.contains(.asyncHTTPClient) {
            queue.append(("AsyncHTTPClientTransport.swift", "async-http-client", { views.transportView(importsModels: false) }))
        }
        let files = render(RenderJobs(queue))
        var placeholders: [OutputFile] = []
        for (output, path) in Self.flatFiles where !outputs.contains(output) {
            placeholders.append(OutputFile(
                path: path,
                contents: views.header + "\n// The \(output.title) is not generated here: add `\(output.rawValue)` to `generate` in gen-config.yaml to have it.\n"
            ))
        }
        return files + placeholders
    }

    /// One output file to render: its path, the template's name and what builds the view it
    /// receives (run on a rendering thread).
    typealias RenderJob = (path: String, template: String, view: @Sendable () -> any TemplateValue & Sendable)

    /// Renders every job, concurrently, keeping the jobs' order; each job is released as soon as
    /// its file is done, and its view with it.
    private func render(_ jobs: RenderJobs) -> [OutputFile] {
        DispatchQueue.concurrentPerform(iterations: jobs.count) { index in
            guard let makeView = jobs.take(at: index) else { return }
            jobs.texts[index] = Self.tidy(library.render(.object(makeView()), withTemplate: jobs.templates[index]) ?? "")
        }
        return (0..<jobs.count).map { OutputFile(path: jobs.paths[$0], contents: jobs.texts[$0]) }
    }

    /// Splits `items` into consecutive runs of at most about `weight` each, as measured by
    /// `itemWeight`, as few runs as that allows and filled evenly (at least one item per run, at
    /// least one run), keeping spec order so the split is stable for an unchanged spec.
    ///
    /// Evenly: a spec just over `weight` gets two halves rather than a full file and a sliver,
    /// which left one core idle while the compiler worked through the full one.
    static func chunks<Item>(of items: [Item], weight: Int, by itemWeight: (Item) -> Int) -> [[Item]] {
        let weights = items.map(itemWeight)
        let total = weights.reduce(0, +)
        let count = max(1, (total + weight - 1) / max(weight, 1))
        let target = (total + count - 1) / count
        var chunks: [[Item]] = [[]]
        var current = 0
        for (item, itemWeight) in zip(items, weights) {
            if current >= target, !chunks[chunks.count - 1].isEmpty {
                chunks.append([])
                current = 0
            }
            chunks[chunks.count - 1].append(item)
            current += itemWeight
        }
        return chunks
    }

    /// Renders one view through one template or partial (`type`, `enum`, …), as `render(_:)` does
    /// for each file; `nil` when there is no such template. For tests of a single partial.
    func render(_ view: any TemplateValue, withTemplate name: String) -> String? {
        library.render(.object(view), withTemplate: name)
    }

    /// Collapses runs of blank lines that conditional sections leave behind and ends the file
    /// with exactly one newline, so output reads as written by hand: no blank line after a line
    /// ending in `{`, none before a line starting with `}`, never two in a row; lines of spaces
    /// count as blank.
    static func tidy(_ text: String) -> String {
        var text = text
        // Read the text's own UTF-8 and write the result straight into the new string: the
        // output is 3x the spec, and each copy of it showed in the profile. The result is never
        // longer than the text plus a final newline (blank runs shrink to one line break).
        return text.withUTF8 { bytes in
            String(unsafeUninitializedCapacity: bytes.count + 1) { output in
                let space = UInt8(ascii: " "), newline = UInt8(ascii: "\n")
                var count = 0
                var pendingBlank = false
                var lastLineEndsWithBrace = false
                var wroteLine = false
                var start = 0
                while start <= bytes.count {
                    var end = start
                    while end < bytes.count, bytes[end] != newline { end += 1 }
                    var firstNonSpace = start
                    while firstNonSpace < end, bytes[firstNonSpace] == space { firstNonSpace += 1 }
                    if firstNonSpace == end {
                        // Blank: remembered, written only before a line that allows it.
                        if wroteLine && !lastLineEndsWithBrace { pendingBlank = true }
                    } else {
                        if pendingBlank && bytes[firstNonSpace] != UInt8(ascii: "}") {
                            output[count] = newline
                            count += 1
                        }
                        pendingBlank = false
                        let line = UnsafeBufferPointer(rebasing: bytes[start..<end])
                        _ = UnsafeMutableBufferPointer(rebasing: output[count..<(count + line.count)]).initialize(from: line)
                        count += line.count
                        output[count] = newline
                        count += 1
                        lastLineEndsWithBrace = bytes[end - 1] == UInt8(ascii: "{")
                        wroteLine = true
                    }
                    start = end + 1
                }
                if count == 0 {
                    output[0] = newline
                    count = 1
                }
                return count
            }
        }
    }
}

/// The jobs of one `render` call, with one slot per rendered file, filled concurrently.
private final class RenderJobs: @unchecked Sendable {
    let paths: [String]
    let templates: [String]
    /// Each concurrent iteration touches only the slots at its own index, and the texts are read
    /// only after all of them are done (`concurrentPerform` returns), so no lock is needed.
    private let viewMakers: UnsafeMutableBufferPointer<(@Sendable () -> any TemplateValue & Sendable)?>
    let texts: UnsafeMutableBufferPointer<String>

    var count: Int { paths.count }

    /// Consumes `jobs`, so what they hold is held only here.
    init(_ jobs: consuming [Renderer.RenderJob]) {
        paths = jobs.map(\.path)
        templates = jobs.map(\.template)
        viewMakers = .allocate(capacity: jobs.count)
        _ = viewMakers.initialize(from: jobs.map(\.view))
        texts = .allocate(capacity: jobs.count)
        texts.initialize(repeating: "")
    }

    /// What builds the view of job `index`, which the jobs no longer hold after this.
    func take(at index: Int) -> (@Sendable () -> any TemplateValue & Sendable)? {
        defer { viewMakers[index] = nil }
        return viewMakers[index]
    }

    deinit {
        viewMakers.deinitialize()
        viewMakers.deallocate()
        texts.deinitialize()
        texts.deallocate()
    }
}
