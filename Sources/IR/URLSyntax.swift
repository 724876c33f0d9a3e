/// RFC 3986 syntax checks of server URLs (OpenAPI 3.1 §4.8.5), made when generating so the
/// generated code's `URL(string:)` of a checked URL cannot fail and the client can append paths to it.
enum URLSyntax {
    /// Whether `text` has no scheme (RFC 3986 §3.1): a relative reference, resolved against the
    /// URL the document is served from (§4.8.5).
    static func isRelative(_ text: String) -> Bool {
        scheme(of: Array(text.utf8)) == nil
    }

    /// Why `text` is not a server URL the client can use, or `nil` when it is one: an `http` or
    /// `https` URI with a host (§3.2.2) or a relative reference (§4.2), made only of the characters
    /// §2 allows, without a query or fragment (paths are appended to it).
    static func problem(in text: String) -> String? {
        let bytes = Array(text.utf8)
        if bytes.isEmpty { return "it is empty; expected a URL such as '/' or 'https://api.example.com'" }
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "%") {
                guard index + 2 < bytes.count, isHexDigit(bytes[index + 1]), isHexDigit(bytes[index + 2]) else {
                    return "'%' must start a percent-encoded byte such as '%20'"
                }
                index += 3
                continue
            }
            guard isUnreserved(byte) || isSubDelimiter(byte) || ":/?#[]@".utf8.contains(byte) else {
                let character = String(decoding: [byte], as: UTF8.self)
                return byte < 0x80 && byte >= 0x20 ? "'\(character)' cannot stand in a URL unencoded" : "only ASCII characters can stand in a URL unencoded"
            }
            index += 1
        }
        if bytes.contains(UInt8(ascii: "?")) || bytes.contains(UInt8(ascii: "#")) {
            return "a server URL cannot have a query or fragment, since operation paths are appended to it"
        }
        guard let scheme = scheme(of: bytes) else {
            // §4.2: in a relative-path reference a colon in the first segment would read as a scheme.
            let firstSegment = bytes.prefix { $0 != UInt8(ascii: "/") }
            if firstSegment.contains(UInt8(ascii: ":")) { return "a relative URL's first segment cannot hold ':'" }
            if bytes.starts(with: Array("//".utf8)) { return "a URL without a scheme cannot start with '//'" }
            return bytes.contains(UInt8(ascii: "[")) || bytes.contains(UInt8(ascii: "]")) ? "'[' and ']' can only enclose an IP address" : nil
        }
        guard scheme == "http" || scheme == "https" else {
            return "the scheme is '\(scheme)', but the client speaks HTTP: expected 'http' or 'https'"
        }
        let rest = bytes.dropFirst(scheme.utf8.count + 1)
        guard rest.starts(with: Array("//".utf8)) else { return "expected '//' and a host after '\(scheme):'" }
        let authority = rest.dropFirst(2).prefix { $0 != UInt8(ascii: "/") }
        let path = rest.dropFirst(2 + authority.count)
        if path.contains(UInt8(ascii: "[")) || path.contains(UInt8(ascii: "]")) { return "'[' and ']' can only enclose an IP address" }
        // §3.2: userinfo ends at the last '@'; the port follows the host's last ':' outside brackets.
        let hostAndPort = authority.split(separator: UInt8(ascii: "@"), omittingEmptySubsequences: false).last ?? []
        if authority.filter({ $0 == UInt8(ascii: "@") }).count > 1 { return "a URL's authority can hold one '@'" }
        let userinfo = authority.dropLast(hostAndPort.count)
        if userinfo.contains(UInt8(ascii: "[")) || userinfo.contains(UInt8(ascii: "]")) { return "'[' and ']' can only enclose an IP address" }
        var host = hostAndPort[...]
        var port: ArraySlice<UInt8> = []
        if host.first == UInt8(ascii: "[") {
            guard let close = host.firstIndex(of: UInt8(ascii: "]")) else { return "'[' opens an IP address that no ']' closes" }
            let literal = host[(host.startIndex + 1)..<close]
            guard !literal.isEmpty, literal.allSatisfy({ isHexDigit($0) || $0 == UInt8(ascii: ":") || $0 == UInt8(ascii: ".") }) else {
                return "expected an IPv6 address between '[' and ']'"
            }
            let after = host[(close + 1)...]
            if !after.isEmpty {
                guard after.first == UInt8(ascii: ":") else { return "expected ':' and a port after ']'" }
                port = after.dropFirst()
            }
            host = host[...close]
        } else {
            if host.contains(UInt8(ascii: "[")) || host.contains(UInt8(ascii: "]")) { return "'[' and ']' can only enclose an IP address" }
            if let colon = host.lastIndex(of: UInt8(ascii: ":")) {
                port = host[(colon + 1)...]
                host = host[..<colon]
            }
            if host.contains(UInt8(ascii: ":")) { return "a host name cannot hold ':'" }
        }
        if host.isEmpty { return "expected a host after '\(scheme)://'" }
        if !port.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) {
            return "the port '\(String(decoding: port, as: UTF8.self))' is not a number"
        }
        return nil
    }

    /// The scheme, lowercased, when `bytes` start with one and a colon (§3.1).
    private static func scheme(of bytes: [UInt8]) -> String? {
        guard let colon = bytes.firstIndex(of: UInt8(ascii: ":")), colon > 0, isLetter(bytes[0]) else { return nil }
        let name = bytes[..<colon]
        guard name.allSatisfy({ isLetter($0) || isDigit($0) || $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: ".") }) else {
            return nil
        }
        return String(decoding: name, as: UTF8.self).lowercased()
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    private static func isHexDigit(_ byte: UInt8) -> Bool {
        isDigit(byte) || (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "f")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "F"))
    }

    /// §2.3.
    private static func isUnreserved(_ byte: UInt8) -> Bool {
        isLetter(byte) || isDigit(byte) || "-._~".utf8.contains(byte)
    }

    /// §2.2.
    private static func isSubDelimiter(_ byte: UInt8) -> Bool {
        "!$&'()*+,;=".utf8.contains(byte)
    }
}
