/// The view `client.mustache` receives.
struct ClientView: Sendable {
    var header: String
    /// `public`, `package` or `internal`, as `ModelsView.access`.
    var access: String
    var moduleName: String
    /// The file's `import` lines, each with its access: `public import Foundation` (see
    /// `ViewBuilder.importLines`).
    var importLines: [String]
    /// `public import FoundationNetworking` (where `URLSession` lives on Linux), at the access level.
    var networkingImportLine: String
    /// The spec's first server as a Swift string literal, when it is an absolute URL.
    var defaultServerURL: String?
    /// The type documented for error bodies (`APIErrorPayload`), or `JSONValue` when they differ.
    var errorPayloadType: String
    var operations: [OperationView]
    /// A file after `Client.swift` of a large spec (`Client2.swift`, …): only `extension Client`
    /// with its share of the operations (see `Renderer.operationsFileWeight`).
    var isContinuation: Bool = false
    /// The operations span several files, so members they share cannot be `private`.
    var isSplit = false
    /// The spec's servers, as the static functions of `Servers` (OpenAPI 3.1 §4.8.5).
    var servers: [ServerFunctionView] = []
    /// `servers` is not empty: `Servers` and `Client(server:)` are declared.
    var hasServers = false
    /// Some server variable takes any string: `Servers` declares the function encoding it.
    var hasFreeServerVariables = false
}

/// One server as a static function of `Servers` returning its URL.
struct ServerFunctionView: Sendable {
    /// The description, the URL template as a code span, and a `- Parameters:` list of the
    /// variables (with their defaults) and of `base` for a relative URL, then `- Returns:`.
    var documentation: [String]
    /// `public static func production(tenant: String = "demo") -> Servers {`, on one line or one
    /// parameter a line.
    var declarationLines: [String]
    /// The body: `Servers(joining: […])` with the URL's literal text and variables, one line or more.
    var bodyLines: [String]
    /// The closed enums of the server's variables that have an `enum`.
    var enums: [ServerEnumView]
}

/// The closed enum of one server variable's `enum` values (§4.8.6), nested in `Servers`.
struct ServerEnumView: Sendable {
    /// `ProductionPort`.
    var name: String
    var documentation: [String]
    var cases: [ServerEnumCaseView]
}

struct ServerEnumCaseView: Sendable {
    var name: String
    /// The value as a Swift string literal.
    var literal: String
}

/// An enum with one case per content type of a body (`UploadRequestBody`).
struct BodyChoiceView: Sendable {
    var name: String
    var documentation: [String]
    /// `@available(*, deprecated…)` when a case's type is deprecated.
    var availability: [String]?
    var cases: [BodyChoiceCaseView]
}

struct BodyChoiceCaseView: Sendable {
    var name: String
    var type: String
    /// `/// `text/plain``: the content type the case is sent as.
    var documentation: [String]
    /// `MediaCoder<String>.text("text/plain")`: the case's content type, before wrapping.
    var coderExpression: String
}

/// The view `server.mustache` receives.
struct ServerView: Sendable {
    var header: String
    /// `public`, `package` or `internal`, as `ModelsView.access`.
    var access: String
    var moduleName: String
    /// The modules the file imports, sorted as swift-format's `OrderedImports` wants: `Foundation`
    /// and, when the server is a module of its own, the models' module.
    var imports: [String]
    /// The file's `import` lines, each with its access: `public import Foundation` (see
    /// `ViewBuilder.importLines`).
    var importLines: [String]
    /// Whether every error response documents one body type; otherwise a default
    /// `errorPayload(for:)` building a `JSONValue` is generated.
    var hasDocumentedErrorPayload: Bool
    /// Some route handler is deprecated and is called through `DeprecatedOperationRoutes`.
    var hasDeprecatedRoutes: Bool
    var operations: [OperationView]
    /// A file after `Server.swift` of a large spec (`Server2.swift`, …): only its share of the
    /// response enums and route handlers.
    var isContinuation: Bool = false
    /// The routes span several files, so handlers cannot be `private` to the registering file.
    var isSplit: Bool = false
    /// The operations whose response enums and handlers this file declares: all of them unless split.
    var chunkOperations: [OperationView] = []
    /// Some operation is secured with a bearer scheme: `BearerAuthenticator` is declared and
    /// `routes(authenticator:maxBodySize:)` takes one.
    var usesBearerAuthentication: Bool
    /// `operations` is not empty.
    var hasOperations = false
    /// `operations` has more than one element: the routes' array literal ends with a comma.
    var hasSeveralOperations = false
}

