import Foundation

/// The one place spec strings become Swift identifiers.
///
/// Words are split at `_`, `-`, spaces, punctuation and lower→upper case changes, then joined as
/// `UpperCamelCase` (types) or `lowerCamelCase` (members). Known initialisms are kept in one case
/// (`build_id` → `buildID`, `url_path` → `urlPath`) per the Swift API Design Guidelines. A name that
/// would not be a legal identifier is repaired: a leading digit gets `_` (`1st` → `_1st`), digit
/// groups stay apart (`16:9` → `_16_9`), keywords are wrapped in backticks where Swift allows that,
/// a name made only of symbols or emoji is spelled by their Unicode names (`🚀` → `rocket`,
/// `+` → `plusSign`), and an empty name becomes a placeholder (`value`).
public enum Naming {
    /// Swift keywords that cannot be used as identifiers without backticks.
    static let keywords: Set<String> = [
        "associatedtype", "borrowing", "class", "consuming", "deinit", "enum", "extension", "fileprivate", "func",
        "import", "init", "inout", "internal", "let", "nonisolated", "open", "operator", "private", "precedencegroup",
        "protocol", "public", "rethrows", "static", "struct", "subscript", "typealias", "var", "break", "case",
        "catch", "continue", "default", "defer", "do", "else", "fallthrough", "for", "guard", "if", "in", "repeat",
        "return", "throw", "switch", "where", "while", "Any", "as", "await", "false", "is", "nil", "self", "Self",
        "super", "throws", "true", "try", "_",
    ]

    /// Keywords that stay special even inside backticks in some positions, or that read badly
    /// escaped; these get a trailing underscore instead.
    static let unescapable: Set<String> = ["_", "Type", "Protocol", "init", "self", "Self"]

    /// Initialisms written in one case (`ID`, `URL`), as the Swift API Design Guidelines ask.
    static let initialisms: Set<String> = [
        "api", "cpu", "css", "csv", "db", "dns", "gpu", "html", "http", "https", "id", "io", "ip", "json",
        "jwt", "mfa", "os", "pdf", "sdk", "sha", "sql", "ssh", "ssl", "sso", "tcp", "tls", "ttl", "ui", "uri", "url",
        "utc", "uuid", "vm", "xml",
    ]

    /// An `UpperCamelCase` type name: `build_response` → `BuildResponse`, `api-error` → `APIError`.
    public static func typeName(_ text: String) -> String {
        typeNames.value(for: text, computing: uncachedTypeName)
    }

    /// Spec names repeat (`id`, `name`, `created_at` in every schema, `Item` for every array), and
    /// deriving a name allocates a string per word: remembered, naming was 7% of a large spec's run.
    private static let typeNames = NameCache()
    private static let memberNames = NameCache()

    private static func uncachedTypeName(_ text: String) -> String {
        let words = self.words(in: text)
        let joined = join(words.map(capitalized))
        // `X.Type`, `X.Protocol` and `X.Self` mean something else after a dot: never use them as names.
        if metatypeNames.contains(joined) { return joined + "Value" }
        return repaired(joined, fallback: "Value", allowBackticks: false)
    }

    /// Names that cannot follow a dot as a type's name.
    static let metatypeNames: Set<String> = ["Type", "Protocol", "Self"]

    /// A `lowerCamelCase` member name: `display_name` → `displayName`, `build_id` → `buildID`.
    public static func memberName(_ text: String) -> String {
        memberNames.value(for: text, computing: uncachedMemberName)
    }

    private static func uncachedMemberName(_ text: String) -> String {
        let words = self.words(in: text)
        guard let first = words.first else { return repaired("", fallback: "value", allowBackticks: true) }
        let head = isInitialism(first) ? first.lowercased() : lowercasedFirstWord(first)
        let joined = join([head] + words.dropFirst().map(capitalized))
        return repaired(joined, fallback: "value", allowBackticks: true)
    }

    /// The name as an argument label at a call site, where only `inout` needs backticks
    /// (`f(default: x, let: y)`; Swift 6 warns about backticks around any other keyword there).
    public static func argumentLabel(_ identifier: String) -> String {
        identifier == "inout" ? "`inout`" : identifier
    }

