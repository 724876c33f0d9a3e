import Diagnostics

/// A strict RFC 8259 JSON parser producing the same `Node` tree as the YAML path.
///
/// Needed because libyaml rejects JSON's UTF-16 surrogate escapes (`"\ud83d\udc4d"`), which real
/// specs contain. Works byte by byte on one contiguous buffer, iteratively (depth is limited by the
/// shared `TreeBuilder`). Lines are counted while skipping whitespace (JSON has no raw newline
/// anywhere else); columns are counted only up to where a node starts.
struct JSONParser {
    private let bytes: UnsafeBufferPointer<UInt8>
    private let base: UnsafePointer<UInt8>
    private let end: Int
    private let file: SourceFile
    private var position: Int
    /// Current line and the offset where it starts, advanced by `skipWhitespace`.
    private var line = 1
    private var lineStart: Int
    /// The last column handed out, at `columnOffset` on the current line, so columns of nodes on
    /// one long line are counted incrementally (minified files are one line).
    private var columnOffset: Int
    private var column = 1
    private var builder: TreeBuilder
    /// Reused for strings with escapes so each one does not allocate its own buffer.
    private var scratch: [UInt8] = []

    /// `bytes` must stay alive for the parser's lifetime and must not be empty.
    init(bytes: UnsafeBufferPointer<UInt8>, file: String, limits: YAMLLoader.Limits, diagnostics: DiagnosticSink) {
        self.bytes = bytes
        base = UnsafePointer(bytes.baseAddress!)
        end = bytes.count
        self.file = SourceFile(path: file)
        builder = TreeBuilder(limits: limits, diagnostics: diagnostics)
        let hasBOM = end >= 3 && base[0] == 0xEF && base[1] == 0xBB && base[2] == 0xBF
        position = hasBOM ? 3 : 0
        lineStart = position
        columnOffset = position
    }

    /// Parses the single JSON value that must make up the whole input.
    mutating func parse() throws(Diagnostic) -> Node {
        // Whether each open container is an object; kept alongside the builder's stack so the
        // parser knows which closing bracket and separator to expect.
        var isObject: [Bool] = []
        values: while true {
            // An opened, non-empty container: its first member comes next, no comma before it.
            if try parseValue(into: &isObject) { continue values }
            // After a value: close containers until one continues with a comma.
            while let inObject = isObject.last {
                skipWhitespace()
                let byte = position < end ? base[position] : 0
                if byte == UInt8(ascii: ",") {
                    position += 1
                    if inObject { try parseKey() }
                    continue values
                }
                if byte == (inObject ? UInt8(ascii: "}") : UInt8(ascii: "]")) {
                    position += 1
                    builder.end()
                    isObject.removeLast()
                    continue
                }
                let expected = inObject ? "',' or '}' after an object member" : "',' or ']' after an array element"
                throw unexpected(expected)
            }
            break
        }
        skipWhitespace()
        guard position == end else { throw unexpected("end of input after the JSON value") }
        return builder.root!
    }

    /// One value. Returns `true` when it opened a non-empty container, whose members the
    /// caller's loop then reads (no recursion, so depth costs no stack).
    private mutating func parseValue(into isObject: inout [Bool]) throws(Diagnostic) -> Bool {
        skipWhitespace()
        guard position < end else { throw unexpected("a JSON value") }
        let location = self.location(at: position)
        switch base[position] {
        case UInt8(ascii: "{"):
            try builder.begin(mapping: true, at: location, anchor: nil)
            position += 1
            skipWhitespace()
            if position < end, base[position] == UInt8(ascii: "}") {
                position += 1
                builder.end()
                return false
            }
            isObject.append(true)
            try parseKey()
            return true
        case UInt8(ascii: "["):
            try builder.begin(mapping: false, at: location, anchor: nil)
            position += 1
            skipWhitespace()
            if position < end, base[position] == UInt8(ascii: "]") {
                position += 1
                builder.end()
                return false
            }
            isObject.append(false)
            return true
        case UInt8(ascii: "\""):
            let text = try parseString(startingAt: location)
            builder.scalar(Scalar(text: text, style: .doubleQuoted, value: .string(text)), at: location, anchor: nil)
        case UInt8(ascii: "t"):
            try literal("true", .bool(true), at: location)
        case UInt8(ascii: "f"):
            try literal("false", .bool(false), at: location)
        case UInt8(ascii: "n"):
            try literal("null", .null, at: location)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            builder.scalar(try parseNumber(), at: location, anchor: nil)
        default:
            throw unexpected("a JSON value")
        }
        return false
    }

    /// A member's key and its `:`.
    private mutating func parseKey() throws(Diagnostic) {
        skipWhitespace()
        guard position < end, base[position] == UInt8(ascii: "\"") else { throw unexpected("a string key in the object") }
        let location = self.location(at: position)
        let key = try parseString(startingAt: location)
        builder.scalar(Scalar(text: key, style: .doubleQuoted, value: .string(key)), at: location, anchor: nil)
        skipWhitespace()
        guard position < end, base[position] == UInt8(ascii: ":") else { throw unexpected("':' after the object key") }
        position += 1
    }

