import Diagnostics
import OpenAPI

/// Everything generated for one spec: the IR the renderer turns into files.
public struct SwiftModule: Sendable {
    /// The Swift module the models and client live in, e.g. `BuildsAPI`.
    public var name: String
    /// The spec's path as given on the command line, for the do-not-edit header.
    public var specPath: String
    public var title: String
    public var version: String
    public var documentation: String?
    /// The first server's URL with its variables' defaults, when it is an absolute URL that
    /// checked out: the client's default base URL.
    public var defaultServerURL: String?
    public var types: [SwiftType]
    public var operations: [APIOperation]
    /// The body type shared by every documented error response, when there is one; the client's
    /// error carries it decoded.
    public var errorPayload: TypeReference?
    /// The document's servers whose URLs checked out, in document order: the client's `Servers`.
    public var servers: [ServerModel] = []
}

/// One of the document's `servers` (OpenAPI 3.1 §4.8.5): a static function of the client's
/// `Servers` taking the server's variables and returning its URL.
public struct ServerModel: Sendable {
    /// The function's name, unescaped: from `x-name`, else `description`, else `server1`, `server2`, ….
    public var name: String
    /// The URL template as written: `https://{tenant}.example.com/v1`.
    public var url: String
    public var documentation: String?
    /// The template's text and variables in order.
    public var components: [Component]
    /// The variables in document order, as the function's parameters.
    public var variables: [ServerVariableModel]
    /// The URL has no scheme: it is resolved against the URL the document is served from (§4.8.5),
    /// which the function then takes.
    public var isRelative: Bool

    public enum Component: Sendable, Hashable {
        case literal(String)
        /// A variable, by its index in `variables`.
        case variable(Int)
    }
}

/// A server variable (§4.8.6) as a parameter of its server's function.
public struct ServerVariableModel: Sendable {
    /// The name as written in the URL's braces.
    public var name: String
    /// The parameter's label, unescaped.
    public var swiftName: String
    public var documentation: String?
    /// The closed enum nested in `Servers` for a variable with an `enum`: `ProductionPort`.
    public var enumTypeName: String?
    /// The enum's cases: the `enum` values that make a valid URL.
    public var cases: [Enumeration.Case]
    /// The `default`, when there is one usable as the parameter's default (for an enum variable,
    /// one of its values).
    public var defaultValue: String?
}

/// One OpenAPI Operation as the client method and server route it becomes.
public struct APIOperation: Sendable {
    /// The Swift method name, from `operationId` or else from method and path.
    public var name: String
    /// Capitalized `name`, for types derived from the operation.
    public var typeName: String
    /// The server's enum of documented responses: `UpdateBuildResponse`, or `…Output` when a
    /// model already has that name.
    public var responseTypeName: String
    public var operationID: String?
    /// Uppercase HTTP method, e.g. `PATCH`.
    public var method: String
    /// The path template as written, e.g. `/api/v1/org/{org}/builds/{build_id}`.
    public var path: String
    public var pathComponents: [PathComponent]
    public var parameters: [OperationParameter]
    public var requestBody: RequestBodyModel?
    public var responses: [ResponseModel]
    /// Whether requests must carry `Authorization: Bearer <token>` (from the security requirements).
    public var requiresBearerToken: Bool
    /// A security requirement of the operation is empty (`security: [{}, {bearer: []}]`): anonymous
    /// requests are allowed too, so the server checks a bearer token only when one is sent
    /// (OpenAPI 3.1 §4.8.30).
    public var allowsAnonymous = false
    public var summary: String?
    public var documentation: String?
    /// Deprecated in the spec, or using a deprecated type in its signature.
    public var deprecated: Bool
    public var deprecationMessage: String? = nil
    /// The client's `<Operation>Output` (body and headers) when the success response declares
    /// headers; `nil` when the client method returns the body alone.
    public var outputTypeName: String? = nil

    /// The first documented 2xx response: what the client method returns.
    public var successResponse: ResponseModel? {
        responses.first { ($0.statusCode.map { (200...299).contains($0) }) ?? false }
    }
}

/// A piece of a path template.
public enum PathComponent: Sendable, Hashable {
    /// Literal text between parameters, such as `/api/v1/org/`.
    case literal(String)
    /// A path parameter, by its JSON name as in the template.
    case parameter(String)
}

public struct OperationParameter: Sendable {
    public enum Location: String, Sendable {
        case path, query, header, cookie
    }

