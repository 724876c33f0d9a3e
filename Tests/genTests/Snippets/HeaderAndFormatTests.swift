import Foundation
import Testing

/// Snippets for `format: date` (`CalendarDate`), bytes in JSON (`format: byte`,
/// `contentEncoding: base64`, `format: binary`) and typed response headers: each a small spec run
/// through the real gen, compiled with warnings as errors, and checked by a program using it.
@Suite struct HeaderAndFormatTests {
    static let dates = """
        components:
          schemas:
            Trip:
              type: object
              required: [day]
              properties:
                day: {type: string, format: date}
                holidays: {type: array, items: {type: string, format: date}}
                firstDay: {type: string, format: date, default: 2024-01-01}
                lastDay: {type: string, format: date, default: '2024-12-31'}
        """

    // A `date` is a `CalendarDate` that encodes as `YYYY-MM-DD`, round-trips, orders by day,
    // converts to and from `Date` in a given time zone, and takes a spec default (quoted or not).
    @Test func calendarDateRoundTripsAndCompares() throws {
        let run = try Snippet.run(spec: Self.dates, main: #"""
            let trip = try decode(Trip.self, #"{"day":"2024-05-31","holidays":["2024-12-25","2000-02-29"]}"#)
            checkEqual("day decodes", trip.day, CalendarDate(year: 2024, month: 5, day: 31)!)
            checkEqual("the parts", [trip.day.year, trip.day.month, trip.day.day], [2024, 5, 31])
            checkEqual("holidays decode", trip.holidays?.map(\.description), ["2024-12-25", "2000-02-29"])
            checkEqual("a missing date takes the unquoted default", trip.firstDay, CalendarDate(year: 2024, month: 1, day: 1)!)
            checkEqual("and the quoted one", trip.lastDay, CalendarDate(year: 2024, month: 12, day: 31)!)
            let tripText = try json(trip)
            check("encodes back as the same text", sameJSON(tripText,
                #"{"day":"2024-05-31","holidays":["2024-12-25","2000-02-29"],"firstDay":"2024-01-01","lastDay":"2024-12-31"}"#), tripText)
            checkEqual("round trip", try decode(Trip.self, try json(trip)), trip)
            checkEqual("years below 1000 keep four digits", CalendarDate(year: 33, month: 4, day: 3)!.description, "0033-04-03")

            let a = CalendarDate("2024-01-31")!, b = CalendarDate("2024-02-01")!, c = CalendarDate("2023-12-31")!
            check("orders by day across months", a < b)
            check("orders by day across years", c < a)
            checkEqual("sorting", [b, a, c].sorted(), [c, a, b])
            check("equal days compare equal", CalendarDate("2024-02-01") == b && !(b < b))

            let instant = RFC3339.date(from: "2024-05-31T23:30:00Z")!
            checkEqual("the day in UTC", CalendarDate(instant, in: TimeZone(identifier: "UTC")!), CalendarDate("2024-05-31")!)
            checkEqual("the day in Tokyo (+9)", CalendarDate(instant, in: TimeZone(identifier: "Asia/Tokyo")!), CalendarDate("2024-06-01")!)
            checkEqual("the day in New York (-4)", CalendarDate(instant, in: TimeZone(identifier: "America/New_York")!), CalendarDate("2024-05-31")!)
            checkEqual("start of the day in UTC", CalendarDate("2024-05-31")!.start(in: TimeZone(identifier: "UTC")!), RFC3339.date(from: "2024-05-31T00:00:00Z")!)
            checkEqual("start of the day in Tokyo", CalendarDate("2024-06-01")!.start(in: TimeZone(identifier: "Asia/Tokyo")!), RFC3339.date(from: "2024-05-31T15:00:00Z")!)
            finish()
            """#)
        run.expectAllPassed()
    }

    // Text that is not a real `full-date` is a DecodingError at the value's coding path (inside
    // arrays too); parsing by hand returns nil for it.
    @Test func invalidDatesAreRejectedWithThePath() throws {
        let run = try Snippet.run(spec: Self.dates, main: #"""
            for text in ["2024-02-30", "2023-02-29", "1900-02-29", "2024-13-01", "2024-00-10", "2024-04-31", "2024-5-31", "24-05-31",
                         "2024-05-31T00:00:00Z", " 2024-05-31", "2024-05-3a", "２０２４-05-31", ""] {
                check("'\(text)' does not parse", CalendarDate(text) == nil)
                checkThrows("'\(text)' is rejected at day", { _ = try decode(Trip.self, "{\"day\":\"" + text + "\"}") }, matches: { codingPath(of: $0) == ["day"] })
            }
            check("2024-02-29 is a leap day", CalendarDate("2024-02-29") != nil && CalendarDate("2000-02-29") != nil)
            check("the initializer checks the day", CalendarDate(year: 2023, month: 2, day: 29) == nil && CalendarDate(year: 2023, month: 2, day: 28) != nil)
            checkThrows("a bad date in a list names its index", { _ = try decode(Trip.self, #"{"day":"2024-01-01","holidays":["2024-01-02","2024-02-30"]}"#) },
                        matches: { codingPath(of: $0) == ["holidays", "Index 1"] })
            checkThrows("a number is not a date", { _ = try decode(Trip.self, #"{"day":20240531}"#) }, matches: { codingPath(of: $0) == ["day"] })
            checkThrows("the message says what was expected", { _ = try decode(Trip.self, #"{"day":"2024-02-30"}"#) },
                        matches: { "\($0)".contains("full-date") && "\($0)".contains("2024-02-30") })
            finish()
            """#)
        run.expectAllPassed()
    }

    // `format: byte` and `contentEncoding: base64` are `Data`, base64 on the wire (RFC 4648 §4);
    // invalid base64 is a DecodingError naming the key. `format: binary` in an object is base64
    // too in JSON, without a warning (the same schema may serve a multipart form, where it is a
    // raw file part); a textual `contentMediaType` alone leaves a string.
    @Test func bytesInJSONAreBase64() throws {
        let run = try Snippet.run(spec: """
            components:
              schemas:
                Blob:
                  type: object
                  required: [bytes]
                  properties:
                    bytes: {type: string, format: byte}
                    image: {type: string, contentEncoding: base64, contentMediaType: image/png}
                    raw: {type: string, format: binary}
                    document: {type: string, contentMediaType: application/json}
                    chunks: {type: array, items: {type: string, format: byte}}
            """, main: #"""
            let blob = Blob(bytes: Data([0, 1, 2, 250, 255]), image: Data("png".utf8), raw: Data([7]), document: "{}", chunks: [Data(), Data([1])])
            checkEqual("bytes are base64", try json(Blob(bytes: Data([0, 1, 2, 250, 255]))), #"{"bytes":"AAEC+v8="}"#)
            let blobText = try json(blob)
            check("every byte property is base64", sameJSON(blobText,
                #"{"bytes":"AAEC+v8=","image":"cG5n","raw":"Bw==","document":"{}","chunks":["","AQ=="]}"#), blobText)
            checkEqual("round trip", try decode(Blob.self, try json(blob)), blob)
            check("contentMediaType alone is text", type(of: blob.document) == Optional<String>.self)
            checkThrows("invalid base64 names the key", { _ = try decode(Blob.self, #"{"bytes":"not base64!"}"#) }, matches: { codingPath(of: $0) == ["bytes"] })
            checkThrows("invalid base64 in a list names the index", { _ = try decode(Blob.self, #"{"bytes":"","chunks":["AQ==","A"]}"#) },
                        matches: { codingPath(of: $0) == ["chunks", "Index 1"] })
            checkThrows("the message says base64", { _ = try decode(Blob.self, #"{"bytes":"%%%"}"#) }, matches: { "\($0)".contains("base64") })
            finish()
            """#)
        run.expectAllPassed()
        #expect(!run.genDiagnostics.contains("warning"), "bytes in JSON need no warning:\n\(run.genDiagnostics)")
    }

    static let headers = """
        paths:
          /pets:
            get:
              operationId: listPets
              parameters:
                - {name: since, in: query, schema: {type: string, format: date}}
              responses:
                '200':
                  description: ok
                  headers:
                    X-Rate-Limit: {required: true, schema: {type: integer, format: int64}}
                    X-Next-Day: {required: true, schema: {type: string, format: date}}
                    X-Tags: {schema: {type: array, items: {type: string}}}
                    X-Kind: {schema: {type: string, enum: [cat, dog]}}
                    X-Score: {schema: {type: number}}
                    x-debug: {schema: {type: boolean}}
                    Last-Modified: {schema: {type: string, format: date-time}}
                    X-Meta: {schema: {type: object}}
                    X-Encoded: {content: {application/json: {schema: {type: object}}}}
                    Content-Type: {schema: {type: string}}
                  content:
                    application/json:
                      schema: {type: array, items: {type: string}}
                '429':
                  description: slow down
                  headers:
                    Retry-After: {required: true, schema: {type: integer}}
          /owners:
            get:
              operationId: listOwners
              responses:
                '200':
                  description: ok
                  headers:
                    ratelimit-limit: {$ref: '#/components/headers/ratelimit-limit'}
                    ratelimit-reset: {$ref: '#/components/headers/ratelimit-reset'}
                  content:
                    application/json:
                      schema: {type: array, items: {type: string}}
                '404':
                  description: none
                  headers:
                    ratelimit-limit: {$ref: '#/components/headers/ratelimit-limit'}
                    ratelimit-reset: {$ref: '#/components/headers/ratelimit-reset'}
          /pets/{id}:
            get:
              operationId: getPet
              parameters: [{name: id, in: path, required: true, schema: {type: string}}]
              responses:
                '200':
                  description: ok
                  content:
                    application/json:
                      schema: {type: string}
            head:
              operationId: checkPet
              parameters: [{name: id, in: path, required: true, schema: {type: string}}]
              responses:
                '204':
                  description: exists
                  headers:
                    ETag: {required: true, schema: {type: string}}
        components:
          headers:
            ratelimit-limit: {required: true, description: Calls per hour., schema: {type: integer}}
            ratelimit-reset: {schema: {type: integer}}
        """

    // The client reads typed headers from a fake transport: every kind, names in any case,
    // lists with spaces after commas; a missing or malformed required header is a
    // `ResponseHeaderError` naming it, a malformed optional one is nil. Operations without
    // headers still return the body, and the server (type-checked) carries headers in its cases.
    @Test func clientDecodesResponseHeaders() throws {
        let run = try Snippet.run(spec: Self.headers, main: #"""
            func client(_ headers: [String: String], status: Int = 200, body: String = #"["a"]"#) -> Client {
                Client(baseURL: URL(string: "https://api.example.com")!, transport: StubTransport(status: status, body: body, headers: headers))
            }
            let full = ["x-rate-limit": "9000000000", "X-NEXT-DAY": "2024-06-01", "X-Tags": "a, b ,c", "X-Kind": "dog", "X-Score": "0.5", "X-Debug": "true",
                        "X-Meta": "{\"k\":1}", "Content-Type": "application/json"]
            let output = try await client(full).listPets(since: CalendarDate("2024-05-31"))
            checkEqual("the body", output.body, ["a"])
            checkEqual("an Int64 header", output.headers.xRateLimit, 9_000_000_000)
            checkEqual("a date header", output.headers.xNextDay, CalendarDate(year: 2024, month: 6, day: 1)!)
            checkEqual("a list, whitespace around commas dropped", output.headers.xTags, ["a", "b", "c"])
            checkEqual("an enum header", output.headers.xKind, .dog)
            checkEqual("a number header", output.headers.xScore, 0.5)
            checkEqual("a boolean header, spec name in lowercase", output.headers.xDebug, true)
            checkEqual("an object header is kept as text", output.headers.xMeta, "{\"k\":1}")
            checkEqual("a date-time header as RFC 3339", try await client(["X-Rate-Limit": "1", "X-Next-Day": "2024-06-01", "Last-Modified": "1994-11-06T08:49:37Z"]).listPets().headers.lastModified,
                       RFC3339.date(from: "1994-11-06T08:49:37Z"))
            checkEqual("or as an HTTP-date (RFC 9110 §5.6.7)", try await client(["X-Rate-Limit": "1", "X-Next-Day": "2024-06-01", "Last-Modified": "Sun, 06 Nov 1994 08:49:37 GMT"]).listPets().headers.lastModified,
                       RFC3339.date(from: "1994-11-06T08:49:37Z"))
            checkEqual("December in an HTTP-date", try await client(["X-Rate-Limit": "1", "X-Next-Day": "2024-06-01", "Last-Modified": "Thu, 31 Dec 2015 23:59:59 GMT"]).listPets().headers.lastModified,
                       RFC3339.date(from: "2015-12-31T23:59:59Z"))

            let minimal = try await client(["X-Rate-Limit": "1", "X-Next-Day": "2024-06-01"]).listPets()
            check("absent optional headers are nil", minimal.headers.xTags == nil && minimal.headers.xKind == nil && minimal.headers.xScore == nil)
            let sloppy = try await client(["X-Rate-Limit": "1", "X-Next-Day": "2024-06-01", "X-Score": "high", "X-Debug": "yes", "X-Kind": "bird"]).listPets()
            check("malformed optional headers are nil", sloppy.headers.xScore == nil && sloppy.headers.xDebug == nil)
            checkEqual("an unlisted enum value is kept", sloppy.headers.xKind, .unknown("bird"))

            do {
                _ = try await client(["X-Next-Day": "2024-06-01"]).listPets()
                check("a missing required header throws", false)
            } catch let error as ResponseHeaderError {
                checkEqual("the error names the missing header", error.name, "X-Rate-Limit")
                checkEqual("and has no value", error.value, nil)
                checkEqual("its description", error.description, "required response header 'X-Rate-Limit' is missing")
            }
            do {
                _ = try await client(["X-Rate-Limit": "1", "X-Next-Day": "2024-02-30"]).listPets()
                check("a malformed required header throws", false)
            } catch let error as ResponseHeaderError {
                checkEqual("the error names the malformed header", error.name, "X-Next-Day")
                checkEqual("and its value", error.value, "2024-02-30")
                checkEqual("and the expected type", error.expectedType, "CalendarDate")
            }
            let headers = ListPets200Headers(xRateLimit: 5, xNextDay: CalendarDate("2024-01-01")!, xTags: ["x", "y"], xKind: .cat)
            checkEqual("headers encode as fields", headers.headerFields,
                       ["X-Rate-Limit": "5", "X-Next-Day": "2024-01-01", "X-Tags": "x,y", "X-Kind": "cat"])
            checkEqual("and read back", try ListPets200Headers(headerFields: headers.headerFields), headers)
            checkEqual("a non-success response's headers have a type too", try ListPets429Headers(headerFields: ["retry-after": "30"]).retryAfter, 30)

            let owners = try await client(["RateLimit-Limit": "5000", "ratelimit-reset": "60"]).listOwners()
            checkEqual("responses declaring the same headers share one struct", owners.headers, RatelimitHeaders(ratelimitLimit: 5000, ratelimitReset: 60))
            let pet: String = try await client([:], body: #""a""#).getPet(id: "p1")
            checkEqual("an operation without headers returns its body", pet, "a")
            checkEqual("a headers-only response", try await client(["ETag": "\"v1\""], status: 204).checkPet(id: "p1").headers.eTag, "\"v1\"")
            finish()
            """#, typecheckServer: true)
        run.expectAllPassed()
        #expect(run.serverSource.contains("case ok([String], headers: T.ListPets200Headers)"))
        #expect(run.serverSource.contains("case tooManyRequests(headers: T.ListPets429Headers)"))
        #expect(run.serverSource.contains("case noContent(headers: T.CheckPet204Headers)"))
        #expect(run.serverSource.contains("case ok([String], headers: T.RatelimitHeaders)") && run.serverSource.contains("case notFound(headers: T.RatelimitHeaders)"))
        #expect(run.generatedSource.components(separatedBy: "public nonisolated struct RatelimitHeaders").count == 2, "declared once")
        #expect(!run.genDiagnostics.contains("response headers are not generated yet"))
        #expect(!run.genDiagnostics.contains("Content-Type"), "Content-Type is ignored without a warning:\n\(run.genDiagnostics)")
        #expect(run.genDiagnostics.contains("warning: response header 'X-Meta' of type [String: JSONValue] is not generated yet"), "\(run.genDiagnostics)")
        #expect(run.genDiagnostics.contains("warning: header 'X-Encoded' of response '200' is described by 'content' ('application/json'), which is not generated yet"), "\(run.genDiagnostics)")
    }
}
