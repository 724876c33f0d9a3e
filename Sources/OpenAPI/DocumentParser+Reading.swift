import Diagnostics
import YAML

/// Typed reads of node fields: each reports a wrong kind of node at its position and yields `nil`.
extension DocumentParser {
    func mapping(_ node: Node, _ what: String) -> [MappingEntry]? {
        node.mapping(for: what, reportingTo: diagnostics)
    }

    func sequence(_ node: Node, _ what: String) -> [Node]? {
        node.sequence(for: what, reportingTo: diagnostics)
    }

    /// A text field. Any scalar counts (a `version: 1.0` is meant as text); `null` is absent.
    func text(_ node: Node, _ key: String) -> String? {
        guard let value = node[key] else { return nil }
        guard let scalar = value.scalar else {
            diagnostics.error("expected a string for '\(key)', found \(value.kindDescription)", at: value.location)
            return nil
        }
        if case .null = scalar.value { return nil }
        return scalar.text
    }

    func bool(_ node: Node, _ key: String) -> Bool? {
        guard let value = node[key] else { return nil }
        if case .bool(let flag)? = value.scalar?.value { return flag }
        diagnostics.error("expected true or false for '\(key)', found \(value.kindDescription)", at: value.location)
        return nil
    }

    /// A list of strings, such as `required` or `tags`.
    func strings(_ node: Node, _ key: String) -> [String] {
        guard let value = node[key] else { return [] }
        guard let items = value.sequence else {
            diagnostics.error("expected a sequence of strings for '\(key)', found \(value.kindDescription)", at: value.location)
            return []
        }
        return items.compactMap { item in
            if let scalar = item.scalar { return scalar.text }
            diagnostics.error("expected a string in '\(key)', found \(item.kindDescription)", at: item.location)
            return nil
        }
    }

    /// Follows `$ref`s (also refs to refs, across files) from `node` to the object they name,
    /// reporting unresolvable and cyclic references. Nodes without `$ref` are returned as they are.
    func resolve(_ node: Node, _ what: String) -> Node? {
        follow(node, what).map { $0.node }
    }

    /// `resolve(_:_:)`, also giving where the last reference led (`nil` when `node` has no `$ref`).
    private func follow(_ node: Node, _ what: String) -> (node: Node, target: Located?)? {
        var current = node
        var last: Located?
        var seen: [String] = []
        var refs: [String] = []
        while let refNode = current["$ref"] {
            guard let ref = refNode.scalar?.text else {
                diagnostics.error("expected a string for '$ref', found \(refNode.kindDescription)", at: refNode.location)
                return nil
            }
            guard let target = locate(ref, at: refNode.location, what: what) else { return nil }
            refs.append(ref)
            if seen.contains(target.key) {
                diagnostics.error("cyclic reference '\(ref)': \(refs.joined(separator: " -> "))", at: refNode.location)
                return nil
            }
            seen.append(target.key)
            current = target.node
            last = target
        }
        return (current, last)
    }

    // MARK: Maps

    /// The entries of a map the spec defines (components' maps, `paths`, `responses`,
    /// `properties`, `headers`, `content`, …), or an error and `nil` when `node` is no mapping.
    ///
    /// Bundlers write a `$ref` in place of such a map (`schemas: {$ref: ./schemas/_index.yaml}`),
    /// which OpenAPI does not allow there. It is followed as any other `$ref` is (relative to the
    /// file it is written in, inside the spec's folder, cycles reported), with a warning: every
    /// map reader goes through here, and pointers walking through such a map do too.
    func mapEntries(_ node: Node, _ what: String) -> [MappingEntry]? {
        guard let map = resolvedMap(node, what) else { return nil }
        return mapping(map.node, what)
    }

    /// `node`, or the node a `$ref` in its place leads to, with where that is (see `mapEntries`).
    func resolvedMap(_ node: Node, _ what: String) -> (node: Node, target: Located?)? {
        guard let refNode = Self.mapReference(in: node), let ref = refNode.scalar?.text else { return (node, nil) }
        // A pointer through the map can lead back into it (`#/a/b` where `a` is `{$ref: '#/a/b'}`).
        guard !context.mapReferencesFollowed.contains(refNode.location) else {
            diagnostics.error("cyclic reference '\(ref)': the map it names is reached through itself", at: refNode.location)
            return nil
        }
        context.mapReferencesFollowed.insert(refNode.location)
        defer { context.mapReferencesFollowed.remove(refNode.location) }
        guard let followed = follow(node, what) else { return nil }
        // Once per `$ref`, however many pointers walk through it; one that cannot be followed is
        // only the error saying why.
        if context.reportedMapReferences.insert(refNode.location).inserted {
            diagnostics.warning("\(what) is a $ref to '\(ref)', where OpenAPI expects a map; gen reads the map it names", at: refNode.location)
        }
        return followed
    }

