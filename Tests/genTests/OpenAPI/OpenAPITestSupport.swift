import Diagnostics
import Testing
@testable import OpenAPI
@testable import YAML

/// What a test gets back from parsing one YAML snippet as an OpenAPI document.
struct ParsedDocument {
    var document: Document?
    /// YAML and OpenAPI diagnostics, sorted by position as `gen` prints them.
    var diagnostics: [Diagnostic]

    /// Every diagnostic in `description` form (notes on following lines).
    var reported: [String] { diagnostics.map(\.description) }

    /// The named component schema, or `nil`.
    func schema(_ name: String) -> Schema? {
        document?.components.schemas.first { $0.name == name }?.schema
    }

    /// The operation for `method` on `path`, or `nil`.
    func operation(_ method: HTTPMethod, _ path: String) -> OpenAPI.Operation? {
        document?.paths.first { $0.path == path }?.operations.first { $0.method == method }
    }
}

/// Loads `text` with `YAMLLoader` (via the YAML tests' `loadYAML`) and parses it with `DocumentParser`.
func parseDocument(_ text: String, file: String = "t.yaml") -> ParsedDocument {
    let loaded = loadYAML(text, file: file)
    guard let root = loaded.node else {
        Issue.record("snippet is not valid YAML: \(loaded.thrown?.description ?? "?")")
        return ParsedDocument(document: nil, diagnostics: loaded.diagnostics)
    }
    let sink = DiagnosticSink()
    loaded.diagnostics.forEach(sink.report)
    let document = DocumentParser(root: root, diagnostics: sink).parse()
    return ParsedDocument(document: document, diagnostics: sink.sorted)
}
