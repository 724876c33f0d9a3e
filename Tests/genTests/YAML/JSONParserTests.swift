import Diagnostics
import Testing
@testable import YAML

// Keys, values and nested nodes of JSON get 1-based line:column, like YAML.
@Test func jsonPositions() {
    let result = loadYAML(
        """
        {
          "a": 1,
          "b": [true, null,
                {"c": "x"}]
        }
        """,
        file: "t.json"
    )
    #expect(result.thrown == nil)
    #expect(
        renderNode(result.node) == """
            {@1:1 a@2:3: "1"@2:8 int(1), b@3:3: [@3:8 "true"@3:9 bool(true), "null"@3:15 null, \
            {@4:9 c@4:10: "x"@4:15 str(x)}]}
            """
    )
}

// JSON strings are double-quoted strings even when they look like other values; literals resolve.
@Test func jsonScalars() {
    let result = loadYAML(#"["true", "1", true, false, null, 0, -0, 12, -7, 1.5, 2.5e3, 1E-2, -0.0]"#, file: "t.json")
    let scalars = result.node?.sequence?.compactMap(\.scalar)
    #expect(scalars?.first == Scalar(text: "true", style: .doubleQuoted, value: .string("true")))
    #expect(
        scalars?.dropFirst().map(\.value) == [
            .string("1"), .bool(true), .bool(false), .null, .int(0), .int(0), .int(12), .int(-7),
            .float(1.5), .float(2500), .float(0.01), .float(-0.0),
        ]
    )
    #expect(scalars?.map(\.text).last == "-0.0")
}

// Integers beyond Int become floats with the exact digits kept; Int's own bounds stay ints.
@Test func jsonHugeIntegers() {
    let result = loadYAML("[123456789012345678901234567890, 9223372036854775807, -9223372036854775808, 9223372036854775808]", file: "t.json")
    let scalars = result.node?.sequence?.compactMap(\.scalar)
    #expect(scalars?.map(\.text) == ["123456789012345678901234567890", "9223372036854775807", "-9223372036854775808", "9223372036854775808"])
    #expect(scalars?.map(\.value) == [.float(1.2345678901234568e29), .int(.max), .int(.min), .float(9223372036854775808)])
}

