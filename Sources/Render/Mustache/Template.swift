/// A parsed Mustache template (https://mustache.github.io/mustache.5.html): the spec's
/// comments, interpolation, sections, inverted sections, partials and set-delimiter tags, plus
/// the `{{% CONTENT_TYPE: TEXT }}` pragma, which turns HTML escaping off for that template.
///
/// Parsed once, rendered many times; rendering is in `TemplateRendering.swift`. Written for gen
/// because rendering is most of gen's run time: views answer lookups by name (`TemplateValue`)
/// instead of through reflection, and nothing is re-parsed per render.
struct Template: Sendable {
    /// What an interpolation `{{name}}` does to the text it inserts.
    enum ContentType: Sendable {
        /// `&`, `<`, `>` and `"` become entities, as the Mustache spec requires by default.
        case html
        /// Inserted as is: the right choice for source code.
        case text
    }

    indirect enum Node: Sendable {
        /// Literal template text; `startsLine` when it begins at the start of a line.
        case text(String, startsLine: Bool)
        /// `{{name}}` (escaped per content type) or `{{{name}}}` / `{{& name}}` (never escaped).
        /// An empty path is the implicit iterator `{{.}}`.
        case variable(path: [TemplateName], escaped: Bool, startsLine: Bool)
        /// `{{#name}}…{{/name}}` or, inverted, `{{^name}}…{{/name}}`. `startsLine` only when the
        /// opening tag begins a line it shares with other content (a standalone tag's line is gone).
        case section(path: [TemplateName], nodes: [Node], inverted: Bool, startsLine: Bool)
        /// `{{> name}}`. A standalone partial tag's leading whitespace (`indentation`) indents every
        /// line of the partial; an inline one is indented like any content starting a line.
        case partial(name: String, indentation: String, standalone: Bool, startsLine: Bool)
    }

    /// A template that does not parse: where and why.
    struct ParseError: Error, Equatable {
        /// 1-based line and column in the template text.
        var line: Int
        var column: Int
        var message: String
    }

    var nodes: [Node]
    var contentType: ContentType
    /// Every partial tag, with the 1-based position of its name, for checking that the partials
    /// exist before rendering.
    var partialReferences: [(name: String, line: Int, column: Int)]
    /// The first name of every variable and section tag (`name` of `{{name.first}}`; `.` left
    /// out), with the 1-based position of the name, for checking user templates' keys.
    var keyReferences: [(name: String, line: Int, column: Int)]

    /// Parses `text`.
    /// - Throws: `ParseError` for an unclosed tag, a section closed with another name or never
    ///   closed, a close without an open, an invalid set-delimiter tag or an unknown pragma.
    init(_ text: String) throws(ParseError) {
        var parser = TemplateParser(text: text)
        let tokens = try parser.tokenize()
        var partials: [(name: String, line: Int, column: Int)] = []
        var keys: [(name: String, line: Int, column: Int)] = []
        nodes = try TemplateParser.tree(from: TemplateParser.removingStandaloneLines(tokens), partials: &partials, keys: &keys)
        contentType = parser.contentType
        partialReferences = partials
        keyReferences = keys
    }
}

/// Tokenizes a template, applies the spec's standalone-line rules and builds the node tree.
private struct TemplateParser {
    enum Token {
        /// Text up to and including at most one line break, which then ends it.
        case text(String, startsLine: Bool)
        case tag(Tag)
    }

    struct Tag {
        /// `#`, `^`, `/`, `>`, `!`, `=`, `%`, `&`, `{`, or nothing for a plain variable.
        var sigil: UInt8?
        var content: String
        /// Where the tag's opening delimiter is.
        var line: Int
        var column: Int
        /// Where the tag's name starts, for errors about the name.
        var nameLine: Int
        var nameColumn: Int
        /// Whether the tag starts a line it shares with other content.
        var startsLine = false
        /// Whether the tag stood alone on its line, which was removed.
        var standalone = false
        /// For a standalone partial, the whitespace before it.
        var indentation = ""

        /// Tags that vanish with their line when they stand alone on it.
        var canStandAlone: Bool {
            guard let sigil else { return false }
            return "#^/>!=%".utf8.contains(sigil)
        }
    }

    let bytes: [UInt8]
    var offset = 0
    var line = 1
    var column = 1
    var open: [UInt8] = Array("{{".utf8)
    var close: [UInt8] = Array("}}".utf8)
    var contentType = Template.ContentType.html

    init(text: String) {
        bytes = Array(text.utf8)
    }

    private func matches(_ pattern: [UInt8], at index: Int) -> Bool {
        guard index + pattern.count <= bytes.count else { return false }
        for (position, byte) in pattern.enumerated() where bytes[index + position] != byte { return false }
        return true
    }

