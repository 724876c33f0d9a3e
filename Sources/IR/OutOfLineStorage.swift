/// Decides which values the generated types store out of line (`@Indirect` properties, `indirect`
/// enums): every object or union held inline by a property or a union case, directly or as an
/// optional. Collections already store their elements out of line; enums and scalars stay inline.
///
/// Two reasons, one rule:
/// - A struct cannot contain itself (a tree's `parent`, or a cycle through other schemas). Every
///   such cycle passes through an object or union held inline, so it is broken too.
/// - Size: a struct's copy, assignment and destruction code (its value witnesses) spells out every
///   field of every type nested inline, so objects nested a few levels deep made the generated
///   models several times larger and slower to compile. Measured on a 100-path, 300-schema spec
///   (debug, models and client): 110 MB of objects and 132 s of compiler CPU inline, 34 MB and 41 s
///   out of line. Out of line, a nested value is one reference to retain.
enum OutOfLineStorage {
    /// Sets `Property.isIndirect` and `Union.isIndirect` in place.
    /// - Parameter kinds: each type's kind by qualified name (`ModuleBuilder.kinds(in:)`).
    static func mark(_ types: inout [SwiftType], kinds: [String: SwiftType.Kind]) {
        func isAggregate(_ name: String, depth: Int = 0) -> Bool {
            switch kinds[name] {
            case .structure, .union: true
            // An alias is what it names; the bound stops at an alias cycle.
            case .alias(let target): depth < 64 && inlineNames(target).contains { isAggregate($0, depth: depth + 1) }
            case .enumeration, nil: false
            }
        }
        func holdsAggregate(_ type: TypeReference) -> Bool {
            inlineNames(type).contains { isAggregate($0) }
        }
        func mark(_ type: SwiftType) -> SwiftType {
            var type = type
            switch type.kind {
            case .structure(var structure):
                for index in structure.properties.indices where holdsAggregate(structure.properties[index].type) {
                    structure.properties[index].isIndirect = true
                }
                type.kind = .structure(structure)
            case .union(var union):
                union.isIndirect = union.cases.contains { holdsAggregate($0.type) }
                type.kind = .union(union)
            case .alias, .enumeration:
                break
            }
            type.nestedTypes = type.nestedTypes.map(mark)
            return type
        }
        types = types.map(mark)
    }

    /// The named types a value of `type` stores inline (not behind an array or dictionary).
    static func inlineNames(_ type: TypeReference) -> [String] {
        switch type {
        case .named(let name): [name]
        case .optional(let wrapped): inlineNames(wrapped)
        default: []
        }
    }
}
