/// Finds where value types would contain themselves (a schema whose property refers back to it,
/// directly or through other schemas) and marks those uses indirect, so the generated types have
/// finite size. Collections are already stored out of line and never need it.
enum RecursionBreaker {
    /// Sets `Property.isIndirect` and `Union.isIndirect` where a cycle passes, in place.
    static func breakCycles(in types: inout [SwiftType]) {
        var edges: [String: Set<String>] = [:]
        collectEdges(types, prefix: "", into: &edges)
        let reach = Reachability(edges: edges)
        types = types.map { mark($0, prefix: "", reach: reach) }
    }

    /// The named types a value of `type` stores inline (not behind an array or dictionary).
    static func inlineNames(_ type: TypeReference) -> [String] {
        switch type {
        case .named(let name): [name]
        case .optional(let wrapped): inlineNames(wrapped)
        default: []
        }
    }

    private static func collectEdges(_ types: [SwiftType], prefix: String, into edges: inout [String: Set<String>]) {
        for type in types {
            let name = prefix + type.name
            var targets: Set<String> = []
            switch type.kind {
            case .structure(let structure):
                for property in structure.properties { targets.formUnion(inlineNames(property.type)) }
            case .union(let union):
                for option in union.cases { targets.formUnion(inlineNames(option.type)) }
            case .alias(let target):
                targets.formUnion(inlineNames(target))
            case .enumeration:
                break
            }
            edges[name, default: []].formUnion(targets)
            collectEdges(type.nestedTypes, prefix: name + ".", into: &edges)
        }
    }

    private static func mark(_ type: SwiftType, prefix: String, reach: Reachability) -> SwiftType {
        var type = type
        let name = prefix + type.name
        switch type.kind {
        case .structure(var structure):
            for index in structure.properties.indices {
                structure.properties[index].isIndirect = inlineNames(structure.properties[index].type).contains { reach.path(from: $0, to: name) }
            }
            type.kind = .structure(structure)
        case .union(var union):
            union.isIndirect = union.cases.contains { option in inlineNames(option.type).contains { reach.path(from: $0, to: name) } }
            type.kind = .union(union)
        case .alias, .enumeration:
            break
        }
        type.nestedTypes = type.nestedTypes.map { mark($0, prefix: name + ".", reach: reach) }
        return type
    }

    /// Memoized reachability over the inline-containment graph.
    private final class Reachability {
        let edges: [String: Set<String>]
        var cache: [String: Set<String>] = [:]

        init(edges: [String: Set<String>]) {
            self.edges = edges
        }

        func path(from start: String, to target: String) -> Bool {
            reachable(from: start).contains(target)
        }

        /// Every type reachable from `start` in one or more steps (iterative, so deep chains cannot overflow the stack).
        private func reachable(from start: String) -> Set<String> {
            if let known = cache[start] { return known }
            var seen: Set<String> = []
            var stack = Array(edges[start] ?? [])
            while let next = stack.popLast() {
                guard seen.insert(next).inserted else { continue }
                stack += edges[next] ?? []
            }
            cache[start] = seen
            return seen
        }
    }
}
