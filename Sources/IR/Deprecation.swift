/// `deprecated: true` as Swift sees it. Swift warns wherever a deprecated declaration is named
/// outside a deprecated context, so a schema's deprecation reaches every declaration that spells
/// its type: a property, union case, alias or operation using a deprecated type is deprecated too
/// (otherwise the generated module would warn about itself). The templates then keep every
/// remaining use inside deprecated contexts or behind protocol requirements, which do not warn.
enum Deprecation {
    /// The `@available` message for an explicitly deprecated item: the first line of its
    /// description that talks about the deprecation ("Deprecated: use /v2/items"), else `nil`.
    static func message(from description: String?) -> String? {
        guard let description else { return nil }
        for line in description.split(whereSeparator: { $0 == "\n" || $0 == "\r" }) {
            let trimmed = line.drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed()
            if String(trimmed).lowercased().contains("deprecat") { return String(String(trimmed).prefix(300)) }
        }
        return nil
    }

    /// Marks what uses deprecated types as deprecated, in place: aliases of them (transitively),
    /// properties and union cases of types that are not themselves deprecated, parameters, and
    /// operations whose signature (parameters, request body, success body) names one; responses
    /// whose body does are marked for the server's response enum.
    static func propagate(types: inout [SwiftType], operations: inout [APIOperation]) {
        var deprecated: Set<String> = []
        func collect(_ types: [SwiftType], prefix: String) {
            for type in types {
                if type.deprecated { deprecated.insert(prefix + type.name) }
                collect(type.nestedTypes, prefix: prefix + type.name + ".")
            }
        }
        collect(types, prefix: "")

        // Aliases of deprecated types are deprecated, until nothing changes (an alias of an alias).
        var changed = true
        while changed {
            changed = false
            func markAliases(_ types: inout [SwiftType], prefix: String) {
                for index in types.indices {
                    let name = prefix + types[index].name
                    if case .alias(let target) = types[index].kind, !types[index].deprecated,
                       let used = firstDeprecated(in: target, deprecated) {
                        types[index].deprecated = true
                        types[index].deprecationMessage = usesMessage(used)
                        deprecated.insert(name)
                        changed = true
                    }
                    markAliases(&types[index].nestedTypes, prefix: name + ".")
                }
            }
            markAliases(&types, prefix: "")
        }

        func markMembers(_ types: inout [SwiftType], insideDeprecated: Bool) {
            for index in types.indices {
                let context = insideDeprecated || types[index].deprecated
                if !context {
                    switch types[index].kind {
                    case .structure(var structure):
                        for property in structure.properties.indices where !structure.properties[property].deprecated {
                            if let used = firstDeprecated(in: structure.properties[property].type, deprecated) {
                                structure.properties[property].deprecated = true
                                structure.properties[property].deprecationMessage = usesMessage(used)
                            }
                        }
                        types[index].kind = .structure(structure)
                    case .union(var union):
                        for option in union.cases.indices {
                            if let used = firstDeprecated(in: union.cases[option].type, deprecated) {
                                union.cases[option].deprecated = true
                                union.cases[option].deprecationMessage = usesMessage(used)
                            }
                        }
                        types[index].kind = .union(union)
                    case .enumeration, .alias:
                        break
                    }
                }
                markMembers(&types[index].nestedTypes, insideDeprecated: context)
            }
        }
        markMembers(&types, insideDeprecated: false)

        // A body enum with a case of a deprecated type is deprecated, and so is what names it.
        for index in operations.indices {
            if let name = operations[index].requestBody?.choiceTypeName,
               let used = operations[index].requestBody?.contents.lazy.compactMap({ firstDeprecated(in: $0.type, deprecated) }).first {
                operations[index].requestBody?.choiceDeprecationMessage = usesMessage(used)
                deprecated.insert(name)
            }
            for response in operations[index].responses.indices {
                if let name = operations[index].responses[response].choiceTypeName,
                   let used = operations[index].responses[response].contents.lazy.compactMap({ firstDeprecated(in: $0.type, deprecated) }).first {
                    operations[index].responses[response].choiceDeprecationMessage = usesMessage(used)
                    deprecated.insert(name)
                }
            }
        }

        for index in operations.indices {
            var signatureUse: String?
            for parameter in operations[index].parameters.indices {
                if let used = firstDeprecated(in: operations[index].parameters[parameter].type, deprecated) {
                    operations[index].parameters[parameter].deprecated = true
                    if operations[index].parameters[parameter].deprecationMessage == nil {
                        operations[index].parameters[parameter].deprecationMessage = usesMessage(used)
                    }
                    signatureUse = signatureUse ?? used
                }
            }
            if let body = operations[index].requestBody?.type, let used = firstDeprecated(in: body, deprecated) {
                signatureUse = signatureUse ?? used
            }
            let success = operations[index].successResponse?.status
            for response in operations[index].responses.indices {
                guard let body = operations[index].responses[response].bodyType, let used = firstDeprecated(in: body, deprecated) else { continue }
                operations[index].responses[response].deprecated = true
                operations[index].responses[response].deprecationMessage = usesMessage(used)
                if operations[index].responses[response].status == success { signatureUse = signatureUse ?? used }
            }
            if let used = signatureUse, !operations[index].deprecated {
                operations[index].deprecated = true
                operations[index].deprecationMessage = usesMessage(used)
            }
        }
    }

    /// Whether `type` names a deprecated type.
    static func mentionsDeprecated(_ type: TypeReference, in types: [SwiftType]) -> Bool {
        var deprecated: Set<String> = []
        func collect(_ types: [SwiftType], prefix: String) {
            for type in types {
                if type.deprecated { deprecated.insert(prefix + type.name) }
                collect(type.nestedTypes, prefix: prefix + type.name + ".")
            }
        }
        collect(types, prefix: "")
        return firstDeprecated(in: type, deprecated) != nil
    }

    /// The first deprecated type `type` names (itself, an enclosing type of a nested one, an element).
    private static func firstDeprecated(in type: TypeReference, _ deprecated: Set<String>) -> String? {
        switch type {
        case .named(let name):
            var prefix = ""
            for component in name.split(separator: ".") {
                prefix += prefix.isEmpty ? String(component) : "." + component
                if deprecated.contains(prefix) { return prefix }
            }
            return nil
        case .array(let element), .dictionary(let element), .optional(let element):
            return firstDeprecated(in: element, deprecated)
        default:
            return nil
        }
    }

    private static func usesMessage(_ name: String) -> String {
        "uses the deprecated type '\(name)'"
    }
}
