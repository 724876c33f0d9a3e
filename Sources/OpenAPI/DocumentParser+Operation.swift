import Diagnostics
import YAML

extension DocumentParser {
    func parsePathItem(_ entry: MappingEntry) -> PathItem? {
        guard let node = resolve(entry.value, "path item"), let entries = mapping(node, "path '\(entry.key)'") else { return nil }
        let shared = parseParameters(node["parameters"])
        var operations: [Operation] = []
        warnAboutServers(in: entries, of: "path '\(entry.key)'")
        // Parsed in document order, so "first used here" notes point at the earlier text; then kept
        // in the fixed method order.
        for operationEntry in entries {
            guard let method = HTTPMethod(rawValue: operationEntry.key) else { continue }
            if let operation = parseOperation(operationEntry.value, method: method, path: entry.key, shared: shared) {
                operations.append(operation)
            }
        }
        operations.sort { HTTPMethod.allCases.firstIndex(of: $0.method)! < HTTPMethod.allCases.firstIndex(of: $1.method)! }
        return PathItem(
            path: entry.key,
            summary: text(node, "summary"),
            description: text(node, "description"),
            operations: operations,
            location: entry.keyLocation
        )
    }

    /// `servers` on a path item or operation (§4.8.9, §4.8.10) would send its requests elsewhere;
    /// the client has one base URL, so they are reported rather than dropped silently, unless they
    /// only repeat the document's own (as in Twilio's and Hetzner's specs, on every path).
    private func warnAboutServers(in entries: [MappingEntry], of owner: String) {
        let documentURLs = Set((root["servers"]?.sequence ?? []).compactMap { $0["url"]?.scalar?.text })
        for entry in entries where entry.key == "servers" {
            let urls = (entry.value.sequence ?? []).map { $0["url"]?.scalar?.text }
            if !urls.isEmpty, urls.allSatisfy({ $0.map(documentURLs.contains) ?? false }) { continue }
            diagnostics.warning("'servers' of \(owner) are not generated yet; its requests go to the client's base URL", at: entry.keyLocation)
        }
    }

    private func parseOperation(_ node: Node, method: HTTPMethod, path: String, shared: [Parameter]) -> Operation? {
        // Not allowed by the spec, but real multi-file specs (DigitalOcean's) `$ref` whole operations.
        guard let node = resolve(node, "operation"), let entries = mapping(node, "operation '\(method.rawValue) \(path)'") else { return nil }
        warnAboutServers(in: entries, of: "operation '\(method.rawValue) \(path)'")
        var operationID = text(node, "operationId")
        var repeatedOperationID: Operation.RepeatedOperationID?
        if let id = operationID, let idNode = node["operationId"] {
            if let first = context.operationIDs[id] {
                // §4.8.10.1 says ids MUST be unique, but gRPC-gateway writes one per HTTP binding
                // of an RPC: the repeat is named as an operation without one (the IR warns, with the name).
                repeatedOperationID = Operation.RepeatedOperationID(id: id, location: idNode.location, firstUse: first)
                operationID = nil
            } else {
                context.operationIDs[id] = idNode.location
            }
        }
        // Operation parameters override path-level ones with the same name and location (§4.8.10.1).
        var parameters = shared
        for parameter in parseParameters(node["parameters"]) {
            if let index = parameters.firstIndex(where: { $0.name == parameter.name && $0.location == parameter.location }) {
                parameters[index] = parameter
            } else {
                parameters.append(parameter)
            }
        }
        parameters = checkPathTemplate(path, parameters: parameters, at: node.location)

        var responses: [Response] = []
        if let responsesNode = node["responses"], let entries = mapEntries(responsesNode, "'responses'") {
            for entry in entries where !entry.key.hasPrefix("x-") {
                if let response = parseResponse(entry) { responses.append(response) }
            }
        } else {
            diagnostics.warning("operation '\(method.rawValue.uppercased()) \(path)' declares no responses", at: node.location)
        }
        // At the key, as for 'webhooks': the value's position is its first entry's name.
        if let entry = node.mapping?.first(where: { $0.key == "callbacks" }) {
            diagnostics.warning("'callbacks' are not generated yet and are skipped", at: entry.keyLocation)
        }
        return Operation(
            method: method,
            path: path,
            operationID: operationID,
            summary: text(node, "summary"),
            description: text(node, "description"),
            tags: strings(node, "tags"),
            parameters: parameters,
            requestBody: node["requestBody"].flatMap(parseRequestBody),
            responses: responses,
            security: node["security"].map(parseSecurity),
            deprecated: bool(node, "deprecated") ?? false,
            location: node.location,
            repeatedOperationID: repeatedOperationID
        )
    }

