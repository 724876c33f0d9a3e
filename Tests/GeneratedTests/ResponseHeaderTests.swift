import Foundation
import HeadersAPI
import HeadersAPIHummingbird
import HeadersAPIServer
import HeadersAPIVapor
import Logging
import Testing

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The client generated from specs/headers.yaml against its generated server over real HTTP on
/// 127.0.0.1: typed response headers, `format: date` in paths, queries and bodies, and bytes in JSON.
@Suite struct ResponseHeaderTests {
    /// What the service received, so tests can check the server side of a round trip.
    actor Received {
        var day: CalendarDate?
        var since: CalendarDate?
        var days: [CalendarDate]?

        func record(day: CalendarDate, since: CalendarDate?, days: [CalendarDate]?) {
            self.day = day
            self.since = since
            self.days = days
        }
    }

    /// Answers `getReport` with the headers it is given (404 for days after `lastDay`), echoes
    /// events, and deletes three.
    struct Service: APIService {
        let headers: GetReport200Headers
        let received = Received()
        static let lastDay = CalendarDate(year: 2024, month: 12, day: 31)!

        func getReport(day: CalendarDate, since: CalendarDate?, days: [CalendarDate]?) async throws -> GetReportResponse {
            await received.record(day: day, since: since, days: days)
            guard day <= Self.lastDay else {
                return .notFound(Problem(detail: "not yet"), headers: GetReport404Headers(retryAfter: 120))
            }
            return .ok(Report(day: day, total: days?.count ?? 0), headers: headers)
        }

        func createEvent(body: Event) async throws -> CreateEventResponse {
            .created(body, headers: CreateEvent201Headers(location: "/events/\(body.day)"))
        }

        func deleteEvent(id: Int) async throws -> DeleteEventResponse {
            .noContent(headers: DeleteEvent204Headers(xDeletedCount: 3))
        }

        func latestEvent() async throws -> LatestEventResponse {
            .ok(Event(title: "latest", day: CalendarDate(year: 2024, month: 1, day: 2)!))
        }

        /// The issues as `location:type` pairs in `detail` (the spec's error body has only that field).
        func errorPayload(for problem: ServerProblem) -> ErrorPayload {
            guard case .invalidRequest(let issues) = problem else { return Problem(detail: problem.message) }
            return Problem(detail: issues.map { issue in
                issue.location.map { element in
                    switch element {
                    case .key(let key): key
                    case .index(let index): String(index)
                    }
                }.joined(separator: ".") + ":" + issue.type
            }.joined(separator: " "))
        }
    }

    static let everyHeader = GetReport200Headers(
        xRateLimit: 42,
        xRequestID: UUID(uuidString: "3F2A1B0C-9D8E-4F7A-8B6C-5D4E3F2A1B0C")!,
        xExpiresAt: Date(timeIntervalSince1970: 1_800_000_000.25),
        xReportDay: CalendarDate(year: 2024, month: 2, day: 29)!,
        xScore: 0.125,
        xCached: true,
        xTier: .pro,
        xTags: ["a", "b c", "d"],
        xShardIDs: [1, -2, 2_147_483_647],
        xNote: "héllo"
    )

    /// Starts `service` on an ephemeral port of 127.0.0.1, runs `body` with a client for it, and
    /// shuts the server down gracefully.
    func withServer(_ service: Service, _ body: @Sendable (Client, URL) async throws -> Void) async throws {
        try await withEachFramework(
            hummingbird: { service.registerRoutes(on: $0) },
            vapor: { service.registerRoutes(on: $0) }
        ) { baseURL in
            try await body(Client(baseURL: baseURL), baseURL)
        }
    }

    /// A raw request, for what the typed client cannot send or does not expose.
    func send(_ method: String, _ url: URL, body: String? = nil) async throws -> ClientResponse {
        try await URLSessionTransport().send(ClientRequest(
            method: method, url: url, headerFields: body == nil ? [:] : ["Content-Type": "application/json"], body: body.map { Data($0.utf8) }
        ))
    }

    // Every kind of header (integer, UUID, date-time, date, number, boolean, enum, arrays of
    // strings and integers, non-ASCII text) is written by the server and read back equal by the client.
    @Test func everyHeaderKindRoundTrips() async throws {
        try await withServer(Service(headers: Self.everyHeader)) { client, _ in
            let output = try await client.getReport(day: CalendarDate(year: 2024, month: 3, day: 1)!)
            #expect(output.headers == Self.everyHeader)
            #expect(output.body.day == CalendarDate(year: 2024, month: 3, day: 1)!)
        }
    }

