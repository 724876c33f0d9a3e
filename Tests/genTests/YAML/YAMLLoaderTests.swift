import Diagnostics
import Testing
@testable import YAML

// MARK: Marks

// Keys, values, sequence items and nested nodes get 1-based line:column and the file as given.
@Test func marksOfKeysValuesAndItems() {
    let result = loadYAML(
        """
        openapi: 3.1.0
        paths:
          /builds:
            get:
              tags: [a, b]
              list:
                - x
                -   y
        """,
        file: "specs/builds.yaml"
    )
    #expect(result.thrown == nil)
    #expect(
        renderNode(result.node) == """
            {@1:1 openapi@1:1: "3.1.0"@1:10 str(3.1.0), paths@2:1: {@3:3 /builds@3:3: {@4:5 get@4:5: \
            {@5:7 tags@5:7: [@5:13 "a"@5:14 str(a), "b"@5:17 str(b)], list@6:7: [@7:9 "x"@7:11 str(x), "y"@8:13 str(y)]}}}}
            """
    )
    let paths = result.node?["paths"]
    #expect(paths?.location == SourceLocation(file: "specs/builds.yaml", line: 3, column: 3))
    #expect(result.node?.mapping?[1].keyLocation == SourceLocation(file: "specs/builds.yaml", line: 2, column: 1))
}

// Columns count Unicode scalars, not bytes, and a byte order mark takes no column.
@Test func columnsCountScalarsAfterBOM() {
    let result = loadYAML(bytes: [0xEF, 0xBB, 0xBF] + Array("é: [ü, 👍, z]".utf8))
    #expect(renderNode(result.node) == #"{@1:1 é@1:1: [@1:4 "ü"@1:5 str(ü), "👍"@1:8 str(👍), "z"@1:11 str(z)]}"#)
}

// MARK: Core schema

// Plain scalars resolve by the YAML 1.2 core schema table, and YAML 1.1 words stay strings.
@Test(arguments: [
    ("null", Scalar.Value.null), ("Null", .null), ("NULL", .null), ("~", .null), ("", .null),
    ("nULL", .string("nULL")), ("nil", .string("nil")),
    ("true", .bool(true)), ("True", .bool(true)), ("TRUE", .bool(true)),
    ("false", .bool(false)), ("False", .bool(false)), ("FALSE", .bool(false)), ("tRUE", .string("tRUE")),
    ("yes", .string("yes")), ("no", .string("no")), ("on", .string("on")), ("off", .string("off")),
    ("y", .string("y")), ("n", .string("n")), ("Yes", .string("Yes")),
    ("0", .int(0)), ("42", .int(42)), ("-17", .int(-17)), ("+5", .int(5)), ("007", .int(7)),
    ("0x1F", .int(31)), ("0xff", .int(255)), ("0o17", .int(15)), ("0o8", .string("0o8")), ("0x", .string("0x")),
    ("9223372036854775807", .int(Int.max)), ("-9223372036854775808", .int(Int.min)),
    ("1e3", .float(1000)), ("1.5", .float(1.5)), ("-.5", .float(-0.5)), ("5.", .float(5)), ("+1.5E-2", .float(0.015)),
    (".inf", .float(.infinity)), ("-.Inf", .float(-.infinity)), ("+.INF", .float(.infinity)),
    ("1.2.3", .string("1.2.3")), ("1e", .string("1e")), (".", .string(".")), ("+", .string("+")),
    ("1_000", .string("1_000")), ("0b101", .string("0b101")), ("2024-01-01", .string("2024-01-01")),
    ("inf", .string("inf")), ("3.1.0", .string("3.1.0")), ("200", .int(200)),
])
func coreSchemaResolution(text: String, expected: Scalar.Value) {
    let result = loadYAML("v: \(text)")
    #expect(result.node?["v"]?.scalar == Scalar(text: text, style: .plain, value: expected))
}

// The three NaN spellings resolve to NaN (checked apart: NaN never equals itself).
@Test(arguments: [".nan", ".NaN", ".NAN"])
func nanSpellings(text: String) {
    guard case .float(let value)? = loadYAML("v: \(text)").node?["v"]?.scalar?.value else {
        Issue.record("\(text) did not resolve to a float")
        return
    }
    #expect(value.isNaN)
}

