import Foundation
import Testing
@testable import Render

/// A spec generated to collide with everything the output could collide with: its schemas,
/// properties, enum values, operationIds, parameters, headers and tags are named after every name
/// the templates reserve or scope (`TemplateNames`), the standard-library, Foundation, Concurrency,
/// XCTest and framework types a Swift user's code names, and every Swift keyword. Its output must
/// compile in both layouts, at every access level, server and both frameworks included, warnings
/// as errors, and a model must survive a round trip.
@Suite struct TortureTests {
    /// Types a schema is likely to be named after, or that generated code might be tempted to name.
    static let platformTypeNames = [
        // Swift
        "Int", "Int8", "Int16", "Int32", "Int64", "UInt", "UInt8", "UInt16", "UInt32", "UInt64", "Float", "Float16", "Double", "Bool",
        "String", "Character", "Substring", "Array", "Dictionary", "Set", "Optional", "Result", "Range", "ClosedRange", "Sequence",
        "Collection", "IteratorProtocol", "Element", "Index", "Key", "Value", "Never", "Void", "Error", "Codable", "Encodable",
        "Decodable", "Encoder", "Decoder", "CodingKey", "CodingKeys", "Hashable", "Equatable", "Comparable", "Identifiable", "Sendable",
        "CustomStringConvertible", "CustomDebugStringConvertible", "RawRepresentable", "CaseIterable", "OptionSet", "AnyObject",
        "AnyHashable", "AnyClass", "Unicode", "StaticString", "Mirror", "ObjectIdentifier", "Hasher", "Slice", "ArraySlice",
        "ContiguousArray", "KeyPath", "WritableKeyPath", "UnsafePointer", "UnsafeMutablePointer", "UnsafeRawPointer", "OpaquePointer",
        "Numeric", "BinaryInteger", "FixedWidthInteger", "SignedInteger", "FloatingPoint", "Strideable", "Duration", "Clock",
        "ContinuousClock", "SuspendingClock", "LazySequence", "Atomic", "Mutex", "Span", "InlineArray", "RawValue", "Wrapped",
        "ExpressibleByStringLiteral", "ExpressibleByIntegerLiteral", "KeyedDecodingContainer", "UnkeyedDecodingContainer",
        "SingleValueDecodingContainer", "DecodingError", "EncodingError", "CodingUserInfoKey", "Body", "Context", "Storage", "Kind",
        // Concurrency
        "AsyncSequence", "AsyncIteratorProtocol", "AsyncStream", "AsyncThrowingStream", "Task", "TaskGroup", "ThrowingTaskGroup",
        "TaskPriority", "TaskLocal", "MainActor", "GlobalActor", "Actor", "CheckedContinuation", "UnsafeContinuation",
        "CancellationError", "Executor", "SerialExecutor", "UnownedJob",
        // Foundation
        "Data", "Date", "URL", "URLComponents", "URLQueryItem", "URLRequest", "URLResponse", "HTTPURLResponse", "URLSession",
        "URLSessionConfiguration", "URLError", "UUID", "Decimal", "Locale", "Calendar", "TimeZone", "DateComponents", "DateFormatter",
        "ISO8601DateFormatter", "DateInterval", "JSONEncoder", "JSONDecoder", "JSONSerialization", "PropertyListEncoder", "NSError",
        "NSObject", "NSString", "NSNumber", "NSArray", "NSDictionary", "Notification", "NotificationCenter", "Bundle", "ProcessInfo",
        "FileManager", "FileHandle", "Timer", "RunLoop", "Operation", "OperationQueue", "DispatchQueue", "Thread", "Progress",
        "Measurement", "Unit", "NumberFormatter", "Formatter", "CharacterSet", "IndexSet", "IndexPath", "AttributedString", "NSRange",
        "NSRegularExpression", "Scanner", "UserDefaults", "Host", "Pipe", "Process", "Stream", "InputStream", "OutputStream",
        "Predicate", "LocalizedError", "CustomNSError", "PersonNameComponents",
        // XCTest and Testing
        "XCTestCase", "XCTestExpectation", "XCTest", "XCTSkip", "XCTestSuite", "XCTWaiter", "Test", "Suite", "Issue", "Tag",
        // The frameworks
        "Request", "Response", "Router", "Application", "HTTPMethod", "HTTPHeaders", "HTTPStatus", "HTTPClient", "ByteBuffer",
        "EventLoop", "Channel", "Logger", "Middleware", "RouteCollection", "RequestContext", "BasicRequestContext", "Content", "Abort",
        "HTTPFields", "HTTPRequest", "HTTPResponse", "ResponseBody", "RouterPath", "RoutesBuilder", "Environment", "Headers",
    ]

