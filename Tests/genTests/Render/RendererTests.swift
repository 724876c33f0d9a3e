import Diagnostics
import Foundation
import Testing
@testable import IR
@testable import Render

/// The repository's `Templates/` folder, found from this file's path.
private let templatesDirectory = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent()  // Render
    .deletingLastPathComponent()  // genTests
    .deletingLastPathComponent()  // Tests
    .deletingLastPathComponent()  // repository root
    .appendingPathComponent("Templates").path

/// A module holding only `types`, with no operations.
private func module(types: [SwiftType]) -> SwiftModule {
    SwiftModule(
        name: "M", specPath: "t.yaml", title: "T", version: "1", documentation: nil, defaultServerURL: nil,
        types: types, operations: [], errorPayload: nil
    )
}

/// An open string enum with a keyword case and a raw value full of characters HTML would escape.
private let statusEnum = SwiftType(
    name: "Status",
    schemaName: "Status",
    documentation: "Where a build is.\n\nSee <a & b>.",
    deprecated: false,
    kind: .enumeration(Enumeration(
        rawType: .string,
        cases: [
            .init(name: "queued", rawValue: "queued"),
            .init(name: "default", rawValue: "default"),
            .init(name: "inProgress", rawValue: #"in "progress" & <b>"#),
        ],
        unknownCaseName: "unknown"
    )),
    nestedTypes: []
)

/// A fresh empty folder for templates; removed by the caller.
private func temporaryFolder(files: [String: String]) throws -> String {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("genTests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    for (name, text) in files {
        try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
    }
    return folder.path
}

/// The error `Renderer(overridesDirectory:)` throws for `folder`, or `nil` if it loads.
private func loadError(_ folder: String) -> Diagnostic? {
    do {
        _ = try Renderer(overridesDirectory: folder)
        return nil
    } catch {
        return error
    }
}

// An enum's TypeView rendered through the real `type` partial gives exactly these lines.
@Test func enumThroughTypePartial() throws {
    let renderer = try Renderer(overridesDirectory: templatesDirectory)
    let view = try #require(ViewBuilder(module: module(types: [statusEnum])).modelsView().types.first)
    let text = try #require(renderer.render(view, withTemplate: "type"))
    #expect(Renderer.tidy(text).split(separator: "\n", omittingEmptySubsequences: false) == [
        "/// Where a build is.",
        "///",
        "/// See <a & b>.",
        "public nonisolated enum Status: RawRepresentable, Codable, Hashable, Sendable, CaseIterable, ParameterValue {",
        "    case queued",
        "    case `default`",
        "    case inProgress",
        "    /// A value this version of the spec does not list, kept as sent so it re-encodes unchanged.",
        "    case unknown(String)",
        "",
        "    /// The values the spec lists, without `unknown`.",
        "    public static let allCases: [Status] = [.queued, .`default`, .inProgress]",
        "",
        "    public init(rawValue: String) {",
        "        switch rawValue {",
        #"        case "queued": self = .queued"#,
        #"        case "default": self = .`default`"#,
        #"        case "in \"progress\" & <b>": self = .inProgress"#,
        "        default: self = .unknown(rawValue)",
        "        }",
        "    }",
        "",
        "    public var rawValue: String {",
        "        switch self {",
        #"        case .queued: "queued""#,
        #"        case .`default`: "default""#,
        #"        case .inProgress: "in \"progress\" & <b>""#,
        "        case .unknown(let value): value",
        "        }",
        "    }",
        "",
        "    public init(from decoder: any Decoder) throws {",
        "        let container = try decoder.singleValueContainer()",
        "        let rawValue = try container.decode(String.self)",
        "        self.init(rawValue: rawValue)",
        "        if case .unknown = self, UnionCoding.isStrict {",
        #"            let description = "'\(rawValue)' is not one of the listed values""#,
        "            throw DecodingError.dataCorruptedError(in: container, debugDescription: description)",
        "        }",
        "    }",
        "",
        "    public func encode(to encoder: any Encoder) throws {",
        "        var container = encoder.singleValueContainer()",
        "        try container.encode(rawValue)",
        "    }",
        "}",
        "",
    ])
}

