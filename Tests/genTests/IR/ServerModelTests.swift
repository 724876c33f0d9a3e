import Diagnostics
import Testing
@testable import IR

/// `servers` (OpenAPI 3.1 §4.8.5) and their `variables` (§4.8.6) as `ServerModel`s: names, enum
/// variables, defaults, and the checks made when generating, each reported at its line and column.
@Suite struct ServerModelTests {
    /// A document with `servers` as given (YAML lines at the indentation of `servers:`'s items).
    static func spec(_ servers: String) -> String {
        """
        openapi: 3.1.0
        info: {title: T, version: '1'}
        servers:
        \(servers)
        paths: {}
        """
    }

    static func servers(_ text: String) -> (servers: [ServerModel], defaultURL: String?, reported: [String]) {
        let built = buildModule(spec(text))
        return (built.module?.servers ?? [], built.module?.defaultServerURL, built.reported)
    }

    // Names come from `x-name`, else the description without a last word "server", else the position;
    // names taken twice are numbered.
    @Test func namesFollowXNameThenDescription() {
        let built = Self.servers("""
              - {url: 'https://a.example.com', description: Production server}
              - {url: 'https://b.example.com', description: Production server}
              - {url: 'https://c.example.com', description: EU sandbox, x-name: sandbox}
              - {url: 'https://d.example.com'}
              - {url: 'https://e.example.com', description: Server}
              - {url: 'https://f.example.com', description: url}
            """)
        #expect(built.servers.map(\.name) == ["production", "production2", "sandbox", "server4", "server", "url2"])
        #expect(built.reported.isEmpty, "\(built.reported)")
        #expect(built.defaultURL == "https://a.example.com")
    }

    // An enum variable gets a closed enum named after server and variable; defaults are kept; the
    // client's default base URL takes every default.
    @Test func variablesBecomeParameters() throws {
        let built = Self.servers("""
              - url: 'https://{tenant}.example.com:{port}'
                description: Production
                variables:
                  tenant: {default: demo, description: The tenant.}
                  port: {enum: ['8443', '443'], default: '443'}
            """)
        let server = try #require(built.servers.first)
        #expect(server.variables.map(\.swiftName) == ["tenant", "port"])
        #expect(server.variables.map(\.enumTypeName) == [nil, "ProductionPort"])
        #expect(server.variables[1].cases.map(\.rawValue) == ["8443", "443"])
        #expect(server.variables.map(\.defaultValue) == ["demo", "443"])
        #expect(server.components == [.literal("https://"), .variable(0), .literal(".example.com:"), .variable(1)])
        #expect(!server.isRelative)
        #expect(built.defaultURL == "https://demo.example.com:443")
        #expect(built.reported.isEmpty, "\(built.reported)")
    }

    // A relative URL (the common `/api/v1`) is kept, marked relative, and is no default base URL.
    @Test func relativeURLsAreKept() throws {
        let built = Self.servers("""
              - url: '/{base}/v1'
                description: "Same host\\nas the spec"
                variables:
                  base: {default: api}
              - {url: 'https://x.example.com'}
            """)
        #expect(built.servers.map(\.isRelative) == [true, false])
        #expect(built.servers.first?.name == "sameHost")
        // `base` is the relative URL's own parameter.
        #expect(built.servers.first?.variables.map(\.swiftName) == ["base2"])
        #expect(built.defaultURL == nil)
        #expect(built.reported.isEmpty, "\(built.reported)")
    }