    /// Swift's keywords and contextual keywords.
    static let keywords = [
        "associatedtype", "class", "deinit", "enum", "extension", "fileprivate", "func", "import", "init", "inout", "internal", "let",
        "open", "operator", "private", "precedencegroup", "protocol", "public", "rethrows", "static", "struct", "subscript",
        "typealias", "var", "break", "case", "catch", "continue", "default", "defer", "do", "else", "fallthrough", "for", "guard", "if",
        "in", "repeat", "return", "throw", "switch", "where", "while", "Any", "as", "await", "false", "is", "nil", "self", "Self",
        "super", "throws", "true", "try", "_", "associativity", "convenience", "didSet", "dynamic", "final", "get", "indirect", "infix",
        "lazy", "left", "mutating", "none", "nonmutating", "optional", "override", "postfix", "precedence", "prefix", "Protocol",
        "required", "right", "set", "some", "any", "Type", "unowned", "weak", "willSet", "async", "actor", "nonisolated", "isolated",
        "consuming", "borrowing", "package", "macro", "each", "copy", "discard", "consume", "sending", "unsafe", "escaping",
    ]

    /// Every name the output must survive, in a fixed order.
    static let names: [String] = {
        let templates = TemplateNames(templates: BuiltinTemplates.texts.values.compactMap { try? Template($0) })
        let all = Renderer.builtinReservedNames.names.union(templates.declared).union(templates.scoped)
            .union(platformTypeNames).union(keywords)
        return all.sorted()
    }()

    /// The spec as JSON (which gen reads like YAML): schema `N` is an object with properties `N`,
    /// a keyword and `next` (the next schema, so the schemas form one cycle), every seventh a
    /// `oneOf` of the next two and a string; operation `N` is `GET /tN/{N}` with a path, a query and
    /// a header parameter `N` (every third also a `Date` query parameter, which only the handler,
    /// not the response enum, shows), tag `N`, a response header `N` and schema `N` as body
    /// (every fifth also a `POST` with it as request body).
    static func spec() throws -> String {
        let names = Self.names
        func reference(_ index: Int) -> [String: Any] { ["$ref": "#/components/schemas/" + names[index % names.count]] }
        var schemas: [String: Any] = [:]
        for (index, name) in names.enumerated() {
            if index % 7 == 3 {
                schemas[name] = ["oneOf": [reference(index + 1), reference(index + 2), ["type": "string"]]]
            } else {
                schemas[name] = [
                    "type": "object",
                    "description": "Named `\(name)`.",
                    "properties": [
                        name: ["type": "string"],
                        keywords[index % keywords.count]: ["type": "integer"],
                        "next": reference(index + 1),
                    ],
                ]
            }
        }
        schemas["TortureValues"] = ["type": "string", "enum": names]
        schemas["TortureRoundTrip"] = [
            "type": "object",
            "required": ["Type"],
            "properties": Dictionary(uniqueKeysWithValues: keywords.map { ($0, ["type": "string"]) })
                .merging([
                    "Type": ["type": "string"], "value": ["$ref": "#/components/schemas/TortureValues"],
                    "data": reference(names.firstIndex(of: "Data") ?? 0), "when": ["type": "string", "format": "date-time"],
                ]) { $1 },
        ]
        var paths: [String: Any] = [:]
        for (index, name) in names.enumerated() {
            let response: [String: Any] = [
                "description": "The `\(name)`.",
                "headers": [name: ["schema": ["type": "string"]]],
                "content": ["application/json": ["schema": reference(index)]],
            ]
            var item: [String: Any] = [
                "get": [
                    "operationId": name,
                    "tags": [name],
                    "parameters": [
                        ["name": name, "in": "path", "required": true, "schema": ["type": "string"]],
                        ["name": name, "in": "query", "schema": ["type": "string"]],
                        ["name": name, "in": "header", "schema": ["type": "string"]],
                    ] + (index % 3 == 0 ? [["name": "since", "in": "query", "schema": ["type": "string", "format": "date-time"]]] : []),
                    "responses": ["200": response],
                ] as [String: Any],
            ]
            if index % 5 == 0 {
                item["post"] = [
                    "operationId": "create" + name,
                    "requestBody": ["required": true, "content": ["application/json": ["schema": reference(index)]]],
                    "responses": ["201": response],
                ] as [String: Any]
            }
            paths["/t\(index)/{\(name)}"] = item
        }
        let document: [String: Any] = [
            "openapi": "3.1.0",
            "info": ["title": "Torture", "version": "1"],
            "servers": [["url": "https://torture.example.com"]],
            "tags": names.map { ["name": $0] },
            "paths": paths,
            "components": ["schemas": schemas],
        ]
        let data = try JSONSerialization.data(withJSONObject: document, options: [.sortedKeys, .prettyPrinted])
        return String(decoding: data, as: UTF8.self)
    }

