import Diagnostics
import YAML

/// Reads a YAML/JSON node tree as an OpenAPI 3.0.x or 3.1.x `Document`.
///
/// Problems are reported to the sink with the position of the offending key or value, and
/// parsing goes on so one run shows them all. Local `$ref`s are resolved here (JSON Pointer,
/// RFC 6901, with `~0`, `~1` and percent-escapes); references to `components/schemas` entries
/// stay references so the IR can name them and handle recursion. Deviations real specs share
/// (a `$ref` in place of a map, a path variable without a parameter, …) are repaired with a
/// warning where the meaning is clear; README "Spec deviations gen repairs" lists them.
public struct DocumentParser {
    let root: Node
    let diagnostics: DiagnosticSink
    /// Names under `components/schemas`, for telling named references from inline ones.
    private(set) var componentSchemaNames: Set<String> = []
    /// The entries of `components/schemas` (read through a `$ref` in place of the map, if written so).
    private(set) var componentSchemaEntries: [MappingEntry] = []
    let context: Context

    /// Mutable state shared by the recursive descent.
    final class Context {
        /// Schemas reached through non-component pointers, parsed once per pointer.
        var schemasByPointer: [String: Schema] = [:]
        /// Pointers being resolved right now, to report cycles instead of looping.
        var resolving: [String] = []
        var operationIDs: [String: SourceLocation] = [:]
        var depth = 0
        /// Schemas in other files, named after their pointer or file, by resolved location.
        var externalSchemaNames: [String: String] = [:]
        var externalSchemas: [NamedSchema] = []
        /// Key → entry index of large mappings, by resolved file and pointer (`/a.yaml#/components/schemas`).
        var mappingIndexes: [String: [String: Int]] = [:]
        /// `$ref`s written in place of a map that are being followed, to report cycles through them.
        var mapReferencesFollowed: Set<SourceLocation> = []
        /// `required: true|false` written on properties' schemas, which their objects read.
        var propertyRequiredFlags: Set<SourceLocation> = []
        /// `$ref`s written in place of a map that were warned about: each once.
        var reportedMapReferences: Set<SourceLocation> = []
        let files: ExternalFiles

        init(files: ExternalFiles) {
            self.files = files
        }
    }

    /// The deepest schema nesting followed; deeper input is reported, not recursed into.
    static let maxSchemaDepth = 256

    /// - Parameters:
    ///   - root: the main document; its `location.file` is the path other files are found from.
    ///   - read: reads files that `$ref`s name (the file system by default).
    ///   - workingDirectory: what relative file paths are relative to (the current directory by default).
    public init(root: Node, diagnostics: DiagnosticSink, read: ((_ path: String) -> [UInt8]?)? = nil, workingDirectory: String? = nil) {
        self.root = root
        self.diagnostics = diagnostics
        self.context = Context(files: ExternalFiles(
            root: root, read: read ?? ExternalFiles.fileSystemReader, workingDirectory: workingDirectory, diagnostics: diagnostics
        ))
        // Known before anything is parsed, as every schema reference needs them. A wrong kind of
        // node is reported when `parseComponents` reads the same nodes.
        if let components = root["components"].flatMap({ resolvedMap($0, "'components'")?.node }), components.mapping != nil,
           let schemas = components["schemas"].flatMap({ resolvedMap($0, "'components/schemas'")?.node })
        {
            componentSchemaEntries = schemas.mapping ?? []
            componentSchemaNames = Set(componentSchemaEntries.map(\.key))
        }
    }

