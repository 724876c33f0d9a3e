/// The view `models.mustache` receives: every generated type, in spec order.
///
/// Views hold stored properties only (the Mustache renderer reflects over stored fields), with
/// names, type spellings, literals and doc lines computed beforehand.
struct ModelsView: Sendable {
    var header: String
    var moduleName: String
    var types: [TypeView]
}

/// One declaration (`type.mustache`), with its nested declarations.
struct TypeView: Sendable {
    var name: String
    /// Complete `///` lines.
    var documentation: [String]
    var isStruct: Bool
    var isEnum: Bool
    var isUnion: Bool
    var isAlias: Bool

    // Structures
    var properties: [PropertyView]
    var hasProperties: Bool
    /// The value type of undeclared keys kept beside declared ones, if any.
    var additionalPropertiesType: String?

    // Enumerations
    var rawType: String
    var cases: [EnumCaseView]
    var unknownCaseName: String

    // Unions
    var unionCases: [UnionCaseView]
    /// `indirect ` when an alternative contains the union itself, else empty.
    var indirectKeyword: String
    /// The alternatives' Swift types, for the error when none decodes: `String, Int`.
    var unionTypeList: String

    // Aliases
    var aliasTarget: String

    var hasNestedTypes: Bool
    /// Declarations nested in this one (inline schemas of its properties), each rendered through
    /// `type.mustache` at one more level of indentation.
    var nestedTypes: [TypeView]

    /// Roughly how much code the declaration becomes, in units of about ten lines: one per
    /// declaration, member and case. For splitting models across files.
    var weight: Int {
        1 + properties.count + cases.count + unionCases.count + nestedTypes.reduce(0) { $0 + $1.weight }
    }
}

struct PropertyView: Sendable {
    /// The identifier as written in code, backticked if needed.
    var name: String
    /// Stored out of line with `@Indirect` because it contains the enclosing type.
    var isIndirect: Bool
    /// `buildRef = "build_ref"`, or just the name when key and name agree.
    var codingKey: String
    var documentation: [String]
    /// The stored property's type: `UUID?`, `OptionalNullable<String>`, `BuildResponse.Status`.
    var declaredType: String
    /// The decoded value's type (without optionality), for `decode(T.self, …)`.
    var valueType: String
    /// `" = .ready"`, `" = nil"`, `" = .absent"` or empty: the memberwise initializer's default.
    var initializerDefault: String
    var isRequired: Bool
    var isRequiredNullable: Bool
    var isOptional: Bool
    var isOptionalNullable: Bool
    /// Set for optional properties with a spec default: decoded as `?? default`, always encoded.
    var defaultLiteral: String?
    var isLast: Bool
}

struct EnumCaseView: Sendable {
    var name: String
    var isLast: Bool
    /// The raw value as a Swift literal: `"queued"` or `400`.
    var literal: String
}

struct UnionCaseView: Sendable {
    var name: String
    var type: String
}

// Lookups by name for the template engine; `ViewTests` checks they cover every stored property.

extension ModelsView: TemplateValue {
    func value(forKey key: String) -> Any?? {
        switch key {
        case "header": header
        case "moduleName": moduleName
        case "types": types
        default: nil
        }
    }
}

extension TypeView: TemplateValue {
    func value(forKey key: String) -> Any?? {
        switch key {
        case "name": name
        case "documentation": documentation
        case "isStruct": isStruct
        case "isEnum": isEnum
        case "isUnion": isUnion
        case "isAlias": isAlias
        case "properties": properties
        case "hasProperties": hasProperties
        case "additionalPropertiesType": .some(additionalPropertiesType.map { $0 as Any })
        case "rawType": rawType
        case "cases": cases
        case "unknownCaseName": unknownCaseName
        case "unionCases": unionCases
        case "indirectKeyword": indirectKeyword
        case "unionTypeList": unionTypeList
        case "aliasTarget": aliasTarget
        case "hasNestedTypes": hasNestedTypes
        case "nestedTypes": nestedTypes
        default: nil
        }
    }
}

extension PropertyView: TemplateValue {
    func value(forKey key: String) -> Any?? {
        switch key {
        case "name": name
        case "isIndirect": isIndirect
        case "codingKey": codingKey
        case "documentation": documentation
        case "declaredType": declaredType
        case "valueType": valueType
        case "initializerDefault": initializerDefault
        case "isRequired": isRequired
        case "isRequiredNullable": isRequiredNullable
        case "isOptional": isOptional
        case "isOptionalNullable": isOptionalNullable
        case "defaultLiteral": .some(defaultLiteral.map { $0 as Any })
        case "isLast": isLast
        default: nil
        }
    }
}

extension EnumCaseView: TemplateValue {
    func value(forKey key: String) -> Any?? {
        switch key {
        case "name": name
        case "isLast": isLast
        case "literal": literal
        default: nil
        }
    }
}

extension UnionCaseView: TemplateValue {
    func value(forKey key: String) -> Any?? {
        switch key {
        case "name": name
        case "type": type
        default: nil
        }
    }
}