    /// The name as it must be written in a declaration or reference (`` `default` ``).
    public static func escaped(_ identifier: String) -> String {
        keywords.contains(identifier) && !unescapable.contains(identifier) ? "`\(identifier)`" : identifier
    }

    // MARK: Pieces

    /// Joins words, keeping digit groups apart (`16:9` → `16_9`, not `169`).
    private static func join(_ words: [String]) -> String {
        var result = ""
        for word in words {
            if result.last?.isNumber == true, word.first?.isNumber == true { result += "_" }
            result += word
        }
        return result
    }

    /// Words for a name with no letters or digits at all (`🚀`, `+`, `$`): the Unicode names of
    /// its characters (`rocket`, `plus sign`, `dollar sign`), so such names stay distinct and readable.
    private static func unicodeNameWords(in text: String) -> [String] {
        text.unicodeScalars.flatMap { scalar -> [String] in
            // Word separators say nothing on their own: `_` alone stays a placeholder.
            guard !"_-. /".unicodeScalars.contains(scalar),
                  let name = scalar.properties.name, scalar.properties.generalCategory != .format,
                  !scalar.properties.isVariationSelector, !scalar.properties.isWhitespace
            else { return [] }
            return name.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
        }
    }

    /// Splits on anything that is not a letter or digit, and on case changes inside words
    /// (`displayName` → display, Name; `HTTPServer` → HTTP, Server; `v2Beta` → v2, Beta).
    static func words(in text: String) -> [String] {
        text.utf8.allSatisfy({ $0 < 0x80 }) ? asciiWords(in: Array(text.utf8)) : characterWords(in: text)
    }

    /// `words(in:)` by Unicode character properties, for text beyond ASCII.
    static func characterWords(in text: String) -> [String] {
        var words: [String] = []
        var current: [Character] = []
        func flush() {
            if !current.isEmpty { words.append(String(current)) }
            current.removeAll()
        }
        let characters = Array(text)
        for (index, character) in characters.enumerated() {
            guard character.isLetter || character.isNumber else {
                flush()
                continue
            }
            if let previous = current.last {
                let next = index + 1 < characters.count ? characters[index + 1] : nil
                let lowerToUpper = (previous.isLowercase || previous.isNumber) && character.isUppercase
                // `HTTPServer`: the `S` starts a word because a lowercase letter follows it; but the
                // `s` of a plural acronym (`URLs`, `IDs`) stays with it.
                let afterNext = index + 2 < characters.count ? characters[index + 2] : nil
                let pluralS = next == "s" && !(afterNext?.isLowercase ?? false)
                let acronymEnd = previous.isUppercase && character.isUppercase && (next?.isLowercase ?? false) && !pluralS
                if lowerToUpper || acronymEnd { flush() }
            }
            current.append(character)
        }
        flush()
        return words.isEmpty ? unicodeNameWords(in: text) : words
    }

    /// `words(in:)` for ASCII text (nearly every name in a spec), on bytes: the same rules
    /// without the cost of Unicode character properties.
    static func asciiWords(in bytes: [UInt8]) -> [String] {
        func isLower(_ byte: UInt8) -> Bool { byte >= 0x61 && byte <= 0x7A }
        func isUpper(_ byte: UInt8) -> Bool { byte >= 0x41 && byte <= 0x5A }
        func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
        var words: [String] = []
        var start = -1
        func flush(_ end: Int) {
            if start >= 0 { words.append(String(decoding: bytes[start..<end], as: UTF8.self)) }
            start = -1
        }
        for (index, byte) in bytes.enumerated() {
            guard isLower(byte) || isUpper(byte) || isDigit(byte) else {
                flush(index)
                continue
            }
            if start >= 0 {
                let previous = bytes[index - 1]
                let next: UInt8? = index + 1 < bytes.count ? bytes[index + 1] : nil
                let afterNext: UInt8? = index + 2 < bytes.count ? bytes[index + 2] : nil
                let lowerToUpper = (isLower(previous) || isDigit(previous)) && isUpper(byte)
                let pluralS = next == UInt8(ascii: "s") && !(afterNext.map(isLower) ?? false)
                let acronymEnd = isUpper(previous) && isUpper(byte) && (next.map(isLower) ?? false) && !pluralS
                if lowerToUpper || acronymEnd { flush(index) }
            }
            if start < 0 { start = index }
        }
        flush(bytes.count)
        return words.isEmpty ? unicodeNameWords(in: String(decoding: bytes, as: UTF8.self)) : words
    }

