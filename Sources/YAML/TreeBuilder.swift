import Diagnostics

/// Assembles a `Node` tree from a flat stream of start/end/scalar/alias calls, shared by the
/// libyaml event reader and the JSON parser so both agree on keys, duplicates and limits.
///
/// Open collections live on an explicit stack, never the call stack, so nesting depth is checked
/// against `Limits.maxDepth` instead of overflowing the thread's stack.
struct TreeBuilder {
    private let limits: YAMLLoader.Limits
    private let diagnostics: DiagnosticSink
    private var stack: [Frame] = []
    private var anchors: [String: Anchor] = [:]
    /// Nodes created by alias expansion so far, checked against `Limits.maxAliasExpansion`.
    private var expandedNodes = 0
    /// The finished document, once its outermost node has ended.
    private(set) var root: Node?

    /// Mappings with more keys than this index them in a dictionary, keeping duplicate checks O(1).
    private static let linearKeyLimit = 8

    init(limits: YAMLLoader.Limits, diagnostics: DiagnosticSink) {
        self.limits = limits
        self.diagnostics = diagnostics
    }

    private enum Anchor {
        /// Its node has started but not ended: an alias to it now would be recursive.
        case open
        /// `count` is the number of nodes in `node`, so an alias costs O(1) to budget.
        case closed(Node, count: Int)
    }

    /// What a mapping is waiting for after reading a key.
    private enum PendingKey {
        case named(String, SourceLocation)
        /// `<<`: the value's entries are merged in (YAML 1.1 merge key).
        case merge(SourceLocation)
        /// The key was not a scalar (already reported); its value is dropped.
        case invalid
    }

    private struct Merge {
        /// Index in `Frame.entries` where the merged entries go, so they keep the `<<` key's place.
        var position: Int
        var sources: [[MappingEntry]]
    }

    private struct Frame {
        var isMapping: Bool
        var location: SourceLocation
        var anchor: String?
        /// Nodes in this subtree so far, the frame's own node included.
        var count = 1
        var items: [Node] = []
        var entries: [MappingEntry] = []
        var pendingKey: PendingKey?
        /// Key to index in `entries`, built once the mapping outgrows `linearKeyLimit`.
        var keyIndex: [String: Int]?
        var merges: [Merge] = []
    }

    // MARK: Events

    /// Opens a sequence (`isMapping == false`) or mapping at `location`.
    /// - Throws: when it would nest deeper than `Limits.maxDepth`.
    mutating func begin(mapping isMapping: Bool, at location: SourceLocation, anchor: String?) throws(Diagnostic) {
        guard stack.count < limits.maxDepth else {
            throw .error("nesting deeper than \(limits.maxDepth) levels", at: location)
        }
        if let anchor { anchors[anchor] = .open }
        stack.append(Frame(isMapping: isMapping, location: location, anchor: anchor))
    }

    /// Closes the innermost open collection and hands it to its parent.
    mutating func end() {
        let frame = stack.removeLast()
        let content: Node.Content
        // Exact-size copies: arrays grown by appending keep up to twice the room they need, and
        // the tree is the largest thing gen holds (an 8 MB spec is about a million nodes).
        if frame.isMapping {
            content = .mapping(Self.compacted(frame.merges.isEmpty ? frame.entries : Self.applyMerges(of: frame)))
        } else {
            content = .sequence(Self.compacted(frame.items))
        }
        let node = Node(content, at: frame.location)
        if let anchor = frame.anchor { anchors[anchor] = .closed(node, count: frame.count) }
        deliver(node, count: frame.count)
    }

    private static func compacted<Element>(_ array: [Element]) -> [Element] {
        guard array.capacity > array.count + 2 else { return array }
        var exact: [Element] = []
        exact.reserveCapacity(array.count)
        exact.append(contentsOf: array)
        return exact
    }

    mutating func scalar(_ scalar: Scalar, at location: SourceLocation, anchor: String?) {
        let node = Node(.scalar(scalar), at: location)
        if let anchor { anchors[anchor] = .closed(node, count: 1) }
        deliver(node, count: 1)
    }

    /// Expands `*name` by copying the anchored node (its locations stay those of the anchor).
    /// - Throws: for an undefined or recursive alias, or when the expansion budget runs out.
    mutating func alias(_ name: String, at location: SourceLocation) throws(Diagnostic) {
        switch anchors[name] {
        case nil:
            throw .error("undefined alias '*\(name)'; no anchor '&\(name)' is defined before it", at: location)
        case .open:
            throw .error("recursive alias '*\(name)' inside the node anchored as '&\(name)'", at: location)
        case .closed(let node, let count):
            expandedNodes += count
            guard expandedNodes <= limits.maxAliasExpansion else {
                throw .error(
                    "aliases expand to more than \(limits.maxAliasExpansion) nodes (a 'billion laughs' alias bomb?)",
                    at: location
                )
            }
            deliver(node, count: count)
        }
    }

