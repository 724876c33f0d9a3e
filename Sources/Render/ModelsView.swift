/// The view `models.mustache` receives: every generated type, in spec order.
///
/// Names, type spellings, literals and doc lines are computed beforehand; each view answers the
/// template engine's lookups through its `value(forKey:)` table.
struct ModelsView: Sendable {
    /// The do-not-edit first line, for the `header` partial.
    var header: String
    /// `public`, `package` or `internal` (written out, never left empty): the access level of the
    /// generated declarations (`accessLevel` in the config). Nested views see it too, through the
    /// section stack.
    var access: String
    /// The Swift module the file belongs to: `BuildsAPI`.
    var moduleName: String
    /// The file's `import` lines, each with its access: `public import Foundation` where a type
    /// here shows `Date`, `UUID` or `Data`, else `internal import` (see `ViewBuilder.importLines`).
    var importLines: [String]
    /// The declarations of this file (all of them, or one file's share when models are split).
    var types: [TypeView]
    /// The structs of response headers (§4.8.17.1), all in the first file: the client reads them
    /// and the server writes them, whichever of the two is generated.
    var headersTypes: [ResponseHeadersView] = []
    /// The enums of bodies whose content types carry different types, all in the first file, for
    /// the same reason.
    var bodyChoices: [BodyChoiceView] = []
}

/// One declaration (`type.mustache`), with its nested declarations.
struct TypeView: Sendable {
    var name: String
    /// `public`, `package` or `internal`, as `ModelsView.access`: a partial rendering a type alone
    /// (tests, or a type included from a template of one's own) finds it here.
    var access: String
    /// Complete `///` lines.
    var documentation: [String]
    /// `@available(*, deprecated…)` when the schema is deprecated (or an alias of a deprecated type).
    var availability: [String]?
    var isStruct: Bool
    var isEnum: Bool
    var isUnion: Bool
    var isAlias: Bool
    /// Declared at file scope, not nested in another type: such a declaration says `nonisolated`,
    /// so the models stay usable from any actor where the module defaults to `@MainActor`
    /// (`-default-isolation MainActor`, SE-0466); nested types inherit it.
    var isTopLevel: Bool

    // Structures
    var properties: [PropertyView]
    var hasProperties: Bool
    /// The value type of undeclared keys kept beside declared ones, if any.
    var additionalPropertiesType: String?
    /// `additionalProperties: false`: in a union's exact pass (`UnionCoding.isStrict`) an
    /// undeclared key makes decoding fail.
    var rejectsUndeclaredKeys = false
    /// With `additionalPropertiesType` or `rejectsUndeclaredKeys`, the declared keys, as
    /// literals: `"id", "name"`.
    var declaredKeys = ""
    /// `declaredKeys` would make the line too long: break the literal into `declaredKeyLines`.
    var wrapsDeclaredKeys = false
    /// The lines of `declaredKeys` when it wraps, filled as swift-format fills a collection literal.
    var declaredKeyLines: [String] = []
    /// The memberwise initializers: one, or with deprecated properties a plain one without them
    /// and a deprecated one taking them (so only code that sets them gets the warning).
    var initializers: [InitializerView]
    /// On `init(from:)`/`encode(to:)` when they touch deprecated members: as protocol witnesses
    /// called through `Codable`, they do not make users' coding warn, and inside them the generated
    /// code may use the deprecated members without a warning of its own.
    var codingAvailability: String?
    /// Names of the coding locals and parameters, chosen so none is a property's name
    /// (`container`, `decoder` and `encoder` unless a property is called that).
    var decoderName: String
    var encoderName: String
    var containerName: String

    // Enumerations
    var rawType: String
    var cases: [EnumCaseView]
    /// The catch-all case of an open enum, or a discriminated union's case for unknown tags.
    var unknownCaseName: String
    /// A frozen enum (`x-frozen-enum: true`): `String`/`Int` raw values, unlisted values rejected.
    var isFrozen: Bool
    /// `allCases` on one line would be longer than the line length: one case per line.
    var wrapsAllCases = false

