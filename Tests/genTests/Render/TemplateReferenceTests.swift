import Foundation
import Testing
@testable import Render

/// `Templates/README.md`, the reference of what each template receives, is generated from the
/// sources: each template's `{{! View: … }}` comment and the view structs' stored properties with
/// their doc comments (`Sources/Render/*View*.swift`). It must match what this test would write;
/// `GEN_UPDATE_REFERENCE=1 swift test --filter TemplateReferenceTests` rewrites it.
@Suite struct TemplateReferenceTests {
    static let referencePath = Repository.root.appendingPathComponent("Templates/README.md").path

    @Test func referenceMatchesTheViews() throws {
        let expected = try Self.reference()
        if ProcessInfo.processInfo.environment["GEN_UPDATE_REFERENCE"] == "1" {
            try Data(expected.utf8).write(to: URL(fileURLWithPath: Self.referencePath))
        }
        let current = try String(contentsOfFile: Self.referencePath, encoding: .utf8)
        #expect(current == expected, "Templates/README.md is stale: run GEN_UPDATE_REFERENCE=1 swift test --filter TemplateReferenceTests")
    }

    /// Every key a template uses is a property of some view (or `.`, or a partial's name), so the
    /// reference cannot miss one; a misspelt key would render as nothing.
    @Test func everyKeyTemplatesUseIsDocumented() throws {
        let views = try Self.views()
        let keys = Set(views.flatMap { $0.properties.map(\.name) })
        for template in try Self.templates() {
            let text = try String(contentsOfFile: template.path, encoding: .utf8)
            for key in Self.tagKeys(in: text) where !keys.contains(key) {
                Issue.record("\(template.name).mustache uses '\(key)', which no view has")
            }
        }
    }

    // MARK: Reading the sources

    struct Property {
        var name: String
        var type: String
        var documentation: String
    }

    struct View {
        var name: String
        var documentation: String
        var properties: [Property]
    }

    struct TemplateInfo {
        var name: String
        var path: String
        /// The `{{! … }}` comment at the top, without the delimiters.
        var summary: String
    }

