import Diagnostics
import OpenAPI

/// Builds the IR for a document: decides every Swift type, name and coding rule the templates
/// will spell out. Stage entry point: `(Document, diagnostics) -> SwiftModule`.
public struct ModuleBuilder {
    /// Names the generated support code and Foundation declare: a schema with one of these names
    /// gets a `Schema` suffix so it cannot shadow them inside the module.
    public static let reservedTypeNames: Set<String> = [
        "Client", "ClientError", "ClientTransport", "ClientRequest", "ClientResponse", "ErrorPayload", "WireFormat", "PercentEncoding", "ParameterValue", "DynamicCodingKey", "URLSessionTransport",
        "JSONValue", "OptionalNullable", "APIService", "BearerAuthenticator", "RFC3339", "UnionCoding",
        "String", "Int", "Int32", "Int64", "Double", "Float", "Bool", "Date", "UUID", "Data", "URL", "Decimal",
        "Error", "Codable", "Encodable", "Decodable", "Hashable", "Equatable", "Sendable", "Optional", "Array",
        "Dictionary", "Set", "Never", "Void", "Any", "Foundation", "CodingKey", "Decoder", "Encoder", "Character",
    ]

    /// Names the server template declares next to the response enums.
    static let serverTypeNames: Set<String> = [
        "APIService", "ServerProblem", "ValidationIssue", "BearerAuthenticator", "StaticBearerToken", "ServerCoding",
        "DeprecatedOperationRoutes", "DeprecatedOperationRouter",
    ]

    let document: Document
    let diagnostics: DiagnosticSink
    let builder: TypeBuilder

    public init(document: Document, diagnostics: DiagnosticSink) {
        self.document = document
        self.diagnostics = diagnostics
        self.builder = TypeBuilder(document: document, diagnostics: diagnostics)
    }

    /// - Parameters:
    ///   - specPath: the spec as named on the command line, quoted in generated headers.
    ///   - moduleName: the Swift module of the output; by default from `info.title` (`Builds API` → `BuildsAPI`).
    public func build(specPath: String, moduleName: String? = nil) -> SwiftModule {
        builder.nameComponentSchemas()
        var types = builder.buildComponentTypes()
        var operations = buildOperations()
        types += builder.operationTypes
        let kinds = Self.kinds(in: types)
        operations = operations.map { chooseParameterCoding($0, kinds: kinds) }
        RecursionBreaker.breakCycles(in: &types)
        Deprecation.propagate(types: &types, operations: &operations)
        UnionStrictness.mark(&types)
        // Server response enums live beside the models' names in users' code: keep them apart.
        var serverScope = NameScope(reserved: Set(types.map(\.name)).union(Self.serverTypeNames))
        for index in operations.indices {
            let preferred = operations[index].typeName + "Response"
            operations[index].responseTypeName = serverScope.contains(preferred)
                ? serverScope.claim(operations[index].typeName + "Output") : serverScope.claim(preferred)
        }

        let errorBodies = operations.flatMap(\.responses)
            .filter { !(($0.statusCode.map { (200...299).contains($0) }) ?? $0.status.hasPrefix("2")) }
            .compactMap(\.bodyType)
        var distinctErrors: [TypeReference] = []
        for body in errorBodies where !distinctErrors.contains(body) { distinctErrors.append(body) }
        // `ClientError` carries the payload in every operation: a deprecated type there would warn in
        // the generated client itself, so such a payload is kept as JSON.
        if distinctErrors.count == 1, Deprecation.mentionsDeprecated(distinctErrors[0], in: types) { distinctErrors.append(.jsonValue) }

        // The server writes the models' types as `Module.Name`: a top-level name equal to the module's
        // would be looked up inside that type instead (a spec titled `Pet` with a schema `Pet`).
        let isTaken = { (name: String) in
            serverScope.contains(name) || Self.reservedTypeNames.contains(name) || Self.importedModuleNames.contains(name)
        }
        if let moduleName, isTaken(moduleName) {
            diagnostics.warning("module name '\(moduleName)' is also the name of a generated type or an imported module; the server will not compile", at: nil)
        }
        return SwiftModule(
            name: moduleName ?? Self.moduleName(forTitle: document.info.title, isTaken: isTaken),
            specPath: specPath,
            title: document.info.title,
            version: document.info.version,
            documentation: document.info.description,
            defaultServerURL: document.servers.first?.url,
            types: types,
            operations: operations,
            errorPayload: distinctErrors.count == 1 ? distinctErrors[0] : nil
        )
    }

    /// Modules the generated files import; the output's own module must not take their names.
    static let importedModuleNames: Set<String> = ["Swift", "Foundation", "FoundationNetworking", "Hummingbird"]

    /// `info.title` as a module name (`Builds API` → `BuildsAPI`), with `API` appended while the
    /// name is taken by a generated type or an imported module (`Pet` → `PetAPI`).
    static func moduleName(forTitle title: String, isTaken: (String) -> Bool) -> String {
        var name = Naming.typeName(title)
        while isTaken(name) { name += "API" }
        return name
    }

    /// Schemes whose credential is an `Authorization: Bearer` token: HTTP bearer, and OAuth 2 and
    /// OpenID Connect, whose access tokens travel the same way (RFC 6750 §2.1).
    static func sendsBearerToken(_ scheme: SecurityScheme) -> Bool {
        switch scheme.kind {
        case .http: scheme.scheme == "bearer"
        case .oauth2, .openIdConnect: true
        case .apiKey, .mutualTLS: false
        }
    }

