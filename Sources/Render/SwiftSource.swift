/// Escaping of spec text for the places it lands in generated Swift. All spec strings pass through
/// here, so no description, default or enum value can break out of a comment or literal.
enum SwiftSource {
    /// A Swift string literal holding `text` exactly: `"a \"b\"\n"`. Backslashes are escaped, so
    /// `\(` cannot interpolate; control and line-breaking characters become `\u{…}` or `\n`.
    static func stringLiteral(_ text: String) -> String {
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

    /// Lines for a `///` doc comment. A line comment ends only at a line break, so splitting on
    /// every kind of line break (and dropping other control characters) keeps the text inside it.
    static func docLines(_ text: String?) -> [String] {
        guard let text, !text.isEmpty else { return [] }
        var lines: [String] = []
        var current = ""
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            if scalar == "\n", previousWasCR {
                previousWasCR = false
                continue
            }
            previousWasCR = scalar == "\r"
            switch scalar {
            case "\n", "\r", "\u{0B}", "\u{0C}", "\u{85}", "\u{2028}", "\u{2029}":
                lines.append(current)
                current = ""
            default:
                if scalar.value < 0x20, scalar != "\t" { continue }
                current.unicodeScalars.append(scalar)
            }
        }
        lines.append(current)
        // Trailing whitespace would make the output fail whitespace linters; blank edges add nothing.
        // By scalars from the end: reversing a 10 MB line by Characters took seconds.
        lines = lines.map { line in
            var scalars = Substring(line).unicodeScalars
            while let last = scalars.last, last == " " || last == "\t" { scalars.removeLast() }
            return String(scalars)
        }
        while lines.last?.isEmpty == true { lines.removeLast() }
        while lines.first?.isEmpty == true { lines.removeFirst() }
        return lines
    }
}
