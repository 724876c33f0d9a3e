import Foundation

/// What a name in a template resolves to. Typed, so rendering decides truthiness, iteration
/// and text without dynamic casts.
enum TemplateData {
    /// A key that exists without a value: falsy, renders as nothing, stops the lookup.
    case null
    case bool(Bool)
    case text(String)
    /// A view, whose names can be looked up in turn (and which sections push as context).
    case object(any TemplateValue)
    case list(any TemplateList)
}

/// A value templates can look into by name. Each view answers for its own properties (written
/// beside it), so rendering needs no reflection: `Mirror` lookups were most of gen's run time.
protocol TemplateValue: TemplateDataConvertible {
    /// The value for `key`, or `nil` when there is no such key (lookup then goes on to the
    /// enclosing contexts). Views switch over the key, which compiles to a jump table: looking
    /// names up was half of rendering while they were strings compared one case at a time.
    func value(forKey key: TemplateKey) -> TemplateData?
    /// The value for a name that may not be a `TemplateKey`; views answer only their keys (the
    /// default), other values (a test's JSON data) may answer any name.
    func value(forName name: String) -> TemplateData?
}

extension TemplateValue {
    var templateData: TemplateData { .object(self) }

    func value(forName name: String) -> TemplateData? {
        TemplateKey(rawValue: name).flatMap { value(forKey: $0) }
    }

    /// The value for one part of a template's path: by key when the name is one.
    func value(for name: TemplateName) -> TemplateData? {
        if let key = name.key { return value(forKey: key) }
        return value(forName: name.text)
    }
}

/// One part of a name as a template writes it (`type` of `type.name`), resolved to a
/// `TemplateKey` once, when the template is parsed.
struct TemplateName: Sendable {
    var text: String
    /// `nil` for a name no view answers (a user's data in tests may still have it).
    var key: TemplateKey?

    init(_ text: String) {
        self.text = text
        key = TemplateKey(rawValue: text)
    }
}

/// Lists a section iterates.
protocol TemplateList {
    var count: Int { get }
    func element(at index: Int) -> TemplateData
}

/// Values a view can hand to a template.
protocol TemplateDataConvertible {
    var templateData: TemplateData { get }
}

extension String: TemplateDataConvertible {
    var templateData: TemplateData { .text(self) }
}

extension Bool: TemplateDataConvertible {
    var templateData: TemplateData { .bool(self) }
}

extension Optional: TemplateDataConvertible where Wrapped: TemplateDataConvertible {
    var templateData: TemplateData { self?.templateData ?? .null }
}

extension Array: TemplateDataConvertible where Element: TemplateDataConvertible {
    var templateData: TemplateData { .list(self) }
}

extension Array: TemplateList where Element: TemplateDataConvertible {
    func element(at index: Int) -> TemplateData { self[index].templateData }
}

/// Templates by name, each also usable as a partial `{{> name}}`; renders a value through one.
struct TemplateLibrary: Sendable {
    var templates: [String: Template]

    init(templates: [String: Template] = [:]) {
        self.templates = templates
    }

    /// Renders `data` (usually a view, `.object(view)`) through the template called `name`;
    /// `nil` when there is none. A partial that does not exist renders as nothing, as the
    /// Mustache spec says.
    func render(_ data: TemplateData, withTemplate name: String) -> String? {
        guard let template = templates[name] else { return nil }
        var renderer = TemplateRenderer(library: self, stack: [data])
        renderer.output.reserveCapacity(4096)
        renderer.render(template.nodes, contentType: template.contentType, indentation: "")
        return renderer.output
    }
}

/// One rendering pass: the output so far and how to look names up.
private struct TemplateRenderer {
    let library: TemplateLibrary
    /// Innermost context last; sections push onto it and pop when done.
    var stack: [TemplateData]
    var output = ""

    /// Partials may include themselves (a type nests types); this bounds runaway recursion in a
    /// user's template instead of overflowing the stack.
    var partialDepth = 0
    static let maximumPartialDepth = 200

