import Diagnostics

/// §4.8.24 Schema Object (JSON Schema 2020-12 in 3.1, its 3.0 subset plus `nullable`), with
/// the keywords the generator uses.
///
/// A class because schemas form graphs (recursive `$ref`s) and are shared by reference; it is
/// filled in once by the parser and then only read.
public final class Schema {
    /// Set when the schema is `{$ref: '#/components/schemas/Name'}`; other keywords may sit
    /// beside it in 3.1 (descriptions, defaults), which apply to this use of the type.
    public internal(set) var reference: SchemaReference?
    /// The JSON types allowed: 3.0's `type`, 3.1's `type` string or array, with 3.0's
    /// `nullable: true` folded in as `.null`. Empty when unconstrained.
    public internal(set) var types: [JSONType] = []
    public internal(set) var format: String?
    /// JSON Schema 2020-12 §8.3 (OpenAPI 3.1 §4.8.24.2): how a string's bytes are encoded,
    /// e.g. `base64` (RFC 4648 §4).
    public internal(set) var contentEncoding: String?
    /// Where `format` is written, for warnings about it.
    public internal(set) var formatLocation: SourceLocation?
    /// `pattern`: an ECMA-262 regular expression a string must match somewhere (JSON Schema
    /// Validation 2020-12 §6.3.3), as written.
    public internal(set) var pattern: String?
    public internal(set) var title: String?
    public internal(set) var description: String?
    /// Declared properties in document order.
    public internal(set) var properties: [Property] = []
    public internal(set) var required: [String] = []
    public internal(set) var additionalProperties: AdditionalProperties?
    public internal(set) var items: Schema?
    public internal(set) var allOf: [Schema] = []
    public internal(set) var anyOf: [Schema] = []
    public internal(set) var oneOf: [Schema] = []
    public internal(set) var enumValues: [JSONValue]?
    public internal(set) var constValue: JSONValue?
    public internal(set) var defaultValue: JSONValue?
    public internal(set) var defaultLocation: SourceLocation?
    public internal(set) var discriminator: Discriminator?
    public internal(set) var deprecated = false
    /// `x-frozen-enum: true`: the enum's values are complete, so an unlisted value is an error
    /// rather than kept in an extra case.
    public internal(set) var frozenEnum = false
    /// JSON Schema's `contentMediaType` (OpenAPI 3.1 §4.8.14.3): the string holds a document of
    /// this type, e.g. `image/png`; with no `contentEncoding` that means raw bytes (a file).
    public internal(set) var contentMediaType: String?
    public internal(set) var readOnly = false
    public internal(set) var writeOnly = false
    public internal(set) var location: SourceLocation

    init(location: SourceLocation) {
        self.location = location
    }

    /// A property of an object schema.
    public struct Property {
        /// The JSON key exactly as written.
        public var name: String
        public var schema: Schema
        public var location: SourceLocation
    }

    /// `additionalProperties`: `true`/`false` or the schema of every extra value.
    public enum AdditionalProperties {
        case allowed(Bool)
        case schema(Schema)
    }

    /// §4.8.25: which property tells the `oneOf`/`anyOf` alternatives apart.
    public struct Discriminator {
        public var propertyName: String
        /// Discriminator value → schema name, from `mapping` (names, not refs), with where each entry is.
        public var mapping: [(value: String, schemaName: String, location: SourceLocation)]
    }

    /// Whether `null` is one of the allowed types.
    public var allowsNull: Bool { types.contains(.null) }

    /// Whether the schema is exactly `{type: 'null'}`, as in FastAPI's `anyOf: [T, {type: 'null'}]`.
    public var isNullOnly: Bool {
        reference == nil && types == [.null] && properties.isEmpty && allOf.isEmpty && anyOf.isEmpty && oneOf.isEmpty
    }
}

/// A reference to a schema under `components/schemas`, §4.8.23.
public struct SchemaReference {
    /// The `$ref` text as written.
    public var pointer: String
    /// The schema's name under `components/schemas`.
    public var name: String
    public var location: SourceLocation
}

/// JSON Schema's primitive types (JSON Schema Validation 2020-12 §6.1.1).
public enum JSONType: String, Sendable, CaseIterable {
    case null, boolean, object, array, number, string, integer
}

/// A JSON value taken from the spec (defaults, enum values, examples), kept exact.
public enum JSONValue: Hashable, Sendable {
    case null
    case bool(Bool)
    /// An integer with its text, so values beyond 64 bits survive.
    case integer(Int?, text: String)
    case number(Double, text: String)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])
}
