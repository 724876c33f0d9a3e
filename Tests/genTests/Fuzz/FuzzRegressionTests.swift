import Diagnostics
import Testing
@testable import IR
@testable import OpenAPI
import Render
@testable import YAML

/// Inputs found by fuzzing (`Fuzz/run.sh`), fed through the same three stages as the fuzz target
/// `GenFuzzer`: each must end, with diagnostics where the input is wrong, never a crash or a hang.
@Suite struct FuzzRegressionTests {
    /// What the stages produced for one input.
    struct Outcome {
        var module: SwiftModule?
        var diagnostics: [Diagnostic]
        var reported: [String] { diagnostics.map(\.description) }
    }

    /// YAML → Document → IR exactly as `GenFuzzer` runs them: the spec is `fuzz.yaml` in `/fuzz`,
    /// every file an external `$ref` names reads as the input itself, and the IR is built only
    /// from a document without errors (as `Generator.run` does).
    func runStages(_ text: String) -> Outcome {
        let bytes = Array(text.utf8)
        let sink = DiagnosticSink()
        let root: Node
        do {
            root = try YAMLLoader().load(bytes, file: "fuzz.yaml", diagnostics: sink)
        } catch {
            sink.report(error)
            return Outcome(module: nil, diagnostics: sink.sorted)
        }
        let parser = DocumentParser(root: root, diagnostics: sink, read: { _ in bytes }, workingDirectory: "/fuzz")
        guard let document = parser.parse(), !sink.hasErrors else { return Outcome(module: nil, diagnostics: sink.sorted) }
        let module = ModuleBuilder(document: document, diagnostics: sink, reserved: Renderer.builtinReservedNames).build(specPath: "fuzz.yaml")
        return Outcome(module: module, diagnostics: sink.sorted)
    }

    // A schema that is only a `$ref` to itself through a file name (here any name reads as the
    // spec itself, as `spec.yaml#/…` does in a real folder) was followed forever: stack overflow.
    // Three minimized crashes, differing only in the file name.
    @Test(arguments: ["q", "-", "\n"])
    func selfReferenceThroughFileName(file: String) {
        let spec = """
            openapi: 3.1
            components:
             schemas:
              Alias: {$ref: "\(file)#/components/schemas/Alias"}
            """
        let outcome = runStages(spec)
        let ref = file == "\n" ? " #/components/schemas/Alias" : "\(file)#/components/schemas/Alias"
        #expect(outcome.module == nil)
        #expect(outcome.reported.contains {
            $0.hasSuffix("error: cyclic schema reference '\(ref)': each schema on the cycle is only a '$ref' to the next; expected a schema with a type")
        }, "\(outcome.reported)")
    }

    // The same loop across two schemas, one in the main file and one reached through a file name.
    @Test func referenceCycleAcrossFiles() {
        let outcome = runStages("""
            openapi: 3.1.0
            info: {title: T, version: "1"}
            paths: {}
            components:
              schemas:
                A: {$ref: "other.yaml#/components/schemas/B"}
                B: {$ref: "fuzz.yaml#/components/schemas/A"}
            """)
        #expect(outcome.module == nil)
        #expect(outcome.reported.contains { $0.contains("error: cyclic schema reference") }, "\(outcome.reported)")
    }

    // 32,000 equal enum values (a 64 KiB input) took minutes: each case name was found by trying
    // `a2`, `a3`, … from the start, O(n²). The names still count up in order.
    @Test func manyEqualEnumValues() {
        let count = 32_000
        let outcome = runStages("""
            openapi: 3.1.0
            info: {title: T, version: "1"}
            paths: {}
            components:
              schemas:
                E: {type: string, enum: [\(Array(repeating: "a", count: count).joined(separator: ","))]}
            """)
        let cases = enumCases(outcome.module?.types.first { $0.name == "E" })
        #expect(cases.count == count)
        #expect(cases.prefix(3) == ["a=a", "a2=a", "a3=a"])
        #expect(cases.last == "a\(count)=a")
    }

    // The scope behind those names: claiming one name many times stays linear (this took hours
    // before), and a suffix taken by another name is still skipped.
    @Test(.timeLimit(.minutes(10)))
    func nameScopeClaimsOneNameManyTimes() {
        var scope = NameScope(reserved: ["x3"])
        #expect(scope.claim("x2") == "x2")
        #expect((0..<4).map { _ in scope.claim("x") } == ["x", "x4", "x5", "x6"])
        for _ in 0..<200_000 { _ = scope.claim("y") }
        #expect(scope.claim("y") == "y200001")
    }

    // Enum values that are arrays or objects were spelled by Swift's reflection (`array([…])`):
    // 1,900 aliases of a 490-deep array (8 KiB of YAML, a million nodes) took minutes, and object
    // keys came out in a different order on every run. They are compact JSON, keys sorted.
    @Test func nonStringEnumValuesAreJSON() {
        let deep = String(repeating: "[", count: 490) + "1" + String(repeating: "]", count: 490)
        let outcome = runStages("""
            openapi: 3.1.0
            info: {title: T, version: "1"}
            paths: {}
            components:
              schemas:
                Deep: {enum: [&v \(deep), \(Array(repeating: "*v", count: 1_900).joined(separator: ", "))]}
                Mixed: {enum: [{b: 1, a: ["x\\"y", null], c: {}}, [true, 1.5]]}
            """)
        let deepCases = enumCases(outcome.module?.types.first { $0.name == "Deep" })
        #expect(deepCases.count == 1_901)
        #expect(deepCases.first == "_1=\(deep)")
        let mixed = enumCases(outcome.module?.types.first { $0.name == "Mixed" })
        #expect(mixed.map { $0.split(separator: "=", maxSplits: 1).last.map(String.init) } == [#"{"a":["x\"y",null],"b":1,"c":{}}"#, "[true,1.5]"])
        #expect(outcome.reported.contains { $0.hasSuffix(#"warning: enum value [true,1.5] is not a string; it is kept as the string '[true,1.5]'"#) }, "\(outcome.reported.suffix(2))")
    }
}
