/// A named Swift type the models file declares: one per named schema, plus nested types for
/// inline schemas that need a name (an inline enum becomes `BuildResponse.Status`).
public struct SwiftType: Sendable {
    /// The simple name, unique among its siblings.
    public var name: String
    /// The name under `components/schemas`, when the type comes from one.
    public var schemaName: String?
    public var documentation: String?
    public var deprecated: Bool
    public var kind: Kind
    /// Types declared inside this one, in order of first use.
    public var nestedTypes: [SwiftType]
    /// Why the type is deprecated, for `@available(*, deprecated, message:)`; `nil` for no message.
    public var deprecationMessage: String? = nil

    public enum Kind: Sendable {
        case structure(Structure)
        case enumeration(Enumeration)
        case union(Union)
        /// `typealias Name = Target` for schemas that are a plain type (an array, a string).
        case alias(TypeReference)
    }
}

/// An object schema as a `struct`.
public struct Structure: Sendable {
    public var properties: [Property]
    /// The value type of properties not declared, when `additionalProperties` allows them
    /// beside declared ones; `nil` when extra keys are ignored.
    public var additionalProperties: TypeReference?
    /// `additionalProperties: false`: keys the schema does not declare make the value fit a
    /// union's alternative only leniently (elsewhere they are ignored, as for any object).
    public var rejectsUndeclaredKeys = false
}

/// One stored property of a structure.
public struct Property: Sendable {
    /// The JSON key exactly as in the spec.
    public var jsonName: String
    /// The Swift identifier, unescaped (`default`); spell it with `Naming.escaped`.
    public var swiftName: String
    /// The value's type without the optionality `presence` adds.
    public var type: TypeReference
    public var presence: Presence
    public var defaultValue: DefaultValue?
    public var documentation: String?
    /// Deprecated in the spec, or of a type that is (`Deprecation.propagate` sets that).
    public var deprecated: Bool
    /// Whether the value is stored out of line (`@Indirect`): an object or union, so a copy is one
    /// reference and a recursive schema has finite size (`OutOfLineStorage` says why).
    public var isIndirect = false
    /// Why the property is deprecated; `nil` for no message.
    public var deprecationMessage: String? = nil

    /// Whether a key must be present and whether it may be `null`: four combinations that
    /// decode, encode and initialize differently.
    public enum Presence: Sendable, Hashable {
        /// Required, not nullable: `T`.
        case required
        /// Required and nullable: `T?`, but the key must be present when decoding and is always encoded.
        case requiredNullable
        /// Not required: `T?`, omitted when `nil`. A nullable field in a response decodes `null` as `nil`.
        case optional
        /// Not required and nullable in a request: absent, `null` and a value are three states
        /// (`OptionalNullable<T>`), so a PATCH can tell "leave unchanged" from "clear".
        case optionalNullable
    }
}

/// A default value from the spec, typed so the renderer can spell it as a Swift literal.
public enum DefaultValue: Sendable, Hashable {
    case string(String)
    case bool(Bool)
    /// A literal of the property's type: integer text as written in the spec, floating-point values
    /// as Swift spells them (`0.5`, `.infinity`), never YAML's `.5` or `.inf`.
    case number(String)
    /// A case of the property's enum type, by Swift case name.
    case enumCase(String)
    /// A `date-time`, as seconds since 1970-01-01T00:00:00Z spelled as a Swift literal.
    case date(secondsSince1970: String)
    /// A `date` (RFC 3339 `full-date`), checked to be a real day of the Gregorian calendar.
    case calendarDate(year: Int, month: Int, day: Int)
    /// An array of the other kinds.
    indirect case array([DefaultValue])
}

/// A schema with `enum` values: a Swift enum over its raw values.
public struct Enumeration: Sendable {
    public enum RawType: String, Sendable {
        case string = "String"
        case int = "Int"
    }

    public var rawType: RawType
    public var cases: [Case]
    /// Open enums keep values the spec did not list in an extra case instead of failing to decode,
    /// so a server adding a value does not break old clients. `nil` for a frozen enum
    /// (`x-frozen-enum: true`), which rejects unlisted values.
    public var unknownCaseName: String?

    public struct Case: Sendable {
        public var name: String
        /// The raw value as JSON text would hold it: the string itself, or the integer's digits.
        public var rawValue: String
    }
}

/// `anyOf`/`oneOf` of several types: an enum with one case per alternative. With a discriminator
/// the case is chosen by the tag property; without one, by the alternative that fits the value
/// best (`UnionMatching` gives the facts the generated `UnionCoding.decode` ranks by).
public struct Union: Sendable {
    public var cases: [Case]
    /// Whether the enum is `indirect`: an alternative is an object or union (`OutOfLineStorage`).
    public var isIndirect = false
    /// Set when the schema has a `discriminator`.
    public var discriminator: Discriminator? = nil
    /// Without a discriminator: whether an alternative can hold an open enum (or a discriminated
    /// union), whose catch-all case would accept values another alternative lists, or an object
    /// with `additionalProperties: false`. Such unions first try every alternative accepting
    /// listed values and declared keys only, then again leniently.
    public var triesExactMatchesFirst = false

    public struct Case: Sendable {
        public var name: String
        public var type: TypeReference
        /// With a discriminator: the tag values that select this case (mapping keys, else the
        /// schema's name), in spec order; empty when no tag can (an inline alternative).
        public var tags: [String] = []
        /// With a discriminator: the tag to add when encoding, because the alternative's own
        /// encoding has no such property; `nil` when it writes the tag itself (or is not an object).
        public var writtenTag: String? = nil
        /// The alternative's type is deprecated.
        public var deprecated = false
        public var deprecationMessage: String? = nil
        /// Without a discriminator: the sets of JSON keys the alternative declares, in spec order:
        /// one for an object schema, one per object alternative of a nested union, one empty set
        /// for objects that declare no key (dictionaries, free-form objects), none for values
        /// that cannot be objects. The alternative declaring most of an object's keys is preferred.
        public var declaredKeys: [[String]] = []
    }

    /// §4.8.25: the property whose value names the alternative.
    public struct Discriminator: Sendable {
        /// The JSON key, e.g. `kind`.
        public var propertyName: String
        /// The case for tags the spec does not map, holding the raw JSON (`unknown`).
        public var unknownCaseName: String
    }
}