    public var jsonName: String
    public var swiftName: String
    public var location: Location
    public var type: TypeReference
    public var required: Bool
    public var documentation: String?
    /// Deprecated in the spec, or of a deprecated type.
    public var deprecated = false
    public var deprecationMessage: String? = nil
    /// How the value is laid out on the wire (§4.8.12.4), after the location's defaults.
    public var style: Style = .form
    /// `explode` as written, else `true` for `form` (§4.8.12.4) and `deepObject` (only defined so).
    public var explode = true
    /// RFC 3986 reserved characters stay unencoded in a query value (§4.8.12.1).
    public var allowReserved = false
    public var coding: Coding = .primitive
    /// The ECMA-262 `pattern` the value's text (each element's, for arrays) must match; the
    /// server checks it.
    public var pattern: String? = nil
    /// The schema's `default` for an optional parameter: what the server uses when the request
    /// leaves the parameter out (OpenAPI 3.1 §4.8.24.1, JSON Schema Validation §9.2), so the
    /// server's handler gets a value rather than `nil`. The client still sends nothing for `nil`.
    public var defaultValue: DefaultValue? = nil
    /// Where warnings about the parameter's wire format point: its `style`, else the parameter.
    var warningLocation: SourceLocation? = nil

    /// The `style` values of OpenAPI 3.1 §4.8.12.4.
    public enum Style: String, Sendable {
        case form, simple, label, matrix, spaceDelimited, pipeDelimited, deepObject
    }

    /// Which of the style table's shapes the Swift type takes (§4.8.12.4), or JSON text for a
    /// `content: application/json` parameter (§4.8.12.5).
    public enum Coding: String, Sendable {
        case primitive, array, object, json
    }
}

public struct RequestBodyModel: Sendable {
    /// The body's type: the one every content type carries, or `.named(choiceTypeName)`.
    public var type: TypeReference
    public var required: Bool
    /// The first documented content type, the one sent when every content type carries `type`.
    public var contentType: String
    public var documentation: String?
    /// The documented content types gen reads and writes, in the spec's order, JSON first.
    public var contents: [BodyContent] = []
    /// The enum with one case per content type, when their types differ (`UploadRequestBody`).
    public var choiceTypeName: String? = nil
    /// Set when a case of the body enum has a deprecated type: the enum is deprecated too.
    public var choiceDeprecationMessage: String? = nil
}

/// How a body's Swift value becomes bytes and back (OpenAPI 3.1 §4.8.14).
public enum BodyCoding: String, Sendable {
    /// `application/json` and `+json` types: the model as JSON.
    case json
    /// `text/*`: a `String`.
    case text
    /// Any other type, `format: binary` and `contentMediaType` schemas, no schema: raw `Data`.
    case binary
    /// `application/x-www-form-urlencoded`: an object's properties as `name=value` pairs.
    case form
    /// `multipart/form-data` (RFC 7578): an object's properties as parts.
    case multipart
}

/// One documented content type of a request or response body.
public struct BodyContent: Sendable {
    /// The media type or range as written, e.g. `text/plain; charset=utf-8` or `image/*`.
    public var contentType: String
    public var coding: BodyCoding
    public var type: TypeReference
    /// Multipart only: the `Content-Type` of parts by property name, from `encoding` (§4.8.15) or
    /// the property's `contentMediaType`, sorted by name.
    public var partContentTypes: [(name: String, contentType: String)] = []
    /// The case of the body enum for this content type (`json`, `plainText`, `imagePng`).
    public var caseName: String

    /// The content type's type and subtype, lowercase, without parameters (`text/plain`).
    public var essence: String { MediaType.essence(of: contentType) }
}

public struct ResponseModel: Sendable {
    /// The key as written: `200`, `4XX` or `default`.
    public var status: String
    public var statusCode: Int? { Int(status) }
    public var description: String
    /// The body's type, `nil` when the response has no body gen reads: the one every content
    /// type carries, or `.named(choiceTypeName)`.
    public var bodyType: TypeReference?
    /// The documented content types gen reads and writes, in the spec's order, JSON first.
    public var contents: [BodyContent] = []
    /// The enum with one case per content type, when their types differ (`GetReport200ResponseBody`).
    public var choiceTypeName: String? = nil
    /// Set when a case of the body enum has a deprecated type: the enum is deprecated too.
    public var choiceDeprecationMessage: String? = nil
    /// The body's type is deprecated.
    public var deprecated = false
    public var deprecationMessage: String? = nil
    /// §4.8.17.1 `headers`, without `Content-Type`.
    public var headers: [ResponseHeader] = []
    /// The struct holding `headers` (`ListPets200Headers`, or a shared `RatelimitHeaders`),
    /// declared beside the client and used by the server too; `nil` when the response declares none.
    public var headersTypeName: String? = nil
    /// Whether the headers struct is declared with this response: the first of the responses
    /// sharing it (identical headers share one struct).
    public var declaresHeadersType = false
    /// On the declaring response: how many responses use the struct (1 when not shared).
    public var headersTypeUseCount = 0
}

/// One header of a response (§4.8.21), read and written like a `simple`-style header parameter.
public struct ResponseHeader: Sendable {
    /// The field name as the spec writes it, e.g. `X-Rate-Limit`.
    public var fieldName: String
    /// The property of the headers struct, unescaped.
    public var swiftName: String
    /// Scalars, enums, dates and arrays of them; other schemas are kept as text (with a warning).
    public var type: TypeReference
    public var required: Bool
    public var documentation: String?
    /// Where the header is declared, for warnings about its type.
    public var location: SourceLocation?
}
