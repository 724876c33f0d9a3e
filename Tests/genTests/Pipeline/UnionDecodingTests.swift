import Foundation
import Testing

/// Unions without a discriminator decode a value several alternatives fit by README's one rule:
/// an exact fit before one needing an open enum's unknown case, then the alternative declaring
/// most of the object's keys, then the first listed. The `unions` golden fixture's models are
/// compiled with a program that decodes each value below and prints what it got.
@Suite struct UnionDecodingTests {
    struct Case {
        var union: String
        var json: String
        /// `String(describing:)` of the decoded value without the module prefix, or `error: ` and
        /// the decoding error's description.
        var expected: String
    }

    static let cases: [Case] = [
        // Interval rejects `zzz` when exact; Span lists no values, so it fits exactly.
        Case(union: "IntervalOrSpan", json: #"{"op":"zzz","lo":1,"hi":2}"#, expected: #"span(Span(op: "zzz", lo: 1, hi: 2))"#),
        // Both fit exactly: Span declares all three keys, Interval two.
        Case(union: "IntervalOrSpan", json: #"{"op":"add","lo":1,"hi":2}"#, expected: #"span(Span(op: "add", lo: 1, hi: 2))"#),
        // Span needs `hi`.
        Case(union: "IntervalOrSpan", json: #"{"op":"add","lo":1}"#, expected: "interval(Interval(op: Interval.Op.add, lo: 1))"),
        // The issue's case: neither lists `zzz`; both fit leniently, Scaled declares more keys.
        Case(union: "IntervalOrScaled", json: #"{"op":"zzz","lo":1,"hi":2}"#, expected: #"scaled(Scaled(op: Scaled.Op.unknown("zzz"), lo: 1, hi: 2))"#),
        Case(union: "IntervalOrScaled", json: #"{"op":"zzz","lo":1}"#, expected: #"interval(Interval(op: Interval.Op.unknown("zzz"), lo: 1))"#),
        // Interval fits exactly, Scaled only through `.unknown("add")`: exact wins over more keys.
        Case(union: "IntervalOrScaled", json: #"{"op":"add","lo":1,"hi":2}"#, expected: "interval(Interval(op: Interval.Op.add, lo: 1))"),
        // The same keys and both exact: the first listed.
        Case(union: "IntervalOrNamed", json: #"{"op":"add","lo":1}"#, expected: "interval(Interval(op: Interval.Op.add, lo: 1))"),
        Case(union: "IntervalOrNamed", json: #"{"op":"zzz","lo":1}"#, expected: #"named(Named(op: "zzz", lo: 1))"#),
        // Nested: PointOrScaled counts Scaled's three keys, and then picks Scaled itself.
        Case(
            union: "Shape", json: #"{"op":"zzz","lo":1,"hi":2}"#,
            expected: #"pointOrScaled(PointOrScaled.scaled(Scaled(op: Scaled.Op.unknown("zzz"), lo: 1, hi: 2)))"#
        ),
        Case(union: "Shape", json: #"{"x":1,"y":2}"#, expected: "pointOrScaled(PointOrScaled.point(Point(x: 1, y: 2)))"),
        // Exact through the nesting: Interval lists `sub`, the inner Scaled does not.
        Case(union: "Shape", json: #"{"op":"sub","lo":1,"hi":5}"#, expected: "interval(Interval(op: Interval.Op.sub, lo: 1))"),
        // A free-form object declares no key, so Interval wins although listed second.
        Case(union: "FreeOrInterval", json: #"{"op":"add","lo":1}"#, expected: "interval(Interval(op: Interval.Op.add, lo: 1))"),
        Case(union: "FreeOrInterval", json: #"{"hi":true}"#, expected: #"jsonMap(["hi": JSONValue.bool(true)])"#),
        // Primitives: the listed value is the enum's; another string only the plain string's.
        Case(union: "Answer", json: #""yes""#, expected: "case1(Answer.Case1.yes)"),
        Case(union: "Answer", json: #""maybe""#, expected: #"string("maybe")"#),
        Case(union: "Amount", json: "5", expected: "integer(5)"),
        Case(union: "Amount", json: "5.5", expected: "number(5.5)"),
        // Long key lists rank the same; a nested union of them against Point.
        Case(
            union: "AnySettings", json: #"{"legacy_notification_delivery_preference":"mail","x":1}"#,
            expected: #"settingsChoice(SettingsChoice.legacySettings(LegacySettings(legacyNotificationDeliveryPreference: Optional("mail"), legacyNotificationDeliveryScheduleMinutes: nil)))"#
        ),
        // A deprecated alternative ranks like any other.
        Case(union: "PointOrOld", json: #"{"x":1,"y":2,"z":3}"#, expected: "oldPoint(OldPoint(x: 1, y: 2, z: 3))"),
        Case(union: "PointOrOld", json: #"{"x":1,"y":2}"#, expected: "point(Point(x: 1, y: 2))"),
        Case(union: "Choice", json: #"{"pick":"one"}"#, expected: #"alternatives(Alternatives(pick: "one"))"#),
        Case(union: "Choice", json: "7", expected: "integer(7)"),
        // Each declares one of the keys: Closed forbids `z`, so Loose fits exactly and wins.
        Case(union: "ClosedOrLoose", json: #"{"a":1,"z":9}"#, expected: "loose(Loose(a: 1, x: nil))"),
        Case(union: "ClosedOrLoose", json: #"{"a":1}"#, expected: "closed(Closed(a: 1, b: nil))"),
        Case(union: "ClosedOrLoose", json: #"{"a":1,"b":2}"#, expected: "closed(Closed(a: 1, b: Optional(2)))"),
        // Nothing fits exactly: the closed object still fits leniently, ignoring the key.
        Case(union: "OnlyClosed", json: #"{"a":1,"z":9}"#, expected: "closed(Closed(a: 1, b: nil))"),
        // None fits: the error names the alternatives.
        Case(union: "IntervalOrSpan", json: #"{"lo":1}"#, expected: "error: expected one of Interval, Span"),
    ]

    /// Decodes each case's JSON as its union and prints the result, one line a case.
    static var program: String {
        let prints = cases.map { "print(show(\($0.union).self, #\"\($0.json)\"#))" }
        return """
            import Foundation

            func show<Value: Decodable>(_ type: Value.Type, _ json: String) -> String {
                do {
                    let value = try WireFormat.makeDecoder().decode(Value.self, from: Data(json.utf8))
                    return String(describing: value).replacingOccurrences(of: "Unions.", with: "")
                } catch DecodingError.dataCorrupted(let context) {
                    return "error: " + context.debugDescription
                } catch {
                    return "error: \\(error)"
                }
            }

            """ + prints.joined(separator: "\n") + "\n" + deepProgram
    }

    /// How deep `deepProgram`'s value is.
    static let depth = 24

    /// Decodes a Node `depth` levels deep whose one unlisted value is at the bottom, so every
    /// level's exact pass fails there. Inner unions make one pass inside an outer exact pass, so
    /// this takes about depth² decodes; repeating the exact pass took 2^depth (minutes at 24).
    static let deepProgram = """
        var deep = #"{"kind":"zzz","value":1}"#
        for _ in 0..<\(depth) { deep = #"{"kind":"wrap","child":"# + deep + "}" }
        let node = try WireFormat.makeDecoder().decode(Node.self, from: Data(deep.utf8))
        var levels = 0
        var current = node
        while case .wrap(let wrap) = current {
            levels += 1
            current = wrap.child
        }
        print("deep: \\(levels) levels, then \\(current)".replacingOccurrences(of: "Unions.", with: ""))

        """

    // Each value decodes as the rule says, in the compiled golden output.
    @Test func valuesDecodeAsTheBestFittingAlternative() throws {
        let models = Repository.goldenFixtures.appendingPathComponent("unions/expected/Unions")
        let sources = try FileManager.default.contentsOfDirectory(atPath: models.path).filter { $0.hasSuffix(".swift") }.sorted()
            .map { models.appendingPathComponent($0).path }
        let scratch = try TemporaryDirectory()
        let main = try scratch.write(Self.program, to: "program/main.swift")
        let program = scratch.url.appendingPathComponent("program/run")
        try GoldenTests.swiftc(["-module-name", "Unions"] + sources + [main.path, "-o", program.path])
        let run = try runBounded(program, [], in: scratch.url, timeout: 60)
        #expect(run.status == 0, "\(run.stderr)")
        let lines = run.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for (index, testCase) in Self.cases.enumerated() {
            let got = index < lines.count ? lines[index] : "(no output)"
            #expect(got == testCase.expected, "\(testCase.union) from \(testCase.json)")
        }
        let deep = Self.cases.count < lines.count ? lines[Self.cases.count] : "(no output)"
        #expect(deep == #"deep: \#(Self.depth) levels, then leaf(Leaf(kind: Leaf.Kind.unknown("zzz"), value: 1))"#)
    }
}