    // Optional headers the server leaves out are nil; required ones are still there.
    @Test func absentOptionalHeadersAreNil() async throws {
        let minimal = GetReport200Headers(
            xRateLimit: 0, xRequestID: UUID(), xExpiresAt: Date(timeIntervalSince1970: 0), xReportDay: CalendarDate(year: 1999, month: 12, day: 31)!
        )
        try await withServer(Service(headers: minimal)) { client, baseURL in
            let output = try await client.getReport(day: CalendarDate(year: 2024, month: 3, day: 1)!)
            #expect(output.headers == minimal)
            #expect(output.headers.xTags == nil && output.headers.xScore == nil && output.headers.xTier == nil)
            // The spec's `Content-Type` header is ignored (§4.8.17.1): the JSON body's type is sent.
            let raw = try await send("GET", baseURL.appendingPathComponent("reports/2024-03-01"))
            #expect(raw.headerFields["content-type"] == "application/json")
            #expect(raw.headerFields["x-score"] == nil)
        }
    }

    // A non-success response's headers are written too (404 with `Retry-After`), and a
    // headers-only response (204) hands the client its headers.
    @Test func errorAndBodylessResponsesCarryHeaders() async throws {
        try await withServer(Service(headers: Self.everyHeader)) { client, baseURL in
            let raw = try await send("GET", baseURL.appendingPathComponent("reports/2025-01-01"))
            #expect(raw.statusCode == 404)
            #expect(raw.headerFields["retry-after"] == "120")
            let error = await #expect(throws: ClientError.self) { _ = try await client.getReport(day: CalendarDate(year: 2025, month: 1, day: 1)!) }
            #expect(error?.payload == Problem(detail: "not yet"))
            #expect(try error.map { try GetReport404Headers(headerFields: $0.headerFields) } == GetReport404Headers(retryAfter: 120))

            let deleted = try await client.deleteEvent(id: 7)
            #expect(deleted.headers.xDeletedCount == 3)
        }
    }

    // `format: date` in a path, a query and a repeated query parameter arrives at the service as the same days.
    @Test func dateParametersRoundTrip() async throws {
        let service = Service(headers: Self.everyHeader)
        try await withServer(service) { client, _ in
            let days = [CalendarDate(year: 2024, month: 2, day: 29)!, CalendarDate(year: 1970, month: 1, day: 1)!]
            let output = try await client.getReport(day: CalendarDate(year: 2024, month: 12, day: 31)!, since: CalendarDate(year: 2023, month: 6, day: 15)!, days: days)
            #expect(output.body.total == 2)
            #expect(await service.received.day == CalendarDate(year: 2024, month: 12, day: 31)!)
            #expect(await service.received.since == CalendarDate(year: 2023, month: 6, day: 15)!)
            #expect(await service.received.days == days)
        }
    }

    // An impossible date in a path or a body is a 422 naming where it is, never a handler call.
    @Test func invalidDatesAreRejectedByTheServer() async throws {
        try await withServer(Service(headers: Self.everyHeader)) { _, baseURL in
            let path = try await send("GET", baseURL.appendingPathComponent("reports/2024-02-30"))
            #expect(path.statusCode == 422)
            #expect(String(decoding: path.body, as: UTF8.self).contains("path.day:date_parsing"))

            let body = try await send("POST", baseURL.appendingPathComponent("events"), body: #"{"title":"x","day":"2023-02-29"}"#)
            #expect(body.statusCode == 422)
            #expect(String(decoding: body.body, as: UTF8.self).contains("body.day:date_parsing"))

            let bytes = try await send("POST", baseURL.appendingPathComponent("events"), body: #"{"title":"x","day":"2023-02-28","checksum":"not base64!"}"#)
            #expect(bytes.statusCode == 422)
            #expect(String(decoding: bytes.body, as: UTF8.self).contains("body.checksum:value_error"))
        }
    }

    // Dates, date lists, bytes (`format: byte`, `contentEncoding: base64`) and a date default
    // travel in a JSON body and back unchanged, with the `Location` header of the 201.
    @Test func datesAndBytesInABodyRoundTrip() async throws {
        try await withServer(Service(headers: Self.everyHeader)) { client, _ in
            let event = Event(
                title: "launch",
                day: CalendarDate(year: 2024, month: 5, day: 31)!,
                holidays: [CalendarDate(year: 2024, month: 12, day: 25)!],
                startsAt: Date(timeIntervalSince1970: 1_717_150_000),
                checksum: Data([0, 1, 2, 250, 255]),
                thumbnail: Data("PNG…".utf8),
                metadata: #"{"k":1}"#
            )
            #expect(event.firstDay == CalendarDate(year: 2024, month: 1, day: 1)!)
            let created = try await client.createEvent(body: event)
            #expect(created.body == event)
            #expect(created.headers.location == "/events/2024-05-31")
            #expect(try await client.latestEvent().day == CalendarDate(year: 2024, month: 1, day: 2)!)
        }
    }
}