/// The view `hummingbird.mustache` and `vapor.mustache` receive: the glue mounting the server's
/// framework-neutral routes on a framework's router.
struct AdapterView: Sendable {
    /// The do-not-edit first line, for the `header` partial.
    var header: String
    /// `public`, `package` or `internal`, as `ModelsView.access`.
    var access: String
    /// The modules the file imports, sorted as swift-format's `OrderedImports` wants: `BuildsAPIServer`
    /// (when the adapter is a module of its own), `Foundation`, `Hummingbird` or `Vapor`.
    var imports: [String]
    /// The file's `import` lines, each with its access: `public import Foundation` (see
    /// `ViewBuilder.importLines`).
    var importLines: [String]
    /// The module holding `APIService`, which qualifies its types (Vapor has a `BearerAuthenticator`
    /// too): `BuildsAPIServer`, or the one module of the flat layout.
    var serverModuleName: String
    /// `registerRoutes` takes a `BearerAuthenticator` (some operation is secured with a bearer scheme).
    var usesBearerAuthentication: Bool
}

/// The view `async-http-client.mustache` receives: the transport over AsyncHTTPClient.
struct TransportView: Sendable {
    /// The do-not-edit first line, for the `header` partial.
    var header: String
    /// `public`, `package` or `internal`, as `ModelsView.access`.
    var access: String
    /// The module holding `Client`: `BuildsAPI`.
    var moduleName: String
    /// The modules the file imports, sorted as swift-format's `OrderedImports` wants: `AsyncHTTPClient`,
    /// `BuildsAPI` (when the transport is a module of its own), `Foundation`.
    var imports: [String]
    /// The file's `import` lines, each with its access: `public import Foundation` (see
    /// `ViewBuilder.importLines`).
    var importLines: [String]
}

/// The view `support.mustache` receives: the helpers every generated module carries.
struct SupportView: Sendable {
    var header: String
    /// `public`, `package` or `internal`, as `ModelsView.access`.
    var access: String
    var moduleName: String
    /// The file's `import` lines, each with its access: `public import Foundation` (see
    /// `ViewBuilder.importLines`).
    var importLines: [String]
    /// The type documented for error bodies (`APIErrorPayload`), or `JSONValue` when they differ.
    var errorPayloadType: String
    /// Some body is a URL-encoded or multipart form: the form coders are emitted only then (they
    /// are most of the body helpers, and output volume is compile time).
    var hasFormBodies: Bool
}

