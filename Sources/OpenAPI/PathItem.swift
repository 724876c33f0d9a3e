import Diagnostics

/// §4.8.9: the operations available on one path template.
public struct PathItem {
    /// The template as written, e.g. `/api/v1/org/{org}/builds/{build_id}`.
    public var path: String
    public var summary: String?
    public var description: String?
    /// Operations in the fixed order of `HTTPMethod.allCases`, so output does not depend on key order.
    public var operations: [Operation]
    public var location: SourceLocation
}

/// The HTTP methods a Path Item may hold (§4.8.9.1), in the order they are emitted.
public enum HTTPMethod: String, CaseIterable, Sendable {
    case get, put, post, delete, options, head, patch, trace
}

/// §4.8.10: one HTTP method on one path.
public struct Operation {
    public var method: HTTPMethod
    /// The path template of the Path Item it belongs to.
    public var path: String
    public var operationID: String?
    public var summary: String?
    public var description: String?
    public var tags: [String]
    /// Path-level and operation-level parameters merged: the operation's win by (name, in), §4.8.10.1.
    public var parameters: [Parameter]
    public var requestBody: RequestBody?
    /// Responses by status key as written (`200`, `4XX`, `default`), in document order.
    public var responses: [Response]
    /// `nil` when the operation inherits the document's requirements; `[]` when it opts out.
    public var security: [SecurityRequirement]?
    public var deprecated: Bool
    public var location: SourceLocation
    /// Set when the `operationId` repeats an earlier operation's (§4.8.10.1: ids "MUST be
    /// unique"); `operationID` is then `nil`, so the operation is named after its method and path.
    public var repeatedOperationID: RepeatedOperationID? = nil

    /// An `operationId` written on more than one operation: the repeat and the first use.
    public struct RepeatedOperationID {
        public var id: String
        /// Where the repeat is written.
        public var location: SourceLocation
        /// Where the operation that keeps the id writes it.
        public var firstUse: SourceLocation
    }

    /// The `operationId` as written, also when it repeats another operation's.
    public var writtenOperationID: String? { operationID ?? repeatedOperationID?.id }
}

/// §4.8.12: a path, query, header or cookie parameter.
public struct Parameter {
    public enum Location: String, Sendable {
        case path, query, header, cookie
    }

    public var name: String
    public var location: Location
    public var description: String?
    /// Always true for path parameters (§4.8.12.2: "MUST be true").
    public var required: Bool
    public var deprecated: Bool
    public var schema: Schema?
    /// The style as written, already checked against the location (§4.8.12.4); `nil` for the
    /// location's default (`form` for query and cookie, `simple` for path and header).
    public var style: String?
    public var explode: Bool?
    /// `allowReserved: true` (§4.8.12.1): RFC 3986 reserved characters in a query value go unencoded.
    public var allowReserved = false
    /// The media type of a `content`-based parameter (§4.8.12.5), e.g. `application/json`;
    /// `nil` for a `schema`-based one.
    public var contentType: String? = nil
    /// Where `style` is written, or the parameter itself when it is not: for warnings about it.
    public var styleLocation: SourceLocation? = nil
    public var sourceLocation: SourceLocation
}

/// §4.8.13: the body of a request.
public struct RequestBody {
    public var description: String?
    public var required: Bool
    public var content: [MediaType]
    public var location: SourceLocation
}

/// §4.8.14: a body in one content type.
public struct MediaType {
    /// The media type or range as written, e.g. `application/json`.
    public var contentType: String
    public var schema: Schema?
    /// §4.8.15: how properties of a form or multipart body are written, by property name.
    public var encoding: [String: Encoding] = [:]
    public var location: SourceLocation

    /// §4.8.15 Encoding Object: one property of a `multipart` or `application/x-www-form-urlencoded` body.
    public struct Encoding {
        /// The part's content type (multipart), e.g. `image/png` or `application/json`.
        public var contentType: String?
        /// `form`, `spaceDelimited`, `pipeDelimited` or `deepObject` (form-urlencoded only).
        public var style: String?
        public var explode: Bool?
        public var location: SourceLocation
    }

    /// The media type's essence: type and subtype, lowercase, without parameters (`text/plain`).
    public var essence: String { Self.essence(of: contentType) }

    /// `contentType`'s type and subtype, lowercase, without parameters or spaces.
    public static func essence(of contentType: String) -> String {
        // Almost always already an essence (`application/json`): no copies then, as this is read
        // several times for every body and response.
        if contentType.utf8.allSatisfy({ $0 < 0x80 && $0 != UInt8(ascii: ";") && $0 != UInt8(ascii: " ") && !(0x41...0x5A).contains($0) }) {
            return contentType
        }
        return (contentType.split(separator: ";").first ?? "").filter { $0 != " " }.lowercased()
    }

    /// Whether this is JSON: `application/json` or any `+json` suffix (RFC 6839 §3.1).
    public var isJSON: Bool {
        essence == "application/json" || essence.hasSuffix("+json")
    }
}

/// §4.8.17: one response of an operation.
public struct Response {
    /// The key as written: a status code (`200`), a range (`4XX`) or `default`.
    public var status: String
    public var description: String
    public var content: [MediaType]
    /// §4.8.17.1 `headers`, in document order, without `Content-Type` (which §4.8.17.1 says to ignore).
    public var headers: [Header] = []
    public var location: SourceLocation

    /// The numeric status code, when the key is one.
    public var statusCode: Int? { Int(status) }
}

/// §4.8.21: a header of a response, described like a `simple`-style parameter.
public struct Header {
    /// The field name as written in the response's `headers` map, e.g. `X-Rate-Limit`.
    public var name: String
    public var description: String?
    public var required: Bool
    public var deprecated: Bool
    /// `nil` when the header has no `schema` (a `content`-based header, which is not generated).
    public var schema: Schema?
    public var location: SourceLocation
}
