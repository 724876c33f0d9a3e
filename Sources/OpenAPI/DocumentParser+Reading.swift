import Diagnostics
import YAML

/// Typed reads of node fields: each reports a wrong kind of node at its position and yields `nil`.
extension DocumentParser {
    func mapping(_ node: Node, _ what: String) -> [MappingEntry]? {
        if let entries = node.mapping { return entries }
        diagnostics.error("expected a mapping for \(what), found \(node.kindDescription)", at: node.location)
        return nil
    }

    func sequence(_ node: Node, _ what: String) -> [Node]? {
        if let items = node.sequence { return items }
        diagnostics.error("expected a sequence for \(what), found \(node.kindDescription)", at: node.location)
        return nil
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

    /// Follows `$ref`s (also refs to refs) from `node` to the object they name, reporting
    /// unresolvable and cyclic references. Nodes without `$ref` are returned as they are.
    func resolve(_ node: Node, _ what: String) -> Node? {
        var current = node
        var seen: [String] = []
        while let refNode = current["$ref"] {
            guard let ref = refNode.scalar?.text else {
                diagnostics.error("expected a string for '$ref', found \(refNode.kindDescription)", at: refNode.location)
                return nil
            }
            if seen.contains(ref) {
                diagnostics.error("cyclic reference '\(ref)': \((seen + [ref]).joined(separator: " -> "))", at: refNode.location)
                return nil
            }
            seen.append(ref)
            guard let target = lookup(ref, at: refNode.location, what: what) else { return nil }
            current = target
        }
        return current
    }

    /// The node a local `$ref` points at, or `nil` with a diagnostic naming the reference.
    func lookup(_ ref: String, at location: SourceLocation, what: String) -> Node? {
        guard ref.hasPrefix("#") else {
            diagnostics.error("external reference '\(ref)' is not supported yet; expected a local reference starting with '#'", at: location)
            return nil
        }
        guard let pointer = JSONPointer(reference: ref) else {
            diagnostics.error("malformed reference '\(ref)'; expected a JSON pointer such as '#/components/schemas/Name'", at: location)
            return nil
        }
        var node = root
        for (index, token) in pointer.tokens.enumerated() {
            let next: Node?
            switch node.content {
            case .mapping(let entries):
                next = entries.first { $0.key == token }?.value
                if next == nil {
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
        }
        return node
    }
}