// Text with `<`, `&`, quotes reaches Models.swift unescaped through models → type → enum/struct partials.
@Test func specTextIsNeverHTMLEscaped() throws {
    let note = Property(
        jsonName: "note", swiftName: "note", type: .string, presence: .optionalNullable, defaultValue: nil,
        documentation: "Use <a & b> 'here'.", deprecated: false
    )
    let holder = SwiftType(
        name: "Holder", schemaName: "Holder", documentation: "Holds <things> & \"stuff\".", deprecated: false,
        kind: .structure(Structure(properties: [note], additionalProperties: nil)), nestedTypes: [statusEnum]
    )
    let files = try Renderer(overridesDirectory: templatesDirectory).render(module(types: [statusEnum, holder]))
    let models = try #require(files.first { $0.path == "M/Models.swift" }?.contents)
    for escaped in ["&lt;", "&gt;", "&amp;", "&quot;", "&#39;"] {
        #expect(!models.contains(escaped), "Models.swift contains \(escaped)")
    }
    #expect(models.contains("/// See <a & b>.\n"))
    #expect(models.contains(#"case "in \"progress\" & <b>": self = .inProgress"#))
    #expect(models.contains("/// Holds <things> & \"stuff\".\n"))
    #expect(models.contains("/// Use <a & b> 'here'.\n"))
    #expect(models.contains("public var note: OptionalNullable<String>\n"))
    // The nested enum goes through the same partials, indented.
    #expect(models.contains(#"            case "in \"progress\" & <b>": self = .inProgress"#))
}

// Every template sets the TEXT content type itself: the pragma does not carry into partials.
@Test func everyTemplateDeclaresTextContentType() throws {
    let names = try FileManager.default.contentsOfDirectory(atPath: templatesDirectory).filter { $0.hasSuffix(".mustache") }
    #expect(!names.isEmpty)
    for name in names {
        let text = try String(contentsOfFile: templatesDirectory + "/" + name, encoding: .utf8)
        #expect(text.hasPrefix("{{% CONTENT_TYPE: TEXT }}\n"), "\(name) does not start with the TEXT content-type pragma")
    }
}

// A template that does not parse is a diagnostic at its file, line and column in the templates folder.
@Test func templateSyntaxErrorPointsIntoTheTemplate() throws {
    let folder = try temporaryFolder(files: [
        "models.mustache": "{{% CONTENT_TYPE: TEXT }}\n{{! View: ModelsView }}\n{{#types}}\n  x {{/typez}}\n",
    ])
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let error = try #require(loadError(folder))
    #expect(error.description.hasPrefix("\(folder)/models.mustache:4:"))
    #expect(error.description == "\(folder)/models.mustache:4:8: error: template does not parse: section 'types' (opened at 3:1) is closed as 'typez'")
}

// A tag still open at the end of a template is reported where it opens.
@Test func unclosedTagIsReported() throws {
    let folder = try temporaryFolder(files: ["models.mustache": "{{% CONTENT_TYPE: TEXT }}\nok\n  {{name\n"])
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let error = try #require(loadError(folder))
    #expect(error.description == "\(folder)/models.mustache:3:3: error: template does not parse: a tag opened here is not closed before the end of the template")
}

// The other ways a template can be wrong, each at its place.
@Test(arguments: [
    ("{{% CONTENT_TYPE: TEXT }}\n{{#types}}\nx\n", "2:4: error: template does not parse: section 'types' is never closed"),
    ("{{% CONTENT_TYPE: TEXT }}\nx {{/types}}\n", "2:6: error: template does not parse: '{{/types}}' closes a section that was never opened"),
    ("{{% CONTENT_TYPE: TEXT }}\n{{=<% %>}}\n", "2:1: error: template does not parse: a tag opened here is not closed before the end of the template"),
    ("{{% CONTENT_TYPE: TEXT }}\n{{=<%=}}\n", "2:1: error: template does not parse: invalid set-delimiter tag '<%': expected two delimiters separated by space, such as {{=<% %>=}}"),
    ("{{% CONTENT_TYPE: XML }}\n", "1:1: error: template does not parse: unrecognised pragma 'CONTENT_TYPE: XML': expected CONTENT_TYPE: TEXT or CONTENT_TYPE: HTML"),
    ("{{% CONTENT_TYPE: TEXT }}\n  {{ }}\n", "2:3: error: template does not parse: a tag has no name"),
    ("{{% CONTENT_TYPE: TEXT }}\n{{#types}}\n    {{> typo}}\n{{/types}}\n", "3:9: error: no template 'typo.mustache' for the partial '{{> typo}}', built in or in '%@'; did you mean 'type'?"),
    // A key no view has would render as nothing: in a variable, a section, dotted, triple-braced.
    ("{{% CONTENT_TYPE: TEXT }}\n{{#types}}\n  struct {{nmae}}\n{{/types}}\n",
     "3:12: error: no view has the key 'nmae', so it would render as nothing; did you mean 'name'? (Templates/README.md lists each view's keys)"),
    ("{{% CONTENT_TYPE: TEXT }}\n{{#tpyes}}{{/tpyes}}\n",
     "2:4: error: no view has the key 'tpyes', so it would render as nothing; did you mean 'types'? (Templates/README.md lists each view's keys)"),
    ("{{% CONTENT_TYPE: TEXT }}\n{{{moduleNme.x}}}\n",
     "2:4: error: no view has the key 'moduleNme', so it would render as nothing; did you mean 'moduleName'? (Templates/README.md lists each view's keys)"),
])
func templateMistakesArePlaced(text: String, expected: String) throws {
    let valid = "{{% CONTENT_TYPE: TEXT }}\n"
    let folder = try temporaryFolder(files: ["models.mustache": text, "support.mustache": valid, "client.mustache": valid, "server.mustache": valid])
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let error = try #require(loadError(folder))
    #expect(error.description == "\(folder)/models.mustache:" + expected.replacingOccurrences(of: "%@", with: folder))
}