    private func parseParameters(_ node: Node?) -> [Parameter] {
        guard let node, let items = sequence(node, "'parameters'") else { return [] }
        return items.compactMap(parseParameter)
    }

    private func parseParameter(_ node: Node) -> Parameter? {
        guard let node = resolve(node, "parameter"), mapping(node, "a parameter") != nil else { return nil }
        guard let name = text(node, "name") else {
            diagnostics.error("missing 'name' in parameter", at: node.location)
            return nil
        }
        guard let inNode = node["in"], let location = inNode.scalar.flatMap({ Parameter.Location(rawValue: $0.text) }) else {
            // Swagger 2.0 leftovers (`in: body`, `in: formData`) in converted specs: such a
            // parameter cannot be sent as OpenAPI 3 describes, so it is left out.
            let found = node["in"]?.scalar?.text
            let swagger = found == "body" || found == "formData" ? " (a Swagger 2.0 location; OpenAPI 3 describes bodies with 'requestBody')" : ""
            diagnostics.warning(
                (found.map { "unknown parameter location '\($0)' for '\(name)'\(swagger)" }
                    ?? "missing 'in' in parameter '\(name)'") + "; expected path, query, header or cookie; gen leaves the parameter out",
                at: node["in"]?.location ?? node.location
            )
            return nil
        }
        var required = bool(node, "required") ?? false
        if location == .path, !required {
            // §4.8.12.2: path parameters are always required; tolerate the omission.
            if node["required"] != nil {
                diagnostics.warning("path parameter '\(name)' must be required; treating it as required", at: node["required"]!.location)
            }
            required = true
        }
        // §4.8.12.4: each style is defined for some locations only; another one is read as the
        // location's default (`form` for query and cookie, `simple` for path and header).
        var style = text(node, "style")
        if let styleNode = node["style"], let written = style {
            let allowed: [Parameter.Location: [String]] = [
                .path: ["simple", "label", "matrix"],
                .query: ["form", "spaceDelimited", "pipeDelimited", "deepObject"],
                .header: ["simple"],
                .cookie: ["form"],
            ]
            if !allowed[location]!.contains(written) {
                let fallback = location == .query || location == .cookie ? "form" : "simple"
                let known = ["simple", "label", "matrix", "form", "spaceDelimited", "pipeDelimited", "deepObject"].contains(written)
                diagnostics.warning(
                    known
                        ? "parameter style '\(written)' is not defined for '\(location.rawValue)' parameters (§4.8.12.4); '\(name)' is sent in the '\(fallback)' style"
                        : "unknown parameter style '\(written)'; expected one of \(allowed[location]!.joined(separator: ", ")) for '\(location.rawValue)' parameters; '\(name)' is sent in the '\(fallback)' style",
                    at: styleNode.location
                )
                style = nil
            }
        }
        var schema = node["schema"].map(parseSchema)
        var contentType: String?
        if schema == nil, let content = node["content"].flatMap({ resolvedMap($0, "'content'")?.node.mapping?.first }) {
            // §4.8.12.5: the one media type says how the value is serialized, instead of a style.
            contentType = content.key
            schema = content.value["schema"].map(parseSchema)
        }
        return Parameter(
            name: name,
            location: location,
            description: text(node, "description"),
            required: required,
            deprecated: bool(node, "deprecated") ?? false,
            schema: schema,
            style: style,
            explode: bool(node, "explode"),
            allowReserved: bool(node, "allowReserved") ?? false,
            contentType: contentType,
            styleLocation: node["style"]?.location,
            sourceLocation: node.location
        )
    }

    /// Every `{name}` in the template needs an `in: path` parameter and vice versa (§4.8.12.2).
    /// Real specs miss either side, so both are repaired with a warning: a variable without a
    /// parameter gets a required string one (what any value in a URL path can be), and a path
    /// parameter the template does not use is left out (it could not be sent anywhere).
    /// - Returns: `parameters`, repaired.
    private func checkPathTemplate(_ path: String, parameters: [Parameter], at location: SourceLocation) -> [Parameter] {
        let names = PathTemplate.parameterNames(in: path)
        let templated = Set(names)
        var repaired = parameters.filter { parameter in
            guard parameter.location == .path, !templated.contains(parameter.name) else { return true }
            diagnostics.warning("path parameter '\(parameter.name)' does not appear in path template '\(path)'; gen leaves it out", at: parameter.sourceLocation)
            return false
        }
        var inferred: Set<String> = []
        for name in names where !repaired.contains(where: { $0.location == .path && $0.name == name }) && inferred.insert(name).inserted {
            diagnostics.warning(
                "path template '\(path)' uses '{\(name)}' but the operation declares no 'in: path' parameter named '\(name)'; gen adds a required string parameter '\(name)'",
                at: location
            )
            let schema = Schema(location: location)
            schema.types = [.string]
            repaired.append(Parameter(name: name, location: .path, description: nil, required: true, deprecated: false, schema: schema, style: nil, explode: nil, sourceLocation: location))
        }
        return repaired
    }

