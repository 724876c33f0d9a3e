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
