import Diagnostics
import OpenAPI

/// Decides the Swift type of each schema. Holds the state the decisions share: the Swift name
/// of every component schema, which schemas are sent in requests, and inline types created on the way.
final class TypeBuilder {
    let document: Document
    let diagnostics: DiagnosticSink
    /// `components/schemas` name → Swift type name.
    private(set) var componentTypeNames: [String: String] = [:]
    /// The values of `componentTypeNames` and the reserved names, kept as a set so each declaration
    /// does not rebuild it: no nested type may take one, since the code inside its parent would then
    /// mean the nested type where it names the top-level one (`Data`, `Build`).
    private var componentTypeNameSet: Set<String>
    private var componentSchemas: [String: Schema] = [:]
    /// Component schemas reachable from a request body: their optional nullable fields are three-state.
    private(set) var requestSchemaNames: Set<String> = []
    /// Top-level types made for inline schemas of operations (`UpdateBuildRequest`).
    private(set) var operationTypes: [SwiftType] = []
    private var topLevelScope: NameScope
    private let reserved: ReservedNames

    /// Component schema name → the Swift name the user chose for it.
    private let schemaRenames: [String: String]
    /// Where each rename was written, for a clash with another name.
    private let renameLocations: [String: SourceLocation]

    init(document: Document, diagnostics: DiagnosticSink, reserved: ReservedNames, overrides: NameOverrides = NameOverrides()) {
        self.document = document
        self.diagnostics = diagnostics
        self.reserved = reserved
        self.topLevelScope = NameScope(reserved: reserved.names)
        self.componentTypeNameSet = reserved.names
        self.schemaRenames = NameOverrides.validated(overrides.schemas, kind: "schema", known: document.components.schemas.map(\.name), diagnostics: diagnostics)
        self.renameLocations = Dictionary(overrides.schemas.compactMap { entry in entry.location.map { (entry.original, $0) } }, uniquingKeysWith: { _, last in last })
    }

    /// Where an inline type is declared: at the top level or nested in the type being built.
    enum Owner {
        case topLevel
        case nested(Container)
    }

    /// The nested types of one type under construction, with their own name scope.
    final class Container {
        let qualifiedName: String
        var types: [SwiftType] = []
        var scope: NameScope

        /// - Parameter reserved: top-level type names: a nested type with one of them would
        ///   shadow the top-level type inside its parent.
        init(qualifiedName: String, reserved: Set<String>) {
            self.qualifiedName = qualifiedName
            self.scope = NameScope(reserved: reserved)
        }
    }

    /// Whether a `contentMediaType` names bytes (`image/png`) rather than text a `String` holds
    /// (`text/html`, `application/json`, XML).
    static func isBinaryMediaType(_ mediaType: String) -> Bool {
        let essence = MediaType.essence(of: mediaType)
        return !(essence.hasPrefix("text/") || essence.hasSuffix("json") || essence.hasSuffix("xml"))
    }

    /// A top-level name for a type declared outside the models (a body enum), unique among them.
    func claimTopLevelName(_ name: String) -> String {
        topLevelScope.claim(name)
    }

    /// The schema `schema` stands for: a component's when it is a `$ref`.
    func resolved(_ schema: Schema) -> Schema {
        var schema = schema
        var seen: Set<String> = []
        while let name = schema.reference?.name, seen.insert(name).inserted, let target = componentSchemas[name] { schema = target }
        return schema
    }

    // MARK: Component schemas

