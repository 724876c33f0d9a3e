import Diagnostics
import YAML

extension DocumentParser {
    /// Parses a Schema Object (or a 3.1 boolean schema). Never fails: what cannot be read is
    /// reported and left unconstrained, so later stages still see every property.
    func parseSchema(_ node: Node) -> Schema {
        let schema = Schema(location: node.location)
        if case .bool? = node.scalar?.value { return schema }  // `true`/`false` schemas (3.1)
        guard let entries = mapping(node, "a schema") else { return schema }
        context.depth += 1
        defer { context.depth -= 1 }
        guard context.depth <= Self.maxSchemaDepth else {
            diagnostics.error("schema nested deeper than \(Self.maxSchemaDepth) levels", at: node.location)
            return schema
        }

        if let refNode = node["$ref"] {
            if let target = parseSchemaReference(refNode) {
                switch target {
                case .named(let reference): schema.reference = reference
                case .inline(let resolved): copy(resolved, into: schema)
                }
            }
        }
        for entry in entries {
            readKeyword(entry, into: schema, node: node)
        }
        addPropertiesMarkedRequired(in: node, to: schema)
        return schema
    }

    /// `required: true` written on a property's schema (Swagger 1.x style, common in hand-written
    /// specs) instead of in the object's `required` list: the property is made required, with a
    /// warning. After all keywords, so a `required` list anywhere in the object is kept too.
    private func addPropertiesMarkedRequired(in node: Node, to schema: Schema) {
        guard let properties = node["properties"].flatMap({ resolvedMap($0, "'properties'")?.node.mapping }) else { return }
        for property in properties {
            guard let flag = property.value["required"], case .bool(let required)? = flag.scalar?.value else { continue }
            diagnostics.warning(
                "'required: \(required)' on property '\(property.key)'; OpenAPI lists required properties in the object's 'required' array; gen makes '\(property.key)' \(required ? "required" : "optional")",
                at: flag.location
            )
            if required, !schema.required.contains(property.key) { schema.required.append(property.key) }
        }
    }

    private enum ReferenceTarget {
        case named(SchemaReference)
        case inline(Schema)
    }

    private func parseSchemaReference(_ refNode: Node) -> ReferenceTarget? {
        guard let ref = refNode.scalar?.text else {
            diagnostics.error("expected a string for '$ref', found \(refNode.kindDescription)", at: refNode.location)
            return nil
        }
        let prefix = "#/components/schemas/"
        let inMainFile = refNode.location.sourceFile == root.location.sourceFile
        if inMainFile, ref.hasPrefix(prefix), let pointer = JSONPointer(reference: ref), pointer.tokens.count == 3 {
            let name = pointer.tokens[2]
            if componentSchemaNames.contains(name) {
                return .named(SchemaReference(pointer: ref, name: name, location: refNode.location))
            }
            var notes: [Diagnostic] = []
            if let suggestion = closestMatch(to: name, in: componentSchemaNames),
               let entry = componentSchemaEntries.first(where: { $0.key == suggestion })
            {
                notes.append(.note("did you mean '\(suggestion)'?", at: entry.keyLocation))
            }
            diagnostics.error("no schema named '\(name)' in components/schemas", at: refNode.location, notes: notes)
            return nil
        }
        if !inMainFile || !ref.hasPrefix("#") {
            return externalSchema(ref, at: refNode)
        }
        // Any other pointer: parse its target inline, once, guarding against cycles that do not
        // pass through a named schema (those could never be given a Swift type).
        if let cached = context.schemasByPointer[ref] { return .inline(cached) }
        if context.resolving.contains(ref) {
            diagnostics.error("cyclic schema reference '\(ref)' that does not pass through components/schemas", at: refNode.location)
            return nil
        }
        guard let target = locate(ref, at: refNode.location, what: "schema")?.node else { return nil }
        context.resolving.append(ref)
        defer { context.resolving.removeLast() }
        let resolved = parseSchema(target)
        context.schemasByPointer[ref] = resolved
        return .inline(resolved)
    }

