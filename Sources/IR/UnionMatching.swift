/// Prepares the unions without a discriminator for choosing the alternative that fits a value best
/// (the generated `UnionCoding.decode` applies the rule):
/// - `Union.triesExactMatchesFirst`: an alternative can hold a catch-all case somewhere inside (an
///   open enum's, or a discriminated union's unknown case) or an object with
///   `additionalProperties: false`, so each alternative is first tried rejecting unlisted values
///   and undeclared keys, and tolerating them never makes a weaker match win.
/// - `Union.Case.declaredKeys`: the JSON keys each alternative declares, which rank the
///   alternatives that fit an object (and say which alternatives can be one).
enum UnionMatching {
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
        /// Whether a value of the named type can hold a catch-all case, or a closed object, somewhere inside.
        func isLenient(_ name: String, visiting: inout Set<String>) -> Bool {
            if let known = memo[name] { return known }
            guard let type = byName[name], visiting.insert(name).inserted else { return false }
            let result: Bool
            switch type.kind {
            case .enumeration(let enumeration): result = enumeration.unknownCaseName != nil
            case .union(let union): result = union.discriminator != nil || union.cases.contains { reaches($0.type, visiting: &visiting) }
            case .structure(let structure):
                result = structure.rejectsUndeclaredKeys || structure.properties.contains { reaches($0.type, visiting: &visiting) }
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

        /// The key sets a value of `type` can be an object with: a struct's properties; an alias's
        /// target's; each alternative's of a union (with its discriminator's key). One empty set
        /// for objects that declare no key (dictionaries, free-form objects, any JSON value); none
        /// for values that cannot be objects.
        func keySets(of type: TypeReference, visiting: inout Set<String>) -> [[String]] {
            guard case .named(let name) = type else {
                switch type {
                case .dictionary, .jsonValue: return [[]]
                default: return []
                }
            }
            guard let named = byName[name], visiting.insert(name).inserted else { return [] }
            defer { visiting.remove(name) }
            switch named.kind {
            case .structure(let structure):
                return [structure.properties.map(\.jsonName)]
            case .alias(let target):
                return keySets(of: target, visiting: &visiting)
            case .union(let union):
                var sets: [[String]] = []
                for option in union.cases {
                    for var keys in keySets(of: option.type, visiting: &visiting) {
                        if let tag = union.discriminator?.propertyName, !keys.contains(tag) { keys.append(tag) }
                        if !sets.contains(keys) { sets.append(keys) }
                    }
                }
                return sets
            case .enumeration:
                return []
            }
        }

        func mark(_ types: inout [SwiftType]) {
            for index in types.indices {
                if case .union(var union) = types[index].kind, union.discriminator == nil, union.cases.count > 1 {
                    var visiting: Set<String> = []
                    union.triesExactMatchesFirst = union.cases.contains { reaches($0.type, visiting: &visiting) }
                    for caseIndex in union.cases.indices {
                        union.cases[caseIndex].declaredKeys = keySets(of: union.cases[caseIndex].type, visiting: &visiting)
                    }
                    types[index].kind = .union(union)
                }
                mark(&types[index].nestedTypes)
            }
        }
        mark(&types)
    }
}