    mutating func render(_ nodes: [Template.Node], contentType: Template.ContentType, indentation: String) {
        for node in nodes {
            switch node {
            case .text(let text, let startsLine):
                appendText(text, startsLine: startsLine, indentation: indentation)
            case .variable(let path, let escaped, let startsLine):
                if startsLine { output += indentation }
                guard let text = Self.text(for: Self.lookup(path, in: stack)) else { continue }
                if escaped, contentType == .html {
                    Self.appendEscapingHTML(text, to: &output)
                } else {
                    output += text
                }
            case .section(let path, let children, let inverted, let startsLine):
                if startsLine { output += indentation }
                let value = Self.lookup(path, in: stack)
                if inverted {
                    if !Self.isTruthy(value) { render(children, contentType: contentType, indentation: indentation) }
                } else {
                    switch value {
                    case .list(let list):
                        for index in 0..<list.count {
                            stack.append(list.element(at: index))
                            render(children, contentType: contentType, indentation: indentation)
                            stack.removeLast()
                        }
                    case .bool(true):
                        // `true` pushes nothing worth looking into.
                        render(children, contentType: contentType, indentation: indentation)
                    case .object, .text:
                        stack.append(value)
                        render(children, contentType: contentType, indentation: indentation)
                        stack.removeLast()
                    case .bool(false), .null:
                        break
                    }
                }
            case .partial(let name, let partialIndentation, let standalone, let startsLine):
                if startsLine { output += indentation }
                guard let partial = library.templates[name], partialDepth < Self.maximumPartialDepth else { continue }
                partialDepth += 1
                render(partial.nodes, contentType: partial.contentType, indentation: standalone ? indentation + partialIndentation : indentation)
                partialDepth -= 1
            }
        }
    }

    /// Appends template text, indenting each line that starts in it (empty lines stay empty, so
    /// indentation never leaves trailing whitespace).
    mutating func appendText(_ text: String, startsLine: Bool, indentation: String) {
        guard !indentation.isEmpty else {
            output += text
            return
        }
        let utf8 = text.utf8
        var lineStart = utf8.startIndex
        var atLineStart = startsLine
        var index = utf8.startIndex
        while index != utf8.endIndex {
            let byte = utf8[index]
            if atLineStart {
                if byte != UInt8(ascii: "\n") && byte != UInt8(ascii: "\r") { output += indentation }
                atLineStart = false
            }
            index = utf8.index(after: index)
            if byte == UInt8(ascii: "\n") {
                output += text[lineStart..<index]
                lineStart = index
                atLineStart = true
            }
        }
        output += text[lineStart..<utf8.endIndex]
    }

    /// Resolves a name as the Mustache spec says: the first part in the innermost context that has
    /// it, the rest (`a.b.c`) only within what the first part found. Not found is `.null`.
    static func lookup(_ path: [TemplateName], in stack: [TemplateData]) -> TemplateData {
        guard let first = path.first else { return stack.last ?? .null }
        var found: TemplateData?
        var index = stack.count - 1
        while index >= 0 {
            if case .object(let object) = stack[index], let value = object.value(for: first) {
                found = value
                break
            }
            index -= 1
        }
        guard var value = found else { return .null }
        for name in path.dropFirst() {
            guard case .object(let object) = value, let next = object.value(for: name) else { return .null }
            value = next
        }
        return value
    }

    /// Falsy are `null`, `false` and empty lists (the spec's rules); everything else, the empty
    /// string included, is truthy.
    static func isTruthy(_ value: TemplateData) -> Bool {
        switch value {
        case .null: false
        case .bool(let bool): bool
        case .list(let list): list.count > 0
        case .text, .object: true
        }
    }

    /// What an interpolation inserts; `nil` for nothing.
    static func text(for value: TemplateData) -> String? {
        switch value {
        case .text(let text): text
        case .bool(let bool): bool ? "true" : "false"
        case .null: nil
        case .object(let object): String(describing: object)
        case .list(let list): String(describing: list)
        }
    }

    static func appendEscapingHTML(_ text: String, to output: inout String) {
        for character in text.unicodeScalars {
            switch character {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\"": output += "&quot;"
            default: output.unicodeScalars.append(character)
            }
        }
    }
}