// Integers beyond Int become floats but keep their exact digits in `text`.
@Test func hugeIntegersKeepTheirText() {
    let scalar = loadYAML("v: 123456789012345678901234567890").node?["v"]?.scalar
    #expect(scalar?.text == "123456789012345678901234567890")
    #expect(scalar?.value == .float(1.2345678901234568e29))
    #expect(loadYAML("v: 0xFFFFFFFFFFFFFFFFFF").node?["v"]?.scalar?.value == .float(0x1p72 - 1))
}

// Quoted, literal and folded scalars are always strings, whatever they look like.
@Test func nonPlainScalarsStayStrings() {
    let result = loadYAML(
        """
        a: "true"
        b: '42'
        c: |
          null
        d: >-
          1e3
        """
    )
    #expect(result.node?["a"]?.scalar == Scalar(text: "true", style: .doubleQuoted, value: .string("true")))
    #expect(result.node?["b"]?.scalar == Scalar(text: "42", style: .singleQuoted, value: .string("42")))
    #expect(result.node?["c"]?.scalar == Scalar(text: "null\n", style: .literal, value: .string("null\n")))
    #expect(result.node?["d"]?.scalar == Scalar(text: "1e3", style: .folded, value: .string("1e3")))
}

// MARK: Tags

// Core tags force their type, `!` means string, and nothing is reported for them.
@Test func coreTagsAreHonoured() {
    let result = loadYAML(
        """
        s: !!str 123
        i: !!int "12"
        f: !!float 1
        b: !!bool "true"
        n: !!null ""
        x: ! 5
        m: !!map {a: 1}
        q: !!seq [1]
        """
    )
    #expect(result.reported == [])
    #expect(result.node?["s"]?.scalar?.value == .string("123"))
    #expect(result.node?["i"]?.scalar?.value == .int(12))
    #expect(result.node?["f"]?.scalar?.value == .float(1))
    #expect(result.node?["b"]?.scalar?.value == .bool(true))
    #expect(result.node?["n"]?.scalar?.value == .null)
    #expect(result.node?["x"]?.scalar?.value == .string("5"))
    #expect(result.node?["m"]?.mapping?.count == 1)
    #expect(result.node?["q"]?.sequence?.count == 1)
}

// Unknown tags warn and the node is read as untagged; a core tag that does not fit is an error.
@Test func unknownAndMismatchedTags() {
    let result = loadYAML(
        """
        a: !custom 5
        b: !!binary aGk=
        c: !thing {k: v}
        d: !!int abc
        """
    )
    #expect(
        result.reported == [
            "t.yaml:1:4: warning: unknown tag '!custom' ignored; expected !!str, !!int, !!float, !!bool or !!null",
            "t.yaml:2:4: warning: unknown tag '!!binary' ignored; expected !!str, !!int, !!float, !!bool or !!null",
            "t.yaml:3:4: warning: unknown tag '!thing' ignored; expected !!map",
            "t.yaml:4:4: error: 'abc' is not a valid value for tag '!!int'",
        ]
    )
    #expect(result.node?["a"]?.scalar?.value == .int(5))
    #expect(result.node?["b"]?.scalar?.value == .string("aGk="))
    #expect(result.node?["c"]?["k"]?.scalar?.value == .string("v"))
    #expect(result.node?["d"]?.scalar?.value == .string("abc"))
}

// MARK: Keys

// A duplicate key is an error at the second key with a note at the first; the first value is kept.
@Test func duplicateKeyKeepsFirst() {
    let result = loadYAML(
        """
        a: 1
        b: 2
        a: 3
        """
    )
    #expect(result.reported == ["t.yaml:3:1: error: duplicate key 'a' in mapping\nt.yaml:1:1: note: first defined here"])
    #expect(result.node?.mapping?.map(\.key) == ["a", "b"])
    #expect(result.node?["a"]?.scalar?.value == .int(1))
}

// Duplicates are found in large mappings too, where keys are looked up in an index.
@Test func duplicateKeyInLargeMapping() {
    let lines = (0..<20).map { "k\($0): \($0)" } + ["k3: again", "k19: again"]
    let result = loadYAML(lines.joined(separator: "\n"))
    #expect(
        result.reported == [
            "t.yaml:21:1: error: duplicate key 'k3' in mapping\nt.yaml:4:1: note: first defined here",
            "t.yaml:22:1: error: duplicate key 'k19' in mapping\nt.yaml:20:1: note: first defined here",
        ]
    )
    #expect(result.node?.mapping?.count == 20)
    #expect(result.node?["k3"]?.scalar?.value == .int(3))
}