    /// Whether `word` is an initialism or its plural (`ids`, `URLs`).
    static func isInitialism(_ word: String) -> Bool {
        let lower = word.lowercased()
        return initialisms.contains(lower) || (lower.count > 2 && lower.hasSuffix("s") && initialisms.contains(String(lower.dropLast())))
    }

    private static func capitalized(_ word: String) -> String {
        let lower = word.lowercased()
        if initialisms.contains(lower) { return word.uppercased() }
        if isInitialism(word) { return lower.dropLast().uppercased() + "s" }
        // Keep inner capitals of words that were already mixed case (`iOS` stays readable).
        return word.prefix(1).uppercased() + word.dropFirst()
    }

    private static func lowercasedFirstWord(_ word: String) -> String {
        // An all-caps word (`URL`, `ETAG`) is lowered whole; otherwise only its first letter.
        if word.allSatisfy({ !$0.isLetter || $0.isUppercase }) { return word.lowercased() }
        if isInitialism(word) { return word.lowercased() }
        return word.prefix(1).lowercased() + word.dropFirst()
    }

    private static func repaired(_ name: String, fallback: String, allowBackticks: Bool) -> String {
        // Only ASCII-safe identifier characters survive: letters and digits from any script are
        // legal in Swift, but emoji and symbols are not, and the words split dropped those.
        var result = name.isEmpty ? fallback : name
        if let first = result.first, first.isNumber { result = "_" + result }
        if keywords.contains(result), !allowBackticks || unescapable.contains(result) { result += "_" }
        return result
    }
}

/// Hands out unique names within one scope (a type's members, the module's top level), adding
/// `2`, `3`, … to names that collide after cleaning. Deterministic: same order in, same names out.
public struct NameScope {
    /// Kept apart from `taken` and never mutated, so scopes sharing one large reserved set (every
    /// nested scope reserves all top-level names) do not each copy it on their first claim.
    private let reserved: Set<String>
    private var taken: Set<String> = []
    /// The suffix to try first for a name claimed before: the ones below it were taken then, and
    /// names are never given back. Without it, claiming one name n times costs O(n²).
    private var nextSuffix: [String: Int] = [:]

    /// - Parameter reserved: names that are never handed out (generated helper names, say).
    public init(reserved: Set<String> = []) {
        self.reserved = reserved
    }

    /// `name` itself if free, else the first of `name2`, `name3`, … that is.
    public mutating func claim(_ name: String) -> String {
        // Most names are free: one lookup in each set, no suffix bookkeeping.
        if !reserved.contains(name), taken.insert(name).inserted { return name }
        var counter = nextSuffix[name] ?? 2
        var candidate = name + String(counter)
        while contains(candidate) {
            counter += 1
            candidate = name + String(counter)
        }
        nextSuffix[name] = counter + 1
        taken.insert(candidate)
        return candidate
    }

    public func contains(_ name: String) -> Bool { taken.contains(name) || reserved.contains(name) }
}

/// Names derived before, by the text they were derived from; shared by every thread (tests build
/// modules concurrently), so behind a lock.
private final class NameCache: @unchecked Sendable {
    private let lock = NSLock()
    private var names: [String: String] = [:]

    func value(for text: String, computing derive: (String) -> String) -> String {
        lock.lock()
        if let name = names[text] {
            lock.unlock()
            return name
        }
        lock.unlock()
        let name = derive(text)
        lock.lock()
        names[text] = name
        lock.unlock()
        return name
    }
}
