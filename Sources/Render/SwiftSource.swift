/// Escaping of spec text for the places it lands in generated Swift. All spec strings pass through
/// here, so no description, default or enum value can break out of a comment or literal.
enum SwiftSource {
    /// A Swift string literal holding `text` exactly: `"a \"b\"\n"`. Backslashes are escaped, so
    /// `\(` cannot interpolate; control and line-breaking characters become `\u{…}` or `\n`.
    static func stringLiteral(_ text: String) -> String {
        // Nearly every spec string is printable ASCII needing no escape: one copy, no scalar loop.
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 <= 0x7E && $0 != UInt8(ascii: "\\") && $0 != UInt8(ascii: "\"") }) {
            return "\"" + text + "\""
        }
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": result += "\\\\"
            case "\"": result += "\\\""
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case "\0": result += "\\0"
            case " "..."~":
                result.unicodeScalars.append(scalar)
            default:
                // `.control` also covers C1 controls such as U+0085 NEXT LINE, which editors show as a line break.
                let category = scalar.properties.generalCategory
                if category == .control || category == .lineSeparator || category == .paragraphSeparator || category == .format {
                    result += "\\u{\(String(scalar.value, radix: 16))}"
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }

    /// `text` as string literals of at most `maximumLength` characters each (quotes included),
    /// split between characters and never inside an escape, to be joined again: for text too long
    /// for one line of code.
    static func stringLiterals(_ text: String, maximumLength: Int) -> [String] {
        let whole = stringLiteral(text)
        // The literal's UTF-8 length bounds its character count.
        if whole.utf8.count <= maximumLength { return [whole] }
        var literals: [String] = []
        var current = ""
        for character in text {
            let escaped = String(stringLiteral(String(character)).dropFirst().dropLast())
            if !current.isEmpty, current.count + escaped.count + 2 > maximumLength {
                literals.append("\"" + current + "\"")
                current = ""
            }
            current += escaped
        }
        literals.append("\"" + current + "\"")
        return literals
    }

    /// A decimal integer literal with its digits grouped by three (`86_400_000`), as swift-format's
    /// `GroupNumericLiterals` wants; any other number text is returned as it is.
    static func numberLiteral(_ text: String) -> String {
        let sign = text.hasPrefix("-") ? "-" : ""
        let digits = Array(text.dropFirst(sign.count))
        guard digits.count > 4, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return text }
        var grouped = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { grouped += "_" }
            grouped.append(digit)
        }
        return sign + grouped
    }

    /// The content lines of a multi-line string literal (`\"\"\"`) holding `text` exactly: words
    /// filled to about `width` characters, each line but the last ending in `\` so no line break
    /// is added, every special character escaped as in `stringLiteral`.
    static func multilineStringLiteralLines(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var current = ""
        var word = ""
        func flushWord() {
            if !current.isEmpty, current.count + word.count > width {
                lines.append(current + "\\")
                current = ""
            }
            current += word
            word = ""
        }
        for character in text {
            word += String(stringLiteral(String(character)).dropFirst().dropLast())
            // A word keeps the space after it, so each line but the last ends in a space before `\`.
            if character == " " { flushWord() }
        }
        flushWord()
        lines.append(current)
        return lines
    }

    /// `text` as a Markdown code span (CommonMark §6.1) for one doc comment line: fenced by one
    /// backtick more than its longest run of backticks and padded with spaces when it starts or ends
    /// with one, so spec text cannot close the span early; line breaks become spaces.
    static func codeSpan(_ text: String) -> String {
        let flat = docLines(text).joined(separator: " ")
        var longest = 0
        var run = 0
        for character in flat {
            run = character == "`" ? run + 1 : 0
            longest = max(longest, run)
        }
        let fence = String(repeating: "`", count: longest + 1)
        let padding = flat.hasPrefix("`") || flat.hasSuffix("`") ? " " : ""
        return fence + padding + flat + padding + fence
    }

    /// Lines for a `///` doc comment. A line comment ends only at a line break, so splitting on
    /// every kind of line break (and dropping other control characters) keeps the text inside it.
    static func docLines(_ text: String?) -> [String] {
        guard let text, !text.isEmpty else { return [] }
        // On UTF-8 bytes: the breaks and controls are ASCII or the fixed sequences of NEL
        // (C2 85), LINE SEPARATOR (E2 80 A8) and PARAGRAPH SEPARATOR (E2 80 A9); continuation
        // bytes are never below 0x80, so nothing else can be mistaken for them.
        let bytes = Array(text.utf8)
        var lines: [String] = []
        var current: [UInt8] = []
        func endLine() {
            // Trailing whitespace would make the output fail whitespace linters.
            while let last = current.last, last == 0x20 || last == 0x09 { current.removeLast() }
            lines.append(String(decoding: current, as: UTF8.self))
            current.removeAll(keepingCapacity: true)
        }
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case 0x0D:
                endLine()
                // CR LF is one break.
                if index + 1 < bytes.count, bytes[index + 1] == 0x0A { index += 1 }
            case 0x0A, 0x0B, 0x0C:
                endLine()
            case 0xC2 where index + 1 < bytes.count && bytes[index + 1] == 0x85:
                endLine()
                index += 1
            case 0xE2 where index + 2 < bytes.count && bytes[index + 1] == 0x80 && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9):
                endLine()
                index += 2
            case 0x09:
                current.append(byte)
            case ..<0x20:
                // Other control characters would be invisible or break the line.
                break
            default:
                current.append(byte)
            }
            index += 1
        }
        endLine()
        while lines.last?.isEmpty == true { lines.removeLast() }
        while lines.first?.isEmpty == true { lines.removeFirst() }
        return lines
    }
}