    private mutating func skipWhitespace() {
        while position < end {
            switch base[position] {
            case 0x20, 0x09:
                position += 1
            case 0x0A:
                position += 1
                line += 1
                lineStart = position
            case 0x0D:
                // CR LF is one break, counted at the LF; a lone CR is a break of its own.
                position += 1
                if position >= end || base[position] != 0x0A {
                    line += 1
                    lineStart = position
                }
            default:
                return
            }
        }
    }

    /// The location of a node starting at `index`, on the current line at or after the last one.
    private mutating func location(at index: Int) -> SourceLocation {
        if columnOffset < lineStart {
            columnOffset = lineStart
            column = 1
        }
        var column = self.column
        for offset in columnOffset..<index where base[offset] & 0xC0 != 0x80 {
            column += 1
        }
        self.column = column
        columnOffset = index
        return SourceLocation(sourceFile: file, line: line, column: column)
    }

    private mutating func literal(_ word: StaticString, _ value: Scalar.Value, at location: SourceLocation) throws(Diagnostic) {
        let count = word.utf8CodeUnitCount
        let matches = end - position >= count && word.withUTF8Buffer { word in
            word.elementsEqual(UnsafeBufferPointer(start: base + position, count: count))
        }
        guard matches else { throw unexpected("a JSON value") }
        position += count
        builder.scalar(Scalar(text: word.description, style: .plain, value: value), at: location, anchor: nil)
    }

    // MARK: Numbers

    /// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [-+]? [0-9]+)?`. Integers that fit `Int` are `.int`;
    /// everything else is `.float`, with the exact text kept.
    private mutating func parseNumber() throws(Diagnostic) -> Scalar {
        let start = position
        var index = position
        let negative = base[index] == UInt8(ascii: "-")
        if negative { index += 1 }
        var value = 0
        var overflowed = false
        if index < end, base[index] == UInt8(ascii: "0") {
            index += 1
            if index < end, ScalarResolver.isDigit(base[index]) {
                throw error("invalid number: leading zeros are not allowed in JSON", at: start)
            }
        } else {
            guard index < end, ScalarResolver.isDigit(base[index]) else {
                throw error("invalid number: expected a digit after '-'", at: index)
            }
            // Accumulate negatively so Int.min fits.
            while index < end, ScalarResolver.isDigit(base[index]) {
                if !overflowed {
                    let (times, o1) = value.multipliedReportingOverflow(by: 10)
                    let (sum, o2) = times.subtractingReportingOverflow(Int(base[index] &- 0x30))
                    if o1 || o2 { overflowed = true } else { value = sum }
                }
                index += 1
            }
        }
        var isInteger = true
        if index < end, base[index] == UInt8(ascii: ".") {
            index += 1
            guard index < end, ScalarResolver.isDigit(base[index]) else {
                throw error("invalid number: expected a digit after '.'", at: index)
            }
            while index < end, ScalarResolver.isDigit(base[index]) { index += 1 }
            isInteger = false
        }
        if index < end, base[index] == UInt8(ascii: "e") || base[index] == UInt8(ascii: "E") {
            index += 1
            if index < end, base[index] == UInt8(ascii: "+") || base[index] == UInt8(ascii: "-") { index += 1 }
            guard index < end, ScalarResolver.isDigit(base[index]) else {
                throw error("invalid number: expected a digit in the exponent", at: index)
            }
            while index < end, ScalarResolver.isDigit(base[index]) { index += 1 }
            isInteger = false
        }
        position = index
        let text = String(decoding: UnsafeBufferPointer(start: base + start, count: index - start), as: UTF8.self)
        if isInteger && !overflowed {
            if negative { return Scalar(text: text, style: .plain, value: .int(value)) }
            let (positive, overflow) = (0).subtractingReportingOverflow(value)
            if !overflow { return Scalar(text: text, style: .plain, value: .int(positive)) }
        }
        return Scalar(text: text, style: .plain, value: .float(Double(text) ?? .nan))
    }

    // MARK: Strings

    /// The string whose opening quote is at `position`; leaves `position` after the closing quote.
    private mutating func parseString(startingAt location: SourceLocation) throws(Diagnostic) -> String {
        let start = position + 1
        var index = start
        // Fast path: no escapes, which is nearly every string in a spec.
        var orOfBytes: UInt8 = 0
        while index < end {
            let byte = base[index]
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte < 0x20 { break }
            orOfBytes |= byte
            index += 1
        }
        guard index < end else { throw .error("unterminated string", at: location) }
        if base[index] == UInt8(ascii: "\"") {
            position = index + 1
            let raw = UnsafeBufferPointer(start: base + start, count: index - start)
            // ASCII needs no validation; anything else is checked before String would repair it.
            if orOfBytes >= 0x80 { try validate(start..<index) }
            return String(decoding: raw, as: UTF8.self)
        }
        scratch.removeAll(keepingCapacity: true)
        scratch.append(contentsOf: UnsafeBufferPointer(start: base + start, count: index - start))
        while true {
            guard index < end else { throw .error("unterminated string", at: location) }
            let byte = base[index]
            if byte == UInt8(ascii: "\"") { break }
            if byte < 0x20 {
                throw error("control character U+\(hex(byte, digits: 4)) in string; it must be escaped", at: index)
            }
            if byte != UInt8(ascii: "\\") {
                let runStart = index
                while index < end, base[index] != UInt8(ascii: "\""), base[index] != UInt8(ascii: "\\"), base[index] >= 0x20 {
                    index += 1
                }
                scratch.append(contentsOf: UnsafeBufferPointer(start: base + runStart, count: index - runStart))
                continue
            }
            index = try unescape(at: index)
        }
        position = index + 1
        // Escapes always produce valid UTF-8, so only the source bytes need checking.
        try validate(start..<index)
        return String(decoding: scratch, as: UTF8.self)
    }

