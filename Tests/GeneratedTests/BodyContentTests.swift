import BodiesAPI
import BodiesAPIHummingbird
import BodiesAPIServer
import BodiesAPIVapor
import Foundation
import Logging
import Testing

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Serves specs/bodies.yaml by echoing what it read, so a round trip shows both sides' coding.
private struct EchoService: APIService {
    func putBlob(body: Data) async throws -> PutBlobResponse { .ok(body) }
    func uploadImage(body: Data) async throws -> UploadImageResponse { .created(UploadReceipt(size: body.count)) }
    func createNote(body: String) async throws -> CreateNoteResponse { .ok(body) }
    func submitContact(body: ContactForm) async throws -> SubmitContactResponse { .ok(body) }
    func uploadProfile(body: ProfileUpload) async throws -> UploadProfileResponse { .ok(body) }

    /// A pet without an age is answered as text (its name), to exercise the response enum.
    func addPet(body: Pet) async throws -> AddPetResponse {
        .ok(body.age == nil ? .plainText(body.name) : .json(body))
    }

    func postMessage(body: PostMessageRequestBody?) async throws -> PostMessageResponse {
        switch body {
        case .json(let message): .ok(message)
        case .plainText(let text): .ok(Message(text: "text: " + text))
        case nil: .ok(Message(text: "no body"))
        }
    }
}

/// The generated client against the generated server over HTTP on 127.0.0.1, for bodies that are
/// not JSON (specs/bodies.yaml).
@Suite struct BodyContentTests {
    /// Runs `body` against `EchoService` on an ephemeral port, then shuts the server down.
    func withServer(_ body: @Sendable (Client, URL) async throws -> Void) async throws {
        try await withEachFramework(
            hummingbird: { EchoService().registerRoutes(on: $0) },
            vapor: { EchoService().registerRoutes(on: $0) }
        ) { baseURL in
            try await body(Client(baseURL: baseURL), baseURL)
        }
    }

    /// Sends raw bytes, for bodies the typed client never produces.
    func send(_ method: String, _ url: URL, contentType: String?, body: Data) async throws -> ClientResponse {
        var headers: [String: String] = [:]
        if let contentType { headers["Content-Type"] = contentType }
        return try await URLSessionTransport().send(ClientRequest(method: method, url: url, headerFields: headers, body: body))
    }

    /// The error envelope's `detail` (the default `errorPayload(for:)`: the spec documents none).
    func detail(_ response: ClientResponse) throws -> String? {
        guard case .object(let object) = try WireFormat.makeDecoder().decode(JSONValue.self, from: response.body),
              case .string(let detail)? = object["detail"]
        else { return nil }
        return detail
    }

    // Every byte value survives an upload and the download of the echo, as application/octet-stream.
    @Test func binaryRoundTrip() async throws {
        try await withServer { client, baseURL in
            let bytes = Data((0...255).map(UInt8.init))
            #expect(try await client.putBlob(body: bytes) == bytes)
            let raw = try await send("PUT", baseURL.appending(path: "blobs"), contentType: "application/octet-stream", body: bytes)
            #expect(raw.statusCode == 200)
            #expect(raw.headerFields["content-type"] == "application/octet-stream")
            #expect(raw.body == bytes)
        }
    }

    // A media range (`image/*`) takes any image type, and the octet-stream the client sends for it.
    @Test func mediaRangeUpload() async throws {
        try await withServer { client, baseURL in
            #expect(try await client.uploadImage(body: Data([0x89, 0x50, 0x4E, 0x47])) == UploadReceipt(size: 4))
            let png = try await send("POST", baseURL.appending(path: "images"), contentType: "image/png", body: Data([1, 2, 3]))
            #expect(png.statusCode == 201)
            let text = try await send("POST", baseURL.appending(path: "images"), contentType: "text/plain", body: Data("x".utf8))
            #expect(text.statusCode == 415)
        }
    }