    // `{name}` without a variable, and an URL that is not one, skip the server with a warning at the url.
    @Test func brokenURLsAreWarnedAboutAndSkipped() {
        let built = Self.servers("""
              - {url: 'https://{region}.example.com'}
              - {url: 'https://example.com/a b'}
              - url: 'https://example.com:{port}'
                variables:
                  port: {default: http}
              - {url: 'ftp://example.com'}
              - {url: 'https://{open.example.com'}
              - {url: 'https://example.com/v1?x=1'}
              - {url: 'https://ok.example.com'}
            """)
        #expect(built.servers.map(\.url) == ["https://ok.example.com"])
        #expect(built.defaultURL == nil)
        #expect(built.reported == [
            "t.yaml:4:11: warning: server url 'https://{region}.example.com' uses '{region}', which is not in its 'variables'; the server is skipped",
            "t.yaml:5:11: warning: server url 'https://example.com/a b' is not a valid URL: ' ' cannot stand in a URL unencoded; the server is skipped",
            "t.yaml:6:10: warning: server url 'https://example.com:{port}' (with its defaults, 'https://example.com:http') is not a valid URL: the port 'http' is not a number; the server is skipped",
            "t.yaml:9:11: warning: server url 'ftp://example.com' is not a valid URL: the scheme is 'ftp', but the client speaks HTTP: expected 'http' or 'https'; the server is skipped",
            "t.yaml:10:11: warning: server url 'https://{open.example.com' has an unmatched '{' or '}'; expected '{name}' around each variable; the server is skipped",
            "t.yaml:11:11: warning: server url 'https://example.com/v1?x=1' is not a valid URL: a server URL cannot have a query or fragment, since operation paths are appended to it; the server is skipped",
        ])
    }

    // A default outside the enum, a missing default, an unused variable and an enum value that makes
    // no URL are each a warning at their place; the server stays, without those defaults or values.
    @Test func variableProblemsAreWarnedAbout() throws {
        let built = Self.servers("""
              - url: 'https://{env}.example.com/{version}'
                variables:
                  env: {enum: [prod, 'bad host'], default: staging}
                  version: {}
                  unused: {default: x}
            """)
        let server = try #require(built.servers.first)
        #expect(server.variables.map(\.defaultValue) == [nil, nil, "x"])
        #expect(server.variables[0].cases.map(\.rawValue) == ["prod"])
        #expect(built.defaultURL == nil)
        #expect(built.reported == [
            "t.yaml:6:26: warning: the value 'bad host' of server variable 'env' does not make a valid URL: ' ' cannot stand in a URL unencoded; it is left out",
            "t.yaml:6:48: warning: the default 'staging' of server variable 'env' is not one of its 'enum' values ('prod', 'bad host'); 'server1(…)' has no default for it",
            "t.yaml:7:7: warning: server variable 'version' has no 'default'; expected one (OpenAPI 3.1 §4.8.6), so 'server1(…)' has no default for it",
            "t.yaml:8:7: warning: server variable 'unused' is not used in the url 'https://{env}.example.com/{version}'",
        ])
    }

    // `servers` on a path or an operation are not generated: a warning at each that names other
    // servers than the document's, never a silent drop.
    @Test func pathAndOperationServersAreWarnedAbout() {
        let built = buildModule("""
            openapi: 3.1.0
            info: {title: T, version: '1'}
            paths:
              /a:
                servers: [{url: 'https://a.example.com'}]
                get:
                  servers: [{url: 'https://b.example.com'}]
                  responses: {'204': {description: none}}
              /b:
                servers: [{url: 'https://x.example.com'}]
                get: {responses: {'204': {description: none}}}
            servers: [{url: 'https://x.example.com'}]
            """)
        #expect(built.reported == [
            "t.yaml:5:5: warning: 'servers' of path '/a' are not generated yet; its requests go to the client's base URL",
            "t.yaml:7:7: warning: 'servers' of operation 'get /a' are not generated yet; its requests go to the client's base URL",
        ])
    }

    // RFC 3986 syntax as server URLs need it.
    @Test(arguments: [
        ("https://api.example.com", nil),
        ("http://[::1]:8080/v1", nil),
        ("https://user@host.example.com/a%20b", nil),
        ("/", nil),
        ("/api/v1", nil),
        ("v1/api", nil),
        ("", "it is empty; expected a URL such as '/' or 'https://api.example.com'"),
        ("https://", "expected a host after 'https://'"),
        ("https:example.com", "expected '//' and a host after 'https:'"),
        ("https://h/%zz", "'%' must start a percent-encoded byte such as '%20'"),
        ("https://h/é", "only ASCII characters can stand in a URL unencoded"),
        ("https://[::1/x", "'[' opens an IP address that no ']' closes"),
        ("https://h:80:90", "a host name cannot hold ':'"),
        ("//h.example.com", "a URL without a scheme cannot start with '//'"),
        ("1a:b/c", "a relative URL's first segment cannot hold ':'"),
        ("https://h/a[1]", "'[' and ']' can only enclose an IP address"),
    ] as [(String, String?)])
    func urlSyntax(url: String, problem: String?) {
        #expect(URLSyntax.problem(in: url) == problem)
    }
}