    private func parseRequestBody(_ node: Node) -> RequestBody? {
        guard let node = resolve(node, "request body"), mapping(node, "a request body") != nil else { return nil }
        return RequestBody(
            description: text(node, "description"),
            required: bool(node, "required") ?? false,
            content: parseContent(node["content"]),
            location: node.location
        )
    }

    private func parseResponse(_ entry: MappingEntry) -> Response? {
        let status = entry.key
        let validStatus = status == "default" || (status.count == 3 && (Int(status).map { (100...599).contains($0) } ?? ["1XX", "2XX", "3XX", "4XX", "5XX"].contains(status.uppercased())))
        if !validStatus {
            diagnostics.warning("response key '\(status)' is not a status code, a range like '4XX', or 'default'; skipping it", at: entry.keyLocation)
            return nil
        }
        guard let node = resolve(entry.value, "response"), mapping(node, "response '\(status)'") != nil else { return nil }
        // At the key, as for 'webhooks': the value's position is its first entry's name.
        if let entry = node.mapping?.first(where: { $0.key == "links" }) {
            diagnostics.warning("'links' are not generated yet and are skipped", at: entry.keyLocation)
        }
        return Response(
            status: status == "default" ? status : status.uppercased(),
            description: text(node, "description") ?? "",
            content: parseContent(node["content"]),
            headers: parseHeaders(node["headers"], status: status),
            location: entry.keyLocation
        )
    }

    /// §4.8.17.1 `headers`: each a Header Object (§4.8.21) or a `$ref` to one.
    private func parseHeaders(_ node: Node?, status: String) -> [Header] {
        guard let node, let entries = mapEntries(node, "'headers'") else { return [] }
        var headers: [Header] = []
        // Keys are field names, never extensions: `x-request-id` is a header.
        for entry in entries {
            // §4.8.17.1: "If a response header is defined with the name "Content-Type", it SHALL be
            // ignored": the body's media type says it.
            if entry.key.lowercased() == "content-type" { continue }
            guard let value = resolve(entry.value, "header"), mapping(value, "header '\(entry.key)'") != nil else { continue }
            // RFC 9110 §5.1: a field name is a token; anything else could not be sent or matched.
            let tokenCharacters = Set("!#$%&'*+-.^_`|~0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
            guard !entry.key.isEmpty, entry.key.allSatisfy(tokenCharacters.contains) else {
                diagnostics.warning("response header name '\(entry.key)' is not an HTTP field name (RFC 9110 §5.1); it is skipped", at: entry.keyLocation)
                continue
            }
            if let styleNode = value["style"], let style = styleNode.scalar?.text, style != "simple" {
                // §4.8.21.1: headers are always `simple`; the field says so only redundantly.
                diagnostics.warning("header style '\(style)' is not allowed (headers use 'simple'); '\(entry.key)' is read and written in the 'simple' style", at: styleNode.location)
            }
            let schema = value["schema"].map(parseSchema)
            if schema == nil, let content = value["content"].flatMap({ resolvedMap($0, "'content'")?.node.mapping?.first }) {
                diagnostics.warning(
                    "header '\(entry.key)' of response '\(status)' is described by 'content' ('\(content.key)'), which is not generated yet; it is not read or written",
                    at: content.keyLocation
                )
                continue
            }
            headers.append(Header(
                name: entry.key,
                description: text(value, "description"),
                required: bool(value, "required") ?? false,
                deprecated: bool(value, "deprecated") ?? false,
                schema: schema,
                location: entry.keyLocation
            ))
        }
        return headers
    }

    private func parseContent(_ node: Node?) -> [MediaType] {
        guard let node, let entries = mapEntries(node, "'content'") else { return [] }
        return entries.map { entry in
            var encoding: [String: MediaType.Encoding] = [:]
            for property in entry.value["encoding"].flatMap({ resolvedMap($0, "'encoding'")?.node.mapping }) ?? [] {
                encoding[property.key] = MediaType.Encoding(
                    contentType: text(property.value, "contentType"),
                    style: text(property.value, "style"),
                    explode: bool(property.value, "explode"),
                    location: property.keyLocation
                )
            }
            return MediaType(contentType: entry.key, schema: entry.value["schema"].map(parseSchema), encoding: encoding, location: entry.keyLocation)
        }
    }
}
