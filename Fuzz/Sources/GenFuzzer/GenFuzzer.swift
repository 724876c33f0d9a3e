import Diagnostics
import IR
import OpenAPI
import YAML

/// libFuzzer entry point: one input through the YAML, OpenAPI and IR stages, exactly as
/// `Generator.run` chains them (IR is built only from a document without errors).
///
/// The file system is never touched: every file an external `$ref` names in the spec's folder
/// (`/fuzz`) reads as the input itself, so references into other files are fuzzed too,
/// deterministically. Only two levels of subfolders exist; otherwise `a/x.yaml` inside
/// `a/x.yaml` would name a new file at every level, which no real folder holds.
///
/// Thrown and reported diagnostics are the expected outcome for most inputs; a crash, a hang, a
/// stack overflow or runaway memory is a finding. Built with `-sanitize=fuzzer`, so libFuzzer
/// supplies `main`; see `run.sh`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    let diagnostics = DiagnosticSink()
    let root: Node
    do {
        root = try YAMLLoader().load(bytes, file: "fuzz.yaml", diagnostics: diagnostics)
    } catch {
        return 0
    }
    let read = { (path: String) -> [UInt8]? in
        path.hasPrefix("/fuzz/") && path.dropFirst("/fuzz/".count).count(where: { $0 == "/" }) <= 2 ? bytes : nil
    }
    let parser = DocumentParser(root: root, diagnostics: diagnostics, read: read, workingDirectory: "/fuzz")
    guard let document = parser.parse(), !diagnostics.hasErrors else {
        return 0
    }
    _ = ModuleBuilder(document: document, diagnostics: diagnostics).build(specPath: "fuzz.yaml")
    return 0
}

// SwiftPM links an executable on Linux with `--defsym main=GenFuzzer_main` (so tests can call
// its entry point), which hides libFuzzer's own `main`, and `-parse-as-library` means Swift
// emits no `GenFuzzer_main`. So it is defined here and starts libFuzzer through its library
// entry point, with the same command line (https://llvm.org/docs/LibFuzzer.html#using-libfuzzer-as-a-library).
@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

@_cdecl("GenFuzzer_main")
func genFuzzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var argc = argc
    var argv = argv
    return runFuzzerDriver(&argc, &argv, fuzzOneInput)
}