    private func firstIndex(of pattern: [UInt8], from start: Int) -> Int? {
        guard let first = pattern.first else { return nil }
        var index = start
        while index + pattern.count <= bytes.count {
            if bytes[index] == first, matches(pattern, at: index) { return index }
            index += 1
        }
        return nil
    }

    /// Moves to `target`, counting lines and columns (columns count characters, not bytes).
    private mutating func advance(to target: Int) {
        while offset < target {
            let byte = bytes[offset]
            if byte == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
            offset += 1
        }
    }

    private func string(_ range: Range<Int>) -> String {
        String(decoding: bytes[range], as: UTF8.self)
    }

    mutating func tokenize() throws(Template.ParseError) -> [Token] {
        var tokens: [Token] = []
        while offset < bytes.count {
            let tagStart = firstIndex(of: open, from: offset) ?? bytes.count
            // Text, cut after each line break so standalone lines can be recognised.
            var textStart = offset
            var index = offset
            while index < tagStart {
                if bytes[index] == UInt8(ascii: "\n") {
                    tokens.append(.text(string(textStart..<index + 1), startsLine: false))
                    textStart = index + 1
                }
                index += 1
            }
            if textStart < tagStart { tokens.append(.text(string(textStart..<tagStart), startsLine: false)) }
            advance(to: tagStart)
            guard tagStart < bytes.count else { break }

            let tagLine = line
            let tagColumn = column
            var contentStart = tagStart + open.count
            var sigil: UInt8? = contentStart < bytes.count ? bytes[contentStart] : nil
            if let candidate = sigil, "#^/>!=%&{".utf8.contains(candidate) {
                contentStart += 1
            } else {
                sigil = nil
            }
            // `{{{name}}}` ends with `}` before the closing delimiter, `{{=<% %>=}}` with `=`.
            var terminator = close
            if sigil == UInt8(ascii: "{") { terminator = [UInt8(ascii: "}")] + close }
            if sigil == UInt8(ascii: "=") { terminator = [UInt8(ascii: "=")] + close }
            guard let contentEnd = firstIndex(of: terminator, from: contentStart) else {
                throw .init(line: tagLine, column: tagColumn, message: "a tag opened here is not closed before the end of the template")
            }
            advance(to: contentStart)
            while offset < contentEnd, bytes[offset] == UInt8(ascii: " ") || bytes[offset] == UInt8(ascii: "\t") { advance(to: offset + 1) }
            let nameLine = line
            let nameColumn = column
            let content = string(contentStart..<contentEnd).trimmingWhitespace()
            advance(to: contentEnd + terminator.count)

            let tag = Tag(sigil: sigil, content: content, line: tagLine, column: tagColumn, nameLine: nameLine, nameColumn: nameColumn)
            switch sigil {
            case UInt8(ascii: "="):
                let parts = content.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" })
                guard parts.count == 2, !parts.contains(where: { $0.contains("=") }) else {
                    throw .init(line: tagLine, column: tagColumn, message: "invalid set-delimiter tag '\(content)': expected two delimiters separated by space, such as {{=<% %>=}}")
                }
                open = Array(parts[0].utf8)
                close = Array(parts[1].utf8)
            case UInt8(ascii: "%"):
                let setting = content.split(separator: ":", maxSplits: 1).map { String($0).trimmingWhitespace() }
                switch (setting.first, setting.count == 2 ? setting[1] : nil) {
                case ("CONTENT_TYPE", "TEXT"): contentType = .text
                case ("CONTENT_TYPE", "HTML"): contentType = .html
                default:
                    throw .init(line: tagLine, column: tagColumn, message: "unrecognised pragma '\(content)': expected CONTENT_TYPE: TEXT or CONTENT_TYPE: HTML")
                }
            case UInt8(ascii: "!"):
                break
            default:
                guard !content.isEmpty else {
                    throw .init(line: tagLine, column: tagColumn, message: "a tag has no name")
                }
            }
            tokens.append(.tag(tag))
        }
        return tokens
    }

