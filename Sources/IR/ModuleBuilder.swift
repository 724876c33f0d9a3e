import Diagnostics
import OpenAPI

/// Builds the IR for a document: decides every Swift type, name and coding rule the templates
/// will spell out. Stage entry point: `(Document, diagnostics) -> SwiftModule`.
public struct ModuleBuilder {
    let document: Document
    let diagnostics: DiagnosticSink
    let builder: TypeBuilder

    let overrides: NameOverrides
    let reserved: ReservedNames

    /// - Parameters:
    ///   - reserved: the names the templates' code spells unqualified (`Renderer.reservedNames`):
    ///     a schema or operation type that would take one gets a `Schema` suffix (or the next free
    ///     name), and the module never takes one.
    ///   - overrides: Swift names the user chose for schemas and operations; problems with them
    ///     (unknown originals, invalid or clashing names) are reported at the entries.
    public init(document: Document, diagnostics: DiagnosticSink, reserved: ReservedNames, overrides: NameOverrides = NameOverrides()) {
        self.document = document
        self.diagnostics = diagnostics
        self.overrides = overrides
        self.reserved = reserved
        self.builder = TypeBuilder(document: document, diagnostics: diagnostics, reserved: reserved, overrides: overrides)
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
        OutOfLineStorage.mark(&types, kinds: kinds)
        Deprecation.propagate(types: &types, operations: &operations)
        UnionMatching.mark(&types)
        operations = operations.map { restrictHeaderTypes($0, kinds: kinds) }
        // Response headers structs and the client's outputs live beside the models: keep them apart.
        let clientNames = Self.nameClientTypes(in: &operations, reserved: Set(types.map(\.name)).union(reserved.names))
        // Server response enums live beside the models' names in users' code: keep them apart.
        let bodyEnumNames = operations.flatMap { [$0.requestBody?.choiceTypeName] + $0.responses.map(\.choiceTypeName) }.compactMap { $0 }
        var serverScope = NameScope(reserved: Set(types.map(\.name)).union(reserved.names).union(bodyEnumNames).union(clientNames))
        for index in operations.indices {
            let preferred = operations[index].typeName + "Response"
            operations[index].responseTypeName = serverScope.contains(preferred)
                ? serverScope.claim(operations[index].typeName + "Output") : serverScope.claim(preferred)
        }

        let errorBodies = operations.flatMap(\.responses)
            .filter { !(($0.statusCode.map { (200...299).contains($0) }) ?? $0.status.hasPrefix("2")) }
            .filter { $0.contents.allSatisfy { $0.coding == .json } }
            .compactMap(\.bodyType)
        var distinctErrors: [TypeReference] = []
        for body in errorBodies where !distinctErrors.contains(body) { distinctErrors.append(body) }
        // `ClientError` carries the payload in every operation: a deprecated type there would warn in
        // the generated client itself, so such a payload is kept as JSON.
        if distinctErrors.count == 1, Deprecation.mentionsDeprecated(distinctErrors[0], in: types) { distinctErrors.append(.jsonValue) }

        // The server writes the models' types as `Module.Name`: a top-level name equal to the module's
        // would be looked up inside that type instead (a spec titled `Pet` with a schema `Pet`).
        let isTaken = { (name: String) in
            serverScope.contains(name) || reserved.contains(name)
        }
        let servers = buildServers()
        if let moduleName, isTaken(moduleName) {
            diagnostics.warning("module name '\(moduleName)' is also the name of a generated type or an imported module; the server will not compile", at: nil)
        }
        return SwiftModule(
            name: moduleName ?? Self.moduleName(forTitle: document.info.title, isTaken: isTaken),
            specPath: specPath,
            title: document.info.title,
            version: document.info.version,
            documentation: document.info.description,
            defaultServerURL: servers.defaultURL,
            types: types,
            operations: operations,
            errorPayload: distinctErrors.count == 1 ? distinctErrors[0] : nil,
            servers: servers.servers
        )
    }

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
                "security scheme '\(named.name)' (\(kind)) is not generated yet: the client sends requests without its credentials and the "
                    + "server routes do not check it, so check it in a middleware of your framework (only bearer tokens, including OAuth 2 "
                    + "and OpenID Connect access tokens, are sent and checked)",
                at: named.scheme.location
            )
        }
    }

    private func buildOperations() -> [APIOperation] {
        var scope = NameScope()
        let allOperations = document.paths.flatMap(\.operations)
        let renames = NameOverrides.validated(
            overrides.operations, kind: "operation",
            known: allOperations.flatMap { NameOverrides.keys(operationID: $0.operationID, method: $0.method.rawValue, path: $0.path) },
            diagnostics: diagnostics
        )
        // Renamed operations claim their names first, so they get exactly what the user wrote.
        // Keyed by `METHOD /path`, which every operation has and no two share.
        var renamed: [String: String] = [:]
        for operation in allOperations {
            let keys = NameOverrides.keys(operationID: operation.operationID, method: operation.method.rawValue, path: operation.path)
            guard let (key, wanted) = keys.lazy.compactMap({ key in renames[key].map { (key, $0) } }).first else { continue }
            if scope.contains(wanted) {
                diagnostics.error(
                    "cannot rename operation '\(key)' to '\(wanted)': another renamed operation already has that name",
                    at: overrides.operations.last { $0.original == key }?.location
                )
            }
            renamed[keys.last!] = scope.claim(wanted)
        }
        let names = Self.operationNames(allOperations, renamed: renamed, scope: &scope, diagnostics: diagnostics)
        var operations: [APIOperation] = []
        let bearerSchemes = Set(document.components.securitySchemes.filter { Self.sendsBearerToken($0.scheme) }.map(\.name))
        warnAboutUnsupportedSecuritySchemes()
        for pathItem in document.paths {
            for operation in pathItem.operations {
                let name = names[Self.operationKey(operation)]!
                let typeName = Naming.typeName(name)
                // Locals of the generated client method and server route: a parameter must not shadow them.
                var parameterScope = NameScope(reserved: ["body", "path", "query", "cookies", "parameters", "request", "response", "token", "context", "authenticator", "maxBodySize"])
                let parameters = Self.signatureOrder(operation.parameters, path: operation.path).map { parameter in
                    let type = parameter.schema.map {
                        builder.reference(for: $0, suggestedName: typeName + Naming.typeName(parameter.name), owner: .topLevel, isRequest: true).type
                    } ?? .string
                    var model = OperationParameter(
                        jsonName: parameter.name,
                        swiftName: parameterScope.claim(Naming.memberName(parameter.name)),
                        location: OperationParameter.Location(rawValue: parameter.location.rawValue)!,
                        type: type,
                        required: parameter.required,
                        documentation: parameter.description,
                        deprecated: parameter.deprecated,
                        deprecationMessage: parameter.deprecated ? Deprecation.message(from: parameter.description) : nil
                    )
                    wireFormat(of: parameter, into: &model)
                    if !parameter.required, let schema = parameter.schema {
                        model.defaultValue = builder.defaultValue(for: schema, type: type)
                    }
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
                    allowsAnonymous: requirements.contains { $0.schemes.isEmpty },
                    summary: operation.summary,
                    documentation: operation.description,
                    deprecated: operation.deprecated,
                    deprecationMessage: operation.deprecated ? Deprecation.message(from: operation.description ?? operation.summary) : nil
                ))
            }
        }
        return operations
    }

    /// `METHOD /path`: the one key every operation has and no two share.
    static func operationKey(_ operation: OpenAPI.Operation) -> String {
        NameOverrides.keys(operationID: nil, method: operation.method.rawValue, path: operation.path)[0]
    }

    /// The Swift name of every operation, by `operationKey`: a renamed one's from `renamed`, else
    /// from its `operationId`, else from its method and path (`GET /v1/{name}/things` →
    /// `getV1NameThings`), with `2`, `3`, … added while a name is taken. An operation whose
    /// `operationId` repeats an earlier one's is named after its method and path too, after all
    /// the others so each id that is written once keeps its name; that repair is a warning.
    static func operationNames(
        _ operations: [OpenAPI.Operation], renamed: [String: String], scope: inout NameScope, diagnostics: DiagnosticSink
    ) -> [String: String] {
        var names = renamed
        for operation in operations where operation.repeatedOperationID == nil && names[operationKey(operation)] == nil {
            names[operationKey(operation)] = scope.claim(operation.operationID.map(Naming.memberName) ?? Naming.memberName(operation.method.rawValue + " " + operation.path))
        }
        for operation in operations {
            guard let repeated = operation.repeatedOperationID else { continue }
            let key = operationKey(operation)
            let wasRenamed = names[key] != nil
            let name = names[key] ?? scope.claim(Naming.memberName(operation.method.rawValue + " " + operation.path))
            names[key] = name
            diagnostics.warning(
                wasRenamed
                    ? "duplicate operationId '\(repeated.id)'; gen names this operation '\(name)', as the config's 'rename' says"
                    : "duplicate operationId '\(repeated.id)'; gen names this operation '\(name)', after its method and path (rename it as '\(key)' in the config)",
                at: repeated.location,
                notes: [.note("first used here", at: repeated.firstUse)]
            )
        }
        return names
    }

    /// Names the headers structs (one per distinct set of response headers) and the client's
    /// `<Operation>Output` types, avoiding `reserved`; returns the names taken.
    private static func nameClientTypes(in operations: inout [APIOperation], reserved: Set<String>) -> Set<String> {
        var clientScope = NameScope(reserved: reserved)
        var clientNames: Set<String> = []
        // Responses declaring the same headers (real specs `$ref` one rate-limit set into every
        // response) share one struct, declared with its first use: thousands of identical structs
        // would only cost compile time.
        var groups: [(key: String, uses: [(operation: Int, response: Int)])] = []
        var groupIndex: [String: Int] = [:]
        for index in operations.indices {
            for response in operations[index].responses.indices where !operations[index].responses[response].headers.isEmpty {
                let key = headersKey(operations[index].responses[response].headers)
                if let group = groupIndex[key] {
                    groups[group].uses.append((index, response))
                } else {
                    groupIndex[key] = groups.count
                    groups.append((key, [(index, response)]))
                }
            }
        }
        for group in groups {
            let first = group.uses[0]
            let ownName = operations[first.operation].typeName + statusNamePart(operations[first.operation].responses[first.response].status) + "Headers"
            let sharedName = group.uses.count > 1 ? sharedHeadersName(operations[first.operation].responses[first.response].headers) : nil
            let name = clientScope.claim(sharedName ?? ownName)
            clientNames.insert(name)
            for use in group.uses {
                operations[use.operation].responses[use.response].headersTypeName = name
            }
            operations[first.operation].responses[first.response].declaresHeadersType = true
            operations[first.operation].responses[first.response].headersTypeUseCount = group.uses.count
        }
        for index in operations.indices {
            if operations[index].successResponse?.headers.isEmpty == false {
                let name = clientScope.claim(operations[index].typeName + "Output")
                operations[index].outputTypeName = name
                clientNames.insert(name)
            }
        }
        return clientNames
    }

    /// Response headers are text as parameters are (`simple` style, §4.8.21.1): scalars, enums and
    /// arrays of them. Other schemas are kept as the raw text, with a warning.
    private func restrictHeaderTypes(_ operation: APIOperation, kinds: [String: SwiftType.Kind]) -> APIOperation {
        var operation = operation
        for response in operation.responses.indices {
            for index in operation.responses[response].headers.indices {
                let header = operation.responses[response].headers[index]
                if Self.isText(header.type, kinds: kinds) { continue }
                if case .array(let element) = header.type, Self.isText(element, kinds: kinds) { continue }
                operation.responses[response].headers[index].type = .string
                diagnostics.warning(
                    "response header '\(header.fieldName)' of type \(header.type.spelling) is not generated yet (only scalars, enums and arrays of them are); it is read and written as raw text",
                    at: header.location
                )
            }
        }
        return operation
    }

    /// Identifies a set of response headers: same fields, types, names and documentation.
    static func headersKey(_ headers: [ResponseHeader]) -> String {
        headers.map { [$0.fieldName, $0.swiftName, $0.type.spelling, String($0.required), $0.documentation ?? ""].joined(separator: "\u{0}") }
            .joined(separator: "\u{1}")
    }

    /// A name for headers several responses share, from the field names: their common leading
    /// words (`ratelimit-limit`, `ratelimit-reset` → `RatelimitHeaders`), else up to three names
    /// joined (`ETagLastModifiedHeaders`); `nil` when neither reads well.
    static func sharedHeadersName(_ headers: [ResponseHeader]) -> String? {
        let words = headers.map { $0.fieldName.lowercased().split(whereSeparator: { $0 == "-" || $0 == "_" }).map(String.init) }
        var common = words[0]
        for other in words.dropFirst() {
            common = Array(zip(common, other).prefix { $0 == $1 }.map(\.0))
        }
        // `X-` alone says nothing about the headers.
        if headers.count > 1, !common.isEmpty, common != ["x"] { return Naming.typeName(common.joined(separator: " ")) + "Headers" }
        if headers.count <= 3 { return headers.map { Naming.typeName($0.fieldName) }.joined() + "Headers" }
        return nil
    }

    /// A response's status inside a type name: `200`, `4XX`, `Default`.
    static func statusNamePart(_ status: String) -> String {
        status == "default" ? "Default" : status.uppercased()
    }

    /// Whether values of `type` have a text form (`ParameterValue`), for parameters and headers
    /// alike: scalars, dates, UUIDs, enums and aliases of them.
    /// - Parameter kinds: every generated type's kind by qualified name (`kinds(in:)`).
    static func isText(_ type: TypeReference, kinds: [String: SwiftType.Kind]) -> Bool {
        switch type {
        case .string, .bool, .int, .int32, .int64, .double, .float, .uuid, .date, .calendarDate: return true
        case .named(let name):
            switch kinds[name] {
            case .enumeration?: return true
            case .alias(let target)?: return isText(target, kinds: kinds)
            default: return false
            }
        default: return false
        }
    }

    private func requestBody(for body: RequestBody, typeName: String) -> RequestBodyModel? {
        let contents = bodyContents(body.content, suggestedName: typeName + "Request", isRequest: true) { media, reason, kept in
            kept.isEmpty
                ? "request body content type '\(media.contentType)' is not generated yet (\(reason)), so this body is skipped"
                : "request body content type '\(media.contentType)' is not generated yet (\(reason)); the operation sends and accepts \(kept.map { "'\($0.contentType)'" }.joined(separator: ", ")) only"
        }
        guard let first = contents.first else { return nil }
        let choiceTypeName = Self.hasDistinctTypes(contents) ? builder.claimTopLevelName(typeName + "RequestBody") : nil
        return RequestBodyModel(
            type: choiceTypeName.map(TypeReference.named) ?? first.type,
            required: body.required,
            contentType: first.contentType,
            documentation: body.description,
            contents: contents,
            choiceTypeName: choiceTypeName
        )
    }

    private func response(for response: Response, typeName: String) -> ResponseModel {
        let contents = bodyContents(response.content, suggestedName: typeName + Naming.typeName(response.status) + "Response", isRequest: false) { media, reason, kept in
            kept.isEmpty
                ? "response content type '\(media.contentType)' is not generated yet (\(reason)); the body of response '\(response.status)' is passed through undecoded"
                : "response content type '\(media.contentType)' is not generated yet (\(reason)); response '\(response.status)' is read and written as \(kept.map { "'\($0.contentType)'" }.joined(separator: ", ")) only"
        }
        let choiceTypeName = Self.hasDistinctTypes(contents)
            ? builder.claimTopLevelName(Naming.typeName(typeName + " " + response.status + " response body")) : nil
        // Members of the headers struct besides the headers: `init(headerFields:)`, `headerFields`.
        var headerScope = NameScope(reserved: ["headerFields"])
        let headers = response.headers.map { header in
            ResponseHeader(
                fieldName: header.name,
                swiftName: headerScope.claim(Naming.memberName(header.name)),
                type: header.schema.map {
                    builder.reference(
                        for: $0, suggestedName: typeName + Self.statusNamePart(response.status) + Naming.typeName(header.name), owner: .topLevel, isRequest: false
                    ).type
                } ?? .string,
                required: header.required,
                documentation: header.description,
                location: header.location
            )
        }
        return ResponseModel(
            status: response.status,
            description: response.description,
            bodyType: choiceTypeName.map(TypeReference.named) ?? contents.first?.type,
            contents: contents,
            choiceTypeName: choiceTypeName,
            headers: headers
        )
    }

    /// Whether the content types carry different Swift types, so the body is an enum of them.
    static func hasDistinctTypes(_ contents: [BodyContent]) -> Bool {
        contents.contains { $0.type != contents[0].type }
    }

    /// The content types of a body gen generates, JSON first, each with its coding and type; the
    /// others are reported through `unsupported(media, reason, kept)`.
    private func bodyContents(
        _ content: [MediaType],
        suggestedName: String,
        isRequest: Bool,
        unsupported: (MediaType, String, [BodyContent]) -> String
    ) -> [BodyContent] {
        var rejected: [(MediaType, String)] = []
        var decoded: [(media: MediaType, coding: BodyCoding, type: TypeReference)] = []
        // Structured schemas under types gen reads only as bytes or text (YAML, protobuf, XML).
        var undecoded: [(media: MediaType, coding: BodyCoding, type: TypeReference, reason: String)] = []
        for media in content {
            let schema = media.schema.map(builder.resolved)
            let coding: BodyCoding
            switch Self.coding(for: media, schema: schema) {
            case .success(let found): coding = found
            case .failure(let reason):
                rejected.append((media, reason.text))
                continue
            }
            switch coding {
            case .text, .binary:
                let type: TypeReference = coding == .text ? .string : .data
                if let schema, Self.isStructured(schema) {
                    let isXML = media.essence.hasSuffix("/xml") || media.essence.hasSuffix("+xml")
                    undecoded.append((media, coding, type, isXML ? "XML bodies are not" : "its schema is structured data, which gen reads from JSON and forms only"))
                } else {
                    decoded.append((media, coding, type))
                }
            case .json, .form, .multipart:
                let type = media.schema.map {
                    builder.reference(for: $0, suggestedName: suggestedName, owner: .topLevel, isRequest: isRequest).type
                } ?? .jsonValue
                if coding != .json {
                    switch type {
                    case .named, .dictionary: break
                    default:
                        rejected.append((media, "a form body's schema must be an object, not \(type.spelling)"))
                        continue
                    }
                }
                decoded.append((media, coding, type))
            }
        }
        if decoded.isEmpty {
            // Nothing else carries the body: keep its bytes (or text) rather than drop it.
            for item in undecoded {
                diagnostics.warning(
                    "content type '\(item.media.contentType)' is not decoded (\(item.reason)); the body is read and written as \(item.coding == .text ? "text (String)" : "raw bytes (Data)")",
                    at: item.media.location
                )
            }
            decoded = undecoded.map { ($0.media, $0.coding, $0.type) }
        } else {
            rejected += undecoded.map { ($0.media, $0.reason) }
        }
        // JSON first (stable): the client sends the first content type that carries the body.
        decoded = decoded.filter { $0.coding == .json } + decoded.filter { $0.coding != .json }
        var caseNames = NameScope()
        let contents = decoded.map { media, coding, type in
            if coding == .form { warnAboutFormStyles(media) }
            return BodyContent(
                contentType: media.contentType,
                coding: coding,
                type: type,
                partContentTypes: coding == .multipart ? partContentTypes(media) : [],
                caseName: caseNames.claim(Self.caseName(forContentType: media.contentType))
            )
        }
        for (media, reason) in rejected.sorted(by: { $0.0.location < $1.0.location }) {
            diagnostics.warning(unsupported(media, reason, contents), at: media.location)
        }
        return contents
    }

    /// Whether a schema describes structured data (an object, an array, a composition) rather than
    /// a string or bytes.
    static func isStructured(_ schema: Schema) -> Bool {
        !schema.properties.isEmpty || schema.types.contains(.object) || schema.types.contains(.array)
            || !schema.allOf.isEmpty || !schema.anyOf.isEmpty || !schema.oneOf.isEmpty
    }

    /// Why a media type is not generated.
    struct UnsupportedContent: Error {
        var text: String
    }

    /// The coding of a media type (OpenAPI 3.1 §4.8.14): JSON types as JSON, forms as forms,
    /// binary schemas (`format: binary`, `contentMediaType`) as bytes, other text as `String`,
    /// anything else as bytes. Multipart types other than `form-data` are not generated.
    static func coding(for media: MediaType, schema: Schema?) -> Result<BodyCoding, UnsupportedContent> {
        let essence = media.essence
        if media.isJSON { return .success(.json) }
        if essence == "application/x-www-form-urlencoded" { return .success(.form) }
        if essence == "multipart/form-data" { return .success(.multipart) }
        if essence.hasPrefix("multipart/") { return .failure(.init(text: "only multipart/form-data is")) }
        let isBinarySchema = schema.map { $0.format == "binary" || ($0.contentMediaType.map(TypeBuilder.isBinaryMediaType) ?? false) } ?? false
        if essence.hasPrefix("text/"), !isBinarySchema { return .success(.text) }
        return .success(.binary)
    }

    /// Body enum case names: `json`, `form`, `multipart`, `plainText`, `binary`, else from the type (`imagePng`).
    static func caseName(forContentType contentType: String) -> String {
        switch MediaType.essence(of: contentType) {
        case "application/json": return "json"
        case "application/x-www-form-urlencoded": return "form"
        case "multipart/form-data": return "multipart"
        case "text/plain": return "plainText"
        case "application/octet-stream": return "binary"
        case "*/*": return "any"
        case let essence: return Naming.memberName(essence.replacingOccurrences(of: "*", with: "any"))
        }
    }

    /// The `Content-Type` of each multipart part the spec names: `encoding.contentType` (its first
    /// type when it lists several), else the property's (or its items') `contentMediaType`.
    private func partContentTypes(_ media: MediaType) -> [(name: String, contentType: String)] {
        var types: [String: String] = [:]
        for property in media.schema.map(builder.resolved)?.properties ?? [] {
            // An array's items give each of its parts' type.
            let schema = builder.resolved(property.schema)
            let items = schema.items.map(builder.resolved)
            if let type = property.schema.contentMediaType ?? schema.contentMediaType ?? items?.contentMediaType { types[property.name] = type }
        }
        for (name, encoding) in media.encoding {
            if let type = encoding.contentType?.split(separator: ",").first?.trimmingCharacters(in: .whitespaces) { types[name] = type }
        }
        return types.sorted { $0.key < $1.key }.map { (name: $0.key, contentType: $0.value) }
    }

    /// Form fields are written `form` style, exploded (arrays as repeated names, objects as JSON
    /// text); another style in `encoding` would change the wire, so it is a warning.
    private func warnAboutFormStyles(_ media: MediaType) {
        for (name, encoding) in media.encoding.sorted(by: { $0.key < $1.key }) {
            if let style = encoding.style, style != "form" {
                diagnostics.warning("encoding style '\(style)' of form property '\(name)' is not generated yet; it is sent in the 'form' style (objects as JSON text)", at: encoding.location)
            } else if encoding.explode == false {
                diagnostics.warning("'explode: false' for form property '\(name)' is not generated yet; arrays are sent as repeated fields", at: encoding.location)
            }
        }
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