    /// A schema in another file (or anywhere in a file other than the main one) becomes a named
    /// component of its own, named after the pointer's last token or else the file
    /// (`models/droplet.yml` → `droplet`), so every reference to it shares one Swift type.
    private func externalSchema(_ ref: String, at refNode: Node) -> ReferenceTarget? {
        guard let target = locate(ref, at: refNode.location, what: "schema") else { return nil }
        if let name = context.externalSchemaNames[target.key] {
            return .named(SchemaReference(pointer: ref, name: name, location: refNode.location))
        }
        // A schema that is only a reference to another is that other schema.
        if let next = target.node["$ref"], target.node.mapping?.count == 1, let nextRef = next.scalar?.text {
            // Such a chain can come back to where it started (`A: {$ref: 'spec.yaml#/…/A'}`); it
            // would be followed forever.
            guard !context.resolving.contains(target.key) else {
                diagnostics.error("cyclic schema reference '\(ref)': each schema on the cycle is only a '$ref' to the next; expected a schema with a type", at: refNode.location)
                return nil
            }
            context.resolving.append(target.key)
            defer { context.resolving.removeLast() }
            let resolved = next.location.sourceFile == root.location.sourceFile && nextRef.hasPrefix("#/components/schemas/")
                ? parseSchemaReference(next) : externalSchema(nextRef, at: next)
            if case .named(let reference)? = resolved { context.externalSchemaNames[target.key] = reference.name }
            return resolved
        }
        let base = target.pointer.tokens.last ?? String(target.file.split(separator: "/").last?.split(separator: ".").first ?? "Schema")
        var name = base
        var counter = 2
        let taken = Set(context.externalSchemaNames.values).union(componentSchemaNames)
        while taken.contains(name) {
            name = base + String(counter)
            counter += 1
        }
        // Registered (and given its place in the output) before parsing, so a schema that refers
        // back to itself finds its name, and schemas come out in the order they are first met.
        context.externalSchemaNames[target.key] = name
        let index = context.externalSchemas.count
        context.externalSchemas.append(NamedSchema(name: name, schema: Schema(location: target.node.location)))
        context.externalSchemas[index].schema = parseSchema(target.node)
        return .named(SchemaReference(pointer: ref, name: name, location: refNode.location))
    }

    private func copy(_ source: Schema, into schema: Schema) {
        schema.reference = source.reference
        schema.types = source.types
        schema.format = source.format
        schema.contentEncoding = source.contentEncoding
        schema.contentMediaType = source.contentMediaType
        schema.formatLocation = source.formatLocation
        schema.title = source.title
        schema.description = source.description
        schema.properties = source.properties
        schema.required = source.required
        schema.additionalProperties = source.additionalProperties
        schema.items = source.items
        schema.allOf = source.allOf
        schema.anyOf = source.anyOf
        schema.oneOf = source.oneOf
        schema.enumValues = source.enumValues
        schema.constValue = source.constValue
        schema.defaultValue = source.defaultValue
        schema.defaultLocation = source.defaultLocation
        schema.discriminator = source.discriminator
        schema.deprecated = source.deprecated
        schema.frozenEnum = source.frozenEnum
        schema.readOnly = source.readOnly
        schema.writeOnly = source.writeOnly
    }

    private func readKeyword(_ entry: MappingEntry, into schema: Schema, node: Node) {
        let value = entry.value
        switch entry.key {
        case "type":
            schema.types = parseTypes(value) + schema.types.filter { $0 == .null }
        case "nullable":
            if bool(node, "nullable") == true, !schema.types.contains(.null) { schema.types.append(.null) }
        case "format":
            schema.format = text(node, "format")
            schema.formatLocation = entry.keyLocation
        case "contentEncoding": schema.contentEncoding = text(node, "contentEncoding")
        case "contentMediaType": schema.contentMediaType = text(node, "contentMediaType")
        case "title": schema.title = text(node, "title")
        case "description": schema.description = text(node, "description")
        case "properties":
            // `properties: {$ref: 'file#/map'}` (DigitalOcean) is read as the map it names.
            guard let properties = mapEntries(value, "'properties'") else { return }
            for property in properties {
                if let flag = property.value["required"], case .bool? = flag.scalar?.value { context.propertyRequiredFlags.insert(flag.location) }
            }
            // Keys here are property names, never keywords: a property called `$ref` is data.
            schema.properties = properties.map { Schema.Property(name: $0.key, schema: parseSchema($0.value), location: $0.keyLocation) }
        case "required":
            // A boolean on a property's schema is read by the object holding it; elsewhere
            // (`requestBody: {content: {…: {schema: {required: true}}}}`) it says nothing a schema can.
            if case .bool(let flag)? = value.scalar?.value {
                if !context.propertyRequiredFlags.contains(value.location) {
                    diagnostics.warning("'required: \(flag)' on a schema that is not a property; OpenAPI lists required properties in an object's 'required' array; gen ignores it", at: value.location)
                }
                return
            }
            schema.required = strings(node, "required")
        case "additionalProperties":
            if case .bool(let allowed)? = value.scalar?.value {
                schema.additionalProperties = .allowed(allowed)
            } else {
                schema.additionalProperties = .schema(parseSchema(value))
            }
        case "items":
            if value.sequence != nil {
                diagnostics.warning("tuple-style 'items' (a list of schemas) is not supported; items are left unconstrained", at: value.location)
                schema.items = Schema(location: value.location)
            } else {
                schema.items = parseSchema(value)
            }
        case "allOf": schema.allOf = sequence(value, "'allOf'")?.map(parseSchema) ?? []
        case "anyOf": schema.anyOf = sequence(value, "'anyOf'")?.map(parseSchema) ?? []
        case "oneOf": schema.oneOf = sequence(value, "'oneOf'")?.map(parseSchema) ?? []
        case "enum":
            schema.enumValues = sequence(value, "'enum'")?.map(jsonValue)
        case "const": schema.constValue = jsonValue(value)
        case "default":
            schema.defaultValue = jsonValue(value)
            schema.defaultLocation = value.location
        case "discriminator": schema.discriminator = parseDiscriminator(value)
        case "deprecated": schema.deprecated = bool(node, "deprecated") ?? false
        case "readOnly": schema.readOnly = bool(node, "readOnly") ?? false
        case "writeOnly": schema.writeOnly = bool(node, "writeOnly") ?? false
        case "x-frozen-enum": schema.frozenEnum = bool(node, "x-frozen-enum") ?? false
        case "not":
            diagnostics.warning("'not' is not enforced by generated code; the constraint is ignored", at: entry.keyLocation)
        case "pattern": schema.pattern = value.scalar?.text
        case "patternProperties":
            diagnostics.warning("'patternProperties' is not generated yet; matching properties are kept only where 'additionalProperties' allows them", at: entry.keyLocation)
        default:
            break  // Other validation keywords (minimum, …), examples and extensions do not shape types.
        }
    }

