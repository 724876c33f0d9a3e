/// Finds the unions without a discriminator whose trial decoding could pick the wrong alternative:
/// an open enum's catch-all case (or a discriminated union's unknown case) inside one alternative
/// accepts a value that another alternative lists exactly. Those unions first try each
/// alternative rejecting unlisted values (`Union.triesExactMatchesFirst`).
enum UnionStrictness {
    static func mark(_ types: inout [SwiftType]) {
        var byName: [String: SwiftType] = [:]
        func index(_ types: [SwiftType], prefix: String) {
            for type in types {
                byName[prefix + type.name] = type
                index(type.nestedTypes, prefix: prefix + type.name + ".")
            }
        }
        index(types, prefix: "")

        var memo: [String: Bool] = [:]
        /// Whether a value of the named type can hold a catch-all case somewhere inside.
        func isLenient(_ name: String, visiting: inout Set<String>) -> Bool {
            if let known = memo[name] { return known }
            guard let type = byName[name], visiting.insert(name).inserted else { return false }
            let result: Bool
            switch type.kind {
            case .enumeration(let enumeration): result = enumeration.unknownCaseName != nil
            case .union(let union): result = union.discriminator != nil || union.cases.contains { reaches($0.type, visiting: &visiting) }
            case .structure(let structure):
                result = structure.properties.contains { reaches($0.type, visiting: &visiting) }
                    || structure.additionalProperties.map { reaches($0, visiting: &visiting) } ?? false
            case .alias(let target): result = reaches(target, visiting: &visiting)
            }
            visiting.remove(name)
            memo[name] = result
            return result
        }
        func reaches(_ type: TypeReference, visiting: inout Set<String>) -> Bool {
            switch type {
            case .named(let name): isLenient(name, visiting: &visiting)
            case .array(let element), .dictionary(let element), .optional(let element): reaches(element, visiting: &visiting)
            default: false
            }
        }

        func mark(_ types: inout [SwiftType]) {
            for index in types.indices {
                if case .union(var union) = types[index].kind, union.discriminator == nil, union.cases.count > 1 {
                    var visiting: Set<String> = []
                    union.triesExactMatchesFirst = union.cases.contains { reaches($0.type, visiting: &visiting) }
                    types[index].kind = .union(union)
                }
                mark(&types[index].nestedTypes)
            }
        }
        mark(&types)
    }
}