struct OperationView: Sendable {
    /// The method name: `updateBuild`.
    var name: String
    /// `UpdateBuild`, for derived names such as `handleUpdateBuild`.
    var typeName: String
    /// The server's response enum: `UpdateBuildResponse`.
    var responseTypeName: String
    var documentation: [String]
    /// `@available(*, deprecated…)` on the client method and the service requirement when the
    /// operation is deprecated (or its signature uses a deprecated type).
    var availability: [String]?
    /// The server's handler is deprecated (the operation is, or a response case is): the routes
    /// call it through the `DeprecatedOperationRoutes` protocol, which does not warn.
    var isDeprecatedRoute: Bool
    /// The client's methods for the operation: one, or two when optional parameters are
    /// deprecated (one without them, and a deprecated one taking them).
    var clientMethods: [ClientMethodView]
    /// The client method's `/// - Returns:` callout, from the success response's description;
    /// empty when the method returns nothing or the description is empty.
    var returnsDocumentation: [String]
    /// The service requirement's `/// - Parameters:` list (as `ClientMethodView.parameterDocumentation`,
    /// with the defaults the handler receives) and `/// - Returns:` callout; empty when there is neither.
    var requirementDocumentation: [String]
    /// `"updateBuild"` as a literal, for errors.
    var operationIDLiteral: String
    var method: String
    /// The path template as a literal: `"/api/v1/org/{org}/builds/{build_id}"`.
    var pathLiteral: String
    /// The request path as one Swift string literal, each parameter in its style and
    /// percent-encoded once: `"/org/\(try ParameterEncoding.path("org", org, as: .primitive, style: .simple, explode: false))"`.
    var pathExpression: String
    /// The elements of an array literal of the path's pieces, for when `let path = pathExpression`
    /// is longer than the line length: complete lines, commas included, of literals (long ones
    /// split) and `ParameterEncoding.path(…)` calls (broken over three lines when long).
    var pathLines: [String]
    /// Join the array of `pathLines` instead of writing `pathExpression`.
    var wrapsPath: Bool
    /// `org: String, buildID: UUID, body: BuildUpdateRequest`, optional ones defaulting to `nil`.
    var parameterList: String
    /// The same without defaults, for the server protocol (protocol requirements cannot have them).
    var requirementParameterList: String
    /// `org: org, buildID: buildID, body: body`
    var argumentList: String
    var parameters: [ParameterView]
    var pathParameters: [ParameterView]
    var queryParameters: [ParameterView]
    var hasQueryParameters: Bool
    var headerParameters: [ParameterView]
    var cookieParameters: [ParameterView]
    /// Some parameter is read on the server: the route builds its `RequestParameters`.
    var hasParameters: Bool
    var hasBody: Bool
    var bodyType: String
    var bodyIsOptional: Bool
    var bodyContentTypeLiteral: String
    /// The request body's content types as `[MediaCoder<Body>]`: `[.json("application/json")]`,
    /// or the body enum's `contents`.
    var bodyCoders: String
    /// `try request.setBody(body, as: bodyCoders)` is longer than the line length: break it.
    var wrapsBodyCoders: Bool
    /// The `Accept` header: every content type the responses document, JSON first.
    var acceptLiteral: String
    /// As `bodyCoders`, for the success response.
    var successCoders: String
    /// Decoding the success body with `successCoders` is longer than the line length: break it.
    var wrapsSuccessCoders: Bool
    /// What the client method returns: the 2xx body type, or `Void`.
    var successType: String
    /// `successType` is `Void`: the client method's signature leaves out `-> Void`.
    var returnsVoid: Bool
    var hasSuccessBody: Bool
    var successStatus: String
    var requiresBearerToken: Bool
    var responses: [ResponseView]
    /// The server protocol's requirement, `func name(…) async throws -> NameResponse`: one line,
    /// or one parameter a line when longer than the line length.
    var requirementLines: [String]
    /// `ServerRoute(operationID: …, method: …, path: …) { request in`, one line or three.
    var routeLines: [String]
    /// The route's call of its handler, one line or three.
    var handleLines: [String]
    /// `DeprecatedOperationRouter`'s call of the deprecated handler (`service.handle…`), likewise.
    var forwardLines: [String]
    /// The route handler's parameters, one a line with their commas: the request, then the
    /// authenticator and the body limit where the operation uses them.
    var handlerParameters: [String]
    /// `try await ServerCoding.authenticate(…)` for an operation secured with a bearer scheme
    /// (`allowsAnonymous: true` when a security requirement is empty), one line or more.
    var authenticateLines: [String]
    /// `switch try await self.name(arguments) {`: the server calling the service, one line or more.
    var switchLines: [String]
    /// The client's call sending the request (`let response = try await self.send(request, …)`,
    /// or `_ =` when the operation returns nothing), one line or more.
    var sendLines: [String]
    /// `let parameters = ServerCoding.RequestParameters(request, pathTemplate: …)`, one line or three.
    var requestParametersLines: [String]
    /// The server's statement reading the body (`let body = try await ServerCoding.body(…)`), one
    /// line or three; empty without a body.
    var bodyReadLines: [String]
    /// The client's `<Operation>Output` when the success response declares headers.
    var output: OutputView?
}