    /// Credentials the client cannot send yet must not vanish silently: each such scheme that an
    /// operation (or the document) requires is a warning at its definition.
    private func warnAboutUnsupportedSecuritySchemes() {
        let required = Set(([document.security] + document.paths.flatMap { $0.operations.compactMap(\.security) })
            .flatMap { $0.flatMap { $0.schemes.map(\.name) } })
        for named in document.components.securitySchemes where required.contains(named.name) && !Self.sendsBearerToken(named.scheme) {
            let kind = named.scheme.kind == .http ? "http \(named.scheme.scheme ?? "")" : named.scheme.kind.rawValue
            diagnostics.warning(
                "security scheme '\(named.name)' (\(kind)) is not generated yet; requests are sent without its credentials (only bearer tokens, including OAuth 2 and OpenID Connect access tokens, are)",
                at: named.scheme.location
            )
        }
    }

    private func buildOperations() -> [APIOperation] {
        var scope = NameScope()
        var operations: [APIOperation] = []
        let bearerSchemes = Set(document.components.securitySchemes.filter { Self.sendsBearerToken($0.scheme) }.map(\.name))
        warnAboutUnsupportedSecuritySchemes()
        for pathItem in document.paths {
            for operation in pathItem.operations {
                let baseName = operation.operationID.map(Naming.memberName)
                    ?? Naming.memberName(operation.method.rawValue + " " + operation.path)
                let name = scope.claim(baseName)
                let typeName = Naming.typeName(name)
                // Locals of the generated client method and server route: a parameter must not shadow them.
                var parameterScope = NameScope(reserved: ["body", "path", "query", "cookies", "parameters", "request", "response", "token", "context", "authenticator", "maxBodySize"])
                let parameters = Self.signatureOrder(operation.parameters, path: operation.path).map { parameter in
                    var model = OperationParameter(
                        jsonName: parameter.name,
                        swiftName: parameterScope.claim(Naming.memberName(parameter.name)),
                        location: OperationParameter.Location(rawValue: parameter.location.rawValue)!,
                        type: parameter.schema.map {
                            builder.reference(for: $0, suggestedName: typeName + Naming.typeName(parameter.name), owner: .topLevel, isRequest: true).type
                        } ?? .string,
                        required: parameter.required,
                        documentation: parameter.description,
                        deprecated: parameter.deprecated,
                        deprecationMessage: parameter.deprecated ? Deprecation.message(from: parameter.description) : nil
                    )
                    wireFormat(of: parameter, into: &model)
                    return model
                }
                let requirements = operation.security ?? document.security
                operations.append(APIOperation(
                    name: name,
                    typeName: typeName,
                    responseTypeName: typeName + "Response",
                    operationID: operation.operationID,
                    method: operation.method.rawValue.uppercased(),
                    path: operation.path,
                    pathComponents: Self.pathComponents(operation.path),
                    parameters: parameters,
                    requestBody: operation.requestBody.flatMap { requestBody(for: $0, typeName: typeName) },
                    responses: operation.responses.map { response(for: $0, typeName: typeName) },
                    requiresBearerToken: requirements.contains { $0.schemes.contains { bearerSchemes.contains($0.name) } },
                    summary: operation.summary,
                    documentation: operation.description,
                    deprecated: operation.deprecated,
                    deprecationMessage: operation.deprecated ? Deprecation.message(from: operation.description ?? operation.summary) : nil
                ))
            }
        }
        return operations
    }

    private func requestBody(for body: RequestBody, typeName: String) -> RequestBodyModel? {
        guard let media = body.content.first(where: \.isJSON) else {
            if let first = body.content.first {
                diagnostics.warning("request body content type '\(first.contentType)' is not generated yet; only JSON bodies are, so this body is skipped", at: first.location)
            }
            return nil
        }
        for other in body.content where !other.isJSON {
            diagnostics.warning("request body content type '\(other.contentType)' is not generated yet; the operation sends '\(media.contentType)' only", at: other.location)
        }
        let type = media.schema.map {
            builder.reference(for: $0, suggestedName: typeName + "Request", owner: .topLevel, isRequest: true).type
        } ?? .jsonValue
        return RequestBodyModel(type: type, required: body.required, contentType: media.contentType, documentation: body.description)
    }

    private func response(for response: Response, typeName: String) -> ResponseModel {
        let media = response.content.first(where: \.isJSON)
        if media == nil, let first = response.content.first {
            diagnostics.warning("response content type '\(first.contentType)' is not generated yet; the body of response '\(response.status)' is passed through undecoded", at: first.location)
        }
        let bodyType = media.map { media in
            media.schema.map {
                builder.reference(for: $0, suggestedName: typeName + Naming.typeName(response.status) + "Response", owner: .topLevel, isRequest: false).type
            } ?? .jsonValue
        }
        return ResponseModel(status: response.status, description: response.description, bodyType: bodyType)
    }

    /// Path parameters in the order the template names them (`org` before `build_id` in
    /// `/org/{org}/builds/{build_id}`), so signatures read like the URL; then the others as declared.
    static func signatureOrder(_ parameters: [Parameter], path: String) -> [Parameter] {
        let templateOrder = pathComponents(path).compactMap { component -> String? in
            if case .parameter(let name) = component { return name }
            return nil
        }
        let pathParameters = parameters.filter { $0.location == .path }.sorted {
            (templateOrder.firstIndex(of: $0.name) ?? .max) < (templateOrder.firstIndex(of: $1.name) ?? .max)
        }
        return pathParameters + parameters.filter { $0.location != .path }
    }

    static func pathComponents(_ path: String) -> [PathComponent] {
        PathTemplate.segments(of: path).map { segment in
            switch segment {
            case .literal(let text): .literal(text)
            case .parameter(let name): .parameter(name)
            }
        }
    }
}
