import CYAML
import Diagnostics

/// Drives libyaml's event API (`yaml_parser_parse`) and feeds each event to a `TreeBuilder`.
///
/// The event API, not libyaml's document API, because the document composer recurses (a deep
/// document overflows the stack) and expands aliases without any budget.
struct YAMLEventReader {
    private let file: SourceFile
    private let limits: YAMLLoader.Limits
    private let diagnostics: DiagnosticSink

    init(file: String, limits: YAMLLoader.Limits, diagnostics: DiagnosticSink) {
        self.file = SourceFile(path: file)
        self.limits = limits
        self.diagnostics = diagnostics
    }

    /// Reads exactly one document from `bytes`, which must stay alive for the call.
    func read(_ bytes: UnsafeBufferPointer<UInt8>) throws(Diagnostic) -> Node {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { throw emptyInput() }
        // libyaml's string reader keeps a pointer to the parser, so it needs a fixed address.
        let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
        defer { parser.deallocate() }
        guard yaml_parser_initialize(parser) == 1 else {
            throw .error("out of memory while starting the YAML parser", at: nil)
        }
        defer { yaml_parser_delete(parser) }
        yaml_parser_set_input_string(parser, base, bytes.count)

        var builder = TreeBuilder(limits: limits, diagnostics: diagnostics)
        var event = yaml_event_t()
        var documents = 0
        events: while true {
            guard yaml_parser_parse(parser, &event) == 1 else {
                throw syntaxError(parser.pointee, bytes: bytes)
            }
            // Runs when this iteration ends, by `continue`, `break` or a throw.
            defer { yaml_event_delete(&event) }
            let location = self.location(event.start_mark)
            switch event.type {
            case YAML_STREAM_END_EVENT:
                break events
            case YAML_DOCUMENT_START_EVENT:
                documents += 1
                guard documents == 1 else {
                    throw .error("more than one document in the stream; expected exactly one", at: location)
                }
            case YAML_SCALAR_EVENT:
                let data = event.data.scalar
                let scalar = resolveScalar(
                    UnsafeBufferPointer(start: data.value, count: data.length),
                    style: data.style,
                    tag: string(data.tag),
                    at: location
                )
                builder.scalar(scalar, at: location, anchor: string(data.anchor))
            case YAML_SEQUENCE_START_EVENT:
                let data = event.data.sequence_start
                checkCollectionTag(string(data.tag), expected: .seq, at: location)
                try builder.begin(mapping: false, at: location, anchor: string(data.anchor))
            case YAML_MAPPING_START_EVENT:
                let data = event.data.mapping_start
                checkCollectionTag(string(data.tag), expected: .map, at: location)
                try builder.begin(mapping: true, at: location, anchor: string(data.anchor))
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                builder.end()
            case YAML_ALIAS_EVENT:
                try builder.alias(string(event.data.alias.anchor) ?? "", at: location)
            default:
                // Stream start, document end: nothing to build.
                break
            }
        }
        guard let root = builder.root else { throw emptyInput() }
        return root
    }

    private func emptyInput() -> Diagnostic {
        .error("empty input; expected a YAML or JSON document", at: SourceLocation(sourceFile: file, line: 1, column: 1))
    }

    /// libyaml marks are 0-based; diagnostics are 1-based.
    private func location(_ mark: yaml_mark_t) -> SourceLocation {
        SourceLocation(sourceFile: file, line: mark.line + 1, column: mark.column + 1)
    }

    private func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        pointer.map { String(cString: $0) }
    }

    /// A scalar's value: only untagged plain scalars are resolved by the core schema; quoted and
    /// block scalars are strings; core tags force their type.
    private func resolveScalar(
        _ bytes: UnsafeBufferPointer<UInt8>, style: yaml_scalar_style_t, tag: String?, at location: SourceLocation
    ) -> Scalar {
        let text = String(decoding: bytes, as: UTF8.self)
        let scalarStyle: Scalar.Style =
            switch style {
            case YAML_SINGLE_QUOTED_SCALAR_STYLE: .singleQuoted
            case YAML_DOUBLE_QUOTED_SCALAR_STYLE: .doubleQuoted
            case YAML_LITERAL_SCALAR_STYLE: .literal
            case YAML_FOLDED_SCALAR_STYLE: .folded
            default: .plain
            }
        let untagged: Scalar.Value =
            scalarStyle == .plain ? ScalarResolver.resolvePlain(bytes, text: text) : .string(text)
        guard let tag else { return Scalar(text: text, style: scalarStyle, value: untagged) }
        // `!` is the non-specific tag: "not resolved", i.e. a string.
        if tag == "!" { return Scalar(text: text, style: scalarStyle, value: .string(text)) }
        guard let coreTag = ScalarResolver.CoreTag(tag: tag), coreTag != .map, coreTag != .seq else {
            diagnostics.warning(
                "unknown tag '\(ScalarResolver.displayName(ofTag: tag))' ignored; expected !!str, !!int, !!float, !!bool or !!null",
                at: location
            )
            return Scalar(text: text, style: scalarStyle, value: untagged)
        }
        guard let value = ScalarResolver.resolve(bytes, text: text, as: coreTag) else {
            diagnostics.error("'\(text)' is not a valid value for tag '!!\(coreTag.rawValue)'", at: location)
            return Scalar(text: text, style: scalarStyle, value: .string(text))
        }
        return Scalar(text: text, style: scalarStyle, value: value)
    }

    private func checkCollectionTag(_ tag: String?, expected: ScalarResolver.CoreTag, at location: SourceLocation) {
        guard let tag, tag != "!", ScalarResolver.CoreTag(tag: tag) != expected else { return }
        diagnostics.warning(
            "unknown tag '\(ScalarResolver.displayName(ofTag: tag))' ignored; expected !!\(expected.rawValue)",
            at: location
        )
    }

    /// libyaml's own message and mark; its "while parsing …" context becomes a note.
    private func syntaxError(_ parser: yaml_parser_t, bytes: UnsafeBufferPointer<UInt8>) -> Diagnostic {
        let problem = parser.problem.map { String(cString: $0) } ?? "unknown YAML error"
        switch parser.error {
        case YAML_MEMORY_ERROR:
            return .error("out of memory while parsing YAML", at: nil)
        case YAML_READER_ERROR:
            // Encoding errors carry a byte offset instead of a mark.
            var counter = PositionCounter(bytes: bytes, file: file)
            let location = counter.location(at: parser.problem_offset)
            let value = parser.problem_value
            let hex = String(value, radix: 16, uppercase: true)
            let detail = value >= 0 ? " (0x\(hex.count < 2 ? "0" + hex : hex))" : ""
            return .error(problem + detail, at: location)
        default:
            var notes: [Diagnostic] = []
            if let context = parser.context {
                notes.append(.note(String(cString: context), at: location(parser.context_mark)))
            }
            return .error(problem, at: location(parser.problem_mark), notes: notes)
        }
    }
}