/// The client's result for an operation whose success response declares headers.
struct OutputView: Sendable {
    /// `ListPetsOutput`.
    var typeName: String
    var hasBody: Bool
    var bodyType: String
    /// The success response's headers struct: `ListPets200Headers`.
    var headersType: String
}

/// The struct holding one response's headers (§4.8.17.1), declared with the models: the client
/// reads it, the server writes it.
struct ResponseHeadersView: Sendable {
    /// `ListPets200Headers`.
    var typeName: String
    var documentation: [String]
    var fields: [HeaderFieldView]
    /// The memberwise initializer's parameters, optional ones defaulting to `nil`.
    var initializerParameters: String
    /// The same parameters one per line, commas included.
    var initializerParameterLines: [String]
    /// The initializer's signature on one line is longer than the line length: one parameter per line.
    var wrapsInitializer: Bool
}

/// One header of a response as a property of its headers struct.
struct HeaderFieldView: Sendable {
    /// The property, escaped where needed.
    var name: String
    /// The field name as the spec writes it, as a literal.
    var nameLiteral: String
    /// Optional when the header is not required.
    var declaredType: String
    var valueType: String
    var isRequired: Bool
    var documentation: [String]
}

/// One client method of an operation: its signature and the parameters it sends.
struct ClientMethodView: Sendable {
    var availability: [String]?
    /// `/// - Parameters:` and a `///   - name: text` item for each of this method's parameters and the
    /// body (`/// - Parameter name: text` when there is one): the description (or where it is sent),
    /// then the default the server applies for `nil`. Empty when no parameter of the operation has a
    /// description or a default.
    var parameterDocumentation: [String]
    /// As `OperationView.parameterList`, for this method.
    var parameterList: String
    /// The same parameters one per line, commas included, for a signature too long for one line.
    var parameterLines: [String] = []
    /// The signature on one line would be longer than the line length: put each parameter on a
    /// line of its own (`parameterLines`).
    var wrapsParameters = false
    var queryParameters: [ParameterView]
    var hasQueryParameters: Bool
    var headerParameters: [ParameterView]
    var cookieParameters: [ParameterView]
    var hasCookieParameters: Bool
}

struct ParameterView: Sendable {
    var name: String
    /// The JSON/wire name as a literal.
    var nameLiteral: String
    /// The type in the method's signature, optional when not required.
    var declaredType: String
    var valueType: String
    var isRequired: Bool
    /// Arrays in a query are sent one `name=value` pair per element (form style, explode).
    var isArray: Bool
    /// The element type of an array parameter.
    var elementType: String
    /// The `ParameterCoder` member for the type's shape: `primitive`, `array`, `object` or `json`.
    var coder: String
    /// Where it is sent, as a member of the server's `RequestParameters.Location`: `query`.
    var location: String
    /// The `ParameterStyle` member: `form`, `deepObject`, …
    var style: String
    /// `true` or `false`.
    var explode: String
    var allowReserved: Bool
    /// The schema's `pattern` as a Swift string literal, when it has one.
    var patternLiteral: String?
    var documentation: [String]
    /// The client's statement sending it: one line, or three when that line would be longer than
    /// the line length (broken after the call's opening parenthesis, the arguments indented by
    /// four spaces). Empty for path parameters, which are part of `pathExpression`.
    var encodingLines: [String] = []
    /// The spec's `default` as a Swift literal (`20`, `.ready`) for an optional parameter that has
    /// one: the server's handler receives it when the request leaves the parameter out.
    var defaultLiteral: String? = nil
    /// The server's statement reading it from the request (`let org: String = try parameters…`,
    /// passing `default:` when it has one), one line or more as `encodingLines`.
    var readLines: [String] = []
}

