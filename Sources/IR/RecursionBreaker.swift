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

    /// Reachability back to a type over the inline-containment graph, from its strongly connected
    /// components (Tarjan's algorithm, iterative so long `$ref` chains cannot overflow the stack).
    /// Linear in the graph: per-type reachable sets would be quadratic on a chain of thousands of schemas.
    private final class Reachability {
        let edges: [String: Set<String>]
        private var component: [String: Int] = [:]
        /// Members per component.
        private var sizes: [Int] = []

        init(edges: [String: Set<String>]) {
            self.edges = edges
            let successors = edges.mapValues(Array.init)
            var index: [String: Int] = [:]
            var lowLink: [String: Int] = [:]
            var stack: [String] = []
            var onStack: Set<String> = []
            var components = 0
            for root in edges.keys where index[root] == nil {
                var work: [(node: String, next: Int)] = []
                func open(_ node: String) {
                    index[node] = index.count
                    lowLink[node] = index[node]
                    stack.append(node)
                    onStack.insert(node)
                    work.append((node, 0))
                }
                open(root)
                while let (node, next) = work.last {
                    let children = successors[node] ?? []
                    if next < children.count {
                        work[work.count - 1].next += 1
                        let child = children[next]
                        if index[child] == nil {
                            open(child)
                        } else if onStack.contains(child) {
                            lowLink[node] = min(lowLink[node]!, index[child]!)
                        }
                        continue
                    }
                    work.removeLast()
                    if let parent = work.last?.node { lowLink[parent] = min(lowLink[parent]!, lowLink[node]!) }
                    guard lowLink[node] == index[node] else { continue }
                    sizes.append(0)
                    while let member = stack.popLast() {
                        onStack.remove(member)
                        component[member] = components
                        sizes[components] += 1
                        if member == node { break }
                    }
                    components += 1
                }
            }
        }

        /// Whether `start` reaches `target` in one or more steps. Asked where `target` stores `start`
        /// inline (an edge `target` → `start`), so that holds exactly when both lie in one strongly
        /// connected component; `start` reaches itself when its component is a cycle.
        func path(from start: String, to target: String) -> Bool {
            guard let component = component[start], component == self.component[target] else { return false }
            return start != target || sizes[component] > 1 || edges[start]?.contains(start) == true
        }
    }
}
