import IR

/// The type names a template's Swift code declares or spells unqualified, read from its parsed
/// text: what a generated type must never be called (see `ReservedNames`).
///
/// Interpolations (`{{typeName}}`) stand for names chosen by the IR, so an identifier glued to one
/// (`{{typeName}}Response`) is not a name of the template's; section and partial tags emit no text
/// of their own. Comments and string literals are skipped, interpolations in strings are read as
/// code. Only capitalized identifiers count (types, modules, attributes such as `@MainActor`), and
/// not after a `.`, where they are members (`Foundation.Data` reserves `Foundation` only).
///
/// A nested type (`ParameterNode.Kind`) and a generic parameter (`MediaCoder<Body>`) are found
/// first inside their scope, so a generated top-level type of that name changes nothing there:
/// they are not reserved. ReservedNameTests proves this by naming schemas after each of them.
struct TemplateNames {
    /// Names written after `struct`, `enum`, `class`, `actor`, `protocol` or `typealias` on a line
    /// that starts at column 0: the output's top-level declarations (the templates' convention;
    /// braces cannot tell, since sections open them in one branch and close them in another).
    private(set) var declared: Set<String> = []
    /// Types declared inside another (`Kind`, `Storage`) and generic parameters (`Body`, `T`).
    private(set) var scoped: Set<String> = []
    /// Every capitalized identifier the code names unqualified, declared ones included.
    private(set) var spelled: Set<String> = []

    /// What a generated top-level type must not be called: the top-level declarations, and the
    /// names spelt unqualified that are not scoped ones.
    var reserved: Set<String> { declared.union(spelled.subtracting(scoped)) }

    /// Whether the line being read starts with no indentation.
    private var lineAtColumnZero = true
    /// Inside the `<…>` after a declared name: the next identifier after `<` or `,` is a generic
    /// parameter.
    private var genericParameterList = false

    /// Stands in for an interpolation: not an ASCII identifier character, so an identifier it
    /// touches is recognisable and dropped.
    private static let interpolation: Character = "\u{1}"

    init(templates: some Sequence<Template>) {
        for template in templates {
            var text = ""
            Self.flatten(template.nodes, into: &text)
            scan(Array(text.utf8))
        }
    }

    private static func flatten(_ nodes: [Template.Node], into text: inout String) {
        for node in nodes {
            switch node {
            case .text(let literal, _): text += literal
            case .variable: text.append(interpolation)
            case .section(_, let children, _, _):
                text += " "
                flatten(children, into: &text)
                text += " "
            case .partial: text += " "
            }
        }
    }

    private static let declarationKeywords: Set<String> = ["struct", "enum", "class", "actor", "protocol", "typealias"]

    private mutating func scan(_ bytes: [UInt8]) {
        var index = 0
        scanCode(bytes, from: &index, untilCloseParenthesis: false)
    }

    /// Reads code from `index`; in an interpolation, up to and past its closing parenthesis.
    private mutating func scanCode(_ bytes: [UInt8], from index: inout Int, untilCloseParenthesis: Bool) {
        var depth = 0
        var previousWord = ""
        var previousSignificant: UInt8 = 0
        // `struct Name` or `func name`: a `<` right after it opens generic parameters.
        var afterDeclaredName = false
        while index < bytes.count {
            let byte = bytes[index]
            let next = index + 1 < bytes.count ? bytes[index + 1] : 0
            switch byte {
            case UInt8(ascii: "/") where next == UInt8(ascii: "/"):
                while index < bytes.count, bytes[index] != UInt8(ascii: "\n") { index += 1 }
                continue
            case UInt8(ascii: "/") where next == UInt8(ascii: "*"):
                Self.skipBlockComment(bytes, from: &index)
                continue
            case _ where Self.startsString(bytes, at: index):
                scanString(bytes, from: &index)
                previousSignificant = UInt8(ascii: "\"")
                previousWord = ""
                continue
            case UInt8(ascii: "\n"):
                lineAtColumnZero = !(index + 1 < bytes.count && Self.isSpace(bytes[index + 1]))
            case UInt8(ascii: "<") where afterDeclaredName:
                genericParameterList = true
            case UInt8(ascii: ">"):
                genericParameterList = false
            case UInt8(ascii: "("):
                depth += 1
            case UInt8(ascii: ")"):
                if untilCloseParenthesis, depth == 0 {
                    index += 1
                    return
                }
                depth -= 1
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                // A number, `0x1F` and `1e5` included, is no name.
                while index < bytes.count, Self.isIdentifierByte(bytes[index]) { index += 1 }
                previousSignificant = UInt8(ascii: "0")
                previousWord = ""
                continue
            default:
                if Self.isIdentifierStart(byte) || byte == UInt8(ascii: "`") {
                    let backticked = byte == UInt8(ascii: "`")
                    if backticked { index += 1 }
                    let start = index
                    while index < bytes.count, Self.isIdentifierByte(bytes[index]) { index += 1 }
                    let word = String(decoding: bytes[start..<index], as: UTF8.self)
                    if backticked, index < bytes.count, bytes[index] == UInt8(ascii: "`") { index += 1 }
                    let startsParameter = previousSignificant == UInt8(ascii: "<") || previousSignificant == UInt8(ascii: ",")
                    if genericParameterList, startsParameter, !word.isEmpty { scoped.insert(word) }
                    record(word, afterDot: previousSignificant == UInt8(ascii: "."), afterWord: previousWord)
                    afterDeclaredName = Self.declarationKeywords.contains(previousWord) || previousWord == "func"
                    previousWord = word
                    previousSignificant = UInt8(ascii: "a")
                    continue
                }
            }
            if !Self.isSpace(byte) {
                previousSignificant = byte
                previousWord = ""
                afterDeclaredName = false
            }
            index += 1
        }
    }

