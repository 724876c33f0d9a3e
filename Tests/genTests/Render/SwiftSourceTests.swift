import Testing
@testable import Render

// Spec text becomes a Swift string literal with the same value that cannot interpolate or break the line.
@Test(arguments: [
    ("", #""""#),
    ("plain", #""plain""#),
    (#"say "hi""#, #""say \"hi\"""#),
    (#"a\b"#, #""a\\b""#),
    (#"\(exit(1))"#, #""\\(exit(1))""#),
    (##""#"##, ##""\"#""##),
    ("a\nb", #""a\nb""#),
    ("a\r\nb", #""a\r\nb""#),
    ("tab\there", #""tab\there""#),
    ("nul\u{0}", #""nul\0""#),
    ("bell\u{7}", #""bell\u{7}""#),
    ("del\u{7F}", #""del\u{7f}""#),
    ("nel\u{85}", #""nel\u{85}""#),
    ("ls\u{2028}ps\u{2029}", #""ls\u{2028}ps\u{2029}""#),
    ("rlo\u{202E}", #""rlo\u{202e}""#),
    ("🚀 👍🏽 🇨🇭", #""🚀 👍🏽 🇨🇭""#),
    ("café", #""café""#),
] as [(String, String)])
func stringLiterals(text: String, literal: String) {
    #expect(SwiftSource.stringLiteral(text) == literal)
}

// Doc lines split on every line break (CRLF once), drop trailing spaces and blank edges, and keep `*/` harmlessly.
@Test(arguments: [
    (nil, []),
    ("", []),
    ("   \n\t", []),
    ("one line", ["one line"]),
    ("a */ b /* c", ["a */ b /* c"]),
    ("a\r\nb", ["a", "b"]),
    ("a\r\r\nb", ["a", "", "b"]),
    ("a\rb", ["a", "b"]),
    ("a  \nb\t\n", ["a", "b"]),
    ("\n\n  code\n\n text \n\n", ["  code", "", " text"]),
    ("x\u{2028}y\u{85}z\u{2029}w", ["x", "y", "z", "w"]),
    ("bell\u{7}!", ["bell!"]),
    ("é\u{0B}🎉 \u{0C}ü\u{80}", ["é", "🎉", "ü\u{80}"]),
] as [(String?, [String])])
func docLines(text: String?, lines: [String]) {
    #expect(SwiftSource.docLines(text) == lines)
}

// Doc comments become `///` lines, a bare `///` for paragraph breaks, none for no text.
@Test func docCommentLines() {
    #expect(ViewBuilder.comment("Title.\n\nMore <a & b>.  ") == ["/// Title.", "///", "/// More <a & b>."])
    #expect(ViewBuilder.comment(nil) == [])
}