    private func parseTypes(_ node: Node) -> [JSONType] {
        let names: [Node]
        if node.sequence != nil {
            names = node.sequence!
        } else {
            names = [node]
        }
        return names.compactMap { name in
            guard let text = name.scalar?.text, let type = JSONType(rawValue: text) else {
                // `type: file` (Swagger 2.0) and typos: the rest of the schema still describes the
                // value, so it is only left unconstrained by this entry.
                let known = JSONType.allCases.map(\.rawValue)
                diagnostics.warning(
                    "unknown type '\(name.scalar?.text ?? name.kindDescription)'; expected one of \(known.joined(separator: ", ")); gen ignores it",
                    at: name.location,
                    notes: name.scalar.flatMap { closestMatch(to: $0.text, in: known) }.map { [.note("did you mean '\($0)'?", at: name.location)] } ?? []
                )
                return nil
            }
            return type
        }
    }

    private func parseDiscriminator(_ node: Node) -> Schema.Discriminator? {
        guard mapping(node, "'discriminator'") != nil else { return nil }
        guard let propertyName = text(node, "propertyName") else {
            diagnostics.warning("missing 'propertyName' in discriminator; gen ignores the discriminator and decodes by trying each alternative", at: node.location)
            return nil
        }
        let mapping = (node["mapping"].flatMap { resolvedMap($0, "'mapping'")?.node.mapping } ?? []).compactMap { entry -> (value: String, schemaName: String, location: SourceLocation)? in
            guard let target = entry.value.scalar?.text else { return nil }
            // Values are schema names or references (§4.8.25.1). A reference into another file is
            // resolved as a `$ref` is, so it names the schema the alternatives' refs name; other
            // pointers in this file cannot name an alternative and are left as written.
            var name = target
            if componentSchemaNames.contains(target) {
                name = target
            } else if target.hasPrefix("#/components/schemas/") {
                name = String(target.dropFirst("#/components/schemas/".count))
            } else if !target.hasPrefix("#"), target.contains("#") || [".yaml", ".yml", ".json"].contains(where: { target.lowercased().hasSuffix($0) }),
                      case .named(let reference)? = parseSchemaReference(entry.value) {
                name = reference.name
            }
            return (entry.key, name, entry.value.location)
        }
        return Schema.Discriminator(propertyName: propertyName, mapping: mapping)
    }

    /// A spec value as exact JSON: plain YAML scalars by the core schema, quoted ones as strings.
    func jsonValue(_ node: Node) -> JSONValue {
        switch node.content {
        case .scalar(let scalar):
            switch scalar.value {
            case .null: return .null
            case .bool(let flag): return .bool(flag)
            case .int(let value): return .integer(value, text: scalar.text)
            case .float(let value):
                // Integers too large for `Int` arrive as floats; keep them integral.
                let digits = scalar.text.drop { $0 == "-" || $0 == "+" }
                if !digits.isEmpty, digits.allSatisfy(\.isNumber) { return .integer(nil, text: scalar.text) }
                return .number(value, text: scalar.text)
            case .string(let text): return .string(text)
            }
        case .sequence(let items): return .array(items.map(jsonValue))
        case .mapping(let entries):
            var object: [String: JSONValue] = [:]
            for entry in entries { object[entry.key] = jsonValue(entry.value) }
            return .object(object)
        }
    }
}
