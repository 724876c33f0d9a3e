import Foundation
import Logging
import ParametersAPI
import ParametersAPIHummingbird
import ParametersAPIServer
import ParametersAPIVapor
import Testing

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Answers every operation of `specs/parameters.yaml` with the parameters as the generated
/// server decoded them, so a client call shows the whole round trip of each style.
struct ParameterEchoService: ParametersAPIServer.APIService {
    func echoQuery(
        text: String, count: Int?, tags: [String]?, ids: [Int]?, color: Color?, spaced: [String]?, piped: [String]?,
        pipedColor: Color?, deep: Color?, metadata: [String: String]?, reserved: String?, shade: Shade?, since: Date?, ref: UUID?, code: String?, filter: Filter?
    ) async throws -> EchoQueryResponse {
        .ok(QueryEcho(
            text: text, count: count, tags: tags, ids: ids, color: color, spaced: spaced, piped: piped, pipedColor: pipedColor,
            deep: deep, metadata: metadata, reserved: reserved, shade: shade, since: since, ref: ref, code: code, filter: filter
        ))
    }

    func echoDefaults(limit: Int, order: EchoDefaultsOrder, verbose: Bool, note: String?) async throws -> EchoDefaultsResponse {
        .ok(DefaultsEcho(limit: limit, order: order.rawValue, verbose: verbose, note: note))
    }

    func optionalAuth() async throws -> OptionalAuthResponse {
        .noContent
    }

    /// An absent object answers `{R: -1, G: -1}`, so absence is visible too.
    func echoExplodedObject(color: Color?) async throws -> EchoExplodedObjectResponse {
        .ok(color ?? Color(r: -1, g: -1))
    }

    func echoPath(
        s: String, sa: [Int], so: Color, soe: Color, l: String, la: [String], lae: [String], lo: Color, loe: Color,
        m: String, ma: [String], mae: [String], mo: Color, moe: Color
    ) async throws -> EchoPathResponse {
        .ok(PathEcho(s: s, sa: sa, so: so, soe: soe, l: l, la: la, lae: lae, lo: lo, loe: loe, m: m, ma: ma, mae: mae, mo: mo, moe: moe))
    }

    func echoHeader(xText: String, xNumbers: [Int]?, xColor: Color?, xColorExploded: Color?) async throws -> EchoHeaderResponse {
        .ok(HeaderEcho(text: xText, numbers: xNumbers, color: xColor, colorExploded: xColorExploded))
    }

    func echoCookie(session: String, tags: [String]?, ids: [Int]?, color: Color?) async throws -> EchoCookieResponse {
        .ok(CookieEcho(session: session, tags: tags, ids: ids, color: color))
    }

    func errorPayload(for problem: ServerProblem) -> ErrorPayload {
        guard case .invalidRequest(let issues) = problem else {
            return Problem(detail: [.init(loc: [], msg: problem.message, type: "server")])
        }
        return Problem(detail: issues.map { issue in
            Problem.DetailItem(
                loc: issue.location.map {
                    switch $0 {
                    case .key(let key): .string(key)
                    case .index(let index): .integer(index)
                    }
                },
                msg: issue.message,
                type: issue.type
            )
        })
    }
}

/// Every style of OpenAPI 3.1 §4.8.12.4 from the generated client to the generated server over
/// HTTP on 127.0.0.1, with values holding `+ & = # ? % ,` and spaces.
@Suite struct ParameterStyleTests {
    static let tricky = "a+b & c=d #e ?f %20 g/h,i;j"
    static let color = Color(r: 100, g: 200, b: 150)

    /// Runs `body` with a client of the echo service served on an ephemeral port.
    func withServer(_ body: @Sendable (Client, URL) async throws -> Void) async throws {
        try await withEachFramework(
            hummingbird: { ParameterEchoService().registerRoutes(on: $0, authenticator: StaticBearerToken("good")) },
            vapor: { ParameterEchoService().registerRoutes(on: $0, authenticator: StaticBearerToken("good")) }
        ) { baseURL in
            try await body(Client(baseURL: baseURL), baseURL)
        }
    }

