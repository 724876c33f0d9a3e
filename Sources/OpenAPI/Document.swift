import Diagnostics

/// The root of an OpenAPI description, OpenAPI 3.1 §4.8.1 (3.0 §4.7.1).
///
/// Everything the generator needs is here, typed; `$ref`s to anything but a named schema are
/// already resolved, so later stages never follow pointers.
public struct Document {
    /// The `openapi` field as written, e.g. `3.1.0`.
    public var version: String
    public var info: Info
    public var servers: [Server]
    /// Path templates in document order, e.g. `/api/v1/org/{org}/builds/{build_id}`.
    public var paths: [PathItem]
    public var components: Components
    /// Top-level security requirements; an operation's own list replaces them.
    public var security: [SecurityRequirement]
    /// Where `openapi:` was written, for diagnostics about the whole document.
    public var location: SourceLocation
}

/// §4.8.2: title and version of the API.
public struct Info {
    public var title: String
    public var version: String
    public var description: String?
}

/// §4.8.5: a base URL the API is served from, possibly relative to the document's own URL.
public struct Server {
    /// The URL as written, `{name}` marking where a variable goes (`https://{tenant}.example.com/v1`).
    public var url: String
    public var description: String?
    /// `x-name`: what the generated code calls the server, instead of a name from `description`.
    public var name: String?
    /// §4.8.6, in document order.
    public var variables: [ServerVariable]
    /// Where the `url` value is, for diagnostics about it.
    public var urlLocation: SourceLocation
    public var location: SourceLocation
}

/// §4.8.6: a value substituted into a server's URL template.
public struct ServerVariable {
    public var name: String
    /// The values it may take; `nil` when any string goes.
    public var enumValues: [(value: String, location: SourceLocation)]?
    /// Required by the spec; `nil` when the document leaves it out.
    public var defaultValue: String?
    public var description: String?
    /// Where the variable's name is written.
    public var location: SourceLocation
    public var defaultLocation: SourceLocation?
    public var enumLocation: SourceLocation?
}

/// §4.8.7: the Schema Objects and Security Schemes the document names. Other reusable
/// components (parameters, responses, …) are resolved where they are referenced.
public struct Components {
    /// Named schemas in document order.
    public var schemas: [NamedSchema]
    public var securitySchemes: [NamedSecurityScheme]
}

public struct NamedSchema {
    public var name: String
    public var schema: Schema
}

public struct NamedSecurityScheme {
    public var name: String
    public var scheme: SecurityScheme
}

/// §4.8.27: how a request is authenticated.
public struct SecurityScheme {
    public enum Kind: String {
        case apiKey, http, mutualTLS, oauth2, openIdConnect
    }

    public var kind: Kind
    /// For `http`: the RFC 7235 scheme, lowercased (`bearer`, `basic`).
    public var scheme: String?
    public var bearerFormat: String?
    /// For `apiKey`: the header, query or cookie name and where it goes.
    public var parameterName: String?
    public var parameterLocation: Parameter.Location?
    public var description: String?
    public var location: SourceLocation
}

/// §4.8.30: scheme names (with scopes) that must all be satisfied; a list of these is alternatives.
public struct SecurityRequirement {
    public var schemes: [(name: String, scopes: [String])]
}