// A UTF-16 surrogate pair escape decodes to one scalar (libyaml rejects these), with other escapes.
@Test func jsonSurrogatePairAndEscapes() {
    let result = loadYAML(#"{"emoji": "\ud83d\udc4d", "esc": "a\"b\\c\/d\n\t\u00e9\u0000"}"#, file: "t.json")
    #expect(result.thrown == nil)
    #expect(result.node?["emoji"]?.scalar?.text == "👍")
    #expect(result.node?["esc"]?.scalar?.text == "a\"b\\c/d\n\té\u{0}")
}

// A high surrogate without a low one, or a low one alone, is thrown at the escape.
@Test(arguments: [
    (#"{"a": "x\ud83d"}"#, "t.json:1:9: error: lone surrogate '\\uD83D' in string; expected a surrogate pair"),
    (#"{"a": "\ud83d\u0041"}"#, "t.json:1:8: error: lone surrogate '\\uD83D' in string; expected a surrogate pair"),
    (#"{"a": "\udc4d"}"#, "t.json:1:8: error: lone surrogate '\\uDC4D' in string; expected a surrogate pair"),
])
func jsonLoneSurrogate(text: String, expected: String) {
    #expect(loadYAML(text, file: "t.json").thrown?.description == expected)
}

// Malformed JSON is thrown with the position of the problem and what was expected.
@Test(arguments: [
    (#"{"a": 1} x"#, "t.json:1:10: error: expected end of input after the JSON value, found 'x'"),
    ("[1, 2]\n]", "t.json:2:1: error: expected end of input after the JSON value, found ']'"),
    (#"{"a": 1,}"#, "t.json:1:9: error: expected a string key in the object, found '}'"),
    ("[1,\n 2,]", "t.json:2:4: error: expected a JSON value, found ']'"),
    (#"{"a" 1}"#, "t.json:1:6: error: expected ':' after the object key, found '1'"),
    (#"{"a": 1 "b": 2}"#, "t.json:1:9: error: expected ',' or '}' after an object member, found '\"'"),
    ("[1 2]", "t.json:1:4: error: expected ',' or ']' after an array element, found '2'"),
    ("[01]", "t.json:1:2: error: invalid number: leading zeros are not allowed in JSON"),
    ("[-]", "t.json:1:3: error: invalid number: expected a digit after '-'"),
    ("[1.]", "t.json:1:4: error: invalid number: expected a digit after '.'"),
    ("[1e+]", "t.json:1:5: error: invalid number: expected a digit in the exponent"),
    ("[tru]", "t.json:1:2: error: expected a JSON value, found 't'"),
    ("{\"a\": \"abc", "t.json:1:7: error: unterminated string"),
    ("[\"a\tb\"]", "t.json:1:4: error: control character U+0009 in string; it must be escaped"),
    (#"["a\qb"]"#, "t.json:1:4: error: invalid escape '\\q' in string"),
    (#"["\u12G4"]"#, "t.json:1:3: error: invalid '\\u' escape; expected 4 hex digits"),
    ("[\"é\", é]", "t.json:1:7: error: expected a JSON value, found 'é'"),
    ("[1,", "t.json:1:4: error: expected a JSON value, found end of input"),
])
func jsonSyntaxErrors(text: String, expected: String) {
    #expect(loadYAML(text, file: "t.json").thrown?.description == expected)
}

// Invalid UTF-8 inside a string, with or without escapes, and outside strings, is thrown at the byte.
@Test func jsonInvalidUTF8() {
    #expect(
        loadYAML(bytes: Array(#"{"a": "é"#.utf8) + [0xC3, 0x28] + Array(#""}"#.utf8), file: "t.json").thrown?.description
            == "t.json:1:9: error: invalid UTF-8 byte 0xC3 in string"
    )
    #expect(
        loadYAML(bytes: Array(#"["\n"#.utf8) + [0xED, 0xA0, 0x80] + Array(#""]"#.utf8), file: "t.json").thrown?.description
            == "t.json:1:5: error: invalid UTF-8 byte 0xED in string"
    )
    #expect(
        loadYAML(bytes: Array("[1, ".utf8) + [0xFF] + Array("]".utf8), file: "t.json").thrown?.description
            == "t.json:1:5: error: invalid UTF-8 byte 0xFF"
    )
}

// Duplicate keys in JSON get the same diagnostic as in YAML, and the first value is kept.
@Test func jsonDuplicateKeys() {
    let result = loadYAML("{\"a\": 1,\n \"a\": 2}", file: "t.json")
    #expect(result.reported == ["t.json:2:2: error: duplicate key 'a' in mapping\nt.json:1:2: note: first defined here"])
    #expect(result.node?["a"]?.scalar?.value == .int(1))
}

// 10,000 nested JSON arrays fail at level 513 with a clear message, not a stack overflow.
@Test func jsonDeepNestingFails() {
    let text = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
    #expect(loadYAML(text, file: "deep.json").thrown?.description == "deep.json:1:513: error: nesting deeper than 512 levels")
    let objects = String(repeating: "{\"a\":", count: 10_000) + "1" + String(repeating: "}", count: 10_000)
    #expect(loadYAML(objects, file: "deep.json").thrown?.description == "deep.json:1:2561: error: nesting deeper than 512 levels")
}

// A BOM and leading whitespace still select the JSON parser (a surrogate pair would fail in libyaml).
@Test func jsonAfterBOMAndWhitespace() {
    let result = loadYAML(bytes: [0xEF, 0xBB, 0xBF] + Array(" \n\t{\"e\": \"\\ud83d\\ude00\"}".utf8), file: "t.json")
    #expect(renderNode(result.node) == #"{@2:2 e@2:3: "😀"@2:8 str(😀)}"#)
}

// Empty containers and columns after multi-byte characters are right.
@Test func jsonEmptyContainersAndScalarColumns() {
    let result = loadYAML(#"{"é👍": {}, "b": [], "c": [[]]}"#, file: "t.json")
    #expect(renderNode(result.node) == #"{@1:1 é👍@1:2: {@1:8 }, b@1:12: [@1:17 ], c@1:21: [@1:26 [@1:27 ]]}"#)
}

// The same document read as JSON and as YAML gives the same tree, positions included.
@Test func jsonAndYAMLAgree() {
    let text = "{\"a\": [1, 2.5, \"x\", true, null],\n \"b\": {\"c\": -3}}"
    let json = loadYAML(text, file: "same")
    let yaml = Array(text.utf8).withUnsafeBufferPointer { buffer in
        try? YAMLEventReader(file: "same", limits: .init(), diagnostics: DiagnosticSink()).read(buffer)
    }
    #expect(json.thrown == nil && yaml != nil)
    #expect(renderNode(json.node) == renderNode(yaml))
}

// A YAML file that opens with a flow mapping but is not JSON is read as YAML, with a warning.
@Test func nonJSONFlowYAMLFallsBack() {
    let result = loadYAML("{a: 1, b: [x, y],}", file: "t.yaml")
    #expect(result.reported == ["t.yaml:1:2: warning: not valid JSON (expected a string key in the object, found 'a'); read as YAML instead"])
    #expect(renderNode(result.node) == #"{@1:1 a@1:2: "1"@1:5 int(1), b@1:8: [@1:11 "x"@1:12 str(x), "y"@1:15 str(y)]}"#)
    // A .json file is strict: no fallback.
    #expect(loadYAML("{a: 1}", file: "t.json").thrown?.description == "t.json:1:2: error: expected a string key in the object, found 'a'")
    // When YAML fails too, the JSON error is the one thrown.
    #expect(loadYAML(#"{"a": "\ud83d"}"#, file: "t.yaml").thrown?.description == "t.yaml:1:8: error: lone surrogate '\\uD83D' in string; expected a surrogate pair")
}

// Large JSON objects find duplicates through the key index, and keep document order.
@Test func jsonLargeObject() {
    let members = (0..<50).map { "\"k\($0)\": \($0)" } + ["\"k7\": 0"]
    let result = loadYAML("{" + members.joined(separator: ",") + "}", file: "t.json")
    #expect(result.node?.mapping?.map(\.key) == (0..<50).map { "k\($0)" })
    #expect(result.reported.count == 1)
    #expect(result.reported.first?.hasPrefix("t.json:1:") == true)
    #expect(result.reported.first?.contains("error: duplicate key 'k7' in mapping") == true)
}

// Duplicate checks stay O(1) per key: a 50,000-member object loads quickly (quadratic would take minutes).
@Test func jsonHugeObjectIsLinear() {
    let members = (0..<50_000).map { "\"key\($0)\": \($0)" }
    let text = "{" + members.joined(separator: ",") + "}"
    let clock = ContinuousClock()
    var result: YAMLLoadResult?
    let elapsed = clock.measure { result = loadYAML(text, file: "t.json") }
    #expect(result?.node?.mapping?.count == 50_000)
    #expect(elapsed < .seconds(2))
}
