import Foundation
import Testing

/// Parameter styles (OpenAPI 3.1 §4.8.12.4), `allowReserved`, `content` parameters, cookies and
/// `pattern`, each as a small spec through the real gen, compiled and run (see `Snippet`).
@Suite struct ParameterStyleSnippetTests {
    /// One row of the "Style Examples" table of §4.8.12.4 for a parameter named `color`, with
    /// `blue` (or the empty string), `[blue, black, brown]` and `{R: 100, G: 200, B: 150}`.
    struct Row {
        var location: String
        var style: String
        var explode: Bool
        /// `empty`, `primitive`, `array` or `object`.
        var shape: String
        /// The text the table shows: the path segment, the query, the header value or the `Cookie` header.
        var expected: String

        var operationID: String { "\(location)\(style.prefix(1).uppercased() + style.dropFirst())\(explode ? "Exploded" : "")\(shape == "empty" ? "Primitive" : shape.prefix(1).uppercased() + shape.dropFirst())" }
        var argument: String {
            switch shape {
            case "empty": #""""#
            case "primitive": #""blue""#
            case "array": #"["blue", "black", "brown"]"#
            default: "Color(r: 100, g: 200, b: 150)"
            }
        }
        var swiftType: String {
            switch shape {
            case "array": "[String]"
            case "object": "Color"
            default: "String"
            }
        }
        var coder: String { shape == "empty" ? "primitive" : shape }
        var styleMember: String { style }
    }

    static let color = "components: {schemas: {Color: {type: object, required: [R, G, B], properties: {R: {type: integer}, G: {type: integer}, B: {type: integer}}}}}"

    /// The table's rows for every location; the text is exactly what goes on the wire (`|`, `[`,
    /// `]` and the space percent-encoded, as a URL cannot hold them).
    static let rows: [Row] = {
        var rows: [Row] = []
        func add(_ location: String, _ style: String, _ explode: Bool, _ texts: [String?]) {
            for (shape, text) in zip(["empty", "primitive", "array", "object"], texts) {
                if let text { rows.append(Row(location: location, style: style, explode: explode, shape: shape, expected: text)) }
            }
        }
        add("path", "matrix", false, [";color", ";color=blue", ";color=blue,black,brown", ";color=R,100,G,200,B,150"])
        add("path", "matrix", true, [";color", ";color=blue", ";color=blue;color=black;color=brown", ";R=100;G=200;B=150"])
        add("path", "label", false, [".", ".blue", ".blue,black,brown", ".R,100,G,200,B,150"])
        add("path", "label", true, [".", ".blue", ".blue.black.brown", ".R=100.G=200.B=150"])
        add("path", "simple", false, [nil, "blue", "blue,black,brown", "R,100,G,200,B,150"])
        add("path", "simple", true, [nil, "blue", "blue,black,brown", "R=100,G=200,B=150"])
        add("query", "form", false, ["color=", "color=blue", "color=blue,black,brown", "color=R,100,G,200,B,150"])
        add("query", "form", true, ["color=", "color=blue", "color=blue&color=black&color=brown", "R=100&G=200&B=150"])
        add("query", "spaceDelimited", false, [nil, nil, "color=blue%20black%20brown", "color=R%20100%20G%20200%20B%20150"])
        add("query", "pipeDelimited", false, [nil, nil, "color=blue%7Cblack%7Cbrown", "color=R%7C100%7CG%7C200%7CB%7C150"])
        add("query", "deepObject", true, [nil, nil, nil, "color%5BR%5D=100&color%5BG%5D=200&color%5BB%5D=150"])
        add("header", "simple", false, ["", "blue", "blue,black,brown", "R,100,G,200,B,150"])
        add("header", "simple", true, ["", "blue", "blue,black,brown", "R=100,G=200,B=150"])
        add("cookie", "form", false, ["color=", "color=blue", "color=blue,black,brown", "color=R,100,G,200,B,150"])
        add("cookie", "form", true, ["color=", "color=blue", "color=blue; color=black; color=brown", "R=100; G=200; B=150"])
        return rows
    }()

    /// A spec with one operation per row of `rows` (primitive rows serve the empty column too).
    static func spec(for rows: [Row]) -> String {
        var paths = "paths:\n"
        var seen: Set<String> = []
        for row in rows where seen.insert(row.operationID).inserted {
            let schema = switch row.shape {
            case "array": "{type: array, items: {type: string}}"
            case "object": "{$ref: '#/components/schemas/Color'}"
            default: "{type: string}"
            }
            let template = row.location == "path" ? "/\(row.operationID)/{color}" : "/\(row.operationID)"
            paths += """
                  \(template):
                    get:
                      operationId: \(row.operationID)
                      parameters: [{name: color, in: \(row.location), required: true, style: \(row.style), explode: \(row.explode), schema: \(schema)}]
                      responses: {'204': {description: ok}}

                """
        }
        return paths + color + "\n"
    }