    // Text with CRLF and non-ASCII round-trips as UTF-8; a declared charset is honoured, an unknown one is a 422.
    @Test func textRoundTrip() async throws {
        try await withServer { client, baseURL in
            let note = "héllo\r\nwörld ✓ \u{1F600}"
            #expect(try await client.createNote(body: note) == note)
            #expect(try await client.createNote(body: "") == "")
            let url = baseURL.appending(path: "notes")
            let latin1 = try await send("POST", url, contentType: "text/plain; charset=ISO-8859-1", body: Data([0x68, 0xE9]))
            #expect(latin1.statusCode == 200)
            #expect(latin1.headerFields["content-type"] == "text/plain; charset=utf-8")
            #expect(String(decoding: latin1.body, as: UTF8.self) == "hé")
            let unknown = try await send("POST", url, contentType: "text/plain; charset=x-klingon", body: Data("a".utf8))
            #expect(unknown.statusCode == 422)
            #expect(try detail(unknown) == "Validation error")
            let invalid = try await send("POST", url, contentType: "text/plain", body: Data([0xFF, 0xFE, 0xFD]))
            #expect(invalid.statusCode == 422)
        }
    }

    // `+ & = %` and spaces survive a URL-encoded form both ways; arrays repeat their name, objects travel as JSON.
    @Test func formRoundTrip() async throws {
        try await withServer { client, baseURL in
            let form = ContactForm(
                name: "a+b & c=d %20 e",
                message: "line 1\r\nline 2 ü",
                subscribe: true,
                age: 30,
                tags: ["x y", "z&=", "%"],
                address: Address(city: "Zürich", postcode: "8000")
            )
            #expect(try await client.submitContact(body: form) == form)
            // As a browser writes it: `+` for spaces, `%2B` for plus signs.
            let raw = try await send(
                "POST", baseURL.appending(path: "contacts"), contentType: "application/x-www-form-urlencoded",
                body: Data("name=a+b%2Bc&message=%26%3D%25&subscribe=false&tags=1&tags=2".utf8)
            )
            #expect(raw.statusCode == 200)
            let echoed = try WireFormat.makeDecoder().decode(ContactForm.self, from: raw.body)
            #expect(echoed == ContactForm(name: "a b+c", message: "&=%", subscribe: false, tags: ["1", "2"]))
            let malformed = try await send("POST", baseURL.appending(path: "contacts"), contentType: "application/x-www-form-urlencoded", body: Data("name=%zz&message=m&subscribe=true".utf8))
            #expect(malformed.statusCode == 422)
            let wrongType = try await send("POST", baseURL.appending(path: "contacts"), contentType: "application/x-www-form-urlencoded", body: Data("name=n&message=m&subscribe=maybe".utf8))
            #expect(wrongType.statusCode == 422)
        }
    }

    // A multipart form with a file part (every byte), text parts with CRLF and non-ASCII, repeated file parts and a JSON part.
    @Test func multipartRoundTrip() async throws {
        try await withServer { client, _ in
            let profile = ProfileUpload(
                displayName: "Zoë\r\n--not a boundary",
                bio: "naïve ✓\r\n\r\nsecond paragraph",
                avatar: Data((0...255).map(UInt8.init)),
                attachments: [Data([0x0D, 0x0A, 0x2D, 0x2D]), Data()],
                links: [Link(title: "home", url: "https://example.com/?a=1&b=2")]
            )
            let echoed = try await client.uploadProfile(body: profile)
            #expect(echoed == profile)
        }
    }

    // A multipart body without its closing delimiter, or without a required part, is a 422 with the envelope.
    @Test func malformedMultipartIs422() async throws {
        try await withServer { _, baseURL in
            let url = baseURL.appending(path: "profiles")
            let truncated = "--b\r\nContent-Disposition: form-data; name=\"displayName\"\r\n\r\nZoë\r\n"
            let response = try await send("POST", url, contentType: "multipart/form-data; boundary=b", body: Data(truncated.utf8))
            #expect(response.statusCode == 422)
            #expect(try detail(response) == "Validation error")
            let noAvatar = truncated + "--b--\r\n"
            let missing = try await send("POST", url, contentType: "multipart/form-data; boundary=b", body: Data(noAvatar.utf8))
            #expect(missing.statusCode == 422)
            let noBoundary = try await send("POST", url, contentType: "multipart/form-data", body: Data(noAvatar.utf8))
            #expect(noBoundary.statusCode == 422)
        }
    }

