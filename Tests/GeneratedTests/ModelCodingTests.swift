import BuildsAPI
import Foundation
import Testing

/// The generated models against the wire format the builds API (FastAPI/pydantic v2) uses.
@Suite struct ModelCodingTests {
    // A PATCH body tells "absent", "null" and "value" apart when encoding.
    @Test func updateRequestEncodesThreeStates() throws {
        #expect(try encodedJSON(BuildUpdateRequest()) == "{}")
        #expect(try encodedJSON(BuildUpdateRequest(description: .null)) == #"{"description":null}"#)
        #expect(try encodedJSON(BuildUpdateRequest(description: "x")) == #"{"description":"x"}"#)
        #expect(try encodedJSON(BuildUpdateRequest(isActive: false, metadata: ["a": [1, "b", nil]])) == #"{"is_active":false,"metadata":{"a":[1,"b",null]}}"#)
        #expect(try encodedJSON(BuildUpdateRequest(displayName: OptionalNullable(nil as String?))) == #"{"display_name":null}"#)
        #expect(try encodedJSON(BuildUpdateRequest(description: nil)) == #"{"description":null}"#)
    }

    // Decoding keeps the three states apart, and they compare unequal.
    @Test func updateRequestDecodesThreeStates() throws {
        let absent = try decode(BuildUpdateRequest.self, "{}")
        let null = try decode(BuildUpdateRequest.self, #"{"description":null}"#)
        let value = try decode(BuildUpdateRequest.self, #"{"description":"d"}"#)
        #expect(absent.description == .absent)
        #expect(null.description == .null)
        #expect(value.description == .value("d"))
        #expect(absent != null)
        #expect(null.description.value == nil && !absent.description.isPresent && null.description.isPresent)
    }

    // A required nullable key must be present: missing is a decoding error, null is fine.
    @Test func requiredNullableKeyMustBePresent() throws {
        let withNull = try decode(BuildResponse.self, buildResponseJSON())
        #expect(withNull.organizationID == nil)
        #expect(throws: DecodingError.self) {
            try decode(BuildResponse.self, buildResponseJSON(["organization_id": nil]))
        }
        let json = try encodedJSON(withNull)
        #expect(json.contains(#""organization_id":null"#))
    }

    // Optional nullable response fields are plain optionals: absent and null both decode to nil.
    @Test func responseOptionalsArePlainOptionals() throws {
        let absent = try decode(BuildResponse.self, buildResponseJSON())
        let null = try decode(BuildResponse.self, buildResponseJSON(["description": "null", "metadata": "null"]))
        let value = try decode(BuildResponse.self, buildResponseJSON(["description": #""hi""#]))
        #expect(absent.description == nil && null.description == nil && null.metadata == nil)
        #expect(value.description == "hi")
    }

    // The spec's default applies when the key is absent, and in the memberwise initializer.
    @Test func statusDefaultsToReady() throws {
        #expect(try decode(BuildResponse.self, buildResponseJSON()).status == .ready)
        #expect(try decode(BuildResponse.self, buildResponseJSON(["status": #""queued""#])).status == .queued)
        let made = BuildResponse(
            buildRef: "b", createdAt: Date(timeIntervalSince1970: 0), displayName: "d", id: UUID(), isActive: true,
            organizationID: nil, provider: "p", sourceType: "git", updatedAt: Date(timeIntervalSince1970: 0)
        )
        #expect(made.status == .ready)
    }

    // Unknown enum values decode into the unknown case and re-encode unchanged; known ones never do.
    @Test func enumsAreOpen() throws {
        let archived = try decode(BuildResponse.self, buildResponseJSON(["status": #""archived""#]))
        #expect(archived.status == .unknown("archived"))
        #expect(try encodedJSON(archived).contains(#""status":"archived""#))
        #expect(BuildResponse.Status(rawValue: "failed") == .failed)
        #expect(BuildResponse.Status.allCases == [.queued, .building, .ready, .failed])

        let payload = try decode(APIErrorPayload.self, #"{"code":418,"detail":"teapot","type":"brand_new_error"}"#)
        #expect(payload.code == .unknown(418))
        #expect(payload.type == .unknown("brand_new_error"))
        #expect(try encodedJSON(payload) == #"{"code":418,"detail":"teapot","type":"brand_new_error"}"#)
        #expect(try decode(APIErrorPayload.self, #"{"code":404,"detail":"x","type":"not_found_error"}"#).code == ._404)
    }

    // date-time accepts what real servers send and keeps microseconds through a round trip.
    @Test(arguments: [
        ("2012-10-30T19:49:28Z", "2012-10-30T19:49:28Z"),
        ("2012-10-30T19:49:28.123Z", "2012-10-30T19:49:28.123000Z"),
        ("2012-10-30T19:49:28.123286Z", "2012-10-30T19:49:28.123286Z"),
        ("2023-12-28T11:08:38.303+01:00", "2023-12-28T10:08:38.303000Z"),
        ("2020-07-20T17:00:00.123000+00:00", "2020-07-20T17:00:00.123000Z"),
        ("2024-06-10T09:15:00", "2024-06-10T09:15:00Z"),
        ("2024-06-10T09:15:30.500000", "2024-06-10T09:15:30.500000Z"),
        ("2024-02-29T00:00:00Z", "2024-02-29T00:00:00Z"),
        ("2024-06-10t09:15:30.123456789-05:30", "2024-06-10T14:45:30.123457Z"),
        ("1969-12-31T23:59:59.999999Z", "1969-12-31T23:59:59.999999Z"),
    ])
    func dateTimesAsServersSendThem(input: String, encoded: String) throws {
        let build = try decode(BuildResponse.self, buildResponseJSON(["created_at": "\"\(input)\""]))
        #expect(try encodedJSON(build).contains(#""created_at":"\#(encoded)""#))
    }

    // Malformed timestamps are rejected rather than misread.
    @Test(arguments: [
        "2024-13-01T00:00:00Z", "2024-01-01", "2024-01-01T00:00:00+0100", "yesterday", "2024-01-01T00:00:00.Z",
        "2024-02-30T00:00:00Z", "2023-02-29T00:00:00Z", "2024-04-31T00:00:00Z", "2024-01-01T24:00:00Z",
    ])
    func malformedDateTimesFail(input: String) {
        #expect(throws: DecodingError.self) {
            try decode(BuildResponse.self, buildResponseJSON(["created_at": "\"\(input)\""]))
        }
    }

    // UUIDs decode in any case and encode lowercase (RFC 9562).
    @Test func uuidsEncodeLowercase() throws {
        let build = try decode(BuildResponse.self, buildResponseJSON([
            "id": #""2489E9AD-2EE2-8E00-8EC9-32D5F69181C0""#,
            "organization_id": #""0B8E7D6C-5A4F-4E3D-9C2B-1A0F9E8D7C6B""#,
            "created_by": #""6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b""#,
        ]))
        let json = try encodedJSON(build)
        #expect(json.contains(#""id":"2489e9ad-2ee2-8e00-8ec9-32d5f69181c0""#))
        #expect(json.contains(#""organization_id":"0b8e7d6c-5a4f-4e3d-9c2b-1a0f9e8d7c6b""#))
        #expect(json.contains(#""created_by":"6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b""#))
    }

    // Free-form metadata keeps every JSON value kind, integers exactly.
    @Test func metadataIsFreeFormJSON() throws {
        let json = #"{"metadata":{"big":9007199254740993,"f":0.75,"list":[true,null,"x"],"nested":{"k":{}}}}"#
        let request = try decode(BuildUpdateRequest.self, json)
        #expect(request.metadata.value?["big"] == .integer(9_007_199_254_740_993))
        #expect(try encodedJSON(request) == json)
    }

    // `loc` items are a string-or-integer union, like pydantic's.
    @Test func validationErrorLocationsMixStringsAndIntegers() throws {
        let json = #"{"code":422,"detail":"Validation error","errors":[{"loc":["body","items",3],"msg":"m","type":"t"}],"type":"validation_error"}"#
        let payload = try decode(APIErrorPayload.self, json)
        #expect(payload.errors?.first?.loc == [.string("body"), .string("items"), .integer(3)])
        #expect(try encodedJSON(payload) == json)
        #expect(throws: DecodingError.self) {
            try decode(ValidationErrorItem.self, #"{"loc":[true],"msg":"m","type":"t"}"#)
        }
    }

    // Every model survives a JSON round trip unchanged.
    @Test func roundTripsEveryModel() throws {
        let response = try decode(BuildResponse.self, buildResponseJSON(["metadata": #"{"a":1}"#, "status": #""building""#, "error_message": #""boom""#]))
        #expect(try decode(BuildResponse.self, try encodedJSON(response)) == response)
        let request = BuildUpdateRequest(description: .null, displayName: "n", isActive: true, metadata: ["k": "v"])
        #expect(try decode(BuildUpdateRequest.self, try encodedJSON(request)) == request)
        let payload = APIErrorPayload(code: ._401, detail: "Authentication failed", type: .authenticationError)
        #expect(try encodedJSON(payload) == #"{"code":401,"detail":"Authentication failed","type":"authentication_error"}"#)
        #expect(try decode(APIErrorPayload.self, try encodedJSON(payload)) == payload)
    }
}
