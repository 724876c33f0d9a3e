import Diagnostics
@testable import YAML

/// What a test gets back from one load: the tree (or the thrown diagnostic) and what was reported.
struct YAMLLoadResult {
    var node: Node?
    var thrown: Diagnostic?
    var diagnostics: [Diagnostic]

    /// Every reported diagnostic, `description` form, in report order.
    var reported: [String] { diagnostics.map(\.description) }
}

func loadYAML(_ text: String, file: String = "t.yaml", limits: YAMLLoader.Limits = .init()) -> YAMLLoadResult {
    loadYAML(bytes: Array(text.utf8), file: file, limits: limits)
}

func loadYAML(bytes: [UInt8], file: String = "t.yaml", limits: YAMLLoader.Limits = .init()) -> YAMLLoadResult {
    let sink = DiagnosticSink()
    do {
        let node = try YAMLLoader(limits: limits).load(bytes, file: file, diagnostics: sink)
        return YAMLLoadResult(node: node, thrown: nil, diagnostics: sink.diagnostics)
    } catch {
        return YAMLLoadResult(node: nil, thrown: error, diagnostics: sink.diagnostics)
    }
}

/// A compact, position-carrying rendering of a tree, so tests compare whole trees in one string:
/// `{a@1:1: 1@1:4 int}` style, scalars as `text@line:col kind`.
func renderNode(_ node: Node?) -> String {
    guard let node else { return "<nil>" }
    let at = "@\(node.location.line):\(node.location.column)"
    switch node.content {
    case .scalar(let scalar):
        let kind: String
        switch scalar.value {
        case .null: kind = "null"
        case .bool(let value): kind = "bool(\(value))"
        case .int(let value): kind = "int(\(value))"
        case .float(let value): kind = "float(\(value))"
        case .string(let value): kind = "str(\(value))"
        }
        return "\(scalar.text.debugDescription)\(at) \(kind)"
    case .sequence(let items):
        return "[\(at) " + items.map(renderNode).joined(separator: ", ") + "]"
    case .mapping(let entries):
        let body = entries.map { entry in
            "\(entry.key)@\(entry.keyLocation.line):\(entry.keyLocation.column): \(renderNode(entry.value))"
        }
        return "{\(at) " + body.joined(separator: ", ") + "}"
    }
}