    // MARK: Assembly

    private mutating func deliver(_ node: consuming Node, count: Int) {
        guard !stack.isEmpty else {
            root = node
            return
        }
        let top = stack.count - 1
        stack[top].count += count
        guard stack[top].isMapping else {
            stack[top].items.append(consume node)
            return
        }
        guard let pending = stack[top].pendingKey else {
            stack[top].pendingKey = Self.key(of: node, diagnostics: diagnostics)
            return
        }
        stack[top].pendingKey = nil
        switch pending {
        case .invalid:
            break
        case .merge(let location):
            if let sources = Self.mergeSources(of: node, keyLocation: location, diagnostics: diagnostics) {
                stack[top].merges.append(Merge(position: stack[top].entries.count, sources: sources))
            }
        case .named(let key, let location):
            add(MappingEntry(key: key, keyLocation: location, value: consume node), toFrameAt: top)
        }
    }

    private static func key(of node: Node, diagnostics: DiagnosticSink) -> PendingKey {
        guard case .scalar(let scalar) = node.content else {
            diagnostics.error("mapping key must be a scalar, found \(node.kindDescription)", at: node.location)
            return .invalid
        }
        if scalar.style == .plain && scalar.text == "<<" { return .merge(node.location) }
        return .named(scalar.text, node.location)
    }

    /// Adds an entry unless its key is taken; a duplicate is an error pointing at both keys.
    private mutating func add(_ entry: consuming MappingEntry, toFrameAt top: Int) {
        let existing: Int? =
            if let index = stack[top].keyIndex {
                index[entry.key]
            } else {
                stack[top].entries.firstIndex { $0.key == entry.key }
            }
        if let existing {
            let first = stack[top].entries[existing].keyLocation
            diagnostics.error(
                "duplicate key '\(entry.key)' in mapping",
                at: entry.keyLocation,
                notes: [.note("first defined here", at: first)]
            )
            return
        }
        let key = entry.key
        stack[top].entries.append(consume entry)
        let count = stack[top].entries.count
        if stack[top].keyIndex != nil {
            stack[top].keyIndex![key] = count - 1
        } else if count > Self.linearKeyLimit {
            var index: [String: Int] = [:]
            index.reserveCapacity(count * 2)
            for (offset, entry) in stack[top].entries.enumerated() { index[entry.key] = offset }
            stack[top].keyIndex = index
        }
    }

    /// The mappings a `<<` value merges: one mapping, or a sequence of mappings.
    private static func mergeSources(
        of node: Node, keyLocation: SourceLocation, diagnostics: DiagnosticSink
    ) -> [[MappingEntry]]? {
        switch node.content {
        case .mapping(let entries):
            return [entries]
        case .sequence(let items):
            var sources: [[MappingEntry]] = []
            for item in items {
                guard case .mapping(let entries) = item.content else {
                    diagnostics.error(
                        "merge key '<<' expects a mapping or a sequence of mappings, found \(item.kindDescription) in the sequence",
                        at: item.location
                    )
                    continue
                }
                sources.append(entries)
            }
            return sources
        case .scalar:
            diagnostics.error(
                "merge key '<<' expects a mapping or a sequence of mappings, found \(node.kindDescription)",
                at: node.location
            )
            return nil
        }
    }

    /// The frame's entries with merged entries spliced in where each `<<` stood. Keys the mapping
    /// defines itself win over merged ones, and earlier merge sources win over later ones.
    private static func applyMerges(of frame: Frame) -> [MappingEntry] {
        var seen = Set(frame.entries.lazy.map(\.key))
        var result: [MappingEntry] = []
        result.reserveCapacity(frame.entries.count)
        var merges = frame.merges[...]
        func appendMerges(upTo position: Int) {
            while let merge = merges.first, merge.position <= position {
                merges.removeFirst()
                for source in merge.sources {
                    for entry in source where seen.insert(entry.key).inserted {
                        result.append(entry)
                    }
                }
            }
        }
        for (position, entry) in frame.entries.enumerated() {
            appendMerges(upTo: position)
            result.append(entry)
        }
        appendMerges(upTo: Int.max)
        return result
    }
}