// An override folder replaces built-in templates by name and may add partials; everything
// else stays built in. An unreadable folder is an error naming it.
@Test func overridesReplaceBuiltinsByName() throws {
    let folder = try temporaryFolder(files: [
        "models.mustache": "{{% CONTENT_TYPE: TEXT }}\n{{> banner}}\ncustom models for {{moduleName}}\n",
        "banner.mustache": "{{% CONTENT_TYPE: TEXT }}\n// <banner> & {{moduleName}}\n",
    ])
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let custom = try Renderer(overridesDirectory: folder).render(module(types: [statusEnum]))
    let builtin = try Renderer().render(module(types: [statusEnum]))
    #expect(custom.first { $0.path == "M/Models.swift" }?.contents == "// <banner> & M\ncustom models for M\n")
    #expect(custom.filter { $0.path != "M/Models.swift" } == builtin.filter { $0.path != "M/Models.swift" })

    let missing = folder + "/nope"
    #expect(loadError(missing)?.description == "gen: error: no templates folder '\(missing)'")
}

// The keys gen checks user templates against are exactly those the views answer: every stored
// property of every view (`TemplateReferenceTests.views()`), and every key a built-in template uses.
@Test func viewKeysAreTheViewsProperties() throws {
    let properties = Set(try TemplateReferenceTests.views().flatMap { $0.properties.map(\.name) })
    #expect(BuiltinTemplates.viewKeys == properties, "run scripts/embed-templates")
    for (name, text) in BuiltinTemplates.texts {
        let template = try Template(text)
        for key in template.keyReferences where !BuiltinTemplates.viewKeys.contains(key.name) {
            Issue.record("\(name).mustache:\(key.line):\(key.column) uses '\(key.name)', which no view answers")
        }
    }
}

// The built-in templates are Templates/*.mustache byte for byte (embedded by
// scripts/embed-templates, whose raw string literals must survive any quote or backslash).
@Test func builtinTemplatesAreTheTemplatesFolder() throws {
    let names = try FileManager.default.contentsOfDirectory(atPath: templatesDirectory).filter { $0.hasSuffix(".mustache") }
    #expect(Renderer.builtinTemplateNames == names.map { String($0.dropLast(".mustache".count)) }.sorted())
    for name in names {
        let text = try String(contentsOfFile: templatesDirectory + "/" + name, encoding: .utf8)
        #expect(BuiltinTemplates.texts[String(name.dropLast(".mustache".count))] == text, "\(name) differs from its embedded copy: run scripts/embed-templates")
    }
}

// The real Templates/ folder loads and renders every output file for an empty module.
@Test func realTemplatesRenderAllFiles() throws {
    let files = try Renderer(overridesDirectory: templatesDirectory).render(module(types: []))
    #expect(files.map(\.path) == [
        "M/Models.swift", "M/Support.swift", "M/Client.swift", "MServer/Server.swift", "MHummingbird/HummingbirdRoutes.swift",
        "MVapor/VaporRoutes.swift", "MAsyncHTTPClient/AsyncHTTPClientTransport.swift",
    ])
    for file in files {
        #expect(file.contents.hasPrefix("// Generated by gen from t.yaml. Do not edit"), "\(file.path) lacks the do-not-edit line")
    }
}