    func nameComponentSchemas() {
        // The schema holding each Swift name, so a rename caused by an earlier rename is reported too.
        var schemaBySwiftName: [String: String] = [:]
        // Renamed schemas claim their names first, so they get exactly what the user wrote and a
        // derived name that collides is the one numbered.
        var renamed: [String: String] = [:]
        for named in document.components.schemas {
            guard let wanted = schemaRenames[named.name] else { continue }
            if topLevelScope.contains(wanted) {
                let holder = schemaBySwiftName[wanted].map { "schema '\($0)'" } ?? "a type of gen's support code"
                diagnostics.error("cannot rename schema '\(named.name)' to '\(wanted)': \(holder) already has that name", at: renameLocations[named.name])
            }
            let name = topLevelScope.claim(wanted)
            schemaBySwiftName[name] = named.name
            renamed[named.name] = name
        }
        for named in document.components.schemas {
            let name: String
            if let chosen = renamed[named.name] {
                name = chosen
            } else {
                let base = Naming.typeName(named.name)
                let wanted = reserved.contains(base) ? base + "Schema" : base
                name = topLevelScope.claim(wanted)
                schemaBySwiftName[name] = named.name
                if name != wanted, let other = schemaBySwiftName[wanted], renamed[other] != nil {
                    // Numbering a schema the user did not rename would surprise more than an error.
                    diagnostics.error(
                        "cannot rename schema '\(other)' to '\(wanted)': schema '\(named.name)' has that name; rename it too",
                        at: renameLocations[other]
                    )
                } else if name != wanted, let other = schemaBySwiftName[wanted] {
                    diagnostics.warning(
                        "schemas '\(other)' and '\(named.name)' both map to the Swift name '\(wanted)'; '\(named.name)' is named '\(name)'",
                        at: named.schema.location
                    )
                }
            }
            componentTypeNames[named.name] = name
            componentTypeNameSet.insert(name)
            componentSchemas[named.name] = named.schema
        }
        requestSchemaNames = document.schemaNames(reachableFrom: document.paths.flatMap(\.operations).compactMap(\.requestBody).flatMap(\.content).compactMap(\.schema))
    }

    func buildComponentTypes() -> [SwiftType] {
        document.components.schemas.map { named in
            let name = componentTypeNames[named.name]!
            if let cycle = referenceCycle(from: named.name) {
                // `typealias A = B` and `typealias B = A` would not compile; there is no type to name.
                diagnostics.error(
                    "schema '\(named.name)' is only a '$ref' back to itself (\(cycle.map { "'\($0)'" }.joined(separator: " -> "))); expected a schema with a type",
                    at: named.schema.location
                )
                return SwiftType(name: name, schemaName: named.name, documentation: named.schema.description, deprecated: named.schema.deprecated, kind: .alias(.jsonValue), nestedTypes: [])
            }
            var type = makeType(named: name, qualifiedName: name, schema: named.schema, isRequest: requestSchemaNames.contains(named.name))
            type.schemaName = named.name
            return type
        }
    }

    /// The names on a loop of component schemas that are each nothing but a `$ref` to the next,
    /// starting and ending at `name`; `nil` when following the refs from `name` reaches a real schema.
    private func referenceCycle(from name: String) -> [String]? {
        var chain = [name]
        while let schema = componentSchemas[chain.last!], Shape(schema).enumValues == nil, let next = Shape(schema).core.reference?.name {
            if next == name { return chain + [name] }
            if chain.contains(next) { return nil }  // A loop that `name` only leads into; reported for its members.
            chain.append(next)
        }
        return nil
    }

    // MARK: Declarations

    /// The declaration for a schema that gets a name of its own.
    func makeType(named name: String, qualifiedName: String, schema: Schema, isRequest: Bool) -> SwiftType {
        let container = Container(qualifiedName: qualifiedName, reserved: componentTypeNameSet)
        let kind: SwiftType.Kind
        let shape = Shape(schema)
        if let values = shape.enumValues {
            kind = .enumeration(Self.makeEnumeration(values, schema: shape.core, frozen: schema.frozenEnum || shape.core.frozenEnum, diagnostics: diagnostics))
        } else if shape.core.reference == nil, !shape.core.properties.isEmpty || shape.core.allOf.count > 1 || isFreeFormObjectWithProperties(shape.core) {
            kind = .structure(makeStructure(shape.core, container: container, isRequest: isRequest))
        } else if shape.alternatives.count > 1 {
            kind = .union(makeUnion(shape.alternatives, discriminator: schema.discriminator ?? shape.core.discriminator, at: schema.location, container: container, isRequest: isRequest))
        } else {
            // A typealias cannot hold nested types: inline ones it needs go to the top level, named after it.
            var target = reference(for: shape.core, suggestedName: name, owner: .topLevel, isRequest: isRequest).type
            if shape.nullable { target = .optional(target) }
            kind = .alias(target)
        }
        return SwiftType(
            name: name,
            schemaName: nil,
            documentation: schema.description,
            deprecated: schema.deprecated,
            kind: kind,
            nestedTypes: container.types,
            deprecationMessage: schema.deprecated ? Deprecation.message(from: schema.description) : nil
        )
    }

    private func isFreeFormObjectWithProperties(_ schema: Schema) -> Bool {
        schema.allOf.count == 1 && schema.allOf[0].reference == nil && !schema.allOf[0].properties.isEmpty
    }

