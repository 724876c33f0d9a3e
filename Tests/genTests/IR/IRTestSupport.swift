import Diagnostics
import Testing
@testable import IR
@testable import OpenAPI
import Render

/// What a test gets back from running YAML → Document → IR on one snippet.
struct BuiltModule {
    var module: SwiftModule?
    /// Diagnostics of every stage, sorted by position.
    var diagnostics: [Diagnostic]

    var reported: [String] { diagnostics.map(\.description) }

    /// A top-level type by Swift name.
    func type(_ name: String) -> SwiftType? {
        module?.types.first { $0.name == name }
    }

    /// The properties of a top-level structure, or `[]` (with a recorded issue) if it is not one.
    func properties(of name: String) -> [Property] {
        guard case .structure(let structure)? = type(name)?.kind else {
            Issue.record("'\(name)' is not a generated structure")
            return []
        }
        return structure.properties
    }

    /// One property of a top-level structure.
    func property(_ jsonName: String, of name: String) -> Property? {
        properties(of: name).first { $0.jsonName == jsonName }
    }
}

/// Parses `text` as an OpenAPI document and builds the IR module for it.
func buildModule(_ text: String, file: String = "t.yaml") -> BuiltModule {
    let parsed = parseDocument(text, file: file)
    guard let document = parsed.document else {
        Issue.record("snippet did not parse: \(parsed.reported)")
        return BuiltModule(module: nil, diagnostics: parsed.diagnostics)
    }
    let sink = DiagnosticSink()
    parsed.diagnostics.forEach(sink.report)
    let module = ModuleBuilder(document: document, diagnostics: sink, reserved: Renderer.builtinReservedNames).build(specPath: file)
    return BuiltModule(module: module, diagnostics: sink.sorted)
}

/// The cases of a union declaration, as `(name, type)` pairs, for comparing in one `#expect`.
func unionCases(_ type: SwiftType?) -> [String] {
    guard case .union(let union)? = type?.kind else { return ["<not a union>"] }
    return union.cases.map { "\($0.name): \($0.type.spelling)" }
}

/// The case names and raw values of an enum declaration, as `name=raw`.
func enumCases(_ type: SwiftType?) -> [String] {
    guard case .enumeration(let enumeration)? = type?.kind else { return ["<not an enum>"] }
    return enumeration.cases.map { "\($0.name)=\($0.rawValue)" }
}