    private mutating func record(_ word: String, afterDot: Bool, afterWord: String) {
        guard let first = word.utf8.first, (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(first),
            !word.utf8.contains(where: { $0 >= 0x80 || $0 == 1 })
        else { return }
        if Self.declarationKeywords.contains(afterWord) {
            if lineAtColumnZero { declared.insert(word) } else { scoped.insert(word) }
        }
        if !afterDot { spelled.insert(word) }
    }

    /// Skips a string literal (`"…"`, `"""…"""`, raw `#"…"#`), reading its interpolations as code.
    private mutating func scanString(_ bytes: [UInt8], from index: inout Int) {
        var hashes = 0
        while bytes[index] == UInt8(ascii: "#") {
            hashes += 1
            index += 1
        }
        let multiline = index + 2 < bytes.count && bytes[index + 1] == UInt8(ascii: "\"") && bytes[index + 2] == UInt8(ascii: "\"")
        let quotes = multiline ? 3 : 1
        index += quotes
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "\\"), Self.hashes(bytes, after: index) == hashes {
                index += 1 + hashes
                if index < bytes.count, bytes[index] == UInt8(ascii: "(") {
                    index += 1
                    scanCode(bytes, from: &index, untilCloseParenthesis: true)
                } else {
                    index += 1
                }
                continue
            }
            if Self.closesString(bytes, at: index, quotes: quotes, hashes: hashes) {
                index += quotes + hashes
                return
            }
            // A one-line string ends at the line's end even when unclosed (a template fragment).
            if !multiline, bytes[index] == UInt8(ascii: "\n") { return }
            index += 1
        }
    }

    private static func startsString(_ bytes: [UInt8], at index: Int) -> Bool {
        var cursor = index
        while cursor < bytes.count, bytes[cursor] == UInt8(ascii: "#") { cursor += 1 }
        return cursor < bytes.count && bytes[cursor] == UInt8(ascii: "\"")
    }

    private static func closesString(_ bytes: [UInt8], at index: Int, quotes: Int, hashes: Int) -> Bool {
        guard index + quotes + hashes <= bytes.count else { return false }
        return (0..<quotes).allSatisfy { bytes[index + $0] == UInt8(ascii: "\"") }
            && (0..<hashes).allSatisfy { bytes[index + quotes + $0] == UInt8(ascii: "#") }
    }

    private static func hashes(_ bytes: [UInt8], after index: Int) -> Int {
        var count = 0
        while index + 1 + count < bytes.count, bytes[index + 1 + count] == UInt8(ascii: "#") { count += 1 }
        return count
    }

    /// Skips `/* … */`, nested ones included, as Swift does.
    private static func skipBlockComment(_ bytes: [UInt8], from index: inout Int) {
        var depth = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "/"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "*") {
                depth += 1
                index += 2
            } else if bytes[index] == UInt8(ascii: "*"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "/") {
                depth -= 1
                index += 2
                if depth == 0 { return }
            } else {
                index += 1
            }
        }
    }

    private static func isIdentifierStart(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
            || byte == UInt8(ascii: "_") || byte >= 0x80 || byte == 1
    }

    private static func isIdentifierByte(_ byte: UInt8) -> Bool {
        isIdentifierStart(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
    }
}