    private func makeStructure(_ schema: Schema, container: Container, isRequest: Bool) -> Structure {
        let merged = mergedObject(schema)
        let hasAdditional: Bool = switch merged.additionalProperties {
        case .schema?, .allowed(true)?: !merged.properties.isEmpty
        default: false
        }
        // The extra keys are stored under `additionalProperties`: no declared property may take that name.
        var memberScope = NameScope(reserved: hasAdditional ? ["additionalProperties"] : [])
        var properties: [Property] = []
        for property in merged.properties {
            let required = merged.required.contains(property.name)
            let typeName = container.scope.claim(Naming.typeName(property.name))
            let resolved = reference(for: property.schema, suggestedName: typeName, owner: .nested(container), isRequest: isRequest)
            let presence: Property.Presence = switch (required, resolved.nullable) {
            case (true, false): .required
            case (true, true): .requiredNullable
            case (false, true): isRequest ? .optionalNullable : .optional
            case (false, false): .optional
            }
            properties.append(Property(
                jsonName: property.name,
                swiftName: memberScope.claim(Naming.memberName(property.name)),
                type: resolved.type,
                presence: presence,
                defaultValue: presence == .optional && !resolved.nullable ? defaultValue(for: property.schema, type: resolved.type) : nil,
                documentation: property.schema.description ?? property.schema.reference.flatMap { componentSchemas[$0.name]?.description },
                deprecated: property.schema.deprecated,
                deprecationMessage: property.schema.deprecated ? Deprecation.message(from: property.schema.description) : nil
            ))
        }
        var additional: TypeReference?
        if !properties.isEmpty, case .schema(let extra)? = merged.additionalProperties {
            let value = reference(for: extra, suggestedName: container.scope.claim("AdditionalProperty"), owner: .nested(container), isRequest: isRequest)
            additional = value.nullable ? .optional(value.type) : value.type
        } else if !properties.isEmpty, case .allowed(true)? = merged.additionalProperties {
            additional = .jsonValue
        }
        var structure = Structure(properties: properties, additionalProperties: additional)
        if !properties.isEmpty, case .allowed(false)? = merged.additionalProperties { structure.rejectsUndeclaredKeys = true }
        return structure
    }

    /// Properties and `required` of an object, with `allOf` members merged in (component refs followed).
    private func mergedObject(_ schema: Schema) -> (properties: [Schema.Property], required: Set<String>, additionalProperties: Schema.AdditionalProperties?) {
        var properties: [Schema.Property] = []
        var required: Set<String> = []
        var additional = schema.additionalProperties
        var visiting: Set<String> = []
        func merge(_ schema: Schema) {
            if let reference = schema.reference {
                guard visiting.insert(reference.name).inserted, let target = componentSchemas[reference.name] else { return }
                merge(target)
                return
            }
            for member in schema.allOf { merge(member) }
            for property in schema.properties {
                if let index = properties.firstIndex(where: { $0.name == property.name }) {
                    properties[index] = property
                } else {
                    properties.append(property)
                }
            }
            required.formUnion(schema.required)
            if additional == nil { additional = schema.additionalProperties }
        }
        merge(schema)
        return (properties, required, additional)
    }

    /// - Parameter diagnostics: where a value that is not a string goes; `nil` when the enumeration
    ///   was already built (and reported) as a declaration and is only looked at again.
    private static func makeEnumeration(_ values: [JSONValue], schema: Schema, frozen: Bool = false, diagnostics: DiagnosticSink?) -> Enumeration {
        let isInteger = values.allSatisfy { if case .integer(let value, _) = $0 { value != nil } else { false } }
        var scope = NameScope()
        var cases: [Enumeration.Case] = []
        for value in values {
            switch value {
            case .string(let text):
                cases.append(.init(name: scope.claim(Naming.memberName(text)), rawValue: text))
            case .integer(_, let text) where isInteger:
                cases.append(.init(name: scope.claim(Naming.memberName(text)), rawValue: text))
            default:
                // Mixed or non-string values: keep the text so nothing is lost; issue a warning.
                diagnostics?.warning("enum value \(Self.describe(value)) is not a string; it is kept as the string '\(Self.text(of: value))'", at: schema.location)
                cases.append(.init(name: scope.claim(Naming.memberName(Self.text(of: value))), rawValue: Self.text(of: value)))
            }
        }
        let unknown = frozen ? nil : scope.claim(scope.contains("unknown") ? "undeclared" : "unknown")
        return Enumeration(rawType: isInteger ? .int : .string, cases: cases, unknownCaseName: unknown)
    }