    /// `main.swift` checks: the request carries the row's text exactly, and reading that text
    /// back with the module's `ParameterDecoding` gives the value sent.
    static func checks(for rows: [Row]) -> String {
        var main = "let (client, transport) = stubClient(status: 204)\nvar sent = 0\n"
        for row in rows {
            let label = "\(row.location) \(row.style) explode \(row.explode) \(row.shape)"
            main += "try await client.\(row.operationID)(color: \(row.argument))\nsent += 1\n"
            main += "do {\n    let request = await transport.log.requests[sent - 1]\n"
            let base = "https://api.example.com/\(row.operationID)"
            let shapeMember = row.shape == "empty" ? "primitive" : row.shape
            let value: String
            switch row.location {
            case "path":
                main += "    checkEqual(\"\(label): URL\", request.url.absoluteString, \(Self.literal(base + "/" + row.expected)))\n"
                value = "try ParameterDecoding.path(\(Self.literal(row.expected))[...], named: \"color\", shape: .\(shapeMember), style: .\(row.style), explode: \(row.explode))"
            case "query":
                main += "    checkEqual(\"\(label): URL\", request.url.absoluteString, \(Self.literal(base + "?" + row.expected)))\n"
                value = "try ParameterDecoding.query(ParameterDecoding.pairs(ofQuery: \(Self.literal(row.expected))[...]), named: \"color\", shape: .\(shapeMember), style: .\(row.style), explode: \(row.explode))!"
            case "header":
                main += "    checkEqual(\"\(label): header\", request.headerFields[\"color\"], \(Self.literal(row.expected)))\n"
                value = "try ParameterDecoding.header(\(Self.literal(row.expected)), shape: .\(shapeMember), explode: \(row.explode))"
            default:
                main += "    checkEqual(\"\(label): Cookie header\", request.headerFields[\"Cookie\"], \(Self.literal(row.expected)))\n"
                value = "try ParameterDecoding.cookie(ParameterDecoding.pairs(ofCookieHeaders: [\(Self.literal(row.expected))]), named: \"color\", shape: .\(shapeMember), explode: \(row.explode))!"
            }
            let isNamed = !(row.shape == "object" && row.explode && (row.location == "query" || row.location == "cookie"))
            main += "    let decoded = try ParameterCoder<\(row.swiftType)>.\(row.coder).value(from: \(value), isNamed: \(isNamed))\n"
            main += "    checkEqual(\"\(label): reads back\", decoded, \(row.argument))\n}\n"
        }
        return main + "finish()\n"
    }

