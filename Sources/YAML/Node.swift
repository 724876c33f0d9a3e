import Diagnostics

/// A YAML (or JSON) node with the position it was read from.
///
/// The tree is what the OpenAPI stage reads; it knows nothing of OpenAPI. Aliases are already
/// expanded (within the loader's budget), so consumers never see anchors.
public struct Node: Sendable {
    /// What a node holds.
    public enum Content: Sendable {
        case scalar(Scalar)
        case sequence([Node])
        /// Entries in document order. Keys are unique (the loader rejects duplicates).
        case mapping([MappingEntry])
    }

    public var content: Content
    /// Where the node starts: the first character of the scalar, or the `[`/`{`/first item of a collection.
    public var location: SourceLocation

    public init(_ content: Content, at location: SourceLocation) {
        self.content = content
        self.location = location
    }
}

/// A key and its value. OpenAPI keys are always strings, so the key is kept as its text.
public struct MappingEntry: Sendable {
    /// The key's text exactly as written (`200` stays `"200"`, `yes` stays `"yes"`).
    public var key: String
    public var keyLocation: SourceLocation
    public var value: Node

    public init(key: String, keyLocation: SourceLocation, value: Node) {
        self.key = key
        self.keyLocation = keyLocation
        self.value = value
    }
}

/// A scalar: its source text, how it was written, and its value under the YAML 1.2 core schema.
public struct Scalar: Sendable, Hashable {
    /// How the scalar was written. Only `plain` scalars are resolved to non-string values.
    public enum Style: Sendable, Hashable {
        case plain, singleQuoted, doubleQuoted, literal, folded
    }

    /// The scalar's text after YAML unescaping (the text of a number is kept so huge integers
    /// and exact decimals survive).
    public var text: String
    public var style: Style
    /// The value by the YAML 1.2 core schema (https://yaml.org/spec/1.2.2/#1023-core-schema):
    /// `null`/`~`/empty → null, `true`/`false` (any case form listed there) → bool, decimal/octal/hex
    /// ints, floats incl. `.inf`/`.nan`; anything quoted, or carrying `!!str`, is a string.
    public var value: Value

    public init(text: String, style: Style, value: Value) {
        self.text = text
        self.style = style
        self.value = value
    }

    public enum Value: Sendable, Hashable {
        case null
        case bool(Bool)
        /// An integer that fits `Int`; larger ones are `.float` with the exact digits in `text`.
        case int(Int)
        case float(Double)
        case string(String)
    }
}

extension Node {
    /// The scalar, if this node is one.
    public var scalar: Scalar? {
        if case .scalar(let scalar) = content { return scalar }
        return nil
    }

    /// The entries, if this node is a mapping.
    public var mapping: [MappingEntry]? {
        if case .mapping(let entries) = content { return entries }
        return nil
    }

    /// The items, if this node is a sequence.
    public var sequence: [Node]? {
        if case .sequence(let items) = content { return items }
        return nil
    }

    /// The value for `key` in a mapping; `nil` for a missing key or a node that is not a mapping.
    public subscript(key: String) -> Node? {
        guard case .mapping(let entries) = content else { return nil }
        return entries.first { $0.key == key }?.value
    }

    /// The entries, if this node is a mapping; otherwise an error at the node saying what was
    /// expected (`expected a mapping for 'filter', found a sequence`) and `nil`.
    public func mapping(for what: String, reportingTo diagnostics: DiagnosticSink) -> [MappingEntry]? {
        if let entries = mapping { return entries }
        diagnostics.error("expected a mapping for \(what), found \(kindDescription)", at: location)
        return nil
    }

    /// The items, if this node is a sequence; otherwise an error at the node and `nil`.
    public func sequence(for what: String, reportingTo diagnostics: DiagnosticSink) -> [Node]? {
        if let items = sequence { return items }
        diagnostics.error("expected a sequence for \(what), found \(kindDescription)", at: location)
        return nil
    }

    /// A word for the node's kind, for messages: "a mapping", "a sequence", "a string", "an integer", …
    public var kindDescription: String {
        switch content {
        case .mapping: return "a mapping"
        case .sequence: return "a sequence"
        case .scalar(let scalar):
            switch scalar.value {
            case .null: return "null"
            case .bool: return "a boolean"
            case .int: return "an integer"
            case .float: return "a number"
            case .string: return "a string"
            }
        }
    }
}
