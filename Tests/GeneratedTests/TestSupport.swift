import BuildsAPI
import Foundation

/// Encodes with the API's wire format and returns the JSON text with sorted keys, so tests can
/// compare exact output.
func encodedJSON(_ value: some Encodable) throws -> String {
    let encoder = WireFormat.makeEncoder()
    encoder.outputFormatting.insert(.sortedKeys)
    return String(decoding: try encoder.encode(value), as: UTF8.self)
}

func decode<T: Decodable>(_ type: T.Type, _ json: String) throws -> T {
    try WireFormat.makeDecoder().decode(T.self, from: Data(json.utf8))
}

/// A full `BuildResponse` body as the API sends it, with `overrides` replacing or removing keys
/// (`nil` removes the key).
func buildResponseJSON(_ overrides: [String: String?] = [:]) -> String {
    var fields: [String: String] = [
        "build_ref": #""bld_01""#,
        "created_at": #""2024-05-01T12:30:45.123456Z""#,
        "display_name": #""Nightly""#,
        "id": #""2489e9ad-2ee2-8e00-8ec9-32d5f69181c0""#,
        "is_active": "true",
        "organization_id": "null",
        "provider": #""e2b""#,
        "source_type": #""git""#,
        "updated_at": #""2024-05-02T08:00:00Z""#,
    ]
    for (key, value) in overrides {
        fields[key] = value
    }
    return "{" + fields.sorted { $0.key < $1.key }.map { "\"\($0.key)\":\($0.value)" }.joined(separator: ",") + "}"
}

/// A transport that records requests and answers with a canned response.
actor RecordingTransport: ClientTransport {
    private(set) var requests: [ClientRequest] = []
    private let response: ClientResponse

    init(status: Int = 200, body: String) {
        response = ClientResponse(statusCode: status, headerFields: ["Content-Type": "application/json"], body: Data(body.utf8))
    }

    func send(_ request: ClientRequest) async throws -> ClientResponse {
        requests.append(request)
        return response
    }
}
