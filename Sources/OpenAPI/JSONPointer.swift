/// A JSON Pointer (RFC 6901) taken from a `$ref` fragment (OpenAPI 3.1 §4.8.23, RFC 3986 §3.5).
struct JSONPointer: Hashable {
    /// The reference tokens, unescaped (`~1` → `/`, `~0` → `~`, then percent-decoded).
    var tokens: [String]

    init(tokens: [String]) {
        self.tokens = tokens
    }

    /// Parses the fragment part of a local `$ref` such as `#/components/schemas/a~1b%20c`.
    /// Returns `nil` when the text is not a local reference (no leading `#`) or is malformed.
    init?(reference: String) {
        guard reference.first == "#" else { return nil }
        let fragment = reference.dropFirst()
        // The fragment is a URI fragment: percent-decode first (RFC 6901 §6), then split.
        guard let decoded = Self.percentDecode(fragment) else { return nil }
        if decoded.isEmpty {
            tokens = []
            return
        }
        guard decoded.first == "/" else { return nil }
        tokens = decoded.dropFirst().split(separator: "/", omittingEmptySubsequences: false).map {
            // Order matters (RFC 6901 §4): `~01` is `~1` literally, not `/`.
            // Checked on bytes: `Substring.contains(String)` goes through Foundation, per `$ref`.
            $0.utf8.contains(UInt8(ascii: "~")) ? $0.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~") : String($0)
        }
    }

    /// The pointer written back in its canonical form, for messages.
    var description: String {
        "#" + tokens.map { "/" + $0.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1") }.joined()
    }

    private static func percentDecode(_ text: Substring) -> String? {
        guard text.utf8.contains(UInt8(ascii: "%")) else { return String(text) }
        var bytes: [UInt8] = []
        var iterator = Array(text.utf8).makeIterator()
        while let byte = iterator.next() {
            if byte == UInt8(ascii: "%") {
                guard let high = iterator.next().flatMap(hexValue), let low = iterator.next().flatMap(hexValue) else { return nil }
                bytes.append(high << 4 | low)
            } else {
                bytes.append(byte)
            }
        }
        return String(validating: bytes, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}

extension StringProtocol {
    /// Foundation-free replacement, enough for pointer escapes.
    func replacingOccurrences(of target: String, with replacement: String) -> String {
        guard !target.isEmpty, contains(target) else { return String(self) }
        var result = ""
        var rest = Substring(self)
        while let range = rest.firstRange(of: target) {
            result += rest[..<range.lowerBound]
            result += replacement
            rest = rest[range.upperBound...]
        }
        return result + rest
    }
}