// Keys keep their text as written (`200` stays "200"), and equal text in different styles is a duplicate.
@Test func keysAreTheirText() {
    let result = loadYAML("200: ok\n\"200\": again\nyes: y")
    #expect(result.node?.mapping?.map(\.key) == ["200", "yes"])
    #expect(result.reported == ["t.yaml:2:1: error: duplicate key '200' in mapping\nt.yaml:1:1: note: first defined here"])
}

// A key that is a collection is reported and its entry dropped; the rest of the mapping survives.
@Test func complexKeyIsAnError() {
    let result = loadYAML("? [a, b]\n: 1\nc: 2")
    #expect(result.reported == ["t.yaml:1:3: error: mapping key must be a scalar, found a sequence"])
    #expect(result.node?.mapping?.map(\.key) == ["c"])
}

// MARK: Aliases and merge keys

// An alias is replaced by a copy of the anchored node; a redefined anchor means the later node.
@Test func aliasesExpandAndAnchorsCanBeRedefined() {
    let result = loadYAML(
        """
        base: &b {x: 1}
        copy: *b
        again: &b [2]
        last: *b
        """
    )
    #expect(result.thrown == nil)
    #expect(renderNode(result.node?["copy"]) == #"{@1:7 x@1:11: "1"@1:14 int(1)}"#)
    #expect(renderNode(result.node?["last"]) == #"[@3:8 "2"@3:12 int(2)]"#)
}

// An anchor redefined inside its own node is closed before the alias, so the alias is not recursive.
@Test func innerRedefinitionIsNotRecursive() {
    let result = loadYAML("x: &a [&a 1, *a]")
    #expect(result.thrown == nil)
    #expect(result.node?["x"]?.sequence?.map { $0.scalar?.value } == [.int(1), .int(1)])
}

// Merge keys splice entries in at the `<<`; explicit keys win, earlier sources win, `<<` is never a duplicate.
@Test func mergeKeys() {
    let result = loadYAML(
        """
        a: &a {x: 1, y: 1}
        b: &b {y: 2, z: 2, w: 2}
        m:
          first: 0
          <<: [*a, *b]
          z: own
          <<: {v: 5, first: 9}
        """
    )
    #expect(result.reported == [])
    let m = result.node?["m"]?.mapping
    #expect(m?.map(\.key) == ["first", "x", "y", "w", "z", "v"])
    #expect(m?.map { $0.value.scalar?.text ?? "" } == ["0", "1", "1", "2", "own", "5"])
}

// A quoted "<<" is an ordinary key, and a merge of a scalar is reported and ignored.
@Test func mergeKeyEdgeCases() {
    let result = loadYAML("a: {\"<<\": 1}\nb:\n  <<: 5\n  c: 1")
    #expect(result.node?["a"]?.mapping?.map(\.key) == ["<<"])
    #expect(result.node?["b"]?.mapping?.map(\.key) == ["c"])
    #expect(result.reported == ["t.yaml:3:7: error: merge key '<<' expects a mapping or a sequence of mappings, found an integer"])
}

// An alias to an anchor never defined is thrown, naming the alias.
@Test func undefinedAliasThrows() {
    let result = loadYAML("a: 1\nb: *missing")
    #expect(result.thrown?.description == "t.yaml:2:4: error: undefined alias '*missing'; no anchor '&missing' is defined before it")
}

// An alias inside its own anchor's node is thrown as recursive, not as undefined.
@Test func recursiveAliasThrows() {
    let result = loadYAML("a: &r\n  child: *r")
    #expect(result.thrown?.description == "t.yaml:2:10: error: recursive alias '*r' inside the node anchored as '&r'")
}

// The "billion laughs" bomb stops at the expansion budget quickly instead of exhausting memory.
@Test func billionLaughsFailsFast() {
    var lines = ["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    for level in 1...9 {
        let refs = Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ")
        lines.append("a\(level): &a\(level) [\(refs)]")
    }
    let clock = ContinuousClock()
    var result: YAMLLoadResult?
    let elapsed = clock.measure { result = loadYAML(lines.joined(separator: "\n")) }
    #expect(
        result?.thrown?.description
            == "t.yaml:6:45: error: aliases expand to more than 1000000 nodes (a 'billion laughs' alias bomb?)"
    )
    #expect(elapsed < .seconds(1))
}