    private func makeUnion(_ alternatives: [Schema], discriminator: Schema.Discriminator?, at location: SourceLocation, container: Container, isRequest: Bool) -> Union {
        var scope = NameScope()
        var cases = alternatives.enumerated().map { index, alternative in
            let type = reference(for: alternative, suggestedName: container.scope.claim("Case\(index + 1)"), owner: .nested(container), isRequest: isRequest).type
            return Union.Case(name: scope.claim(Self.caseName(for: type)), type: type)
        }
        guard let discriminator else { return Union(cases: cases, isIndirect: false) }

        // Tags: the mapping's keys (several may name one schema), then each remaining schema's own
        // name (the implicit mapping, §4.8.25). A tag selects one case only.
        var claimed: Set<String> = []
        let names = alternatives.map { $0.reference?.name }
        for entry in discriminator.mapping {
            guard let index = names.firstIndex(of: entry.schemaName) else {
                diagnostics.warning(
                    "discriminator mapping '\(entry.value)' names '\(entry.schemaName)', which is not one of the alternatives; the value decodes as unknown",
                    at: entry.location
                )
                continue
            }
            if claimed.insert(entry.value).inserted { cases[index].tags.append(entry.value) }
        }
        // Unmapped alternatives that pin the property to values (`enum`/`const`, as OpenAI's specs
        // do) are selected by those values: their schema name could never pass their own schema.
        let unmapped = cases.indices.filter { cases[$0].tags.isEmpty }
        for index in unmapped {
            for value in pinnedValues(of: discriminator.propertyName, in: alternatives[index]) where claimed.insert(value).inserted {
                cases[index].tags.append(value)
            }
        }
        for index in unmapped where cases[index].tags.isEmpty {
            if let name = names[index], pinnedValues(of: discriminator.propertyName, in: alternatives[index]).isEmpty, claimed.insert(name).inserted {
                cases[index].tags.append(name)
            } else {
                diagnostics.warning(
                    "alternative \(index + 1) has no discriminator value of its own (it is not in the mapping, and an inline schema has no name); it is tried only for values no other alternative takes",
                    at: alternatives[index].location
                )
            }
        }
        // An object alternative without the tag property would lose the tag on encoding: the union writes it.
        for index in cases.indices {
            let target = alternatives[index].reference.flatMap { componentSchemas[$0.name] } ?? alternatives[index]
            let merged = mergedObject(target)
            let isObject = !merged.properties.isEmpty || Shape(target).core.types.contains(.object)
            if isObject, !merged.properties.contains(where: { $0.name == discriminator.propertyName }) {
                cases[index].writtenTag = cases[index].tags.first
            }
        }
        let unknown = scope.claim(scope.contains("unknown") ? "undocumented" : "unknown")
        return Union(cases: cases, isIndirect: false, discriminator: .init(propertyName: discriminator.propertyName, unknownCaseName: unknown))
    }

    /// The string values a schema allows for its property `name` (`enum` or `const`), following `$ref`s and `allOf`.
    private func pinnedValues(of name: String, in schema: Schema) -> [String] {
        let target = schema.reference.flatMap { componentSchemas[$0.name] } ?? schema
        guard let property = mergedObject(target).properties.first(where: { $0.name == name }) else { return [] }
        let propertySchema = property.schema.reference.flatMap { componentSchemas[$0.name] } ?? property.schema
        return (Shape(propertySchema).enumValues ?? []).compactMap { value in
            if case .string(let text) = value { return text }
            return nil
        }
    }

    private static func caseName(for type: TypeReference) -> String {
        switch type {
        case .string: "string"
        case .bool: "bool"
        case .int, .int32, .int64: "integer"
        case .double, .float: "number"
        case .date: "date"
        case .calendarDate: "calendarDate"
        case .uuid: "uuid"
        case .data: "data"
        case .jsonValue: "json"
        case .named(let name): Naming.memberName(String(name.split(separator: ".").last ?? ""))
        case .array(let element): caseName(for: element) + "Array"
        case .dictionary(let value): caseName(for: value) + "Map"
        case .optional(let wrapped): caseName(for: wrapped)
        }
    }

