import Diagnostics
import Foundation
import OpenAPI

/// How parameters go on the wire: style, explode and the shape of their type (OpenAPI 3.1
/// §4.8.12.4), `content`-based JSON (§4.8.12.5), and `pattern`.
extension ModuleBuilder {
    /// `parameter`'s style and explode after the defaults of §4.8.12.4 (`form` for query and
    /// cookie, `simple` for path and header; `explode` true only for `form`, and for
    /// `deepObject`, which nothing defines without it), its pattern and
    /// whether it is JSON text. The shape is decided later, once every type is known.
    func wireFormat(of parameter: Parameter, into model: inout OperationParameter) {
        let style = parameter.style.flatMap(OperationParameter.Style.init(rawValue:))
            ?? (parameter.location == .query || parameter.location == .cookie ? .form : .simple)
        model.style = style
        // deepObject is defined with explode only; specs commonly leave explode out for it.
        model.explode = parameter.explode ?? (style == .form || style == .deepObject)
        // §4.8.12.1: allowReserved applies to query parameters only.
        model.allowReserved = parameter.location == .query && parameter.allowReserved
        model.warningLocation = parameter.styleLocation ?? parameter.sourceLocation
        if let contentType = parameter.contentType {
            let essence = MediaType.essence(of: contentType)
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
        if model.coding == .json, model.pattern != nil {
            // The text on the wire is JSON (`"abc"`, quotes included), which the pattern does not describe.
            diagnostics.warning("the pattern of content parameter '\(parameter.name)' is not checked (its text on the wire is JSON)", at: parameter.sourceLocation)
            model.pattern = nil
        }
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

    /// Decides each parameter's shape from its Swift type (§4.8.12.4): scalars and enums are
    /// primitives, arrays of them arrays, and structures or maps whose values are all primitives
    /// objects; aliases count as what they name. Other types are passed as raw text, and
    /// combinations the style table leaves undefined get the closest defined behaviour; both
    /// with a warning.
    /// - Parameter kinds: every generated type's kind by qualified name (`kinds(in:)`).
    func chooseParameterCoding(_ operation: APIOperation, kinds: [String: SwiftType.Kind]) -> APIOperation {
        var operation = operation
        func isText(_ type: TypeReference) -> Bool { Self.isText(type, kinds: kinds) }
        func coding(of type: TypeReference) -> OperationParameter.Coding? {
            if isText(type) { return .primitive }
            switch type {
            case .array(let element): return isText(element) ? .array : nil
            case .dictionary(let value): return isText(value) ? .object : nil
            case .named(let name):
                switch kinds[name] {
                case .alias(let target)?: return coding(of: target)
                case .structure(let structure)?:
                    let flat = structure.properties.allSatisfy { isText($0.type) } && (structure.additionalProperties.map(isText) ?? true)
                    return flat ? .object : nil
                default: return nil
                }
            default: return nil
            }
        }
        for index in operation.parameters.indices {
            var parameter = operation.parameters[index]
            defer { operation.parameters[index] = parameter }
            if parameter.coding == .json { continue }
            let type = parameter.type
            if let coding = coding(of: type) {
                parameter.coding = coding
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

    /// Every generated type's kind by its qualified name (`Op.Filter` for nested ones).
    static func kinds(in types: [SwiftType]) -> [String: SwiftType.Kind] {
        var kinds: [String: SwiftType.Kind] = [:]
        func collect(_ types: [SwiftType], prefix: String) {
            for type in types {
                let name = prefix + type.name
                kinds[name] = type.kind
                collect(type.nestedTypes, prefix: name + ".")
            }
        }
        collect(types, prefix: "")
        return kinds
    }
}