struct ResponseView: Sendable {
    /// `ok`, `notFound`, `status418`, `clientError`, `default`: the server response enum's case.
    var caseName: String
    var status: String
    /// The numeric status for fixed codes; ranges and `default` carry it in the case.
    var statusCode: String
    var isFixedStatus: Bool
    var hasBody: Bool
    var bodyType: String
    /// As `OperationView.bodyCoders`, for this response's body.
    var bodyCoders: String
    var documentation: [String]
    /// `@available(*, deprecated…)` on the response enum's case when the body type is deprecated.
    var availability: [String]?
    /// The response declares headers: its case carries them (`headers:`) and the route writes them.
    var hasHeaders: Bool
    /// Headers but no body: a fixed-status case carries only `(headers:)`.
    var headersOnly: Bool
    /// The headers struct as the server spells it: `PetsAPI.ListPets200Headers`.
    var headersType: String
    /// The server's `return try ServerCoding.response(…)` for this case, one line or three as
    /// `ParameterView.encodingLines`.
    var returnLines: [String] = []
}

// Lookups by name for the template engine; `ViewTests` checks they cover every stored property.

extension ClientView: TemplateValue {
    func value(forKey key: TemplateKey) -> TemplateData? {
        switch key {
        case .header: header.templateData
        case .access: access.templateData
        case .moduleName: moduleName.templateData
        case .importLines: importLines.templateData
        case .networkingImportLine: networkingImportLine.templateData
        case .defaultServerURL: defaultServerURL.templateData
        case .errorPayloadType: errorPayloadType.templateData
        case .operations: operations.templateData
        case .isContinuation: isContinuation.templateData
        case .isSplit: isSplit.templateData
        case .servers: servers.templateData
        case .hasServers: hasServers.templateData
        case .hasFreeServerVariables: hasFreeServerVariables.templateData
        default: nil
        }
    }
}

extension ServerFunctionView: TemplateValue {
    func value(forKey key: TemplateKey) -> TemplateData? {
        switch key {
        case .documentation: documentation.templateData
        case .declarationLines: declarationLines.templateData
        case .bodyLines: bodyLines.templateData
        case .enums: enums.templateData
        default: nil
        }
    }
}

extension ServerEnumView: TemplateValue {
    func value(forKey key: TemplateKey) -> TemplateData? {
        switch key {
        case .name: name.templateData
        case .documentation: documentation.templateData
        case .cases: cases.templateData
        default: nil
        }
    }
}

extension ServerEnumCaseView: TemplateValue {
    func value(forKey key: TemplateKey) -> TemplateData? {
        switch key {
        case .name: name.templateData
        case .literal: literal.templateData
        default: nil
        }
    }
}

extension BodyChoiceView: TemplateValue {
    func value(forKey key: TemplateKey) -> TemplateData? {
        switch key {
        case .name: name.templateData
        case .documentation: documentation.templateData
        case .availability: availability.templateData
        case .cases: cases.templateData
        default: nil
        }
    }
}

extension BodyChoiceCaseView: TemplateValue {
    func value(forKey key: TemplateKey) -> TemplateData? {
        switch key {
        case .name: name.templateData
        case .type: type.templateData
        case .documentation: documentation.templateData
        case .coderExpression: coderExpression.templateData
        default: nil
        }
    }
}