    /// Decodes the escape starting with the backslash at `index` into `scratch`; returns the index after it.
    private mutating func unescape(at index: Int) throws(Diagnostic) -> Int {
        guard index + 1 < end else { throw error("unterminated escape in string", at: index) }
        let simple: UInt8? =
            switch base[index + 1] {
            case UInt8(ascii: "\""): 0x22
            case UInt8(ascii: "\\"): 0x5C
            case UInt8(ascii: "/"): 0x2F
            case UInt8(ascii: "b"): 0x08
            case UInt8(ascii: "f"): 0x0C
            case UInt8(ascii: "n"): 0x0A
            case UInt8(ascii: "r"): 0x0D
            case UInt8(ascii: "t"): 0x09
            case UInt8(ascii: "u"): nil
            default: throw error("invalid escape '\\\(describeByte(at: index + 1))' in string", at: index)
            }
        if let simple {
            scratch.append(simple)
            return index + 2
        }
        let unit = try hexQuad(at: index + 2, escapeAt: index)
        var next = index + 6
        var scalarValue = UInt32(unit)
        if (0xD800...0xDBFF).contains(unit) {
            // A high surrogate must be followed by a `\u` low surrogate; together they are one scalar.
            guard next + 1 < end, base[next] == UInt8(ascii: "\\"), base[next + 1] == UInt8(ascii: "u"),
                case let low = try hexQuad(at: next + 2, escapeAt: next), (0xDC00...0xDFFF).contains(low)
            else {
                throw error("lone surrogate '\\u\(hex(unit, digits: 4))' in string; expected a surrogate pair", at: index)
            }
            scalarValue = 0x10000 + ((UInt32(unit) - 0xD800) << 10) + (UInt32(low) - 0xDC00)
            next += 6
        } else if (0xDC00...0xDFFF).contains(unit) {
            throw error("lone surrogate '\\u\(hex(unit, digits: 4))' in string; expected a surrogate pair", at: index)
        }
        scratch.append(contentsOf: Unicode.UTF8.encode(Unicode.Scalar(scalarValue)!)!)
        return next
    }

    private func hexQuad(at index: Int, escapeAt escape: Int) throws(Diagnostic) -> UInt16 {
        guard index + 4 <= end else { throw error("invalid '\\u' escape; expected 4 hex digits", at: escape) }
        var value: UInt16 = 0
        for offset in 0..<4 {
            guard let digit = ScalarResolver.hexDigit(base[index + offset]) else {
                throw error("invalid '\\u' escape; expected 4 hex digits", at: escape)
            }
            value = value << 4 | UInt16(digit)
        }
        return value
    }

    /// Throws at the first byte in `source` that is not valid UTF-8.
    private func validate(_ source: Range<Int>) throws(Diagnostic) {
        guard let bad = UTF8Validation.firstInvalidByte(in: bytes, range: source) else { return }
        throw error("invalid UTF-8 byte 0x\(hex(base[bad], digits: 2)) in string", at: bad)
    }

    // MARK: Errors

    /// Errors are rare, so their position is counted afresh from the top of the input.
    private func error(_ message: String, at index: Int) -> Diagnostic {
        var counter = PositionCounter(bytes: bytes, file: file)
        return .error(message, at: counter.location(at: index))
    }

    /// "expected X, found Y" at the current position.
    private func unexpected(_ expected: String) -> Diagnostic {
        if position < end, base[position] >= 0x80,
            UTF8Validation.firstInvalidByte(in: bytes, range: position..<min(position + 4, end)) == position
        {
            return error("invalid UTF-8 byte 0x\(hex(base[position], digits: 2))", at: position)
        }
        let found = position < end ? "'\(describeByte(at: position))'" : "end of input"
        return error("expected \(expected), found \(found)", at: position)
    }

    /// The character starting at `index`, for messages (control characters as `U+XXXX`).
    private func describeByte(at index: Int) -> String {
        let byte = base[index]
        if byte < 0x20 || byte == 0x7F { return "U+" + hex(byte, digits: 4) }
        if byte < 0x80 { return String(UnicodeScalar(byte)) }
        let length = min(end - index, byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2)
        return String(decoding: UnsafeBufferPointer(start: base + index, count: length), as: UTF8.self)
    }

    private func hex(_ value: some BinaryInteger, digits: Int) -> String {
        let text = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, digits - text.count)) + text
    }
}
