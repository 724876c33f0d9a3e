/// Resolves scalar text to a value by the YAML 1.2 core schema
/// (https://yaml.org/spec/1.2.2/#1023-core-schema) and checks text against the core tags.
///
/// Works on the raw UTF-8 bytes libyaml hands over, so the common case (a plain word that is
/// just a string) is decided by looking at one or two bytes.
enum ScalarResolver {
    /// The tags of the core schema this loader honours; other tags are reported and ignored.
    enum CoreTag: String {
        case str, int, float, bool, null, map, seq

        /// The tag libyaml reports after expanding `!!name`, e.g. `tag:yaml.org,2002:str`.
        init?(tag: String) {
            guard tag.hasPrefix(ScalarResolver.corePrefix) else { return nil }
            self.init(rawValue: String(tag.dropFirst(ScalarResolver.corePrefix.count)))
        }
    }

    static let corePrefix = "tag:yaml.org,2002:"

    /// A tag as the user would write it: `tag:yaml.org,2002:str` becomes `!!str`.
    static func displayName(ofTag tag: String) -> String {
        tag.hasPrefix(corePrefix) ? "!!" + tag.dropFirst(corePrefix.count) : tag
    }

    /// The value of an untagged plain scalar: null, bool, int, float, else the string itself.
    static func resolvePlain(_ bytes: UnsafeBufferPointer<UInt8>, text: String) -> Scalar.Value {
        guard let first = bytes.first else { return .null }
        // Only these first bytes can start a non-string core value; most words stop here.
        switch first {
        case UInt8(ascii: "n"), UInt8(ascii: "N"), UInt8(ascii: "~"):
            return null(bytes) ?? .string(text)
        case UInt8(ascii: "t"), UInt8(ascii: "T"), UInt8(ascii: "f"), UInt8(ascii: "F"):
            return bool(bytes) ?? .string(text)
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "."):
            return int(bytes) ?? float(bytes) ?? .string(text)
        default:
            return .string(text)
        }
    }

    /// The value of a scalar carrying a core tag, or `nil` when the text is not of that type
    /// (`!!int abc`). `!!float` also accepts integer forms, as the core schema does.
    static func resolve(_ bytes: UnsafeBufferPointer<UInt8>, text: String, as tag: CoreTag) -> Scalar.Value? {
        switch tag {
        case .str, .map, .seq: .string(text)
        case .null: null(bytes)
        case .bool: bool(bytes)
        case .int: int(bytes)
        case .float:
            if let value = int(bytes) {
                if case .int(let int) = value { .float(Double(int)) } else { value }
            } else {
                float(bytes)
            }
        }
    }

    /// `null | Null | NULL | ~ | (empty)`.
    static func null(_ bytes: UnsafeBufferPointer<UInt8>) -> Scalar.Value? {
        switch bytes.count {
        case 0: return .null
        case 1: return bytes[0] == UInt8(ascii: "~") ? .null : nil
        case 4: return matchesCaseForms(bytes, "null") ? .null : nil
        default: return nil
        }
    }

    /// `true | True | TRUE | false | False | FALSE`; YAML 1.1's `yes`/`on`/… are strings in 1.2.
    static func bool(_ bytes: UnsafeBufferPointer<UInt8>) -> Scalar.Value? {
        switch bytes.count {
        case 4: return matchesCaseForms(bytes, "true") ? .bool(true) : nil
        case 5: return matchesCaseForms(bytes, "false") ? .bool(false) : nil
        default: return nil
        }
    }

    /// `[-+]?[0-9]+ | 0o[0-7]+ | 0x[0-9a-fA-F]+`. Values beyond `Int` become `.float` (the
    /// caller keeps the exact digits in `Scalar.text`).
    static func int(_ bytes: UnsafeBufferPointer<UInt8>) -> Scalar.Value? {
        if bytes.count > 2, bytes[0] == UInt8(ascii: "0") {
            if bytes[1] == UInt8(ascii: "o") { return radixInt(bytes.dropFirst(2), radix: 8) }
            if bytes[1] == UInt8(ascii: "x") { return radixInt(bytes.dropFirst(2), radix: 16) }
        }
        var index = 0
        var negative = false
        if let sign = bytes.first, sign == UInt8(ascii: "-") || sign == UInt8(ascii: "+") {
            negative = sign == UInt8(ascii: "-")
            index = 1
        }
        guard index < bytes.count else { return nil }
        // Accumulate negatively so Int.min fits; fall back to Double on overflow.
        var value = 0
        var overflowed = false
        while index < bytes.count {
            let digit = Int(bytes[index]) - 0x30
            guard digit >= 0, digit <= 9 else { return nil }
            if !overflowed {
                let (times, o1) = value.multipliedReportingOverflow(by: 10)
                let (sum, o2) = times.subtractingReportingOverflow(digit)
                if o1 || o2 { overflowed = true } else { value = sum }
            }
            index += 1
        }
        if overflowed {
            return .float(Double(String(decoding: bytes, as: UTF8.self)) ?? .nan)
        }
        if negative { return .int(value) }
        let (positive, overflow) = (0).subtractingReportingOverflow(value)
        return overflow ? .float(-Double(value)) : .int(positive)
    }

    private static func radixInt(_ digits: Slice<UnsafeBufferPointer<UInt8>>, radix: Int) -> Scalar.Value? {
        var value = 0
        var approximate = 0.0
        var overflowed = false
        for byte in digits {
            guard let digit = hexDigit(byte), digit < radix else { return nil }
            approximate = approximate * Double(radix) + Double(digit)
            if !overflowed {
                let (times, o1) = value.multipliedReportingOverflow(by: radix)
                let (sum, o2) = times.addingReportingOverflow(digit)
                if o1 || o2 { overflowed = true } else { value = sum }
            }
        }
        return overflowed ? .float(approximate) : .int(value)
    }

    /// `[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?`, `[-+]?\.(inf|Inf|INF)`, `\.(nan|NaN|NAN)`.
    static func float(_ bytes: UnsafeBufferPointer<UInt8>) -> Scalar.Value? {
        var index = 0
        var negative = false
        if let sign = bytes.first, sign == UInt8(ascii: "-") || sign == UInt8(ascii: "+") {
            negative = sign == UInt8(ascii: "-")
            index = 1
        }
        let rest = UnsafeBufferPointer(rebasing: bytes[index...])
        if rest.count == 4 {
            if matchesCaseForms(rest, ".inf") { return .float(negative ? -.infinity : .infinity) }
            if index == 0, (matchesCaseForms(rest, ".nan") || isNaNMixedCase(rest)) { return .float(.nan) }
        }
        let count = bytes.count
        func digits(from start: Int) -> Int {
            var end = start
            while end < count, isDigit(bytes[end]) { end += 1 }
            return end
        }
        var end = digits(from: index)
        let integerDigits = end - index
        if end < count, bytes[end] == UInt8(ascii: ".") {
            let fractionEnd = digits(from: end + 1)
            // `.5` needs fraction digits; `5.` is fine.
            guard integerDigits > 0 || fractionEnd > end + 1 else { return nil }
            end = fractionEnd
        } else if integerDigits == 0 {
            return nil
        }
        if end < count, bytes[end] == UInt8(ascii: "e") || bytes[end] == UInt8(ascii: "E") {
            var exponent = end + 1
            if exponent < count, bytes[exponent] == UInt8(ascii: "-") || bytes[exponent] == UInt8(ascii: "+") {
                exponent += 1
            }
            let exponentEnd = digits(from: exponent)
            guard exponentEnd > exponent else { return nil }
            end = exponentEnd
        }
        guard end == count else { return nil }
        // The grammar is checked above, so Double's parser only sees forms it accepts.
        return .float(Double(String(decoding: bytes, as: UTF8.self)) ?? .nan)
    }

    static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    static func hexDigit(_ byte: UInt8) -> Int? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): Int(byte) - 0x30
        case UInt8(ascii: "a")...UInt8(ascii: "f"): Int(byte) - 0x61 + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): Int(byte) - 0x41 + 10
        default: nil
        }
    }

    /// Whether `bytes` spell the lowercase ASCII `word` in one of the three case forms the core
    /// schema allows: `null`, `Null`, `NULL`, or `.inf`, `.Inf`, `.INF` (never `nULL`).
    private static func matchesCaseForms(_ bytes: UnsafeBufferPointer<UInt8>, _ word: StaticString) -> Bool {
        guard word.utf8CodeUnitCount == bytes.count else { return false }
        return word.withUTF8Buffer { lower in
            let firstLetter = lower.firstIndex { $0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z") } ?? 0
            var isLower = true
            var isUpper = true
            var isCapitalized = true
            for index in 0..<lower.count {
                let byte = bytes[index]
                let upper = uppercased(lower[index])
                isLower = isLower && byte == lower[index]
                isUpper = isUpper && byte == upper
                isCapitalized = isCapitalized && byte == (index == firstLetter ? upper : lower[index])
            }
            return isLower || isUpper || isCapitalized
        }
    }

    /// `.NaN` is the one core form that is neither all-lower, capitalised nor all-upper.
    private static func isNaNMixedCase(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.elementsEqual(".NaN".utf8)
    }

    private static func uppercased(_ byte: UInt8) -> UInt8 {
        byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z") ? byte - 0x20 : byte
    }
}
