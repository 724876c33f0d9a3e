import Foundation

/// A value templates can look into by name. Each view answers for its own properties, so
/// rendering needs no reflection (`Mirror` made lookups most of gen's run time).
protocol TemplateValue {
    /// The value for `key`: `nil` when there is no such key (lookup goes on to enclosing
    /// contexts), `.some(nil)` when the key exists without a value (lookup stops, renders nothing).
    func value(forKey key: String) -> Any??
}

/// JSON-shaped data (`[String: Any]` from `JSONSerialization`), as the Mustache spec's tests use.
extension Dictionary: TemplateValue where Key == String {
    func value(forKey key: String) -> Any?? {
        guard let value = self[key] else { return nil }
        return .some(value is NSNull ? nil : value)
    }
}

/// Templates by name, each also usable as a partial `{{> name}}`; renders a value through one.
struct TemplateLibrary: Sendable {
    var templates: [String: Template]

    init(templates: [String: Template] = [:]) {
        self.templates = templates
    }

    /// Renders `value` through the template called `name`; `nil` when there is none.
    /// A partial that does not exist renders as nothing, as the Mustache spec says.
    func render(_ value: Any, withTemplate name: String) -> String? {
        guard let template = templates[name] else { return nil }
        var renderer = TemplateRenderer(library: self, stack: [ContextFrame(value)])
        renderer.output.reserveCapacity(4096)
        renderer.render(template.nodes, contentType: template.contentType, indentation: "")
        return renderer.output
    }
}

/// A value on the context stack, with its lookup table found once when it is pushed rather than
/// by a dynamic cast on every name looked up through it.
private struct ContextFrame {
    let value: Any
    let lookup: (any TemplateValue)?

    init(_ value: Any) {
        self.value = value
        lookup = value as? any TemplateValue
    }
}

/// One rendering pass: the output so far and how to look names up.
private struct TemplateRenderer {
    let library: TemplateLibrary
    /// Innermost context last; sections push onto it and pop when done.
    var stack: [ContextFrame]
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
                guard let value = Self.lookup(path, in: stack) else { continue }
                let text = Self.text(for: value)
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
                } else if let list = value as? any TemplateList {
                    list.forEachElement { element in
                        stack.append(ContextFrame(element))
                        render(children, contentType: contentType, indentation: indentation)
                        stack.removeLast()
                    }
                } else if Self.isTruthy(value), let value {
                    // A `true` pushes nothing worth looking into; anything else becomes the context.
                    if value is Bool {
                        render(children, contentType: contentType, indentation: indentation)
                    } else {
                        stack.append(ContextFrame(value))
                        render(children, contentType: contentType, indentation: indentation)
                        stack.removeLast()
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
    /// it, the rest (`a.b.c`) only within what the first part found.
    static func lookup(_ path: [String], in stack: [ContextFrame]) -> Any? {
        guard let first = path.first else { return stack.last?.value }
        var found: Any?? = nil
        for frame in stack.reversed() {
            if let value = frame.lookup?.value(forKey: first) {
                found = value
                break
            }
        }
        guard var value = found ?? nil else { return nil }
        for key in path.dropFirst() {
            guard let next = child(key, of: value) ?? nil else { return nil }
            value = next
        }
        return value
    }

    static func child(_ key: String, of context: Any) -> Any?? {
        (context as? any TemplateValue)?.value(forKey: key)
    }

    /// Falsy are `nil`, `false` and empty lists (the spec's rules); everything else, the empty
    /// string and `0` included, is truthy.
    static func isTruthy(_ value: Any?) -> Bool {
        switch value {
        case nil: false
        case let bool as Bool: bool
        case let list as any TemplateList: !list.isEmpty
        default: true
        }
    }

    static func text(for value: Any) -> String {
        switch value {
        case let string as String: string
        case let substring as Substring: String(substring)
        case let double as Double:
            // JSON numbers: 85 prints as `85`, 1.21 as `1.21`.
            double.rounded() == double && abs(double) < 1e15 ? String(Int64(double)) : String(double)
        default: String(describing: value)
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

/// Lists a section iterates: Swift arrays of any element type.
protocol TemplateList {
    var isEmpty: Bool { get }
    func forEachElement(_ body: (Any) -> Void)
}

extension Array: TemplateList {
    func forEachElement(_ body: (Any) -> Void) {
        for element in self { body(element) }
    }
}