extension ServerView: TemplateValue {
    func value(forKey key: TemplateKey) -> TemplateData? {
        switch key {
        case .header: header.templateData
        case .access: access.templateData
        case .moduleName: moduleName.templateData
        case .imports: imports.templateData
        case .importLines: importLines.templateData
        case .hasDocumentedErrorPayload: hasDocumentedErrorPayload.templateData
        case .hasDeprecatedRoutes: hasDeprecatedRoutes.templateData
        case .operations: operations.templateData
        case .isContinuation: isContinuation.templateData
        case .isSplit: isSplit.templateData
        case .chunkOperations: chunkOperations.templateData
        case .usesBearerAuthentication: usesBearerAuthentication.templateData
        case .hasOperations: hasOperations.templateData
        case .hasSeveralOperations: hasSeveralOperations.templateData
        default: nil
        }
    }
}

extension AdapterView: TemplateValue {
    func value(forKey key: TemplateKey) -> TemplateData? {
        switch key {
        case .header: header.templateData
        case .serverModuleName: serverModuleName.templateData
        case .access: access.templateData
        case .imports: imports.templateData
        case .importLines: importLines.templateData
        case .usesBearerAuthentication: usesBearerAuthentication.templateData
        default: nil
        }
    }
}

extension TransportView: TemplateValue {
    func value(forKey key: TemplateKey) -> TemplateData? {
        switch key {
        case .header: header.templateData
        case .access: access.templateData
        case .moduleName: moduleName.templateData
        case .imports: imports.templateData
        case .importLines: importLines.templateData
        default: nil
        }
    }
}

extension SupportView: TemplateValue {
    func value(forKey key: TemplateKey) -> TemplateData? {
        switch key {
        case .header: header.templateData
        case .access: access.templateData
        case .moduleName: moduleName.templateData
        case .importLines: importLines.templateData
        case .errorPayloadType: errorPayloadType.templateData
        case .hasFormBodies: hasFormBodies.templateData
        default: nil
        }
    }
}

extension OperationView: TemplateValue {
    func value(forKey key: TemplateKey) -> TemplateData? {
        switch key {
        case .name: name.templateData
        case .typeName: typeName.templateData
        case .responseTypeName: responseTypeName.templateData
        case .documentation: documentation.templateData
        case .availability: availability.templateData
        case .isDeprecatedRoute: isDeprecatedRoute.templateData
        case .clientMethods: clientMethods.templateData
        case .returnsDocumentation: returnsDocumentation.templateData
        case .requirementDocumentation: requirementDocumentation.templateData
        case .operationIDLiteral: operationIDLiteral.templateData
        case .method: method.templateData
        case .pathLiteral: pathLiteral.templateData
        case .pathExpression: pathExpression.templateData
        case .pathLines: pathLines.templateData
        case .wrapsPath: wrapsPath.templateData
        case .parameterList: parameterList.templateData
        case .requirementParameterList: requirementParameterList.templateData
        case .argumentList: argumentList.templateData
        case .parameters: parameters.templateData
        case .pathParameters: pathParameters.templateData
        case .queryParameters: queryParameters.templateData
        case .hasQueryParameters: hasQueryParameters.templateData
        case .headerParameters: headerParameters.templateData
        case .cookieParameters: cookieParameters.templateData
        case .hasParameters: hasParameters.templateData
        case .hasBody: hasBody.templateData
        case .bodyType: bodyType.templateData
        case .bodyIsOptional: bodyIsOptional.templateData
        case .bodyContentTypeLiteral: bodyContentTypeLiteral.templateData
        case .bodyCoders: bodyCoders.templateData
        case .wrapsBodyCoders: wrapsBodyCoders.templateData
        case .acceptLiteral: acceptLiteral.templateData
        case .successCoders: successCoders.templateData
        case .wrapsSuccessCoders: wrapsSuccessCoders.templateData
        case .successType: successType.templateData
        case .returnsVoid: returnsVoid.templateData
        case .hasSuccessBody: hasSuccessBody.templateData
        case .successStatus: successStatus.templateData
        case .requiresBearerToken: requiresBearerToken.templateData
        case .responses: responses.templateData
        case .requirementLines: requirementLines.templateData
        case .routeLines: routeLines.templateData
        case .handleLines: handleLines.templateData
        case .forwardLines: forwardLines.templateData
        case .handlerParameters: handlerParameters.templateData
        case .bodyReadLines: bodyReadLines.templateData
        case .switchLines: switchLines.templateData
        case .sendLines: sendLines.templateData
        case .authenticateLines: authenticateLines.templateData
        case .requestParametersLines: requestParametersLines.templateData
        case .output: output.templateData
        default: nil
        }
    }
}

