/// One problem found in the input, printed like a compiler diagnostic:
///
///     specs/builds.yaml:42:7: error: no schema named 'Buld' in components/schemas
///     specs/builds.yaml:12:3: note: did you mean 'Build'?
public struct Diagnostic: Hashable, Sendable, Error, CustomStringConvertible {
    /// How bad it is. Any `error` makes `gen` exit non-zero and write nothing.
    public enum Severity: String, Sendable, Comparable {
        case error, warning, note

        private var rank: Int {
            switch self {
            case .error: 0
            case .warning: 1
            case .note: 2
            }
        }

        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
    }

    public var severity: Severity
    /// Lowercase, quotes spec names exactly, says what was expected and what was found.
    public var message: String
    /// Where it is; `nil` only for problems with no place in a file (an unreadable path).
    public var location: SourceLocation?
    /// Follow-up remarks printed after the diagnostic ("did you mean …").
    public var notes: [Diagnostic]

    public init(_ severity: Severity, _ message: String, at location: SourceLocation?, notes: [Diagnostic] = []) {
        self.severity = severity
        self.message = message
        self.location = location
        self.notes = notes
    }

    public static func error(_ message: String, at location: SourceLocation?, notes: [Diagnostic] = []) -> Diagnostic {
        Diagnostic(.error, message, at: location, notes: notes)
    }

    public static func warning(_ message: String, at location: SourceLocation?, notes: [Diagnostic] = []) -> Diagnostic {
        Diagnostic(.warning, message, at: location, notes: notes)
    }

    public static func note(_ message: String, at location: SourceLocation?) -> Diagnostic {
        Diagnostic(.note, message, at: location)
    }

    /// The diagnostic and its notes, one per line, each `file:line:column: severity: message`.
    public var description: String {
        var lines = [Self.line(severity, message, location)]
        for note in notes {
            lines.append(Self.line(note.severity, note.message, note.location ?? location))
        }
        return lines.joined(separator: "\n")
    }

    private static func line(_ severity: Severity, _ message: String, _ location: SourceLocation?) -> String {
        if let location { return printable("\(location): \(severity.rawValue): \(message)") }
        return printable("gen: \(severity.rawValue): \(message)")
    }

    /// `text` safe to print as one terminal line: control characters (line breaks, escape sequences),
    /// line and paragraph separators and bidirectional overrides, which spec names may hold, become
    /// `\u{…}`, so a name cannot break a diagnostic over lines, forge one, or reorder its text.
    static func printable(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: needsEscape) else { return text }
        var result = ""
        for scalar in text.unicodeScalars {
            if needsEscape(scalar) {
                result += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    private static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .control: scalar != "\t"
        case .lineSeparator, .paragraphSeparator: true
        case .format: scalar.properties.isBidiControl
        default: false
        }
    }
}
