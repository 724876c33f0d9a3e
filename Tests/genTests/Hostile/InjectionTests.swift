import Foundation
import Testing
@testable import IR

/// Crafted text in every place a spec string lands in generated Swift: doc comments, string
/// literals, identifiers, module names. Each spec is run through the real `gen`; its output must
/// type-check as Swift 6 with warnings as errors (models, support and client as a module, then the
/// Hummingbird server against it), and the text must survive: descriptions verbatim in `///` lines
/// (split at line breaks), literals decoding back to the exact text. `literalsDecodeAsSwiftDoes`
/// checks the literal decoder used here against the compiler itself.
@Suite struct InjectionTests {
    /// A crafted string and the doc-comment lines it must become.
    struct Payload: Sendable, CustomTestStringConvertible {
        var label: String
        var text: String
        /// The `///` lines expected for a description holding `text`.
        var docLines: [String]
        var testDescription: String { label }
    }

    static let payloads: [Payload] = [
        Payload(label: "block comment end", text: "*/", docLines: ["*/"]),
        Payload(label: "block comment start", text: "/* unterminated", docLines: ["/* unterminated"]),
        Payload(label: "triple quote", text: "\"\"\"", docLines: ["\"\"\""]),
        Payload(label: "quote hash", text: ##""#"##, docLines: [##""#"##]),
        Payload(label: "hash quote", text: #"#""#, docLines: [#"#""#]),
        Payload(label: "interpolation", text: #"\(x)"#, docLines: [#"\(x)"#]),
        Payload(label: "unicode escape", text: #"\u{41}"#, docLines: [#"\u{41}"#]),
        Payload(label: "backticks", text: "`default` ``x``", docLines: ["`default` ``x``"]),
        Payload(label: "line feed", text: "first\nsecond */ x", docLines: ["first", "second */ x"]),
        Payload(label: "CR LF", text: "first\r\n#if false", docLines: ["first", "#if false"]),
        Payload(label: "lone CR", text: "first\rsecond", docLines: ["first", "second"]),
        Payload(label: "line separator", text: "first\u{2028}second", docLines: ["first", "second"]),
        Payload(label: "paragraph separator", text: "first\u{2029}second", docLines: ["first", "second"]),
        Payload(label: "next line", text: "first\u{85}second", docLines: ["first", "second"]),
        Payload(label: "#if false", text: "#if false", docLines: ["#if false"]),
        Payload(label: "#sourceLocation", text: #"#sourceLocation(file: "x", line: 1)"#, docLines: [#"#sourceLocation(file: "x", line: 1)"#]),
        // NUL cannot appear in Swift source: dropped from comments, `\0` in literals.
        Payload(label: "NUL", text: "nul\u{0}here", docLines: ["nulhere"]),
        Payload(label: "emoji ZWJ", text: "👨‍👩‍👧‍👦 and 🏳️‍🌈", docLines: ["👨‍👩‍👧‍👦 and 🏳️‍🌈"]),
        Payload(label: "RTL override", text: "abc\u{202E}fed\u{202C}", docLines: ["abc\u{202E}fed\u{202C}"]),
        Payload(label: "trailing backslash", text: #"ends with \"#, docLines: [#"ends with \"#]),
        Payload(label: "all at once", text: "*/ /* \"\"\" \"# #\" \\(x) \\u{41} ` #if false \\", docLines: ["*/ /* \"\"\" \"# #\" \\(x) \\u{41} ` #if false \\"]),
        Payload(label: "closing braces", text: "}}} #endif ])", docLines: ["}}} #endif ])"]),
        Payload(label: "tab and DEL", text: "a\tb\u{7F}c", docLines: ["a\tb\u{7F}c"]),
        Payload(label: "BOM and ZWSP", text: "\u{FEFF}x\u{200B}y", docLines: ["\u{FEFF}x\u{200B}y"]),
        Payload(label: "vertical tab, form feed", text: "a\u{0B}b\u{0C}c", docLines: ["a", "b", "c"]),
    ]

    // MARK: Specs

    /// A spec value with ordered keys, written as JSON or as YAML (block at the top, flow below).
    indirect enum Value {
        case string(String)
        case bool(Bool)
        case array([Value])
        case object([(String, Value)])

        var json: String {
            switch self {
            case .string(let text): Self.jsonQuoted(text)
            case .bool(let flag): flag ? "true" : "false"
            case .array(let items): "[" + items.map(\.json).joined(separator: ", ") + "]"
            case .object(let entries): "{" + entries.map { Self.jsonQuoted($0.0) + ": " + $0.1.json }.joined(separator: ", ") + "}"
            }
        }

        var yamlFlow: String {
            switch self {
            case .string(let text): Self.yamlQuoted(text)
            case .bool(let flag): flag ? "true" : "false"
            case .array(let items): "[" + items.map(\.yamlFlow).joined(separator: ", ") + "]"
            case .object(let entries): "{" + entries.map { Self.yamlQuoted($0.0) + ": " + $0.1.yamlFlow }.joined(separator: ", ") + "}"
            }
        }

        /// A YAML document: top-level keys as block entries, their values in flow style.
        var yaml: String {
            guard case .object(let entries) = self else { return yamlFlow }
            return entries.map { $0.0 + ": " + $0.1.yamlFlow + "\n" }.joined()
        }

        static func jsonQuoted(_ text: String) -> String {
            var result = "\""
            for scalar in text.unicodeScalars {
                switch scalar {
                case "\"": result += "\\\""
                case "\\": result += "\\\\"
                case _ where scalar.value < 0x20: result += String(format: "\\u%04x", scalar.value)
                default: result.unicodeScalars.append(scalar)
                }
            }
            return result + "\""
        }

        /// Double-quoted YAML with everything outside printable ASCII as `\UXXXXXXXX`, so no
        /// character is left to libyaml's line-break or whitespace handling.
        static func yamlQuoted(_ text: String) -> String {
            var result = "\""
            for scalar in text.unicodeScalars {
                switch scalar {
                case "\"": result += "\\\""
                case "\\": result += "\\\\"
                case " "..."~": result.unicodeScalars.append(scalar)
                default: result += String(format: "\\U%08X", scalar.value)
                }
            }
            return result + "\""
        }
    }

    static func schemaRef(_ name: String) -> Value {
        .object([("$ref", .string("#/components/schemas/" + name.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1")))])
    }

    static func jsonContent(_ schema: Value) -> Value {
        .object([("application/json", .object([("schema", schema)]))])
    }

    /// `text` for use in a path template, where braces would start a parameter.
    static func pathText(_ text: String) -> String {
        text.replacingOccurrences(of: "{", with: "(").replacingOccurrences(of: "}", with: ")")
    }

    /// One payload in every place a spec string can land: title, descriptions, server URL, path
    /// literal and parameter names, operationId, parameters, responses, defaults, examples,
    /// patterns, enum values, property and schema names.
    static func everywhereSpec(_ p: String) -> Value {
        let parameterSchema: Value = .object([("type", .string("string")), ("pattern", .string(p)), ("example", .string(p)), ("default", .string(p))])
        var paths: [(String, Value)] = [
            ("/items" + pathText(p) + "/{id}", .object([
                ("summary", .string(p)),
                ("description", .string(p)),
                ("parameters", .array([
                    .object([("name", .string("id")), ("in", .string("path")), ("required", .bool(true)), ("description", .string(p)), ("example", .string(p)), ("schema", .object([("type", .string("string"))]))]),
                ])),
                ("get", .object([
                    ("operationId", .string(p)),
                    ("summary", .string(p)),
                    ("description", .string(p)),
                    ("tags", .array([.string(p)])),
                    ("parameters", .array([
                        .object([("name", .string(p)), ("in", .string("query")), ("description", .string(p)), ("schema", parameterSchema)]),
                        .object([("name", .string(p)), ("in", .string("header")), ("description", .string(p)), ("schema", schemaRef("Choice"))]),
                    ])),
                    ("responses", .object([
                        ("200", .object([("description", .string(p)), ("content", jsonContent(schemaRef("Thing")))])),
                        ("404", .object([("description", .string(p)), ("content", jsonContent(schemaRef(p)))])),
                    ])),
                ])),
                ("post", .object([
                    ("operationId", .string(p + " post")),
                    ("requestBody", .object([("description", .string(p)), ("required", .bool(true)), ("content", jsonContent(schemaRef("Thing")))])),
                    ("responses", .object([("204", .object([("description", .string(p))]))])),
                ])),
            ])),
        ]
        if !p.contains("{") && !p.contains("}") {
            paths.append(("/by-name/{" + p + "}", .object([
                ("delete", .object([
                    ("parameters", .array([.object([("name", .string(p)), ("in", .string("path")), ("required", .bool(true)), ("description", .string(p)), ("schema", .object([("type", .string("integer"))]))])])),
                    ("responses", .object([("default", .object([("description", .string(p))]))])),
                ])),
            ])))
        }
        return .object([
            ("openapi", .string("3.1.0")),
            ("info", .object([("title", .string(p)), ("version", .string(p)), ("description", .string(p))])),
            ("servers", .array([.object([("url", .string("https://example.com/" + p)), ("description", .string(p))])])),
            ("paths", .object(paths)),
            ("components", .object([("schemas", .object([
                ("Thing", .object([
                    ("type", .string("object")),
                    ("title", .string(p)),
                    ("description", .string(p)),
                    ("example", .object([(p, .string(p))])),
                    ("properties", .object([
                        (p, .object([("type", .string("string")), ("title", .string(p)), ("description", .string(p)), ("default", .string(p)), ("example", .string(p)), ("pattern", .string(p))])),
                        ("choice", .object([("$ref", .string("#/components/schemas/Choice")), ("description", .string(p))])),
                    ])),
                ])),
                ("Choice", .object([("type", .string("string")), ("description", .string(p)), ("enum", .array([.string(p), .string("plain")])), ("example", .string(p))])),
                (p, .object([("type", .string("object")), ("description", .string(p)), ("properties", .object([("value", .object([("type", .string("string"))]))]))])),
            ]))])),
        ])
    }

    /// The places `allPlacesSpec` puts every payload.
    enum Place: String, CaseIterable, Sendable {
        case schemaDescriptions, propertyDescriptions, operationDescriptions, parameterDescriptions, responseDescriptions
        case titles, defaults, examples, patterns, enumValues, propertyNames, schemaNames, operationIDs
        case pathLiterals, pathParameterNames, queryAndHeaderNames, serverURL
    }

    /// Every payload at every place, in one spec: schemas, paths and servers of each place side by side.
    static func allPlacesSpec() -> Value {
        let texts = payloads.map(\.text)
        let string: Value = .object([("type", .string("string"))])
        var schemas: [(String, Value)] = []
        var paths: [(String, Value)] = []
        var servers: [Value] = []
        func operation(_ extra: [(String, Value)], parameters: [Value] = []) -> Value {
            .object(extra + [("parameters", .array(parameters)), ("responses", .object([("200", .object([("description", .string("OK")), ("content", jsonContent(string))]))]))])
        }
        func object(_ name: String, _ properties: [(String, Value)], extra: [(String, Value)] = []) -> (String, Value) {
            (name, .object([("type", .string("object"))] + extra + [("properties", .object(properties))]))
        }
        for place in Place.allCases {
            switch place {
            case .schemaDescriptions:
                schemas += texts.indices.map { ("D\($0)", .object([("type", .string("object")), ("description", .string(texts[$0])), ("properties", .object([("x", string)]))])) }
            case .propertyDescriptions:
                schemas.append(object("PropertyDocs", texts.indices.map { ("p\($0)", .object([("type", .string("string")), ("description", .string(texts[$0]))])) }))
            case .operationDescriptions:
                paths += texts.indices.map { ("/o\($0)", .object([("get", operation([("operationId", .string("o\($0)")), ("summary", .string(texts[$0])), ("description", .string(texts[$0]))]))])) }
            case .parameterDescriptions:
                paths.append(("/p", .object([("get", operation([("operationId", .string("p"))], parameters: texts.indices.map {
                    .object([("name", .string("q\($0)")), ("in", .string("query")), ("description", .string(texts[$0])), ("schema", string)])
                }))])))
            case .responseDescriptions:
                paths.append(("/r", .object([("get", .object([("operationId", .string("r")), ("responses", .object(texts.indices.map {
                    (String(200 + $0), .object([("description", .string(texts[$0])), ("content", jsonContent(string))]))
                }))]))])))
            case .titles:
                schemas += texts.indices.map { object("T\($0)", [("x", .object([("title", .string(texts[$0])), ("type", .string("string"))]))], extra: [("title", .string(texts[$0]))]) }
            case .defaults:
                schemas.append(object("Defaults", texts.indices.map { ("p\($0)", .object([("type", .string("string")), ("default", .string(texts[$0]))])) }))
            case .examples:
                schemas.append(object(
                    "Examples",
                    texts.indices.map { ("p\($0)", .object([("type", .string("string")), ("example", .string(texts[$0])), ("examples", .array([.string(texts[$0])]))])) },
                    extra: [("example", .object(texts.indices.map { ("p\($0)", .string(texts[$0])) })), ("examples", .array(texts.map(Value.string)))]
                ))
            case .patterns:
                schemas.append(object("Patterns", texts.indices.map { ("p\($0)", .object([("type", .string("string")), ("pattern", .string(texts[$0]))])) }))
            case .enumValues:
                schemas.append(("Choice", .object([("type", .string("string")), ("enum", .array(texts.map(Value.string)))])))
            case .propertyNames:
                schemas.append(object("Names", texts.map { ($0, string) }, extra: [("required", .array([.string(texts[0])]))]))
            case .schemaNames:
                schemas += texts.map { object($0, [("x", string)]) }
                paths.append(("/s", .object([("get", .object([("operationId", .string("s")), ("responses", .object([("200", .object([("description", .string("OK")), ("content", jsonContent(schemaRef(texts[0])))]))]))]))])))
            case .operationIDs:
                paths += texts.indices.map { ("/i\($0)", .object([("get", operation([("operationId", .string(texts[$0]))]))])) }
            case .pathLiterals:
                paths += texts.indices.map { ("/l\($0)/" + pathText(texts[$0]) + "/{id}/" + pathText(texts[$0]), .object([("get", operation([("operationId", .string("l\($0)"))], parameters: [
                    .object([("name", .string("id")), ("in", .string("path")), ("required", .bool(true)), ("schema", string)]),
                ]))])) }
            case .pathParameterNames:
                paths += texts.indices.filter { !texts[$0].contains("{") && !texts[$0].contains("}") }.map { ("/n\($0)/{" + texts[$0] + "}", .object([("get", operation([("operationId", .string("n\($0)"))], parameters: [
                    .object([("name", .string(texts[$0])), ("in", .string("path")), ("required", .bool(true)), ("schema", string)]),
                ]))])) }
            case .queryAndHeaderNames:
                paths.append(("/q", .object([("get", operation([("operationId", .string("q"))], parameters: texts.flatMap { text in
                    [Value.object([("name", .string(text)), ("in", .string("query")), ("required", .bool(true)), ("schema", string)]),
                     .object([("name", .string(text)), ("in", .string("header")), ("schema", string)])]
                }))])))
            case .serverURL:
                servers = [.object([("url", .string("https://example.com/" + texts.joined()))])] + texts.map { .object([("url", .string("https://example.com/" + $0))]) }
            }
        }
        return .object([
            ("openapi", .string("3.1.0")),
            ("info", .object([("title", .string("Place")), ("version", .string("1"))])),
            ("servers", .array(servers)),
            ("paths", .object(paths)),
            ("components", .object([("schemas", .object(schemas))])),
        ])
    }

    // MARK: Running and reading the output

    /// The generated files of one run.
    struct Output {
        var directory: TemporaryDirectory
        var module: String
        var run: BoundedRun
        var models: String
        var client: String
        var server: String
    }

    /// Writes `spec` (as JSON or YAML) and runs gen; `moduleName` nil derives the module from the title.
    func generate(_ spec: Value, asJSON: Bool, moduleName: String?) throws -> Output {
        let directory = try TemporaryDirectory()
        let name = asJSON ? "spec.json" : "spec.yaml"
        _ = try directory.write(asJSON ? spec.json : spec.yaml, to: name)
        let run = try runGenBounded(name, in: directory.url, extra: moduleName.map { ["--module-name", $0] } ?? [])
        expectAccepted(run)
        let out = directory.url.appendingPathComponent("out")
        let folders = (try? FileManager.default.contentsOfDirectory(atPath: out.path)) ?? []
        // The models' module is the folder holding Models.swift (beside …Server and …AsyncHTTPClient).
        let module = moduleName ?? folders.first { FileManager.default.fileExists(atPath: out.appendingPathComponent("\($0)/Models.swift").path) } ?? "?"
        func read(_ path: String) -> String {
            (try? String(contentsOf: out.appendingPathComponent(path), encoding: .utf8)) ?? ""
        }
        return Output(
            directory: directory, module: module, run: run,
            models: read("\(module)/Models.swift"), client: Self.unwrapped(read("\(module)/Client.swift")),
            server: read("\(module)Server/Server.swift")
        )
    }

    /// The client with the lines the templates wrap to fit the line length put back on one line, so
    /// literals can be looked for on the line of their call: a joined path array
    /// (`let path = try [ "/a/", ParameterEncoding.path(…), ].joined()`) becomes the one interpolated
    /// literal it stands for, and a call broken after its `(` is joined up to its closing `)`.
    static func unwrapped(_ source: String) -> String {
        var lines: [String] = []
        var pathParts: [String]?
        var openCall: String?
        for line in source.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if let call = openCall {
                guard trimmed.hasPrefix(")") else {
                    openCall = call + trimmed
                    continue
                }
                openCall = nil
                if pathParts != nil {
                    // The call's own `)` and the interpolation's.
                    pathParts?.append("\\(try " + call.trimmingCharacters(in: .whitespaces) + "))")
                } else {
                    lines.append(call + trimmed)
                }
                continue
            }
            if pathParts != nil {
                if trimmed == "].joined()" {
                    lines.append("        let path = \"" + (pathParts ?? []).joined() + "\"")
                    pathParts = nil
                } else if trimmed.hasSuffix("(") {
                    openCall = trimmed
                } else {
                    let element = trimmed.hasSuffix(",") ? String(trimmed.dropLast()) : trimmed
                    pathParts?.append(element.hasPrefix("\"") ? String(element.dropFirst().dropLast()) : "\\(try " + element + ")")
                }
                continue
            }
            if trimmed == "let path = try [" {
                pathParts = []
            } else if trimmed.hasSuffix("("), trimmed.contains("ParameterEncoding.") {
                openCall = line
            } else {
                lines.append(line)
            }
        }
        return lines.joined(separator: "\n")
    }

    /// The models module compiles (emitting its interface), then the server against it.
    func expectCompiles(_ output: Output, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let out = output.directory.url.appendingPathComponent("out")
        let modules = output.directory.url.appendingPathComponent("modules")
        try FileManager.default.createDirectory(at: modules, withIntermediateDirectories: true)
        let models = try runBounded(
            URL(fileURLWithPath: "/usr/bin/env"),
            ["swiftc", "-swift-version", "6", "-warnings-as-errors", "-emit-module", "-parse-as-library", "-wmo", "-module-name", output.module,
             "-emit-module-path", modules.appendingPathComponent("\(output.module).swiftmodule").path] + moduleSources(in: out, module: output.module),
            in: output.directory.url, timeout: 300
        )
        #expect(models.status == 0 && !models.signaled && !models.timedOut, "models, support and client do not compile:\n\(models.stderr.prefix(6000))", sourceLocation: sourceLocation)
        guard models.status == 0 else { return }
        let server = try runBounded(
            URL(fileURLWithPath: "/usr/bin/env"),
            ["swiftc", "-swift-version", "6", "-warnings-as-errors", "-typecheck", "-module-name", output.module + "Server", "-I", modules.path]
                + GoldenTests.dependencyFlags() + moduleSources(in: out, module: output.module + "Server"),
            in: output.directory.url, timeout: 300
        )
        #expect(server.status == 0 && !server.signaled && !server.timedOut, "the server does not compile:\n\(server.stderr.prefix(6000))", sourceLocation: sourceLocation)
    }

    /// `lines` as consecutive `///` lines indented by `indent`, each on a line of its own.
    func expectDocumentation(_ lines: [String], indent: String, in text: String, _ what: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let block = lines.map { indent + ($0.isEmpty ? "///" : "/// " + $0) }.joined(separator: "\n")
        #expect(text.contains("\n" + block + "\n"), "\(what): no doc comment block\n\(block.debugDescription)", sourceLocation: sourceLocation)
    }

    /// A server URL lands in the client only when it is a URL (`URLSyntax`), as a literal decoding
    /// back to it; any other is a warning and in no literal, so neither `Client()` nor `Servers` can
    /// trap on it.
    func expectServerURL(_ url: String, in output: Output, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        guard URLSyntax.problem(in: url) != nil else {
            expectLiteral(url, in: output.client, "server URL", sourceLocation: sourceLocation)
            return
        }
        #expect(!SwiftLiteralScanner.scan(output.client).literals.contains { $0.value == url }, "server URL \(url.debugDescription) is no URL but is in the client", sourceLocation: sourceLocation)
        #expect(output.run.stderr.contains("warning: server url"), "no warning about the server URL \(url.debugDescription)", sourceLocation: sourceLocation)
    }

    /// The decoded string literals of `source` must include `expected`.
    func expectLiteral(_ expected: String, in source: String, _ what: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let scan = SwiftLiteralScanner.scan(source)
        #expect(scan.malformed.isEmpty, "undecodable literals: \(scan.malformed)", sourceLocation: sourceLocation)
        #expect(scan.literals.contains { $0.value == expected }, "\(what): no literal decoding to \(expected.debugDescription)", sourceLocation: sourceLocation)
    }

    // MARK: Tests

    // One payload everywhere: the output compiles, descriptions survive as doc lines, and every
    // literal the payload lands in (enum raw value, default, JSON key, operationId, parameter
    // names, path literal, server URL) decodes back to it.
    @Test(arguments: payloads.indices.map { (payloads[$0], $0 % 2 == 0) })
    func payloadEverywhere(payload: Payload, asJSON: Bool) throws {
        let p = payload.text
        let output = try generate(Self.everywhereSpec(p), asJSON: asJSON, moduleName: nil)
        guard output.run.status == 0 else { return }
        #expect(output.module.wholeMatch(of: #/[A-Za-z_][A-Za-z0-9_]*/#) != nil, "module name \(output.module.debugDescription) from the title")
        try expectCompiles(output)

        expectDocumentation(payload.docLines, indent: "", in: output.models, "schema description")
        expectDocumentation(payload.docLines, indent: "    ", in: output.models, "property description")
        for line in payload.docLines where !line.isEmpty {
            #expect(output.client.contains("\n    /// " + line + "\n"), "operation summary line \(line.debugDescription) not in the client")
            #expect(output.server.contains("\n    /// " + line + "\n"), "response description line \(line.debugDescription) not in the server")
        }
        expectLiteral(p, in: output.models, "enum raw value, property default or JSON key")
        #expect(SwiftLiteralScanner.scan(output.models).literals.filter { $0.value == p }.count >= 4, "enum value (twice), default (twice) and coding key")
        expectLiteral(p, in: output.client, "operationId, query or header name")
        expectLiteral(p, in: output.server, "operationId or parameter name in the server")
        expectLiteral("/items" + Self.pathText(p) + "/\(SwiftLiteralScanner.placeholder)", in: output.client, "path literal")
        expectLiteral("/items" + Self.pathText(p) + "/{id}", in: output.server, "route path")
        expectServerURL("https://example.com/" + p, in: output)
        if !p.contains("{") && !p.contains("}") {
            expectLiteral(p, in: output.server, "path parameter name")
        }
    }

    // Every payload at every place in one spec: the output compiles, and at each place the texts
    // survive as doc lines or literals (in the declaration or statement that place lands in).
    @Test func payloadsAtEveryPlace() throws {
        let output = try generate(Self.allPlacesSpec(), asJSON: false, moduleName: "Place")
        guard output.run.status == 0 else { return }
        try expectCompiles(output)
        let texts = Self.payloads.map(\.text)
        for place in Place.allCases {
            switch place {
            case .schemaDescriptions:
                for (index, payload) in Self.payloads.enumerated() {
                    let block = payload.docLines.map { $0.isEmpty ? "///" : "/// " + $0 }.joined(separator: "\n")
                    #expect(output.models.contains("\n" + block + "\npublic nonisolated struct D\(index): "), "\(payload.label): no doc comment on D\(index)")
                }
            case .propertyDescriptions:
                for payload in Self.payloads {
                    expectDocumentation(payload.docLines, indent: "    ", in: Self.declaration("struct PropertyDocs", in: output.models), payload.label)
                }
            case .operationDescriptions:
                for payload in Self.payloads {
                    // Summary, a blank line, then the description.
                    expectDocumentation(payload.docLines + [""] + payload.docLines, indent: "    ", in: output.client, payload.label)
                    expectDocumentation(payload.docLines + [""] + payload.docLines, indent: "    ", in: output.server, payload.label)
                }
            case .responseDescriptions:
                for payload in Self.payloads {
                    expectDocumentation(payload.docLines, indent: "    ", in: Self.declaration("enum RResponse", in: output.server), payload.label)
                }
            case .defaults:
                let literals = SwiftLiteralScanner.scan(Self.declaration("struct Defaults", in: output.models)).literals.map(\.value)
                for text in texts { #expect(literals.filter { $0 == text }.count == 2, "default \(text.debugDescription) in init and in init(from:)") }
            case .enumValues:
                let literals = SwiftLiteralScanner.scan(Self.declaration("enum Choice", in: output.models)).literals.map(\.value)
                for text in texts { #expect(literals.filter { $0 == text }.count == 2, "enum value \(text.debugDescription) in init(rawValue:) and rawValue") }
            case .propertyNames:
                let literals = SwiftLiteralScanner.scan(Self.declaration("struct Names", in: output.models)).literals.map(\.value)
                for text in texts { #expect(literals.contains(text), "coding key \(text.debugDescription)") }
            case .operationIDs:
                for text in texts {
                    expectLiteral(text, in: Self.lines(containing: "operationID: ", in: output.client), "operationId")
                    expectLiteral(text, in: Self.lines(containing: "operationID: ", in: output.server), "operationId")
                }
            case .pathLiterals:
                for (index, text) in texts.map(Self.pathText).enumerated() {
                    expectLiteral("/l\(index)/" + text + "/\(SwiftLiteralScanner.placeholder)/" + text, in: output.client, "path literal")
                    expectLiteral("/l\(index)/" + text + "/{id}/" + text, in: output.server, "route path")
                }
            case .pathParameterNames:
                for text in texts where !text.contains("{") && !text.contains("}") {
                    expectLiteral(text, in: Self.lines(containing: "in: .path,", in: output.server), "path parameter name")
                }
            case .queryAndHeaderNames:
                for text in texts {
                    expectLiteral(text, in: Self.lines(containing: "ParameterEncoding.query(", in: output.client), "query name")
                    expectLiteral(text, in: Self.lines(containing: "request.headerFields[", in: output.client), "header name")
                    expectLiteral(text, in: Self.lines(containing: "in: .query,", in: output.server), "query name in the server")
                    expectLiteral(text, in: Self.lines(containing: "in: .header,", in: output.server), "header name in the server")
                }
            case .serverURL:
                expectServerURL("https://example.com/" + texts.joined(), in: output)
                for text in texts { expectServerURL("https://example.com/" + text, in: output) }
            case .parameterDescriptions, .titles, .examples, .patterns, .schemaNames:
                break  // These land nowhere in the output (or only as identifiers): compiling is the check.
            }
        }
    }

    /// The declaration starting `public <kind and name>` up to its closing brace at the same level.
    static func declaration(_ head: String, in source: String) -> String {
        guard let start = source.range(of: "\npublic nonisolated " + head + ":") ?? source.range(of: "\npublic nonisolated " + head + " ") else {
            Issue.record("no declaration `\(head)`")
            return ""
        }
        let rest = source[start.lowerBound...]
        let end = rest.range(of: "\n}\n")?.upperBound ?? rest.endIndex
        return String(rest[..<end])
    }

    /// The lines of `source` containing `marker`.
    static func lines(containing marker: String, in source: String) -> String {
        source.split(separator: "\n").filter { $0.contains(marker) }.joined(separator: "\n")
    }

    // Number defaults in every YAML and JSON spelling become Swift literals swiftc accepts without a
    // warning: `.5`, `5.`, `.inf`, `.nan`, values that overflow or underflow, integers too wide for Double.
    @Test func numberDefaultsAreSwiftLiterals() throws {
        let defaults = [
            ".5", "5.", "-.5", "+1.5e3", ".inf", "-.Inf", ".NaN", "1e400", "1e-400", "5e-324", "123456789012345678901234567890",
            "9007199254740993", "0x1F", "0o17", "2", "0.1",
        ]
        var properties = defaults.indices.map { "        d\($0): {type: number, default: \(defaults[$0])}\n" }
        properties += [".5", "1e-40", "16777217", "1e39"].indices.map { "        f\($0): {type: number, format: float, default: \([".5", "1e-40", "16777217", "1e39"][$0])}\n" }
        properties += ["0x1F", "0o17", "+3", "-7", "2147483647", "2147483648"].indices.map { "        i\($0): {type: integer, format: int32, default: \(["0x1F", "0o17", "+3", "-7", "2147483647", "2147483648"][$0])}\n" }
        let spec = "openapi: 3.1.0\ninfo: {title: Numbers, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n    N:\n      type: object\n      properties:\n" + properties.joined()
        let directory = try TemporaryDirectory()
        _ = try directory.write(spec, to: "spec.yaml")
        let run = try runGenBounded("spec.yaml", in: directory.url)
        expectAccepted(run)
        let out = directory.url.appendingPathComponent("out")
        let models = try String(contentsOf: out.appendingPathComponent("Numbers/Models.swift"), encoding: .utf8)
        for expected in [
            "d0: Double = 0.5,", "d1: Double = 5.0,", "d2: Double = -0.5,", "d3: Double = 1500.0,", "d4: Double = .infinity,",
            "d5: Double = -.infinity,", "d6: Double = .nan,", "d7: Double = .infinity,", "d12: Double = 0x1F,", "d13: Double = 0o17,",
            "d14: Double = 2,", "d15: Double = 0.1,", "f0: Float = 0.5,", "f2: Float = 16777216.0,", "f3: Float? = nil,",
            "i0: Int32 = 0x1F,", "i2: Int32 = +3,", "i4: Int32 = 2_147_483_647,", "i5: Int32? = nil",
        ] {
            #expect(models.contains(expected), "no `\(expected)` in the initializer")
        }
        #expect(run.stderr.contains("default 1e39 does not match the property's type Float; it is ignored"))
        #expect(run.stderr.contains("default 2147483648 does not match the property's type Int32; it is ignored"))
        try expectTypeChecks(moduleSources(in: out, module: "Numbers"), module: "Numbers", in: directory.url)
    }

    // A title that names one of the spec's own types (or an imported module) gets an `API` suffix as a
    // module name: the server writes `Module.Type`, which would otherwise look inside the type.
    @Test(arguments: [("Pet", "PetAPI"), ("Foundation", "FoundationAPI"), ("Client", "ClientAPI"), ("Hummingbird", "HummingbirdAPI")])
    func titleNamedLikeAType(title: String, module: String) throws {
        let spec: Value = .object([
            ("openapi", .string("3.1.0")),
            ("info", .object([("title", .string(title)), ("version", .string("1"))])),
            ("paths", .object([("/pets", .object([("get", .object([("operationId", .string("listPets")), ("responses", .object([
                ("200", .object([("description", .string("OK")), ("content", Self.jsonContent(.object([("type", .string("array")), ("items", Self.schemaRef("Pet"))])))])),
            ]))]))]))])),
            ("components", .object([("schemas", .object([("Pet", .object([("type", .string("object")), ("properties", .object([("name", .object([("type", .string("string"))]))]))]))]))])),
        ])
        let output = try generate(spec, asJSON: false, moduleName: nil)
        #expect(output.module == module)
        try expectCompiles(output)
    }

    // Parameters named like the members generated code calls (`url`, `transport`, `bearerToken`, the
    // operation itself) do not shadow them in the client or the server.
    @Test func parametersNamedLikeGeneratedMembers() throws {
        let names = ["search", "url", "transport", "bearer_token", "baseURL", "self", "Self", "path", "query", "request", "response", "token",
                     "body", "context", "authenticator", "maxBodySize", "errorPayload", "respond", "ServerCoding", "Hummingbird", "PercentEncoding", "WireFormat", "Shadow"]
        let spec: Value = .object([
            ("openapi", .string("3.1.0")),
            ("info", .object([("title", .string("Shadow")), ("version", .string("1"))])),
            ("paths", .object([("/s/{path}", .object([("post", .object([
                ("operationId", .string("search")),
                ("security", .array([.object([("bearer", .array([]))])])),
                ("parameters", .array([.object([("name", .string("path")), ("in", .string("path")), ("required", .bool(true)), ("schema", .object([("type", .string("string"))]))])]
                    + names.flatMap { name in ["query", "header"].map { .object([("name", .string(name)), ("in", .string($0)), ("schema", .object([("type", .string("string"))]))]) } })),
                ("requestBody", .object([("content", Self.jsonContent(.object([("type", .string("string"))])))])),
                ("responses", .object([("200", .object([("description", .string("OK")), ("content", Self.jsonContent(.object([("type", .string("string"))])))]))])),
            ]))]))])),
            ("components", .object([("securitySchemes", .object([("bearer", .object([("type", .string("http")), ("scheme", .string("bearer"))]))]))])),
        ])
        let output = try generate(spec, asJSON: true, moduleName: nil)
        try expectCompiles(output)
    }

    // The literal decoder these tests rely on agrees with swiftc: every literal gen wrote for a spec
    // holding all payloads is compiled into a program that prints it, and the generated enum, coding
    // keys and defaults are read back for real (raw values, an object decoded by its keys, a default
    // instance).
    @Test func literalsDecodeAsSwiftDoes() throws {
        let texts = Self.payloads.map(\.text)
        let spec: Value = .object([
            ("openapi", .string("3.1.0")),
            ("info", .object([("title", .string("Probe")), ("version", .string("1"))])),
            ("paths", .object(texts.indices.map { index in
                ("/p\(index)/" + Self.pathText(texts[index]) + "/{id}", .object([("get", .object([
                    ("operationId", .string(texts[index])),
                    ("parameters", .array([
                        .object([("name", .string("id")), ("in", .string("path")), ("required", .bool(true)), ("schema", .object([("type", .string("string"))]))]),
                        .object([("name", .string(texts[index])), ("in", .string("query")), ("schema", .object([("type", .string("string"))]))]),
                    ])),
                    ("responses", .object([("204", .object([("description", .string(texts[index]))]))])),
                ]))]))
            })),
            ("components", .object([("schemas", .object([
                ("Choice", .object([("type", .string("string")), ("enum", .array(texts.map(Value.string)))])),
                ("Thing", .object([("type", .string("object")), ("properties", .object(texts.map { ($0, .object([("type", .string("string")), ("default", .string($0))])) }))])),
            ]))])),
        ])
        let output = try generate(spec, asJSON: true, moduleName: "Probe")
        guard output.run.status == 0 else { return }
        let literals = [output.models, output.client].flatMap { SwiftLiteralScanner.scan($0).literals }.filter { !$0.isInterpolated }
        #expect(literals.count > 3 * texts.count)
        let main = """
            import Foundation

            let literals: [String] = [
            \(literals.map { "    " + $0.source + "," }.joined(separator: "\n"))
            ]
            func scalars(_ text: String) -> [Int] { text.unicodeScalars.map { Int($0.value) } }
            let report: [String: Any] = [
                "literals": literals.map(scalars),
                "rawValues": Choice.allCases.map { scalars($0.rawValue) },
                "roundTrips": Choice.allCases.allSatisfy { Choice(rawValue: $0.rawValue) == $0 },
                "keys": Mirror(reflecting: try JSONDecoder().decode(Thing.self, from: Data(contentsOf: URL(fileURLWithPath: "keyed.json"))))
                    .children.map { scalars($0.value as! String) },
                "defaults": Mirror(reflecting: Thing()).children.map { scalars($0.value as! String) },
            ]
            FileHandle.standardOutput.write(try JSONSerialization.data(withJSONObject: report))

            """
        let mainFile = try output.directory.write(main, to: "main.swift")
        // An object giving each property its index as value, keyed by the payloads as JSON text
        // (escaped here, not by JSONSerialization, so no key is normalized on the way).
        func jsonString(_ text: String) -> String {
            "\"" + text.unicodeScalars.map { $0 == "\"" || $0 == "\\" || $0.value < 0x20 ? String(format: "\\u%04x", $0.value) : String($0) }.joined() + "\""
        }
        _ = try output.directory.write("{" + texts.indices.map { jsonString(texts[$0]) + ": \"\($0)\"" }.joined(separator: ", ") + "}", to: "keyed.json")
        let executable = output.directory.url.appendingPathComponent("probe")
        let out = output.directory.url.appendingPathComponent("out")
        let build = try runBounded(
            URL(fileURLWithPath: "/usr/bin/env"),
            ["swiftc", "-swift-version", "6", "-module-name", "Probe", "-o", executable.path] + moduleSources(in: out, module: "Probe") + [mainFile.path],
            in: output.directory.url, timeout: 300
        )
        try #require(build.status == 0 && !build.signaled, "the probe does not build:\n\(build.stderr.prefix(6000))")
        let probe = try runBounded(executable, [], in: output.directory.url, timeout: 60)
        try #require(probe.status == 0 && !probe.signaled, "the probe failed:\n\(probe.stderr.prefix(2000))")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(probe.stdout.utf8)) as? [String: Any])
        func strings(_ key: String) -> [String] {
            ((report[key] as? [[Int]]) ?? []).map { String(String.UnicodeScalarView($0.compactMap { Unicode.Scalar(UInt32($0)) })) }
        }
        #expect(strings("literals") == literals.map(\.value), "the test's literal decoder disagrees with swiftc")
        #expect(strings("rawValues") == texts)
        #expect(report["roundTrips"] as? Bool == true, "init(rawValue:) does not return the listed case")
        #expect(strings("keys") == texts.indices.map(String.init), "each JSON key decodes into its own property")
        #expect(strings("defaults") == texts, "property defaults")
    }
}

/// Finds the string literals in generated Swift and decodes them as the compiler would: single-line,
/// non-raw literals outside `//` comments. Each interpolation `\(…)` decodes to one `placeholder`.
enum SwiftLiteralScanner {
    static let placeholder: Unicode.Scalar = "\u{FFFC}"

    struct Literal {
        /// The literal as written, quotes included.
        var source: String
        var value: String
        var isInterpolated: Bool
    }

    static func scan(_ text: String) -> (literals: [Literal], malformed: [String]) {
        var literals: [Literal] = []
        var malformed: [String] = []
        for line in text.split(separator: "\n") {
            let scalars = Array(line.unicodeScalars)
            var index = 0
            scanning: while index < scalars.count {
                let scalar = scalars[index]
                if scalar == "/", index + 1 < scalars.count, scalars[index + 1] == "/" { break scanning }
                guard scalar == "\"" else {
                    index += 1
                    continue
                }
                let start = index
                index += 1
                var value = String.UnicodeScalarView()
                var interpolated = false
                var bad: String?
                while true {
                    guard index < scalars.count else {
                        bad = "unterminated"
                        break
                    }
                    let current = scalars[index]
                    if current == "\"" { break }
                    guard current == "\\" else {
                        value.append(current)
                        index += 1
                        continue
                    }
                    guard index + 1 < scalars.count else {
                        bad = "trailing backslash"
                        break
                    }
                    let escape = scalars[index + 1]
                    index += 2
                    switch escape {
                    case "n": value.append("\n")
                    case "r": value.append("\r")
                    case "t": value.append("\t")
                    case "0": value.append("\0")
                    case "\\": value.append("\\")
                    case "\"": value.append("\"")
                    case "'": value.append("'")
                    case "u":
                        guard index < scalars.count, scalars[index] == "{",
                              let close = scalars[index...].firstIndex(of: "}"),
                              let number = UInt32(String(String.UnicodeScalarView(scalars[(index + 1)..<close])), radix: 16),
                              let decoded = Unicode.Scalar(number)
                        else {
                            bad = "bad \\u escape"
                            break
                        }
                        value.append(decoded)
                        index = close + 1
                    case "(":
                        // Skip the interpolated expression, counting parentheses.
                        interpolated = true
                        value.append(placeholder)
                        var depth = 1
                        while index < scalars.count, depth > 0 {
                            if scalars[index] == "(" { depth += 1 }
                            if scalars[index] == ")" { depth -= 1 }
                            index += 1
                        }
                    default:
                        bad = "unknown escape \\\(escape)"
                    }
                    if bad != nil { break }
                }
                let source = String(String.UnicodeScalarView(scalars[start..<min(index + 1, scalars.count)]))
                if let bad {
                    malformed.append("\(bad): \(source)")
                    break scanning
                }
                literals.append(Literal(source: source, value: String(value), isInterpolated: interpolated))
                index += 1
            }
        }
        return (literals, malformed)
    }
}