    /// The `$ref` of a node written as a reference in place of a map: a mapping whose only entry
    /// is `$ref` with a string value. A map entry *named* `$ref` (a property, a header) holds an
    /// object, never a string, so it is not mistaken for one.
    static func mapReference(in node: Node) -> Node? {
        guard let entries = node.mapping, entries.count == 1, entries[0].key == "$ref", entries[0].value.scalar != nil else { return nil }
        return entries[0].value
    }

    /// What a reference points at: the node, a key identifying the place across files, the file it
    /// is in (as shown in diagnostics) and the pointer within that file.
    struct Located {
        var node: Node
        var key: String
        var file: String
        /// The file's path with symlinks resolved: `key` is this and `pointer`.
        var resolvedFile: String
        var pointer: JSONPointer
    }

    /// The node `ref` points at, read relative to the file the reference is written in, or `nil`
    /// with a diagnostic naming the reference.
    func locate(_ ref: String, at location: SourceLocation, what: String) -> Located? {
        let hash = ref.firstIndex(of: "#") ?? ref.endIndex
        let filePart = String(ref[..<hash])
        guard let pointer = JSONPointer(reference: hash < ref.endIndex ? String(ref[hash...]) : "#") else {
            diagnostics.error("malformed reference '\(ref)'; expected a JSON pointer such as '#/components/schemas/Name'", at: location)
            return nil
        }
        let document: Node
        let file: String
        let resolvedFile: String
        if filePart.isEmpty {
            // A local reference points into the file it is written in.
            file = location.file
            resolvedFile = context.files.resolvedPath(ofFile: file)
            guard let loaded = location.sourceFile == root.location.sourceFile ? root : context.files.document(.init(displayPath: file, resolvedPath: resolvedFile), ref: ref, at: location) else { return nil }
            document = loaded
        } else {
            guard let target = context.files.target(of: filePart, from: location.file, ref: ref, at: location),
                  let loaded = context.files.document(target, ref: ref, at: location)
            else { return nil }
            document = loaded
            file = target.displayPath
            resolvedFile = target.resolvedPath
        }
        guard let node = walk(pointer, in: document, file: resolvedFile, ref: ref, at: location, what: what) else { return nil }
        return Located(node: node, key: resolvedFile + pointer.description, file: file, resolvedFile: resolvedFile, pointer: pointer)
    }

    /// Follows `pointer` from `document`, reporting the first token that is not there.
    private func walk(_ pointer: JSONPointer, in document: Node, file: String, ref: String, at location: SourceLocation, what: String) -> Node? {
        var node = document
        var path = file + "#"
        for (index, token) in pointer.tokens.enumerated() {
            if token != "$ref", Self.mapReference(in: node) != nil {
                let place = pointer.tokens.prefix(index).joined(separator: "/")
                guard let followed = resolvedMap(node, place.isEmpty ? "the document" : "'\(place)'") else { return nil }
                node = followed.node
            }
            let next: Node?
            switch node.content {
            case .mapping(let entries) where entries.count > 16:
                // Large mappings (components/schemas) are indexed once: thousands of refs into
                // thousands of schemas would otherwise be a quadratic scan.
                let keys = context.mappingIndexes[path] ?? Dictionary(entries.enumerated().map { ($1.key, $0) }, uniquingKeysWith: { first, _ in first })
                context.mappingIndexes[path] = keys
                next = keys[token].map { entries[$0].value }
                if next == nil {
                    reportMissing(token, at: index, in: pointer, entries: entries, ref: ref, location: location, what: what)
                    return nil
                }
            case .mapping(let entries):
                next = entries.first { $0.key == token }?.value
                if next == nil {
                    reportMissing(token, at: index, in: pointer, entries: entries, ref: ref, location: location, what: what)
                    return nil
                }
            case .sequence(let items):
                next = Int(token).flatMap { items.indices.contains($0) ? items[$0] : nil }
            case .scalar:
                next = nil
            }
            guard let next else {
                diagnostics.error("cannot resolve \(what) reference '\(ref)': no '\(token)' there", at: location)
                return nil
            }
            node = next
            path += "/" + token
        }
        return node
    }

    /// Reports a pointer token missing from a mapping, with a "did you mean" note when a key is close.
    private func reportMissing(_ token: String, at index: Int, in pointer: JSONPointer, entries: [MappingEntry], ref: String, location: SourceLocation, what: String) {
        var notes: [Diagnostic] = []
        if let suggestion = closestMatch(to: token, in: entries.map(\.key)),
           let entry = entries.first(where: { $0.key == suggestion })
        {
            notes.append(.note("did you mean '\(suggestion)'?", at: entry.keyLocation))
        }
        let parent = pointer.tokens.prefix(index).joined(separator: "/")
        let place = parent.isEmpty ? "the document" : "'\(parent)'"
        let message = index == pointer.tokens.count - 1 && parent == "components/schemas"
            ? "no schema named '\(token)' in components/schemas"
            : "cannot resolve \(what) reference '\(ref)': no '\(token)' in \(place)"
        diagnostics.error(message, at: location, notes: notes)
    }
}