// The alias budget counts nodes, including aliases nested in an anchored node.
@Test func aliasBudgetIsConfigurable() {
    var limits = YAMLLoader.Limits()
    limits.maxAliasExpansion = 13
    // a: 3 nodes; b copies a twice (6); c copies b, which is 1 + 3 + 3 = 7: 13 in all.
    let text = "a: &a [1, 2]\nb: &b [*a, *a]\nc: *b"
    #expect(loadYAML(text, limits: limits).thrown == nil)
    limits.maxAliasExpansion = 12
    #expect(loadYAML(text, limits: limits).thrown?.description == "t.yaml:3:4: error: aliases expand to more than 12 nodes (a 'billion laughs' alias bomb?)")
}

// MARK: Limits and broken input

// 10,000 nested flow sequences fail at level 513 with a clear message, not a stack overflow.
@Test func deepFlowNestingFails() {
    let text = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
    #expect(loadYAML(text, file: "deep.yaml").thrown?.description == "deep.yaml:1:513: error: nesting deeper than 512 levels")
}

// Deep block mappings hit the same limit; exactly maxDepth levels still load.
@Test func depthLimitIsExact() {
    var limits = YAMLLoader.Limits()
    limits.maxDepth = 3
    let block = "a:\n b:\n  c:\n   d: 1"
    #expect(loadYAML(block, limits: limits).thrown?.description == "t.yaml:4:4: error: nesting deeper than 3 levels")
    #expect(loadYAML("a:\n b:\n  c: 1", limits: limits).thrown == nil)
}

// Empty input and input with only comments have no document, which is thrown.
@Test(arguments: ["", "\n\n", "# just a comment\n"])
func emptyInputThrows(text: String) {
    #expect(loadYAML(text).thrown?.description == "t.yaml:1:1: error: empty input; expected a YAML or JSON document")
}

// A stream with two documents is thrown at the start of the second.
@Test func twoDocumentsThrow() {
    #expect(
        loadYAML("a: 1\n---\nb: 2\n").thrown?.description
            == "t.yaml:2:1: error: more than one document in the stream; expected exactly one"
    )
}

// A single explicit document (with `---` and `...`) is fine.
@Test func explicitSingleDocument() {
    #expect(renderNode(loadYAML("---\na: 1\n...\n").node) == #"{@2:1 a@2:1: "1"@2:4 int(1)}"#)
}

// Invalid UTF-8 is thrown at the offending byte's line and column.
@Test func invalidUTF8Throws() {
    let result = loadYAML(bytes: Array("a: 1\nb: x".utf8) + [0xFF] + Array("y\n".utf8))
    #expect(result.thrown?.description == "t.yaml:2:5: error: invalid leading UTF-8 octet (0xFF)")
}

// Binary garbage is a thrown diagnostic with a position, never a crash.
@Test func binaryGarbageThrows() {
    var generator = SplitMix(seed: 42)
    let bytes = [0x00, 0x01] + (0..<4096).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
    #expect(loadYAML(bytes: bytes).thrown?.description == "t.yaml:1:1: error: control characters are not allowed (0x00)")
    // High-bit garbage: invalid UTF-8 somewhere early, thrown at that byte.
    let highBytes = (0..<4096).map { _ in UInt8(truncatingIfNeeded: 0x80 | generator.next()) }
    #expect(loadYAML(bytes: highBytes).thrown?.description == "t.yaml:1:2: error: invalid trailing UTF-8 octet (0xF0)")
}

// A syntax error carries libyaml's message at its 1-based mark, and its context as a note.
@Test func syntaxErrorWithContext() {
    #expect(
        loadYAML("key: [1, 2\nother: 3").thrown?.description
            == "t.yaml:2:6: error: did not find expected ',' or ']'\nt.yaml:1:6: note: while parsing a flow sequence"
    )
    #expect(loadYAML("a: b: c").thrown?.description == "t.yaml:1:5: error: mapping values are not allowed in this context")
}

/// Deterministic pseudo-random bytes for the garbage test.
private struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