extension OutputView: TemplateValue {
    func value(forKey key: TemplateKey) -> TemplateData? {
        switch key {
        case .typeName: typeName.templateData
        case .hasBody: hasBody.templateData
        case .bodyType: bodyType.templateData
        case .headersType: headersType.templateData
        default: nil
        }
    }
}

extension ResponseHeadersView: TemplateValue {
    func value(forKey key: TemplateKey) -> TemplateData? {
        switch key {
        case .typeName: typeName.templateData
        case .documentation: documentation.templateData
        case .fields: fields.templateData
        case .initializerParameters: initializerParameters.templateData
        case .initializerParameterLines: initializerParameterLines.templateData
        case .wrapsInitializer: wrapsInitializer.templateData
        default: nil
        }
    }
}

extension HeaderFieldView: TemplateValue {
    func value(forKey key: TemplateKey) -> TemplateData? {
        switch key {
        case .name: name.templateData
        case .nameLiteral: nameLiteral.templateData
        case .declaredType: declaredType.templateData
        case .valueType: valueType.templateData
        case .isRequired: isRequired.templateData
        case .documentation: documentation.templateData
        default: nil
        }
    }
}

extension ClientMethodView: TemplateValue {
    func value(forKey key: TemplateKey) -> TemplateData? {
        switch key {
        case .availability: availability.templateData
        case .parameterDocumentation: parameterDocumentation.templateData
        case .parameterList: parameterList.templateData
        case .parameterLines: parameterLines.templateData
        case .wrapsParameters: wrapsParameters.templateData
        case .queryParameters: queryParameters.templateData
        case .hasQueryParameters: hasQueryParameters.templateData
        case .headerParameters: headerParameters.templateData
        case .cookieParameters: cookieParameters.templateData
        case .hasCookieParameters: hasCookieParameters.templateData
        default: nil
        }
    }
}

extension ParameterView: TemplateValue {
    func value(forKey key: TemplateKey) -> TemplateData? {
        switch key {
        case .name: name.templateData
        case .nameLiteral: nameLiteral.templateData
        case .declaredType: declaredType.templateData
        case .valueType: valueType.templateData
        case .isRequired: isRequired.templateData
        case .isArray: isArray.templateData
        case .elementType: elementType.templateData
        case .coder: coder.templateData
        case .location: location.templateData
        case .style: style.templateData
        case .explode: explode.templateData
        case .allowReserved: allowReserved.templateData
        case .patternLiteral: patternLiteral.templateData
        case .documentation: documentation.templateData
        case .encodingLines: encodingLines.templateData
        case .readLines: readLines.templateData
        case .defaultLiteral: defaultLiteral.templateData
        default: nil
        }
    }
}

extension ResponseView: TemplateValue {
    func value(forKey key: TemplateKey) -> TemplateData? {
        switch key {
        case .caseName: caseName.templateData
        case .status: status.templateData
        case .statusCode: statusCode.templateData
        case .isFixedStatus: isFixedStatus.templateData
        case .hasBody: hasBody.templateData
        case .bodyType: bodyType.templateData
        case .bodyCoders: bodyCoders.templateData
        case .documentation: documentation.templateData
        case .availability: availability.templateData
        case .hasHeaders: hasHeaders.templateData
        case .headersOnly: headersOnly.templateData
        case .headersType: headersType.templateData
        case .returnLines: returnLines.templateData
        default: nil
        }
    }
}
