/// How a Swift type is written where a value of it is stored or passed.
public indirect enum TypeReference: Hashable, Sendable {
    case string, bool, int, int32, int64, double, float
    /// RFC 3339 `date-time` (OpenAPI 3.1 §4.4 formats), carried as Foundation's `Date`.
    case date
    /// RFC 3339 `full-date` (`format: date`, `2024-05-31`), carried as the generated `CalendarDate`.
    case calendarDate
    /// RFC 9562 UUID.
    case uuid
    /// Bytes: `format: byte` and `contentEncoding: base64` strings (base64 in JSON, RFC 4648 §4),
    /// and `format: binary` ones.
    case data
    /// Any JSON value: free-form objects, schemas with no constraints.
    case jsonValue
    /// A generated type, by its (possibly nested) Swift name, e.g. `BuildResponse.Status`.
    case named(String)
    case array(TypeReference)
    case dictionary(TypeReference)
    /// An optional inside a collection, e.g. the items of `[Double?]`.
    case optional(TypeReference)

    /// The Swift spelling: `[String: JSONValue]`, `[Double?]`, `UUID`.
    public var spelling: String { spelling(qualifiedBy: nil) }

    /// The names the built-in types are spelt with (`String`, `Date`, `JSONValue`, …): taken, so
    /// no generated type can shadow them (see `ReservedNames`).
    public static let builtinSpellings: Set<String> = Set(
        [TypeReference.string, .bool, .int, .int32, .int64, .double, .float, .date, .calendarDate, .uuid, .data, .jsonValue].map(\.spelling)
    )

    /// The spelling with generated types (and `JSONValue`) prefixed by `module`, for code in
    /// another module, where an imported name can be ambiguous (`Foundation.Notification`).
    public func spelling(qualifiedBy module: String?) -> String {
        let prefix = module.map { $0 + "." } ?? ""
        switch self {
        case .jsonValue: return prefix + "JSONValue"
        case .calendarDate: return prefix + "CalendarDate"
        case .named(let name): return prefix + name
        case .array(let element): return "[\(element.spelling(qualifiedBy: module))]"
        case .dictionary(let value): return "[String: \(value.spelling(qualifiedBy: module))]"
        case .optional(let wrapped): return "\(wrapped.spelling(qualifiedBy: module))?"
        default: return unqualifiedSpelling
        }
    }

    private var unqualifiedSpelling: String {
        switch self {
        case .string: "String"
        case .bool: "Bool"
        case .int: "Int"
        case .int32: "Int32"
        case .int64: "Int64"
        case .double: "Double"
        case .float: "Float"
        case .date: "Date"
        case .calendarDate: "CalendarDate"
        case .uuid: "UUID"
        case .data: "Data"
        case .jsonValue: "JSONValue"
        case .named(let name): name
        case .array(let element): "[\(element.spelling)]"
        case .dictionary(let value): "[String: \(value.spelling)]"
        case .optional(let wrapped): "\(wrapped.spelling)?"
        }
    }
}

extension TypeReference {
    /// Whether the spelling names a Foundation type (`Date`, `UUID`, `Data`, in collections too):
    /// a file whose public API shows one must `public import Foundation`.
    public var usesFoundation: Bool {
        switch self {
        case .date, .uuid, .data: true
        case .array(let element), .dictionary(let element), .optional(let element): element.usesFoundation
        case .string, .bool, .int, .int32, .int64, .double, .float, .calendarDate, .jsonValue, .named: false
        }
    }

    /// Whether the spelling names a type the models' module declares (a generated type,
    /// `JSONValue`, `CalendarDate`), in collections too.
    public var usesGeneratedType: Bool {
        switch self {
        case .named, .jsonValue, .calendarDate: true
        case .array(let element), .dictionary(let element), .optional(let element): element.usesGeneratedType
        case .string, .bool, .int, .int32, .int64, .double, .float, .date, .uuid, .data: false
        }
    }
}

extension SwiftType {
    /// Every type reference the declaration shows: its properties', cases' and alias target's,
    /// and those of its nested types.
    public var typeReferences: [TypeReference] {
        var references: [TypeReference]
        switch kind {
        case .structure(let structure): references = structure.properties.map(\.type) + (structure.additionalProperties.map { [$0] } ?? [])
        case .enumeration: references = []
        case .union(let union): references = union.cases.map(\.type)
        case .alias(let target): references = [target]
        }
        return references + nestedTypes.flatMap(\.typeReferences)
    }
}

extension APIOperation {
    /// Every type reference the operation's client method and `APIService` requirement show:
    /// parameters and the request and response bodies. (Headers are shown through their struct,
    /// and the content types' own types through the body enum, both declared with the models.)
    public var typeReferences: [TypeReference] {
        parameters.map(\.type) + (requestBody.map { [$0.type] } ?? []) + responseTypeReferences
    }

    /// The response bodies' type references, which the server's response enum shows.
    public var responseTypeReferences: [TypeReference] {
        responses.compactMap(\.bodyType)
    }

    /// The operation's API shows a type the models' module declares: a generated type, or a
    /// headers struct or body enum declared beside the models.
    public var usesGeneratedType: Bool {
        typeReferences.contains(where: \.usesGeneratedType) || requestBody?.choiceTypeName != nil
            || responses.contains { $0.headersTypeName != nil || $0.choiceTypeName != nil }
    }
}
