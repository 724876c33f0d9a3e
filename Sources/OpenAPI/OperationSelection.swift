import Diagnostics

/// Which operations to generate: a subset of the document's, chosen by tag, operationId or path
/// (any one matching keeps an operation), without the deprecated ones if asked.
///
/// Component schemas that no kept operation reaches are dropped with the operations, so a client
/// for three endpoints of a 1,000-endpoint spec carries only the types those three use.
public struct OperationSelection: Sendable {
    /// A name the selection asks for, with where it was written (a config file), so a name
    /// that matches nothing can be reported there.
    public struct Entry: Sendable, Hashable {
        public var name: String
        public var location: SourceLocation?

        public init(_ name: String, at location: SourceLocation? = nil) {
            self.name = name
            self.location = location
        }
    }

    /// Keep operations carrying any of these tags (§4.8.10.1 `tags`).
    public var tags: [Entry] = []
    /// Keep operations with these `operationId`s.
    public var operationIDs: [Entry] = []
    /// Keep every operation of these path templates, written as in `paths` (`/builds/{build_id}`).
    public var paths: [Entry] = []
    /// Keep these component schemas (and what they reference) even when no kept operation uses them.
    public var schemas: [Entry] = []
    /// Drop operations marked `deprecated: true` (§4.8.10.1), whatever else selects them.
    public var skipsDeprecated = false

    public init() {}

    /// Whether the selection keeps every operation and schema, so applying it is a no-op.
    public var keepsEverything: Bool {
        tags.isEmpty && operationIDs.isEmpty && paths.isEmpty && schemas.isEmpty && !skipsDeprecated
    }

    /// Whether any operation filter is given; with none, every (non-deprecated) operation is kept.
    var filtersOperations: Bool { !(tags.isEmpty && operationIDs.isEmpty && paths.isEmpty) }

    func keeps(_ operation: Operation) -> Bool {
        if skipsDeprecated && operation.deprecated { return false }
        guard filtersOperations else { return true }
        return operation.tags.contains { tag in tags.contains { $0.name == tag } }
            // A repeated id selects every operation that writes it (gRPC-gateway's bindings of one RPC).
            || operation.writtenOperationID.map { id in operationIDs.contains { $0.name == id } } == true
            || paths.contains { $0.name == operation.path }
    }
}

extension Document {
    /// The document with only the operations `selection` keeps and the component schemas they
    /// (or `selection.schemas`) reach through `$ref`s, subschemas and discriminator mappings.
    ///
    /// An entry of the selection that names no tag, operation, path or schema of the document is
    /// a warning at the entry, with the closest name as a note: a typo would otherwise silently
    /// leave an endpoint out. Path items left without operations are dropped.
    public func selecting(_ selection: OperationSelection, diagnostics: DiagnosticSink) -> Document {
        guard !selection.keepsEverything else { return self }
        let operations = paths.flatMap(\.operations)
        Self.warnAboutUnmatched(selection.tags, kind: "tag", known: Set(operations.flatMap(\.tags)), diagnostics: diagnostics)
        Self.warnAboutUnmatched(selection.operationIDs, kind: "operationId", known: Set(operations.compactMap(\.writtenOperationID)), diagnostics: diagnostics)
        Self.warnAboutUnmatched(selection.paths, kind: "path", known: Set(paths.map(\.path)), diagnostics: diagnostics)
        Self.warnAboutUnmatched(selection.schemas, kind: "schema", known: Set(components.schemas.map(\.name)), diagnostics: diagnostics)

        var selected = self
        selected.paths = paths.compactMap { item in
            var item = item
            item.operations = item.operations.filter(selection.keeps)
            return item.operations.isEmpty ? nil : item
        }
        let kept = selected.paths.flatMap(\.operations)
        var roots = kept.flatMap { operation in
            operation.parameters.compactMap(\.schema)
                + (operation.requestBody?.content.compactMap(\.schema) ?? [])
                + operation.responses.flatMap { $0.content.compactMap(\.schema) }
        }
        let byName = Dictionary(components.schemas.map { ($0.name, $0.schema) }, uniquingKeysWith: { first, _ in first })
        roots += selection.schemas.compactMap { byName[$0.name] }
        var reachable = schemaNames(reachableFrom: roots)
        reachable.formUnion(selection.schemas.map(\.name))
        selected.components.schemas = components.schemas.filter { reachable.contains($0.name) }
        return selected
    }

    /// Names of component schemas reachable from `roots` through `$ref`s, subschemas and
    /// discriminator mappings (a mapping may name a schema no `oneOf` lists).
    public func schemaNames(reachableFrom roots: [Schema]) -> Set<String> {
        var byName: [String: Schema] = [:]
        byName.reserveCapacity(components.schemas.count)
        for named in components.schemas where byName[named.name] == nil { byName[named.name] = named.schema }
        var names: Set<String> = []
        var stack = roots
        var visited: Set<ObjectIdentifier> = []
        func reach(_ name: String) {
            if names.insert(name).inserted, let target = byName[name] { stack.append(target) }
        }
        while let schema = stack.popLast() {
            guard visited.insert(ObjectIdentifier(schema)).inserted else { continue }
            if let name = schema.reference?.name { reach(name) }
            for entry in schema.discriminator?.mapping ?? [] { reach(entry.schemaName) }
            stack += schema.properties.map(\.schema) + schema.allOf + schema.anyOf + schema.oneOf
            if let items = schema.items { stack.append(items) }
            if case .schema(let extra)? = schema.additionalProperties { stack.append(extra) }
        }
        return names
    }

    private static func warnAboutUnmatched(_ entries: [OperationSelection.Entry], kind: String, known: Set<String>, diagnostics: DiagnosticSink) {
        for entry in entries where !known.contains(entry.name) {
            let notes = closestMatch(to: entry.name, in: known.sorted()).map { [Diagnostic.note("did you mean '\($0)'?", at: entry.location)] } ?? []
            diagnostics.warning("the spec has no \(kind) '\(entry.name)'; this filter entry selects nothing", at: entry.location, notes: notes)
        }
    }
}