    // MARK: Uses

    /// The type a value of `schema` has where it is used, and whether `null` is allowed there.
    /// Inline schemas that need a declaration (objects, enums, unions) are declared in `owner`.
    func reference(for schema: Schema, suggestedName: String, owner: Owner, isRequest: Bool) -> (type: TypeReference, nullable: Bool) {
        let shape = Shape(schema)
        let core = shape.core
        if let reference = core.reference {
            let name = componentTypeNames[reference.name] ?? "JSONValue"
            return (.named(name), shape.nullable || nullableComponent(reference.name))
        }
        if shape.enumValues != nil || !core.properties.isEmpty || core.allOf.count > 1 || shape.alternatives.count > 1 || isFreeFormObjectWithProperties(core) {
            return (.named(declare(schema: schema, suggestedName: suggestedName, owner: owner, isRequest: isRequest)), shape.nullable)
        }
        if core.allOf.count == 1 {
            let inner = reference(for: core.allOf[0], suggestedName: suggestedName, owner: owner, isRequest: isRequest)
            return (inner.type, inner.nullable || shape.nullable)
        }
        let types = core.types.filter { $0 != .null }
        let type: TypeReference
        switch types.count == 1 ? types[0] : nil {
        case .string?:
            type = stringType(core)
        case .integer?:
            switch core.format {
            case "int32": type = .int32
            case "int64": type = .int64
            default: type = .int
            }
        case .number?: type = core.format == "float" ? .float : .double
        case .boolean?: type = .bool
        case .array?:
            type = .array(itemType(core.items, suggestedName: suggestedName + "Item", owner: owner, isRequest: isRequest))
        case .object?:
            if case .schema(let values)? = core.additionalProperties {
                let value = reference(for: values, suggestedName: suggestedName + "Value", owner: owner, isRequest: isRequest)
                type = .dictionary(value.nullable ? .optional(value.type) : value.type)
            } else {
                type = .dictionary(.jsonValue)
            }
        case .null?, nil:
            if core.items != nil, types.isEmpty {
                type = .array(itemType(core.items, suggestedName: suggestedName + "Item", owner: owner, isRequest: isRequest))
            } else {
                type = .jsonValue
            }
        }
        return (type, shape.nullable)
    }

    /// The Swift type of a string schema, by `format` (OpenAPI 3.1 §4.4) and `contentEncoding`
    /// (JSON Schema 2020-12 §8.3). `byte`, `binary`, `contentEncoding: base64` and a binary
    /// `contentMediaType` (`image/png`) are `Data`: raw bytes as a whole body or a multipart part,
    /// base64 (RFC 4648 §4) inside JSON, the only way JSON can carry them. A textual
    /// `contentMediaType` (an embedded document) stays a `String`.
    private func stringType(_ core: Schema) -> TypeReference {
        switch core.format {
        case "date-time": return .date
        case "date": return .calendarDate
        case "uuid": return .uuid
        // `binary` is raw bytes in a binary body or a multipart part; inside a JSON object the same
        // `Data` is written as base64 (the one way JSON can carry it), so no warning: the schema may
        // serve a multipart form and JSON alike.
        case "byte", "binary": return .data
        default:
            break
        }
        // 3.1 (§4.8.14.3): a string holding a file of a binary media type (`image/png`).
        if core.contentMediaType.map(Self.isBinaryMediaType) ?? false { return .data }
        switch core.contentEncoding?.lowercased() {
        case "base64"?: return .data
        case let encoding?:
            diagnostics.warning("contentEncoding '\(encoding)' is not generated yet (only base64 is); the value is kept as the encoded text", at: core.location)
            return .string
        case nil: return .string
        }
    }

    private func itemType(_ items: Schema?, suggestedName: String, owner: Owner, isRequest: Bool) -> TypeReference {
        guard let items else { return .jsonValue }
        let item = reference(for: items, suggestedName: suggestedName, owner: owner, isRequest: isRequest)
        return item.nullable ? .optional(item.type) : item.type
    }

    private func nullableComponent(_ name: String) -> Bool {
        guard let schema = componentSchemas[name] else { return false }
        return Shape(schema).nullable && schema.reference == nil
    }

