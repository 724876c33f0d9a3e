import Diagnostics
import Foundation
import OpenAPI

/// How parameters go on the wire: style, explode and the shape of their type (OpenAPI 3.1
/// §4.8.12.4), `content`-based JSON (§4.8.12.5), and `pattern`.
extension ModuleBuilder {
    /// `parameter`'s style and explode after the defaults of §4.8.12.4 (`form` for query and
    /// cookie, `simple` for path and header; `explode` true only for `form`), its pattern and
    /// whether it is JSON text. The shape is decided later, once every type is known.
    func wireFormat(of parameter: Parameter, into model: inout OperationParameter) {
        let style = parameter.style.flatMap(OperationParameter.Style.init(rawValue:))
            ?? (parameter.location == .query || parameter.location == .cookie ? .form : .simple)
        model.style = style
        model.explode = parameter.explode ?? (style == .form)
        // §4.8.12.1: allowReserved applies to query parameters only.
        model.allowReserved = parameter.location == .query && parameter.allowReserved
        model.warningLocation = parameter.styleLocation ?? parameter.sourceLocation
        if let contentType = parameter.contentType {
            let essence = (contentType.split(separator: ";").first ?? "").filter { $0 != " " }.lowercased()
            if essence == "application/json" || essence.hasSuffix("+json") {
                model.coding = .json
            } else if parameter.schema.flatMap(resolved)?.types.contains(.string) != true {
                diagnostics.warning(
                    "parameter content type '\(contentType)' is not generated yet; only JSON ('application/json') is, so '\(parameter.name)' is sent as plain text",
                    at: parameter.sourceLocation
                )
            }
        }
        model.pattern = pattern(of: parameter)
    }

    /// The parameter's `pattern`, or its items' for an array; `nil` (with a warning) when
    /// Foundation's regular expressions cannot read it, so the server never meets a bad one.
    private func pattern(of parameter: Parameter) -> String? {
        guard let schema = parameter.schema else { return nil }
        let target = resolved(schema)
        let found: (String, SourceLocation)?
        if let pattern = schema.pattern ?? target.pattern {
            found = (pattern, schema.pattern != nil ? schema.location : target.location)
        } else if let items = target.items, let pattern = items.pattern ?? resolved(items).pattern {
            found = (pattern, items.location)
        } else {
            found = nil
        }
        guard let (pattern, location) = found else { return nil }
        guard (try? NSRegularExpression(pattern: pattern)) != nil else {
            diagnostics.warning("pattern '\(pattern)' of parameter '\(parameter.name)' is not a regular expression Foundation can read; it is not checked", at: location)
            return nil
        }
        return pattern
    }

    /// The schema a `$ref` names, or `schema` itself.
    private func resolved(_ schema: Schema) -> Schema {
        guard let reference = schema.reference else { return schema }
        return document.components.schemas.first { $0.name == reference.name }?.schema ?? schema
    }

    /// Decides each parameter's shape from its Swift type: scalars and enums are primitives,
    /// arrays of them arrays, structures whose properties are all primitives objects (§4.8.12.4).
    /// Other types are passed as raw text, and combinations the style table leaves undefined get
    /// the closest defined behaviour; both with a warning.
    /// - Parameters:
    ///   - enumerations: qualified names of every enumeration (`enumerationNames(in:)`).
    ///   - structures: every structure by qualified name (`structures(in:)`).
    func chooseParameterCoding(_ operation: APIOperation, enumerations: Set<String>, structures: [String: Structure]) -> APIOperation {
        var operation = operation
        func isText(_ type: TypeReference) -> Bool {
            switch type {
            case .string, .bool, .int, .int32, .int64, .double, .float, .uuid, .date: true
            case .named(let name): enumerations.contains(name)
            default: false
            }
        }
        for index in operation.parameters.indices {
            var parameter = operation.parameters[index]
            defer { operation.parameters[index] = parameter }
            if parameter.coding == .json { continue }
            let type = parameter.type
            if isText(type) {
                parameter.coding = .primitive
            } else if case .array(let element) = type, isText(element) {
                parameter.coding = .array
            } else if case .named(let name) = type, let structure = structures[name], structure.additionalProperties == nil,
                      structure.properties.allSatisfy({ isText($0.type) }) {
                parameter.coding = .object
            } else {
                parameter.type = .string
                parameter.coding = .primitive
                diagnostics.warning(
                    "parameter '\(parameter.jsonName)' of type \(type.spelling) is not generated yet (only scalars, enums, arrays of them and objects of them are); it is passed as raw text",
                    at: parameter.warningLocation
                )
            }
            settleUndefinedStyle(&parameter)
        }
        return operation
    }

    /// Replaces a style/explode/shape combination §4.8.12.4 does not define with the closest
    /// one that is, and says so.
    private func settleUndefinedStyle(_ parameter: inout OperationParameter) {
        let shape = parameter.coding == .json ? "primitive" : parameter.coding.rawValue
        func fallBack(to style: OperationParameter.Style, explode: Bool, because reason: String) {
            diagnostics.warning(
                "\(reason) (§4.8.12.4); '\(parameter.jsonName)' is sent in the '\(style.rawValue)' style with explode: \(explode)",
                at: parameter.warningLocation
            )
            parameter.style = style
            parameter.explode = explode
        }
        switch parameter.style {
        case .spaceDelimited, .pipeDelimited:
            if parameter.coding == .primitive {
                fallBack(to: .form, explode: true, because: "style '\(parameter.style.rawValue)' is defined for arrays and objects, not for the \(shape) '\(parameter.jsonName)'")
            } else if parameter.explode {
                fallBack(to: .form, explode: true, because: "style '\(parameter.style.rawValue)' is not defined with explode: true")
            }
        case .deepObject:
            if parameter.coding != .object {
                fallBack(to: .form, explode: true, because: "style 'deepObject' is defined for objects, not for the \(shape) '\(parameter.jsonName)'")
            } else if !parameter.explode {
                diagnostics.warning(
                    "style 'deepObject' is defined with explode: true only (§4.8.12.4); '\(parameter.jsonName)' is sent with explode: true",
                    at: parameter.warningLocation
                )
                parameter.explode = true
            }
        case .form, .simple, .label, .matrix:
            break
        }
    }

    /// Every structure by its qualified name (`Op.Filter` for nested ones).
    static func structures(in types: [SwiftType]) -> [String: Structure] {
        var structures: [String: Structure] = [:]
        func collect(_ types: [SwiftType], prefix: String) {
            for type in types {
                let name = prefix + type.name
                if case .structure(let structure) = type.kind { structures[name] = structure }
                collect(type.nestedTypes, prefix: name + ".")
            }
        }
        collect(types, prefix: "")
        return structures
    }
}
