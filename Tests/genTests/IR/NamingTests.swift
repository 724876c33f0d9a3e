import Testing
@testable import IR

// Spec strings become legal, idiomatic type and member names: keywords, digits, separators, acronyms, symbols.
@Test(arguments: [
    // input, typeName, memberName
    ("default", "Default", "default"),
    ("self", "SelfValue", "self_"),
    ("Self", "SelfValue", "self_"),
    ("Type", "TypeValue", "type"),
    ("type", "TypeValue", "type"),
    ("Protocol", "ProtocolValue", "protocol"),
    ("class", "Class", "class"),
    ("init", "Init", "init_"),
    ("Any", "Any_", "any"),
    ("_", "Value", "value"),
    ("1st", "_1st", "_1st"),
    ("2fa_code", "_2faCode", "_2faCode"),
    ("foo-bar", "FooBar", "fooBar"),
    ("{braces}", "Braces", "braces"),
    ("$ref", "Ref", "ref"),
    ("🚀", "Rocket", "rocket"),
    ("+", "PlusSign", "plusSign"),
    ("16:9", "_16_9", "_16_9"),
    ("1.0", "_1_0", "_1_0"),
    ("🚀 launch", "Launch", "launch"),
    ("", "Value", "value"),
    ("build_id", "BuildID", "buildID"),
    ("display_name", "DisplayName", "displayName"),
    ("HTTPServer", "HTTPServer", "httpServer"),
    ("URL", "URL", "url"),
    ("url_path", "URLPath", "urlPath"),
    ("api-error", "APIError", "apiError"),
    ("X-Request-ID", "XRequestID", "xRequestID"),
    ("v2Beta", "V2Beta", "v2Beta"),
    ("café au lait", "CaféAuLait", "caféAuLait"),
    ("GET /orgs/{org}", "GETOrgsOrg", "getOrgsOrg"),
    ("URLs", "URLs", "urls"),
    ("IDs", "IDs", "ids"),
    ("build_ids", "BuildIDs", "buildIDs"),
    ("userIDs", "UserIDs", "userIDs"),
    ("URLsList", "URLsList", "urlsList"),
    ("status", "Status", "status"),
])
func namingTable(input: String, typeName: String, memberName: String) {
    #expect(Naming.typeName(input) == typeName)
    #expect(Naming.memberName(input) == memberName)
}

// Only keywords that may be backticked are; everything else is written as is.
@Test(arguments: [
    ("default", "`default`"),
    ("class", "`class`"),
    ("protocol", "`protocol`"),
    ("true", "`true`"),
    ("self_", "self_"),
    ("init_", "init_"),
    ("type", "type"),
    ("buildID", "buildID"),
])
func escapedIdentifiers(identifier: String, expected: String) {
    #expect(Naming.escaped(identifier) == expected)
}

// Member names made from keywords are declarable: escaped output never is a bare keyword.
@Test(arguments: ["default", "self", "Self", "init", "class", "true", "nil", "_", "Type", "Protocol", "in", "is"])
func keywordMembersAreDeclarable(input: String) {
    let spelled = Naming.escaped(Naming.memberName(input))
    #expect(!Naming.keywords.contains(spelled))
    #expect(!spelled.isEmpty)
}

// Names that collide after cleaning get `2`, `3`, … in claim order, and the same input gives the same names.
@Test func collidingNamesGetNumberedDeterministically() {
    func claimAll() -> [String] {
        var scope = NameScope()
        return ["foo-bar", "foo_bar", "fooBar", "Foo Bar", "{foo}{bar}"].map { scope.claim(Naming.memberName($0)) }
    }
    #expect(claimAll() == ["fooBar", "fooBar2", "fooBar3", "fooBar4", "fooBar5"])
    #expect(claimAll() == claimAll())
}

// A name already taken by a numbered one is skipped over, and reserved names are never handed out.
@Test func nameScopeSkipsTakenAndReservedNames() {
    var scope = NameScope(reserved: ["body"])
    #expect(scope.claim("a2") == "a2")
    #expect(scope.claim("a") == "a")
    #expect(scope.claim("a") == "a3")
    #expect(scope.claim("body") == "body2")
    #expect(scope.contains("body"))
    #expect(!scope.contains("b"))
}

// The ASCII fast path splits words exactly as the general, Unicode one does, on random names
// built from the characters that matter (cases, digits, separators, plural `s`).
@Test func asciiWordSplittingMatchesUnicodeSplitting() {
    var generator = SystemRandomNumberGenerator()
    let alphabet = Array("aAbBsSzZ09_- .$/xIDURL")
    for _ in 0..<5_000 {
        let length = Int.random(in: 0...12, using: &generator)
        let text = String((0..<length).map { _ in alphabet.randomElement(using: &generator)! })
        #expect(Naming.asciiWords(in: Array(text.utf8)) == Naming.characterWords(in: text), "\(text)")
    }
}