    /// Parses the whole document.
    /// - Returns: the document, or `nil` when the root is not an OpenAPI 3.x document at all
    ///   (the reason is in `diagnostics`). A returned document may still come with errors.
    public func parse() -> Document? {
        guard let entries = mapping(root, "the document") else { return nil }
        guard let versionNode = root["openapi"] else {
            if let swagger = entries.first(where: { $0.key == "swagger" }) {
                diagnostics.error("Swagger \(swagger.value.scalar?.text ?? "2.0") is not supported; expected an OpenAPI 3.0 or 3.1 document (convert it with a Swagger-to-OpenAPI converter)", at: swagger.keyLocation)
            } else {
                diagnostics.error("missing 'openapi' field; expected an OpenAPI 3.0 or 3.1 document", at: root.location)
            }
            return nil
        }
        let version = versionNode.scalar?.text ?? ""
        guard version.hasPrefix("3.0") || version.hasPrefix("3.1") else {
            diagnostics.error("unsupported OpenAPI version '\(version)'; expected 3.0.x or 3.1.x", at: versionNode.location)
            return nil
        }

        let info = parseInfo(root["info"], at: root.location)
        let servers = (root["servers"].flatMap { sequence($0, "'servers'") } ?? []).compactMap(parseServer)
        var components = parseComponents(root["components"])
        let security = root["security"].map(parseSecurity) ?? []
        var paths: [PathItem] = []
        if let pathsNode = root["paths"], let entries = mapEntries(pathsNode, "'paths'") {
            for entry in entries where !entry.key.hasPrefix("x-") {
                if !entry.key.hasPrefix("/") {
                    diagnostics.error("path '\(entry.key)' must start with '/'", at: entry.keyLocation)
                    continue
                }
                if let item = parsePathItem(entry) { paths.append(item) }
            }
        }
        for entry in entries where entry.key == "webhooks" {
            diagnostics.warning("'webhooks' are not generated yet; \(entry.value.mapping?.count ?? 0) webhook(s) skipped", at: entry.keyLocation)
        }
        // Schemas reached in other files become named components too, after the document's own.
        components.schemas += context.externalSchemas
        return Document(
            version: version,
            info: info,
            servers: servers,
            paths: paths,
            components: components,
            security: security,
            location: versionNode.location
        )
    }

    // MARK: Info, servers, components

    private func parseInfo(_ node: Node?, at location: SourceLocation) -> Info {
        guard let node else {
            diagnostics.error("missing 'info' object; expected a title and version", at: location)
            return Info(title: "API", version: "", description: nil)
        }
        guard mapping(node, "'info'") != nil else { return Info(title: "API", version: "", description: nil) }
        let title = text(node, "title") ?? {
            diagnostics.error("missing 'title' in 'info'", at: node.location)
            return "API"
        }()
        return Info(title: title, version: text(node, "version") ?? "", description: text(node, "description"))
    }

    /// A Server Object (§4.8.5) as written; the IR checks its URL template against its variables.
    private func parseServer(_ node: Node) -> Server? {
        guard mapping(node, "a server") != nil else { return nil }
        guard let url = text(node, "url") else {
            diagnostics.warning("missing 'url' in server; the server is skipped", at: node.location)
            return nil
        }
        var variables: [ServerVariable] = []
        // A `$ref` in place of the map is followed, as for every map (`resolvedMap`).
        for entry in node["variables"].flatMap({ resolvedMap($0, "server 'variables'")?.node.mapping }) ?? [] {
            guard mapping(entry.value, "a server variable") != nil else { continue }
            var enumValues: [(value: String, location: SourceLocation)]?
            if let enumNode = entry.value["enum"], let items = sequence(enumNode, "'enum'") {
                enumValues = items.compactMap { item in
                    guard let scalar = item.scalar else {
                        diagnostics.error("expected a string in 'enum', found \(item.kindDescription)", at: item.location)
                        return nil
                    }
                    return (scalar.text, item.location)
                }
            }
            variables.append(ServerVariable(
                name: entry.key,
                enumValues: enumValues,
                defaultValue: text(entry.value, "default"),
                description: text(entry.value, "description"),
                location: entry.keyLocation,
                defaultLocation: entry.value["default"]?.location,
                enumLocation: entry.value["enum"]?.location
            ))
        }
        return Server(
            url: url,
            description: text(node, "description"),
            name: text(node, "x-name"),
            variables: variables,
            urlLocation: node["url"]?.location ?? node.location,
            location: node.location
        )
    }

