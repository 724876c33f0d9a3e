import Diagnostics

/// The YAML stage: bytes of one YAML 1.2 or JSON document in, a `Node` tree with 1-based
/// positions out.
///
/// YAML goes through libyaml's event API; input that starts with `{` or `[` goes through a strict
/// RFC 8259 JSON parser, because libyaml rejects JSON's surrogate-pair escapes. Both build the tree
/// with an explicit stack, resolve scalars by the YAML 1.2 core schema and expand aliases within
/// `Limits`, so a hostile or broken file fails with a diagnostic rather than a crash.
public struct YAMLLoader: Sendable {
    /// Bounds that keep hostile input from exhausting the stack or memory.
    public struct Limits: Sendable {
        /// Deepest allowed nesting of sequences and mappings; the outermost collection is level 1.
        public var maxDepth = 512
        /// Most nodes that alias expansion may create in one document, all aliases together.
        /// An alias counts every node of its anchored subtree (aliases inside it included), which
        /// stops "billion laughs" documents after a bounded amount of work.
        public var maxAliasExpansion = 1_000_000

        /// The defaults: 512 levels, 1,000,000 expanded nodes.
        public init() {}

        /// Custom bounds, e.g. tighter ones for tests or untrusted input.
        public init(maxDepth: Int, maxAliasExpansion: Int) {
            self.maxDepth = maxDepth
            self.maxAliasExpansion = maxAliasExpansion
        }
    }

    /// The bounds every `load` call enforces.
    public var limits: Limits

    /// A loader enforcing `limits`; it holds no other state, so one loader can load many files.
    public init(limits: Limits = Limits()) {
        self.limits = limits
    }

    /// Parses one YAML 1.2 (or JSON) document into a Node tree.
    ///
    /// Scalars resolve by the core schema (https://yaml.org/spec/1.2.2/#1023-core-schema): only
    /// plain scalars become null, bool, int or float; quoted and block scalars are strings; the
    /// tags `!!str`, `!!int`, `!!float`, `!!bool`, `!!null` force a type. Aliases are expanded by
    /// copying the anchored node, and YAML 1.1 merge keys (`<<: *base`, `<<: [*a, *b]`) add the
    /// merged mappings' entries unless the mapping defines the key itself (earlier sources win).
    ///
    /// A file that starts with `{` or `[` is read as JSON (RFC 8259). If that fails and the file
    /// name does not end in `.json`, it is read again as YAML (a flow mapping is valid YAML) with a
    /// warning carrying the JSON error; if YAML fails too, the JSON error is thrown.
    ///
    /// - Parameters:
    ///   - bytes: UTF-8 text; a leading byte order mark is skipped.
    ///   - file: the path as the user gave it, used verbatim in every `SourceLocation`.
    ///   - diagnostics: receives problems that leave a usable tree: duplicate keys (error, the first
    ///     entry is kept), keys that are not scalars (error, entry dropped), bad merge values and
    ///     values that do not fit their core tag (error), unknown tags (warning, node treated as untagged).
    /// - Returns: the document's root node.
    /// - Throws: a `Diagnostic` of severity `.error` at `file:line:column` when nothing sensible
    ///   remains: a syntax error (libyaml's message and mark, or the JSON parser's), empty input or
    ///   no document, more than one document, invalid UTF-8, nesting deeper than `Limits.maxDepth`,
    ///   alias expansion beyond `Limits.maxAliasExpansion`, an undefined or recursive alias.
    public func load(_ bytes: [UInt8], file: String, diagnostics: DiagnosticSink) throws(Diagnostic) -> Node {
        try bytes.withUnsafeBufferPointer { (buffer) throws(Diagnostic) -> Node in
            guard Self.looksLikeJSON(buffer) else {
                return try YAMLEventReader(file: file, limits: limits, diagnostics: diagnostics).read(buffer)
            }
            let jsonDiagnostics = DiagnosticSink()
            let jsonError: Diagnostic
            do throws(Diagnostic) {
                var parser = JSONParser(bytes: buffer, file: file, limits: limits, diagnostics: jsonDiagnostics)
                let root = try parser.parse()
                jsonDiagnostics.diagnostics.forEach(diagnostics.report)
                return root
            } catch {
                jsonError = error
            }
            guard !file.lowercased().hasSuffix(".json") else { throw jsonError }
            let yamlDiagnostics = DiagnosticSink()
            guard
                let root = try? YAMLEventReader(file: file, limits: limits, diagnostics: yamlDiagnostics).read(buffer)
            else { throw jsonError }
            diagnostics.warning("not valid JSON (\(jsonError.message)); read as YAML instead", at: jsonError.location)
            yamlDiagnostics.diagnostics.forEach(diagnostics.report)
            return root
        }
    }

    /// Whether the first byte after an optional BOM and JSON whitespace is `{` or `[`.
    static func looksLikeJSON(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x0A, 0x0D, 0x09: index += 1
            case UInt8(ascii: "{"), UInt8(ascii: "["): return true
            default: return false
            }
        }
        return false
    }
}