    static func literal(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    // The table's path rows: matrix, label and simple, explode false and true, every shape.
    @Test func pathStylesMatchTheExamplesTable() async throws {
        let rows = Self.rows.filter { $0.location == "path" }
        let run = try Snippet.run(spec: Self.spec(for: rows), main: Self.checks(for: rows), typecheckServer: true)
        run.expectAllPassed()
        #expect(!run.genDiagnostics.contains("warning"), "\(run.genDiagnostics)")
    }

    // The table's query rows: form, spaceDelimited, pipeDelimited and deepObject.
    @Test func queryStylesMatchTheExamplesTable() async throws {
        let rows = Self.rows.filter { $0.location == "query" }
        let run = try Snippet.run(spec: Self.spec(for: rows), main: Self.checks(for: rows), typecheckServer: true)
        run.expectAllPassed()
        #expect(!run.genDiagnostics.contains("warning"), "\(run.genDiagnostics)")
    }

    // Headers in the simple style (not percent-encoded) and cookies in the form style, which
    // the client used to drop without a word.
    @Test func headerAndCookieStylesMatchTheExamplesTable() async throws {
        let rows = Self.rows.filter { $0.location == "header" || $0.location == "cookie" }
        let run = try Snippet.run(spec: Self.spec(for: rows), main: Self.checks(for: rows), typecheckServer: true)
        run.expectAllPassed()
        #expect(!run.genDiagnostics.contains("warning"), "\(run.genDiagnostics)")
    }

    // Query values are percent-encoded exactly once (RFC 3986 §3.4): `+ & = # ? %` and space
    // survive; `allowReserved` leaves reserved characters as they are, except those a query
    // cannot hold; path values are encoded once too.
    @Test func queryValuesAreEncodedOnce() async throws {
        let run = try Snippet.run(spec: """
            paths:
              /items/{id}:
                get:
                  operationId: search
                  parameters:
                    - {name: id, in: path, required: true, schema: {type: string}}
                    - {name: q, in: query, schema: {type: string}}
                    - {name: raw, in: query, allowReserved: true, schema: {type: string}}
                    - {name: tags, in: query, explode: false, schema: {type: array, items: {type: string}}}
                  responses: {'204': {description: ok}}
            """, main: #"""
            let (client, transport) = stubClient(status: 204)
            try await client.search(id: "a b/c%2F", q: "a+b &c=d#e?f%g", raw: "a/b?c:d@e!$'()*+,;=#[]", tags: ["x,y", "z"])
            let url = await transport.log.requests.first?.url.absoluteString
            checkEqual("each value encoded once; the style's comma literal", url,
                "https://api.example.com/items/a%20b%2Fc%252F?q=a%2Bb%20%26c%3Dd%23e%3Ff%25g&raw=a/b?c:d@e!$'()*+,;=%23%5B%5D&tags=x%2Cy,z")
            let pairs = ParameterDecoding.pairs(ofQuery: (url.flatMap { URL(string: $0)?.query(percentEncoded: true) } ?? "")[...])
            let q = try ParameterDecoding.query(pairs, named: "q", shape: .primitive, style: .form, explode: true)
            checkEqual("the value reads back with `+` a plus", q?.texts, ["a+b &c=d#e?f%g"])
            let tags = try ParameterDecoding.query(pairs, named: "tags", shape: .array, style: .form, explode: false)
            checkEqual("a comma inside an element stays in it", tags?.texts, ["x,y", "z"])
            finish()
            """#)
        run.expectAllPassed()
    }

    // Combinations §4.8.12.4 leaves undefined warn at the style and get the closest defined behaviour.
    @Test func undefinedCombinationsWarnAndFallBack() async throws {
        let run = try Snippet.run(spec: """
            paths:
              /x:
                get:
                  operationId: getX
                  parameters:
                    - {name: a, in: query, style: spaceDelimited, schema: {type: string}}
                    - {name: b, in: query, style: deepObject, schema: {type: array, items: {type: string}}}
                    - {name: c, in: query, style: pipeDelimited, explode: true, schema: {type: array, items: {type: integer}}}
                    - {name: d, in: query, style: deepObject, explode: false, schema: {$ref: '#/components/schemas/P'}}
                    - {name: e, in: header, style: form, schema: {type: string}}
                    - {name: f, in: query, style: sideways, schema: {type: string}}
                  responses: {'204': {description: ok}}
            components:
              schemas:
                P: {type: object, properties: {k: {type: string}}}
            """, main: #"""
            let (client, transport) = stubClient(status: 204)
            try await client.getX(a: "x y", b: ["1", "2"], c: [3, 4], d: P(k: "v"), e: "h", f: "s")
            let request = await transport.log.requests.first
            checkEqual("closest defined behaviour", request?.url.query(percentEncoded: true), "a=x%20y&b=1&b=2&c=3&c=4&d%5Bk%5D=v&f=s")
            checkEqual("header in the simple style", request?.headerFields["e"], "h")
            finish()
            """#)
        run.expectAllPassed()
        for expected in [
            "spec.yaml:8:39: warning: style 'spaceDelimited' is defined for arrays and objects, not for the primitive 'a' (§4.8.12.4); 'a' is sent in the 'form' style with explode: true",
            "spec.yaml:9:39: warning: style 'deepObject' is defined for objects, not for the array 'b' (§4.8.12.4); 'b' is sent in the 'form' style with explode: true",
            "spec.yaml:10:39: warning: style 'pipeDelimited' is not defined with explode: true (§4.8.12.4); 'c' is sent in the 'form' style with explode: true",
            "spec.yaml:11:39: warning: style 'deepObject' is defined with explode: true only (§4.8.12.4); 'd' is sent with explode: true",
            "spec.yaml:12:40: warning: parameter style 'form' is not defined for 'header' parameters (§4.8.12.4); 'e' is sent in the 'simple' style",
            "spec.yaml:13:39: warning: unknown parameter style 'sideways'; expected one of form, spaceDelimited, pipeDelimited, deepObject for 'query' parameters; 'f' is sent in the 'form' style",
        ] {
            #expect(run.genDiagnostics.contains(expected), "\(expected)\n--- gen said ---\n\(run.genDiagnostics)")
        }
    }

    // Maps (`additionalProperties` of scalars) are objects too, their keys sent sorted so the
    // same value is always the same URL; openai's `metadata` is one in the deepObject style.
    @Test func mapsAreObjectsWithSortedKeys() async throws {
        let run = try Snippet.run(spec: """
            paths:
              /x:
                get:
                  operationId: getX
                  parameters:
                    - {name: metadata, in: query, style: deepObject, schema: {type: object, additionalProperties: {type: string}}}
                    - {name: limits, in: query, explode: false, schema: {$ref: '#/components/schemas/Limits'}}
                  responses: {'204': {description: ok}}
            components:
              schemas:
                Limits: {type: object, additionalProperties: {type: integer}}
            """, main: #"""
            let (client, transport) = stubClient(status: 204)
            try await client.getX(metadata: ["z": "3", "a": "1", "b b": "2&"], limits: ["y": 2, "x": 1])
            checkEqual("sorted keys, each piece encoded once", await transport.log.requests.first?.url.query(percentEncoded: true),
                "metadata%5Ba%5D=1&metadata%5Bb%20b%5D=2%26&metadata%5Bz%5D=3&limits=x,1,y,2")
            let pairs = ParameterDecoding.pairs(ofQuery: "metadata%5Bk%5D=v&other=1&metadata%5Be%5Bf%5D%5D=%2B")
            let node = try ParameterDecoding.query(pairs, named: "metadata", shape: .object, style: .deepObject, explode: true)
            checkEqual("reads back", try node.flatMap { try ParameterCoder<[String: String]>.object.value(from: $0) }, ["k": "v", "e[f]": "+"])
            finish()
            """#, typecheckServer: true)
        run.expectAllPassed()
        #expect(!run.genDiagnostics.contains("warning"), "\(run.genDiagnostics)")
    }

    // A `content: application/json` parameter (§4.8.12.5) is its value's JSON text, encoded as
    // any other text in its location.
    @Test func contentParametersAreJSONText() async throws {
        let run = try Snippet.run(spec: """
            paths:
              /x:
                get:
                  operationId: getX
                  parameters:
                    - name: filter
                      in: query
                      content: {application/json: {schema: {$ref: '#/components/schemas/Filter'}}}
                    - name: X-Filter
                      in: header
                      content: {application/json: {schema: {type: array, items: {type: integer}}}}
                    - {name: tag, in: cookie, content: {application/json: {schema: {type: string, pattern: '^a'}}}}
                  responses: {'204': {description: ok}}
            components:
              schemas:
                Filter: {type: object, properties: {name: {type: string}, limit: {type: integer}}}
            """, main: #"""
            let (client, transport) = stubClient(status: 204)
            try await client.getX(filter: Filter(name: "a&b", limit: 5), xFilter: [1, 2], tag: "a b")
            let request = await transport.log.requests.first
            checkEqual("cookie: JSON text, percent-encoded", request?.headerFields["Cookie"], "tag=%22a%20b%22")
            checkEqual("query: JSON text, percent-encoded once", request?.url.query(percentEncoded: true),
                "filter=%7B%22limit%22%3A5%2C%22name%22%3A%22a%26b%22%7D")
            checkEqual("header: JSON text", request?.headerFields["X-Filter"], "[1,2]")
            let back = try ParameterCoder<Filter>.json.value(from: .primitive(#"{"name":"a&b","limit":5}"#))
            checkEqual("JSON text reads back", back, Filter(name: "a&b", limit: 5))
            finish()
            """#, typecheckServer: true)
        run.expectAllPassed()
        // A pattern describes the string, not its JSON text on the wire: it is not checked, and says so.
        #expect(run.genDiagnostics.contains("spec.yaml:14:11: warning: the pattern of content parameter 'tag' is not checked (its text on the wire is JSON)"), "\(run.genDiagnostics)")
        #expect(!run.serverSource.contains("pattern: \"^a\""))
    }

    // `pattern` lands in the server as an escaped string literal that Foundation's regular
    // expressions read as written.
    @Test func patternIsAnEscapedLiteralInTheServer() async throws {
        let run = try Snippet.run(spec: #"""
            paths:
              /x/{code}:
                get:
                  operationId: getX
                  parameters:
                    - {name: code, in: path, required: true, schema: {type: string, pattern: "^[A-Z]{2}\\d+\"\\(x\\)$"}}
                    - {name: bad, in: query, schema: {type: string, pattern: '(unclosed'}}
                    - {name: ids, in: query, schema: {type: array, items: {type: string, pattern: '^[a-f0-9]+$'}}}
                  responses: {'204': {description: ok}}
            """#, main: #"""
            let (client, transport) = stubClient(status: 204)
            try await client.getX(code: "AB1", ids: ["ab"])
            checkEqual("the client sends the value", await transport.log.requests.first?.url.path, "/x/AB1")
            finish()
            """#, typecheckServer: true)
        run.expectAllPassed()
        #expect(run.serverSource.contains(#"pattern: "^[A-Z]{2}\\d+\"\\(x\\)$""#), "\(run.serverSource)")
        #expect(!run.serverSource.contains("(unclosed"), "a pattern Foundation cannot read is not emitted")
        #expect(run.genDiagnostics.contains("spec.yaml:9:42: warning: pattern '(unclosed' of parameter 'bad' is not a regular expression Foundation can read; it is not checked"), "\(run.genDiagnostics)")
        #expect(run.serverSource.contains(#"pattern: "^[a-f0-9]+$""#), "\(run.serverSource)")
    }
}