    // Unions
    var unionCases: [UnionCaseView]
    /// `indirect ` when an alternative contains the union itself, else empty.
    var indirectKeyword: String
    /// The alternatives' Swift types, for the error when none decodes: `String, Int`.
    var unionTypeList: String
    /// That message would be longer than the line length: join these literals (the first starting
    /// `expected one of`) with `, ` instead.
    var unionTypeListPieces: [String] = []
    var wrapsUnionTypeList = false
    /// The union is chosen by a discriminator property.
    var hasDiscriminator: Bool
    /// The discriminator's JSON key as a literal: `"kind"`.
    var discriminatorLiteral: String
    /// Without a discriminator: try alternatives accepting listed enum values only, first
    /// (`exactFirst:` of `UnionCoding.decode`).
    var triesExactMatchesFirst: Bool
    /// Without a discriminator: the static table of `UnionCoding.Alternative`s, `alternatives`
    /// unless a case is called that.
    var alternativesName = "alternatives"

    // Aliases
    var aliasTarget: String

    /// Declarations nested in this one (inline schemas of its properties), each rendered through
    /// `type.mustache` at one more level of indentation.
    var nestedTypes: [TypeView]
}

struct PropertyView: Sendable {
    /// The identifier as written in code, backticked if needed.
    var name: String
    /// `@available(*, deprecated…)` for a deprecated property.
    var availability: [String]?
    /// ` = nil`, ` = .absent` or ` = <default>` on the stored property when an initializer that
    /// does not take it must still leave it initialized (deprecated properties); else empty.
    var storedDefault: String
    /// Stored out of line in an `Indirect` (nested objects and unions, and what contains the
    /// enclosing type): declared as a computed property over `storageName`, with an `init`
    /// accessor (SE-0400) so initializers assign it like any other. Not a property wrapper: a
    /// wrapped property of a `nonisolated` type does not compile (Swift 6.2, 6.3).
    var isIndirect: Bool
    /// The private stored `Indirect` of an indirect property: `_parent`, never a property's name.
    var storageName = ""
    /// `storedDefault` for the storage: ` = Indirect(nil)`, or empty.
    var storageDefault = ""
    /// `buildRef = "build_ref"`, or just the name when key and name agree: a case of a
    /// `CodingKeys` enum. The built-in templates key coding by `keyLiteral` instead; this stays for
    /// templates of users' own that declare the enum.
    var codingKey: String
    /// The JSON key as a Swift string literal, `"build_ref"`: the argument of `forKey:`.
    var keyLiteral: String
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
    /// A line decoding or encoding the property would be longer than the line length: break the
    /// calls after their opening parenthesis.
    var wrapsCoding = false
}

struct EnumCaseView: Sendable {
    var name: String
    var isLast: Bool
    /// The raw value as a Swift literal: `"queued"` or `400`.
    var literal: String
    /// A `case` of the raw-value switches would be longer than the line length on one line: put
    /// its statement on the next.
    var wrapsLiteral = false
}

struct UnionCaseView: Sendable {
    var name: String
    var type: String
    /// `@available(*, deprecated…)` when the alternative's type is deprecated.
    var availability: [String]?
    /// With a discriminator: the tags selecting this case as `case` patterns: `"cat", "kitty"`.
    var tagLiterals: String
    var hasTags: Bool
    /// With a discriminator: the tag literal to add on encoding, when the alternative does not write it.
    var writtenTagLiteral: String?
    /// With a discriminator: decoding the alternative would make a line longer than the line
    /// length, so break the call.
    var wrapsDecoding = false
    /// Without a discriminator: the alternative's entry in the union's table of
    /// `UnionCoding.Alternative`s (its declared keys and decoding), as complete lines.
    var alternativeLines: [String] = []
}

/// A memberwise initializer of a struct.
struct InitializerView: Sendable {
    var availability: [String]?
    /// Complete parameter lines, commas included: `name: String,`.
    var parameters: [String]
    /// Complete statements: `self.name = name`.
    var assignments: [String]
    /// False for a struct without properties: `init() {}`.
    var hasParameters = true
}

// Lookups by name for the template engine; `ViewTests` checks they cover every stored property.

extension ModelsView: TemplateValue {
    func value(forKey key: TemplateKey) -> TemplateData? {
        switch key {
        case .header: header.templateData
        case .access: access.templateData
        case .moduleName: moduleName.templateData
        case .importLines: importLines.templateData
        case .types: types.templateData
        case .headersTypes: headersTypes.templateData
        case .bodyChoices: bodyChoices.templateData
        default: nil
        }
    }
}