    // A Content-Type the operation does not document is answered 415 with the error envelope.
    @Test func wrongContentTypeIs415() async throws {
        try await withServer { _, baseURL in
            let response = try await send("POST", baseURL.appending(path: "notes"), contentType: "application/json", body: Data(#""note""#.utf8))
            #expect(response.statusCode == 415)
            #expect(try detail(response) == "Content-Type 'application/json' is not supported; send 'text/plain'")
        }
    }

    // One schema in JSON and form: the client sends JSON, the server takes both; the response enum follows its Content-Type.
    @Test func severalContentTypes() async throws {
        try await withServer { client, baseURL in
            #expect(try await client.addPet(body: Pet(name: "Rex", age: 3)) == .json(Pet(name: "Rex", age: 3)))
            #expect(try await client.addPet(body: Pet(name: "Rex")) == .plainText("Rex"))
            let form = try await send("POST", baseURL.appending(path: "pets"), contentType: "application/x-www-form-urlencoded", body: Data("name=Tom+Cat&age=2".utf8))
            #expect(form.statusCode == 200)
            #expect(try WireFormat.makeDecoder().decode(Pet.self, from: form.body) == Pet(name: "Tom Cat", age: 2))
        }
    }

    // A request body enum sends the case's own content type; the server reads it back into the same case.
    @Test func requestBodyEnum() async throws {
        try await withServer { client, _ in
            let text = try await client.postMessage(body: .plainText("hi ü"))
            #expect(text == Message(text: "text: hi ü"))
            let json = try await client.postMessage(body: .json(Message(text: "yo")))
            #expect(json == Message(text: "yo"))
            let none = try await client.postMessage()
            #expect(none == Message(text: "no body"))
        }
    }

    // A nested object is stored out of line (`@Indirect`) yet behaves as a value: a copy's edit,
    // in place or by assignment, never shows in the original, and equality and hashing see through.
    @Test func nestedObjectsKeepValueSemantics() {
        let original = ContactForm(name: "Ann", message: "hi", subscribe: false, address: Address(city: "Oslo"))
        var edited = original
        edited.address?.city = "Bergen"
        #expect(original.address?.city == "Oslo")
        #expect(edited.address?.city == "Bergen")
        var replaced = original
        replaced.address = Address(city: "Tromsø", postcode: "9008")
        #expect(original.address == Address(city: "Oslo"))
        var same = edited
        same.address?.city = "Oslo"
        #expect(same == original)
        #expect(Set([same, original]).count == 1)
    }

    // Declared keys decode into their properties and only the other keys into
    // `additionalProperties`; encoding writes both back.
    @Test func additionalPropertiesKeepUndeclaredKeysOnly() throws {
        let json = #"{"author":"ann","reviewed_by":"bo","topic":"coding","reviewed":"yes"}"#
        let annotations = try JSONDecoder().decode(Annotations.self, from: Data(json.utf8))
        #expect(annotations.author == "ann")
        #expect(annotations.reviewedBy == "bo")
        #expect(annotations.additionalProperties == ["topic": "coding", "reviewed": "yes"])
        let encoded = try JSONEncoder().encode(annotations)
        let object = try JSONSerialization.jsonObject(with: encoded) as? [String: String]
        #expect(object == ["author": "ann", "reviewed_by": "bo", "topic": "coding", "reviewed": "yes"])

        let missing = #"{"reviewed_by":"bo"}"#
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(Annotations.self, from: Data(missing.utf8)) }
    }
}