    /// The status and error body of a request written by hand (`rawQuery` is sent as is).
    func rawRequest(_ baseURL: URL, _ pathAndQuery: String, headers: [String: String] = [:]) async throws -> (Int, Problem?) {
        var request = URLRequest(url: try #require(URL(string: baseURL.absoluteString + pathAndQuery)))
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        let (data, response) = try await URLSession.shared.data(for: request)
        let status = (response as? HTTPURLResponse)?.statusCode ?? 0
        return (status, try? WireFormat.makeDecoder().decode(Problem.self, from: data))
    }

    // `security: [{}, {bearer: []}]`: no token passes, a good one passes, a bad one is 401 (the
    // client sends a token only when it has one).
    @Test func emptySecurityRequirementAllowsAnonymous() async throws {
        try await withServer { _, baseURL in
            for (token, status) in [(nil, 204), ("good", 204), ("bad", 401)] as [(String?, Int)] {
                let client = Client(baseURL: baseURL, bearerToken: { token })
                do {
                    try await client.optionalAuth()
                    #expect(status == 204, "token \(token ?? "none")")
                } catch let error as ClientError {
                    #expect(error.statusCode == status, "token \(token ?? "none")")
                }
            }
        }
    }

    // A parameter left out reaches the handler as the spec's `default` (query integer and enum,
    // header boolean); one sent overrides it; one without a default stays nil.
    @Test func defaultsApplyWhenLeftOut() async throws {
        try await withServer { client, _ in
            let leftOut = try await client.echoDefaults()
            #expect(leftOut == DefaultsEcho(limit: 20, order: "desc", verbose: false))
            let sent = try await client.echoDefaults(limit: 5, order: .asc, verbose: true, note: "n")
            #expect(sent == DefaultsEcho(limit: 5, order: "asc", verbose: true, note: "n"))
        }
    }

    // Query: form (explode and not), spaceDelimited, pipeDelimited, deepObject, allowReserved,
    // enums (an unknown value too), date-time, UUID, `pattern` and a JSON `content` parameter.
    @Test func queryStylesRoundTrip() async throws {
        try await withServer { client, _ in
            let since = Date(timeIntervalSince1970: 1_700_000_000.123456)
            let ref = UUID()
            let echo = try await client.echoQuery(
                text: Self.tricky, count: -3, tags: ["x,y", "+ &", ""], ids: [1, 2, 3], color: Self.color,
                spaced: ["blue", "black+&=#"], piped: ["a", "b,c"], pipedColor: Color(r: 1, g: 2), deep: Self.color,
                metadata: ["a b": "c&d", "e[f]": "+"], reserved: "a/b?c:d@e!$'()*+,;", shade: .unknown("pink"), since: since, ref: ref, code: "ABC.12",
                filter: Filter(name: Self.tricky, limit: 5)
            )
            #expect(echo == QueryEcho(
                text: Self.tricky, count: -3, tags: ["x,y", "+ &", ""], ids: [1, 2, 3], color: Self.color,
                spaced: ["blue", "black+&=#"], piped: ["a", "b,c"], pipedColor: Color(r: 1, g: 2), deep: Self.color,
                metadata: ["a b": "c&d", "e[f]": "+"], reserved: "a/b?c:d@e!$'()*+,;", shade: .unknown("pink"), since: since, ref: ref, code: "ABC.12",
                filter: Filter(name: Self.tricky, limit: 5)
            ))
            let minimal = try await client.echoQuery(text: "")
            #expect(minimal == QueryEcho(text: ""))
        }
    }

    // A form object with explode has no name: its properties are pairs of their own.
    @Test func explodedFormObjectRoundTrip() async throws {
        try await withServer { client, _ in
            let full = try await client.echoExplodedObject(color: Self.color)
            let partial = try await client.echoExplodedObject(color: Color(r: 0, g: 7))
            let absent = try await client.echoExplodedObject()
            #expect(full == Self.color)
            #expect(partial == Color(r: 0, g: 7))
            #expect(absent == Color(r: -1, g: -1), "absent stays absent")
        }
    }

    // Path: simple, label and matrix, each with explode false and true, for primitives, arrays and objects.
    @Test func pathStylesRoundTrip() async throws {
        try await withServer { client, _ in
            let expected = PathEcho(
                s: "a/b c,d;e", sa: [1, -2], so: Self.color, soe: Color(r: 1, g: 2), l: "x.y/z", la: ["a", "b,c"], lae: ["a", "b c"],
                lo: Self.color, loe: Self.color, m: "v;w=x", ma: ["a", "b,c;d"], mae: ["a", "b=c"], mo: Self.color, moe: Color(r: 5, g: 6)
            )
            let echo = try await client.echoPath(
                s: expected.s, sa: expected.sa, so: expected.so, soe: expected.soe, l: expected.l, la: expected.la, lae: expected.lae,
                lo: expected.lo, loe: expected.loe, m: expected.m, ma: expected.ma, mae: expected.mae, mo: expected.mo, moe: expected.moe
            )
            #expect(echo == expected)
        }
    }

    // Header: simple style for a string, an array and an object with explode false and true.
    @Test func headerStylesRoundTrip() async throws {
        try await withServer { client, _ in
            let echo = try await client.echoHeader(xText: "text/* ; q=0.5 + %41", xNumbers: [3, 2, 1], xColor: Self.color, xColorExploded: Self.color)
            #expect(echo == HeaderEcho(text: "text/* ; q=0.5 + %41", numbers: [3, 2, 1], color: Self.color, colorExploded: Self.color))
        }
    }

    // Cookie: form style, explode true (repeated cookies) and false, values with `; , = +` and spaces.
    @Test func cookieStylesRoundTrip() async throws {
        try await withServer { client, _ in
            let echo = try await client.echoCookie(session: "s p;a,c=e+", tags: ["a", "b c;"], ids: [1, 2], color: Self.color)
            #expect(echo == CookieEcho(session: "s p;a,c=e+", tags: ["a", "b c;"], ids: [1, 2], color: Self.color))
            let minimal = try await client.echoCookie(session: "only")
            #expect(minimal == CookieEcho(session: "only"))
        }
    }

    // Bad or missing values are answered with 422 in the spec's error envelope naming the
    // parameter (and the property, for objects), never with a 500; a raw `+` stays a plus.
    @Test func invalidParametersGetTheErrorEnvelope() async throws {
        try await withServer { client, baseURL in
            let cases: [(String, [String: String], [Problem.DetailItem.LocItem], String)] = [
                ("/query", [:], [.string("query"), .string("text")], "missing"),
                ("/query?text=x&count=abc", [:], [.string("query"), .string("count")], "int_parsing"),
                ("/query?text=x&code=abc", [:], [.string("query"), .string("code")], "string_pattern_mismatch"),
                ("/query?text=%FF", [:], [.string("query"), .string("text")], "value_error"),
                ("/query?text=x&ids=1,x", [:], [.string("query"), .string("ids")], "int_parsing"),
                ("/query?text=x&color=R,1,G", [:], [.string("query"), .string("color")], "value_error"),
                ("/query?text=x&deep%5BR%5D=abc&deep%5BG%5D=1", [:], [.string("query"), .string("deep"), .string("R")], "int_parsing"),
                ("/query?text=x&deep%5BG%5D=1", [:], [.string("query"), .string("deep"), .string("R")], "missing"),
                ("/query?text=x&filter=%7Bbad", [:], [.string("query"), .string("filter")], "value_error"),
                ("/query?text=x&shade=", [:], [], ""),
                ("/header", [:], [.string("header"), .string("X-Text")], "missing"),
                ("/header", ["X-Text": "t", "X-Color": "R,1,G,two"], [.string("header"), .string("X-Color"), .string("G")], "int_parsing"),
                ("/cookie", ["Cookie": "tags=a"], [.string("cookie"), .string("session")], "missing"),
                ("/cookie", ["Cookie": "session=s; ids=1,b"], [.string("cookie"), .string("ids")], "int_parsing"),
                ("/path/s/1/R,1,G,2/R=1,G=2/x/.a/.a/.R,1,G,2/.R=1.G=2/;m=1/;ma=a/;mae=a/;mo=R,1,G,2/;R=1;G=2", [:], [.string("path"), .string("l")], "value_error"),
            ]
            for (target, headers, location, type) in cases {
                let (status, problem) = try await rawRequest(baseURL, target, headers: headers)
                if type.isEmpty {
                    #expect(status == 200, "\(target)")
                    continue
                }
                #expect(status == 422, "\(target)")
                #expect(problem?.detail.first?.loc == location, "\(target): \(String(describing: problem))")
                #expect(problem?.detail.first?.type == type, "\(target): \(String(describing: problem))")
            }
            // A literal `+` in a query is a plus (RFC 3986), not a space as in HTML forms.
            let plus = try await client.echoQuery(text: "a+b")
            #expect(plus.text == "a+b")
            var request = URLRequest(url: try #require(URL(string: baseURL.absoluteString + "/query?text=a+b%2Bc")))
            request.setValue("application/json", forHTTPHeaderField: "Accept")
            let (data, _) = try await URLSession.shared.data(for: request)
            #expect(try WireFormat.makeDecoder().decode(QueryEcho.self, from: data).text == "a+b+c")
        }
    }
}