extension TypeView: TemplateValue {
    func value(forKey key: TemplateKey) -> TemplateData? {
        switch key {
        case .name: name.templateData
        case .access: access.templateData
        case .documentation: documentation.templateData
        case .availability: availability.templateData
        case .isStruct: isStruct.templateData
        case .isEnum: isEnum.templateData
        case .isUnion: isUnion.templateData
        case .isAlias: isAlias.templateData
        case .isTopLevel: isTopLevel.templateData
        case .properties: properties.templateData
        case .hasProperties: hasProperties.templateData
        case .additionalPropertiesType: additionalPropertiesType.templateData
        case .declaredKeys: declaredKeys.templateData
        case .wrapsDeclaredKeys: wrapsDeclaredKeys.templateData
        case .declaredKeyLines: declaredKeyLines.templateData
        case .rejectsUndeclaredKeys: rejectsUndeclaredKeys.templateData
        case .initializers: initializers.templateData
        case .codingAvailability: codingAvailability.templateData
        case .decoderName: decoderName.templateData
        case .encoderName: encoderName.templateData
        case .containerName: containerName.templateData
        case .rawType: rawType.templateData
        case .cases: cases.templateData
        case .unknownCaseName: unknownCaseName.templateData
        case .isFrozen: isFrozen.templateData
        case .wrapsAllCases: wrapsAllCases.templateData
        case .unionCases: unionCases.templateData
        case .indirectKeyword: indirectKeyword.templateData
        case .unionTypeList: unionTypeList.templateData
        case .unionTypeListPieces: unionTypeListPieces.templateData
        case .wrapsUnionTypeList: wrapsUnionTypeList.templateData
        case .hasDiscriminator: hasDiscriminator.templateData
        case .discriminatorLiteral: discriminatorLiteral.templateData
        case .triesExactMatchesFirst: triesExactMatchesFirst.templateData
        case .alternativesName: alternativesName.templateData
        case .aliasTarget: aliasTarget.templateData
        case .nestedTypes: nestedTypes.templateData
        default: nil
        }
    }
}

extension PropertyView: TemplateValue {
    func value(forKey key: TemplateKey) -> TemplateData? {
        switch key {
        case .name: name.templateData
        case .availability: availability.templateData
        case .storedDefault: storedDefault.templateData
        case .storageName: storageName.templateData
        case .storageDefault: storageDefault.templateData
        case .isIndirect: isIndirect.templateData
        case .codingKey: codingKey.templateData
        case .keyLiteral: keyLiteral.templateData
        case .documentation: documentation.templateData
        case .declaredType: declaredType.templateData
        case .valueType: valueType.templateData
        case .initializerDefault: initializerDefault.templateData
        case .isRequired: isRequired.templateData
        case .isRequiredNullable: isRequiredNullable.templateData
        case .isOptional: isOptional.templateData
        case .isOptionalNullable: isOptionalNullable.templateData
        case .defaultLiteral: defaultLiteral.templateData
        case .isLast: isLast.templateData
        case .wrapsCoding: wrapsCoding.templateData
        default: nil
        }
    }
}

extension EnumCaseView: TemplateValue {
    func value(forKey key: TemplateKey) -> TemplateData? {
        switch key {
        case .name: name.templateData
        case .isLast: isLast.templateData
        case .literal: literal.templateData
        case .wrapsLiteral: wrapsLiteral.templateData
        default: nil
        }
    }
}

extension UnionCaseView: TemplateValue {
    func value(forKey key: TemplateKey) -> TemplateData? {
        switch key {
        case .name: name.templateData
        case .type: type.templateData
        case .availability: availability.templateData
        case .tagLiterals: tagLiterals.templateData
        case .hasTags: hasTags.templateData
        case .writtenTagLiteral: writtenTagLiteral.templateData
        case .wrapsDecoding: wrapsDecoding.templateData
        case .alternativeLines: alternativeLines.templateData
        default: nil
        }
    }
}

extension InitializerView: TemplateValue {
    func value(forKey key: TemplateKey) -> TemplateData? {
        switch key {
        case .availability: availability.templateData
        case .parameters: parameters.templateData
        case .assignments: assignments.templateData
        case .hasParameters: hasParameters.templateData
        default: nil
        }
    }
}