    static func templates() throws -> [TemplateInfo] {
        let folder = Repository.root.appendingPathComponent("Templates")
        return try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".mustache") }.sorted().map { file in
            let path = folder.appendingPathComponent(file).path
            let text = try String(contentsOfFile: path, encoding: .utf8)
            var summary = ""
            if let start = text.range(of: "{{!"), let end = text.range(of: "}}", range: start.upperBound..<text.endIndex) {
                summary = text[start.upperBound..<end.lowerBound].trimmingCharacters(in: .whitespaces)
            }
            return TemplateInfo(name: String(file.dropLast(".mustache".count)), path: path, summary: summary)
        }
    }

    /// The view structs (`struct …View: Sendable {`) of the Render sources, in file order.
    static func views() throws -> [View] {
        let folder = Repository.root.appendingPathComponent("Sources/Render")
        var views: [View] = []
        for file in try FileManager.default.contentsOfDirectory(atPath: folder.path).filter({ $0.hasSuffix(".swift") }).sorted() {
            let lines = try String(contentsOfFile: folder.appendingPathComponent(file).path, encoding: .utf8)
                .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            var pendingDoc: [String] = []
            var current: View?
            for line in lines {
                if current == nil {
                    if line.hasPrefix("struct "), line.hasSuffix("View: Sendable {"), let name = line.dropFirst(7).split(separator: ":").first {
                        current = View(name: String(name), documentation: pendingDoc.joined(separator: " "), properties: [])
                    }
                    pendingDoc = line.hasPrefix("///") ? pendingDoc + [String(line.dropFirst(3)).trimmingCharacters(in: .whitespaces)] : []
                    continue
                }
                if line == "}" {
                    views.append(current!)
                    current = nil
                    pendingDoc = []
                    continue
                }
                let trimmed = line.trimmingCharacters(in: .whitespaces)
                if trimmed.hasPrefix("///") {
                    pendingDoc.append(String(trimmed.dropFirst(3)).trimmingCharacters(in: .whitespaces))
                } else if line.hasPrefix("    var "), !trimmed.hasSuffix("{") {
                    // Stored properties only: computed ones (`var weight: Int {`) are not template keys.
                    let declaration = trimmed.dropFirst(4)
                    let head = declaration.split(separator: "=", maxSplits: 1)
                    let parts = head[0].split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                    // `var isSplit = false`: the type is the literal's.
                    let literal = head.count > 1 ? head[1].trimmingCharacters(in: .whitespaces) : ""
                    let type = parts.count > 1 ? parts[1] : (literal == "true" || literal == "false" ? "Bool" : literal.hasPrefix("\"") ? "String" : "?")
                    current!.properties.append(Property(name: parts[0], type: type, documentation: pendingDoc.joined(separator: " ")))
                    pendingDoc = []
                } else {
                    pendingDoc = []
                }
            }
        }
        return views
    }

    /// The keys of `{{name}}`, `{{{name}}}`, `{{#name}}`, `{{^name}}` tags (dotted names by their
    /// first part), skipping comments, partials, closers, pragmas and `.`.
    static func tagKeys(in text: String) -> Set<String> {
        var keys: Set<String> = []
        var rest = text[...]
        while let open = rest.range(of: "{{") {
            guard let close = rest.range(of: "}}", range: open.upperBound..<rest.endIndex) else { break }
            var tag = rest[open.upperBound..<close.lowerBound].trimmingCharacters(in: .whitespaces)
            rest = rest[close.upperBound...]
            if tag.hasPrefix("{") { tag = String(tag.dropFirst()).trimmingCharacters(in: .whitespaces) }
            guard let first = tag.first, !"!>/%=&".contains(first) else { continue }
            if first == "#" || first == "^" { tag = String(tag.dropFirst()).trimmingCharacters(in: .whitespaces) }
            guard tag != ".", let key = tag.split(separator: ".").first else { continue }
            keys.insert(String(key))
        }
        return keys
    }

    // MARK: Writing the reference

    /// How a property's Swift type behaves in a template.
    static func usage(of type: String) -> String {
        if type == "Bool" { return "flag: `{{#x}}…{{/x}}`, `{{^x}}…{{/x}}`" }
        if type == "String" { return "text: `{{{x}}}`" }
        if type == "String?" { return "text or absent: `{{#x}}{{{.}}}{{/x}}`" }
        if type == "[String]" { return "lines: `{{#x}}{{{.}}}{{/x}}`" }
        if type.hasPrefix("["), type.hasSuffix("]") { return "list of \(type.dropFirst().dropLast()): `{{#x}}…{{/x}}`" }
        if type.hasSuffix("?") { return "\(type.dropLast()) or absent" }
        return type
    }

    static func reference() throws -> String {
        var text = """
            # Template reference

            <!-- Generated by Tests/genTests/Render/TemplateReferenceTests.swift from the templates' first
            comments and the view structs in Sources/Render; do not edit by hand. -->

            gen renders these Mustache templates (built in; a file of the same name in `--templates DIR`
            replaces one). Each gets one view: a value whose keys are listed below. Text keys hold finished
            Swift (names, type spellings, literals, whole doc lines), so templates only place text; render
            them with triple braces, `{{{key}}}`, or start the template with `{{% CONTENT_TYPE: TEXT }}` as
            every built-in one does (partials included) so `{{key}}` does not HTML-escape. A partial
            (`{{> type}}`) sees the view of the section it is called in.

            Every file's view and `TypeView` have `access`: `public`, `package` or `internal` (always
            written out, so `{{access}} struct` reads the same at every level), the `accessLevel` of the
            run. Write it where the built-in templates write it: on every declaration users may call.

            The output must pass `swift format lint --strict` with the repository's `.swift-format`
            (`FormattingTests`); gen never runs a formatter, so the templates write formatted Swift.
            Where a line is built from spec names, the view measures it against the line length and a
            `wraps…` flag (or a list of lines) says when to break it; keep to the built-in layout when
            you copy a template, or check your output with `swift format lint`.

            ## Templates

            | template | receives, and what it is for |
            | --- | --- |

            """
        for template in try templates() {
            text += "| `\(template.name).mustache` | \(escapedCell(template.summary)) |\n"
        }
        text += "\n## Views\n"
        for view in try views() {
            text += "\n### \(view.name)\n\n"
            if !view.documentation.isEmpty { text += view.documentation + "\n\n" }
            text += "| key | use | meaning |\n| --- | --- | --- |\n"
            for property in view.properties {
                text += "| `\(property.name)` | \(escapedCell(usage(of: property.type))) | \(escapedCell(property.documentation)) |\n"
            }
        }
        text += reservedNamesSection()
        return text
    }

    /// The names no generated type takes, as gen collects them from these templates
    /// (`TemplateNames`, `Renderer.reservedNames`): a template of one's own adds the names it uses.
    static func reservedNamesSection() -> String {
        let names = TemplateNames(templates: BuiltinTemplates.texts.values.compactMap { try? Template($0) })
        let reserved = Renderer.builtinReservedNames.names
        let declared = names.declared.sorted()
        let used = reserved.subtracting(names.declared).sorted()
        func list(_ names: [String]) -> String { names.map { "`\($0)`" }.joined(separator: ", ") }
        return """

            ## Reserved names

            A generated type never takes a name the templates' code spells unqualified: gen reads it off
            the templates it loads (these, and those in `--templates DIR`), so the list cannot drift from
            them. A schema with one of these names gets a `Schema` suffix (`Error` → `ErrorSchema`); an
            operation's types and the module take the next free name. Types nested in a declaration and
            generic parameters (\(list(names.scoped.sorted()))) are found first in their own scope, so
            they are not reserved; names the templates write module-qualified (`Swift.Range`,
            `Swift.Duration`, `Foundation.Calendar`, `Foundation.TimeZone`, `Foundation.DateComponents`,
            `Hummingbird.Router`, `Vapor.Request`, …) are free for schemas too.

            Declared by the templates: \(list(declared)).

            Used by them from Swift, Foundation and the frameworks, or spelt by the views: \(list(used)).

            """
    }

    /// `text` safe inside a Markdown table cell.
    static func escapedCell(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|")
    }
}
