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
    func value(forKey key: String) -> TemplateData? {
        switch key {
        case "header": header.templateData
        case "moduleName": moduleName.templateData
        case "types": types.templateData
        default: nil
        }
    }
}

extension TypeView: TemplateValue {
    func value(forKey key: String) -> TemplateData? {
        switch key {
        case "name": name.templateData
        case "documentation": documentation.templateData
        case "isStruct": isStruct.templateData
        case "isEnum": isEnum.templateData
        case "isUnion": isUnion.templateData
        case "isAlias": isAlias.templateData
        case "properties": properties.templateData
        case "hasProperties": hasProperties.templateData
        case "additionalPropertiesType": additionalPropertiesType.templateData
        case "rawType": rawType.templateData
        case "cases": cases.templateData
        case "unknownCaseName": unknownCaseName.templateData
        case "unionCases": unionCases.templateData
        case "indirectKeyword": indirectKeyword.templateData
        case "unionTypeList": unionTypeList.templateData
        case "aliasTarget": aliasTarget.templateData
        case "hasNestedTypes": hasNestedTypes.templateData
        case "nestedTypes": nestedTypes.templateData
        default: nil
        }
    }
}

extension PropertyView: TemplateValue {
    func value(forKey key: String) -> TemplateData? {
        switch key {
        case "name": name.templateData
        case "isIndirect": isIndirect.templateData
        case "codingKey": codingKey.templateData
        case "documentation": documentation.templateData
        case "declaredType": declaredType.templateData
        case "valueType": valueType.templateData
        case "initializerDefault": initializerDefault.templateData
        case "isRequired": isRequired.templateData
        case "isRequiredNullable": isRequiredNullable.templateData
        case "isOptional": isOptional.templateData
        case "isOptionalNullable": isOptionalNullable.templateData
        case "defaultLiteral": defaultLiteral.templateData
        case "isLast": isLast.templateData
        default: nil
        }
    }
}

extension EnumCaseView: TemplateValue {
    func value(forKey key: String) -> TemplateData? {
        switch key {
        case "name": name.templateData
        case "isLast": isLast.templateData
        case "literal": literal.templateData
        default: nil
        }
    }
}

extension UnionCaseView: TemplateValue {
    func value(forKey key: String) -> TemplateData? {
        switch key {
        case "name": name.templateData
        case "type": type.templateData
        default: nil
        }
    }
}