    private func declare(schema: Schema, suggestedName: String, owner: Owner, isRequest: Bool) -> String {
        switch owner {
        case .topLevel:
            let name = topLevelScope.claim(suggestedName)
            operationTypes.append(makeType(named: name, qualifiedName: name, schema: schema, isRequest: isRequest))
            return name
        case .nested(let container):
            let qualified = container.qualifiedName + "." + suggestedName
            container.types.append(makeType(named: suggestedName, qualifiedName: qualified, schema: schema, isRequest: isRequest))
            return qualified
        }
    }

    /// The schema's `default` (or its `$ref` target's) as a value of `type`; `nil` with a warning
    /// when it does not fit the type.
    func defaultValue(for schema: Schema, type: TypeReference) -> DefaultValue? {
        guard let value = schema.defaultValue ?? schema.reference.flatMap({ componentSchemas[$0.name]?.defaultValue }) else { return nil }
        return defaultValue(value, for: schema, type: type, at: schema.defaultLocation ?? schema.location)
    }

    /// `value` as a default of `type`, or `nil` with a warning when the spec contradicts itself
    /// (real specs do: a boolean default on a string); the property then simply has no default.
    private func defaultValue(_ value: JSONValue, for schema: Schema, type: TypeReference, at location: SourceLocation) -> DefaultValue? {
        if case .named(let name) = type, let enumeration = enumeration(named: name, schema: schema) {
            let raw = Self.text(of: value)
            guard let match = enumeration.cases.first(where: { $0.rawValue == raw }) else {
                diagnostics.warning(
                    "default \(Self.describe(value)) is not one of the enum values \(enumeration.cases.map { "'\($0.rawValue)'" }.joined(separator: ", ")); it is ignored",
                    at: location
                )
                return nil
            }
            return .enumCase(match.name)
        }
        func mismatch() -> DefaultValue? {
            diagnostics.warning("default \(Self.describe(value)) does not match the property's type \(type.spelling); it is ignored", at: location)
            return nil
        }
        switch (type, value) {
        case (.string, .string(let text)): return .string(text)
        case (.bool, .bool(let flag)): return .bool(flag)
        case (.int, .integer(_?, let text)), (.int64, .integer(_?, let text)):
            return .number(text)
        case (.int32, .integer(let integer?, let text)) where Int32(exactly: integer) != nil:
            return .number(text)
        case (.double, .integer(let integer, let text)), (.float, .integer(let integer, let text)):
            // Integer text reads exactly as a Double or Float up to 2^53 or 2^24; beyond, swiftc rejects it.
            if let integer, integer.magnitude <= (type == .float ? 1 << 24 : 1 << 53) { return .number(text) }
            guard let literal = (integer.map(Double.init) ?? Double(text)).flatMap({ Self.floatingLiteral($0, isFloat: type == .float) }) else {
                return mismatch()
            }
            return .number(literal)
        case (.double, .number(let number, _)), (.float, .number(let number, _)):
            // YAML's `.5`, `5.`, `.inf` and literals that overflow or underflow are not Swift literals.
            guard let literal = Self.floatingLiteral(number, isFloat: type == .float) else { return mismatch() }
            return .number(literal)
        case (.array(let element), .array(let values)):
            // Arrays of scalars and enums (`tags: [a, b]`); one bad element drops the whole default.
            let itemSchema = Shape(schema.reference.flatMap { componentSchemas[$0.name] } ?? schema).core.items ?? schema
            var elements: [DefaultValue] = []
            for value in values {
                guard let element = defaultValue(value, for: itemSchema, type: element, at: location) else { return nil }
                elements.append(element)
            }
            return .array(elements)
        case (.date, .string(let text)):
            guard let seconds = RFC3339Literal.secondsSince1970(text), let literal = Self.floatingLiteral(seconds, isFloat: false) else {
                return mismatch()
            }
            return .date(secondsSince1970: literal)
        case (.calendarDate, .string(let text)):
            guard let date = RFC3339Literal.fullDate(text) else { return mismatch() }
            return .calendarDate(year: date.year, month: date.month, day: date.day)
        case (_, .null): return nil
        case (.string, _), (.bool, _), (.int, _), (.int32, _), (.int64, _), (.double, _), (.float, _), (.array, _), (.date, _), (.calendarDate, _):
            return mismatch()
        default:
            return nil  // Defaults of objects are documentation only.
        }
    }