    /// Removes lines holding a single standalone tag and only whitespace besides (the spec's
    /// "standalone" rule), keeps a standalone partial's indentation, and marks tags that start a line.
    static func removingStandaloneLines(_ tokens: [Token]) -> [Token] {
        var result: [Token] = []
        result.reserveCapacity(tokens.count)
        var lineStart = 0
        while lineStart < tokens.count {
            var lineEnd = lineStart
            while lineEnd < tokens.count {
                defer { lineEnd += 1 }
                if case .text(let text, _) = tokens[lineEnd], text.utf8.last == UInt8(ascii: "\n") { break }
            }
            let line = tokens[lineStart..<lineEnd]
            var tags: [Tag] = []
            var onlyWhitespace = true
            for token in line {
                switch token {
                case .tag(let tag): tags.append(tag)
                case .text(let text, _): if !text.utf8.allSatisfy({ $0 == 32 || $0 == 9 || $0 == 10 || $0 == 13 }) { onlyWhitespace = false }
                }
            }
            if tags.count == 1, var tag = tags.first, tag.canStandAlone, onlyWhitespace {
                if case .text(let text, _) = line.first, tag.sigil == UInt8(ascii: ">") { tag.indentation = text }
                tag.standalone = true
                result.append(.tag(tag))
            } else {
                var atLineStart = true
                for token in line {
                    switch token {
                    case .text(let text, _):
                        result.append(.text(text, startsLine: atLineStart))
                        atLineStart = text.utf8.last == UInt8(ascii: "\n")
                    case .tag(var tag):
                        tag.startsLine = atLineStart
                        atLineStart = false
                        result.append(.tag(tag))
                    }
                }
            }
            lineStart = lineEnd
        }
        return result
    }

    /// Nests sections and checks that each is closed by its own name.
    static func tree(
        from tokens: [Token],
        partials: inout [(name: String, line: Int, column: Int)],
        keys: inout [(name: String, line: Int, column: Int)]
    ) throws(Template.ParseError) -> [Template.Node] {
        // Each open section: its tag and the nodes collected so far; the bottom entry is the template.
        var stack: [(tag: Tag?, nodes: [Template.Node])] = [(nil, [])]
        var pendingText = ""
        var pendingTextStartsLine = false
        func flushText() {
            if !pendingText.isEmpty {
                stack[stack.count - 1].nodes.append(.text(pendingText, startsLine: pendingTextStartsLine))
                pendingText = ""
            }
        }
        for token in tokens {
            let tag: Tag
            switch token {
            case .text(let text, let startsLine):
                if pendingText.isEmpty { pendingTextStartsLine = startsLine }
                pendingText += text
                continue
            case .tag(let value):
                tag = value
            }
            switch tag.sigil {
            case UInt8(ascii: "!"), UInt8(ascii: "="), UInt8(ascii: "%"):
                continue
            default:
                break
            }
            flushText()
            if tag.sigil != UInt8(ascii: "/"), tag.sigil != UInt8(ascii: ">"), tag.content != ".",
               let first = tag.content.split(separator: ".").first {
                keys.append((String(first), tag.nameLine, tag.nameColumn))
            }
            switch tag.sigil {
            case UInt8(ascii: "#"), UInt8(ascii: "^"):
                stack.append((tag, []))
            case UInt8(ascii: "/"):
                guard stack.count > 1, let open = stack.last?.tag else {
                    throw .init(line: tag.nameLine, column: tag.nameColumn, message: "'{{/\(tag.content)}}' closes a section that was never opened")
                }
                guard open.content == tag.content else {
                    throw .init(
                        line: tag.nameLine, column: tag.nameColumn,
                        message: "section '\(open.content)' (opened at \(open.line):\(open.column)) is closed as '\(tag.content)'"
                    )
                }
                let nodes = stack.removeLast().nodes
                stack[stack.count - 1].nodes.append(.section(
                    path: path(open.content), nodes: nodes, inverted: open.sigil == UInt8(ascii: "^"), startsLine: open.startsLine
                ))
            case UInt8(ascii: ">"):
                partials.append((tag.content, tag.nameLine, tag.nameColumn))
                stack[stack.count - 1].nodes.append(.partial(name: tag.content, indentation: tag.indentation, standalone: tag.standalone, startsLine: tag.startsLine))
            case UInt8(ascii: "&"), UInt8(ascii: "{"):
                stack[stack.count - 1].nodes.append(.variable(path: path(tag.content), escaped: false, startsLine: tag.startsLine))
            default:
                stack[stack.count - 1].nodes.append(.variable(path: path(tag.content), escaped: true, startsLine: tag.startsLine))
            }
        }
        flushText()
        if stack.count > 1, let open = stack.last?.tag {
            throw .init(line: open.nameLine, column: open.nameColumn, message: "section '\(open.content)' is never closed")
        }
        return stack[0].nodes
    }

    /// `a.b.c` → `["a", "b", "c"]`; `.` (the implicit iterator) → `[]`.
    static func path(_ name: String) -> [TemplateName] {
        name == "." ? [] : name.split(separator: ".", omittingEmptySubsequences: false).map { TemplateName(String($0)) }
    }
}

extension String {
    func trimmingWhitespace() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(scalars[first...last])
    }
}