    private func parseComponents(_ node: Node?) -> Components {
        var components = Components(schemas: [], securitySchemes: [])
        guard let node = node.flatMap({ resolvedMap($0, "'components'")?.node }), mapping(node, "'components'") != nil else { return components }
        guard let schemasNode = node["schemas"], let schemas = resolvedMap(schemasNode, "'components/schemas'"), mapping(schemas.node, "'components/schemas'") != nil else {
            return parseSecuritySchemes(node, into: components)
        }
        let entries = componentSchemaEntries
        var external: [String: Node] = [:]
        if let target = schemas.target {
            // The map is in another file (`schemas: {$ref: ./schemas/_index.yaml}`): a reference
            // there to one of its entries (`#/Pet`, `_index.yaml#/Pet`) means that component.
            for entry in entries {
                let pointer = JSONPointer(tokens: target.pointer.tokens + [entry.key])
                context.externalSchemaNames[target.resolvedFile + pointer.description] = entry.key
            }
        }
        // `Stats: {$ref: 'schemas/stats.yaml'}` is how specs are split over files: the file's schema
        // is `Stats` itself, not a type named after the file with `Stats` an alias of it. Claimed
        // before anything is parsed, so every other reference to that file means `Stats` too.
        for entry in entries {
            guard entry.value.mapping?.count == 1, let ref = entry.value["$ref"]?.scalar?.text, !ref.hasPrefix("#"),
                  let target = locate(ref, at: entry.value.location, what: "schema"),
                  context.externalSchemaNames[target.key] == nil,
                  // A target that is itself only a `$ref` is a chain: followed (and checked for
                  // cycles) as any other reference.
                  !(target.node.mapping?.count == 1 && target.node["$ref"] != nil)
            else { continue }
            context.externalSchemaNames[target.key] = entry.key
            external[entry.key] = target.node
        }
        for entry in entries {
            components.schemas.append(NamedSchema(name: entry.key, schema: parseSchema(external[entry.key] ?? entry.value)))
        }
        return parseSecuritySchemes(node, into: components)
    }

    private func parseSecuritySchemes(_ node: Node, into components: Components) -> Components {
        var components = components
        for entry in node["securitySchemes"].flatMap({ mapEntries($0, "'components/securitySchemes'") }) ?? [] {
            if let target = resolve(entry.value, "security scheme"), let scheme = parseSecurityScheme(target) {
                components.securitySchemes.append(NamedSecurityScheme(name: entry.key, scheme: scheme))
            }
        }
        return components
    }

    private func parseSecurityScheme(_ node: Node) -> SecurityScheme? {
        guard mapping(node, "a security scheme") != nil, let typeNode = node["type"] else {
            diagnostics.error("missing 'type' in security scheme", at: node.location)
            return nil
        }
        guard let kind = typeNode.scalar.flatMap({ SecurityScheme.Kind(rawValue: $0.text) }) else {
            diagnostics.error("unknown security scheme type '\(typeNode.scalar?.text ?? "")'; expected apiKey, http, mutualTLS, oauth2 or openIdConnect", at: typeNode.location)
            return nil
        }
        return SecurityScheme(
            kind: kind,
            scheme: text(node, "scheme")?.lowercased(),
            bearerFormat: text(node, "bearerFormat"),
            parameterName: text(node, "name"),
            parameterLocation: text(node, "in").flatMap(Parameter.Location.init(rawValue:)),
            description: text(node, "description"),
            location: node.location
        )
    }

    func parseSecurity(_ node: Node) -> [SecurityRequirement] {
        guard let items = sequence(node, "'security'") else { return [] }
        return items.compactMap { item in
            guard let entries = mapping(item, "a security requirement") else { return nil }
            return SecurityRequirement(schemes: entries.map { entry in
                (entry.key, (entry.value.sequence ?? []).compactMap { $0.scalar?.text })
            })
        }
    }
}