    /// `value` spelled so swiftc takes it without a warning: the shortest text that reads back as the
    /// same `Double` (or `Float`), `.infinity`, `.nan`, or a subnormal's bit pattern; `nil` when it
    /// does not fit a `Float`.
    static func floatingLiteral(_ value: Double, isFloat: Bool) -> String? {
        if value.isNaN { return ".nan" }
        if value.isInfinite { return value < 0 ? "-.infinity" : ".infinity" }
        guard isFloat else {
            return value.isSubnormal ? "Double(bitPattern: 0x\(String(value.bitPattern, radix: 16)))" : "\(value)"
        }
        let single = Float(value)
        if single.isInfinite { return nil }
        return single.isSubnormal ? "Float(bitPattern: 0x\(String(single.bitPattern, radix: 16)))" : "\(single)"
    }

    /// The enumeration a named type stands for, found by building the enum of its schema again
    /// (cheap, and keeps case names consistent with the declaration).
    private func enumeration(named name: String, schema: Schema) -> Enumeration? {
        let target = schema.reference.flatMap { componentSchemas[$0.name] } ?? schema
        let shape = Shape(target)
        guard let values = shape.enumValues else { return nil }
        return Self.makeEnumeration(values, schema: shape.core, frozen: target.frozenEnum || shape.core.frozenEnum, diagnostics: nil)
    }

    static func text(of value: JSONValue) -> String {
        switch value {
        case .null: "null"
        case .bool(let flag): String(flag)
        case .integer(_, let text), .number(_, let text): text
        case .string(let text): text
        case .array, .object: json(value)
        }
    }

    /// Arrays and objects as compact JSON, keys sorted so the text is the same on every run.
    /// (Swift's own description is neither JSON nor stable, and costs reflection on every node,
    /// which an alias-expanded value of a million nodes turns into minutes.)
    private static func json(_ value: JSONValue) -> String {
        var output = ""
        func write(_ value: JSONValue) {
            switch value {
            case .string(let text):
                output += "\""
                for scalar in text.unicodeScalars {
                    if scalar.value < 0x20 {
                        let hex = String(scalar.value, radix: 16)
                        output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                        continue
                    }
                    if scalar == "\"" || scalar == "\\" { output += "\\" }
                    output.unicodeScalars.append(scalar)
                }
                output += "\""
            case .array(let items):
                output += "["
                for (index, item) in items.enumerated() {
                    if index > 0 { output += "," }
                    write(item)
                }
                output += "]"
            case .object(let members):
                output += "{"
                for (index, key) in members.keys.sorted().enumerated() {
                    if index > 0 { output += "," }
                    write(.string(key))
                    output += ":"
                    write(members[key]!)
                }
                output += "}"
            case .null, .bool, .integer, .number:
                output += text(of: value)
            }
        }
        write(value)
        return output
    }

    static func describe(_ value: JSONValue) -> String {
        if case .string(let text) = value { return "'\(text)'" }
        return text(of: value)
    }
}

/// A schema with FastAPI-style nullability peeled off: `anyOf: [T, {type: 'null'}]`,
/// `type: [T, 'null']` and 3.0 `nullable: true` all become `T` plus `nullable`.
struct Shape {
    /// The schema that remains after removing the `null` alternative.
    var core: Schema
    var nullable: Bool
    /// The non-null alternatives of `anyOf`/`oneOf` when there is more than one.
    var alternatives: [Schema]
    /// Enum values without `null`, when the schema is an enum.
    var enumValues: [JSONValue]?

    init(_ schema: Schema) {
        var core = schema
        var nullable = schema.allowsNull
        var alternatives: [Schema] = []
        let options = schema.anyOf.isEmpty ? schema.oneOf : schema.anyOf
        if !options.isEmpty, schema.properties.isEmpty {
            let nonNull = options.filter { !$0.isNullOnly }
            nullable = nullable || nonNull.count < options.count || nonNull.contains { $0.allowsNull && $0.reference == nil && $0.types.count == 1 }
            if nonNull.count == 1 {
                core = nonNull[0]
                nullable = nullable || Shape(nonNull[0]).nullable
            } else {
                alternatives = nonNull
            }
        }
        var enumValues = core.enumValues ?? core.constValue.map { [$0] }
        if let values = enumValues, values.contains(.null) {
            nullable = true
            enumValues = values.filter { $0 != .null }
        }
        self.core = core
        self.nullable = nullable
        self.alternatives = alternatives
        self.enumValues = enumValues.flatMap { $0.isEmpty ? nil : $0 }
    }
}