    /// Generates the spec with `config` (gen-config.yaml text) and `arguments`.
    private func generate(config: String, _ arguments: [String] = []) throws -> (TemporaryDirectory, URL) {
        let scratch = try TemporaryDirectory()
        _ = try scratch.write(Self.spec(), to: "torture.json")
        _ = try scratch.write(config, to: "gen-config.yaml")
        let gen = try runGen(["torture.json", "--output", "out"] + arguments, in: scratch.url)
        #expect(gen.status == 0, "\(gen.stderr.prefix(4000))")
        return (scratch, scratch.url.appendingPathComponent("out"))
    }

    static let everyPart = "generate: [models, client, server, hummingbird, vapor, asyncHTTPClient]\n"

    @Test func namesCoverWhatTheIssueAsksFor() {
        #expect(Self.platformTypeNames.count >= 150)
        #expect(Set(["Type", "Self", "Protocol", "Result", "Task", "Sequence", "Element", "Index", "Key", "Value", "Never", "URLRequest",
            "Decoder", "actor", "async", "some", "any"]).isSubset(of: Self.names))
        #expect(Renderer.builtinReservedNames.names.isSubset(of: Self.names))
    }

    // Modules layout, public, Swift 6: the five modules compile in dependency order.
    @Test func publicModulesCompile() throws {
        let (scratch, out) = try generate(config: Self.everyPart)
        // Split over files, so each file's imports are decided from its own share.
        #expect(try GeneratedCompiler.swiftFiles(in: out.appendingPathComponent("TortureServer")).count > 1)
        #expect(try GeneratedCompiler.swiftFiles(in: out.appendingPathComponent("Torture")).filter { $0.contains("/Client") }.count > 1)
        let failures = try GeneratedCompiler.compileModules(in: out, module: "Torture", setting: BuildSetting.all[0])
        #expect(failures.isEmpty, "\(failures.prefix(8000))")
        _ = scratch
    }

    // Modules layout, package, in the strictest setting (MainActor by default, every upcoming feature).
    @Test func packageModulesCompileStrictly() throws {
        let (scratch, out) = try generate(config: Self.everyPart + "accessLevel: package\n")
        let failures = try GeneratedCompiler.compileModules(in: out, module: "Torture", setting: .strictest, packageName: "TorturePackage")
        #expect(failures.isEmpty, "\(failures.prefix(8000))")
        _ = scratch
    }

    // Flat layout, internal, every part, strictest setting: one module, as the build plugin writes it.
    @Test func internalFlatCompilesStrictly() throws {
        let (scratch, out) = try generate(config: Self.everyPart + "accessLevel: internal\n", ["--layout", "flat"])
        let failures = try GeneratedCompiler.compileFlat(in: out, module: "Torture", setting: .strictest)
        #expect(failures.isEmpty, "\(failures.prefix(8000))")
        _ = scratch
    }

    // Flat layout, internal, MainActor by default as in an Xcode app target: a program in the same
    // module decodes, encodes and decodes again a model with keyword-named properties.
    @Test func modelRoundTripsInAnAppTarget() throws {
        let (scratch, out) = try generate(config: "generate: [models, client, server]\naccessLevel: internal\n", ["--layout", "flat"])
        let json = #"{"Type":"t","self":"s","default":"d","init":"i","value":"MainActor","when":"2026-12-04T21:00:00.5Z","#
            + #""data":{"Data":"x","next":null}}"#
        let main = try scratch.write(
            """
            import Foundation

            let json = #\"\(json)\"#
            let decoded = try WireFormat.makeDecoder().decode(TortureRoundTrip.self, from: Data(json.utf8))
            let encoded = try WireFormat.makeEncoder().encode(decoded)
            let again = try WireFormat.makeDecoder().decode(TortureRoundTrip.self, from: encoded)
            precondition(again == decoded, "round trip changed the value")
            let text = String(decoding: encoded, as: UTF8.self)
            for pair in [#""Type":"t""#, #""self":"s""#, #""default":"d""#, #""init":"i""#, #""value":"MainActor""#, #""Data":"x""#] {
                precondition(text.contains(pair), "\\(pair) missing from \\(text)")
            }
            precondition(decoded.type == "t")
            print("PASS")
            """,
            to: "program/main.swift"
        )
        let program = scratch.url.appendingPathComponent("program/run")
        let failures = try GeneratedCompiler.compileFlat(
            in: out, module: "Torture", setting: BuildSetting.all[1], extra: [main.path], executable: program
        )
        #expect(failures.isEmpty, "\(failures.prefix(8000))")
        guard failures.isEmpty else { return }
        let run = try runBounded(program, [], in: scratch.url, timeout: 60)
        #expect(run.status == 0 && run.stdout.hasPrefix("PASS"), "\(run.stdout)\(run.stderr)")
    }
}
