import BuildsAPI
import BuildsAPIServer
import Foundation

/// The builds API implemented over a `BuildStore`: what the generated routes call.
public struct BuildsService: APIService {
    public let store: BuildStore

    public init(store: BuildStore) {
        self.store = store
    }

    public func updateBuild(org: String, buildID: UUID, body: BuildUpdateRequest) async throws -> UpdateBuildResponse {
        switch await store.update(org: org, id: buildID, with: body) {
        case .updated(let build):
            return .ok(build)
        case .organizationNotFound:
            return .notFound(APIErrorPayload(code: ._404, detail: "Organization not found", type: .notFoundError))
        case .buildNotFound:
            return .notFound(APIErrorPayload(code: ._404, detail: "Build not found", type: .notFoundError))
        case .cannotClear(let field):
            let issue = ValidationErrorItem(loc: [.string("body"), .string(field)], msg: "Input should not be null", type: "none_forbidden")
            return .unprocessableContent(APIErrorPayload(code: ._422, detail: "Validation error", errors: [issue], type: .validationError))
        }
    }

    /// The API's error envelope for problems the generated routes answer themselves, in the shape
    /// FastAPI sends: `{"code": 422, "detail": "...", "type": "validation_error", "errors": [...]}`.
    public func errorPayload(for problem: ServerProblem) -> ErrorPayload {
        let type: APIErrorPayload.TypeValue = switch problem {
        case .invalidRequest: .validationError
        case .unauthenticated: .authenticationError
        case .contentTooLarge, .unsupportedMediaType: .invalidError
        case .internalError: .serverError
        }
        var errors: [ValidationErrorItem]?
        if case .invalidRequest(let issues) = problem {
            errors = issues.map { issue in
                ValidationErrorItem(
                    loc: issue.location.map { element in
                        switch element {
                        case .key(let key): .string(key)
                        case .index(let index): .integer(index)
                        }
                    },
                    msg: issue.message,
                    type: issue.type
                )
            }
        }
        return APIErrorPayload(code: .init(rawValue: problem.statusCode), detail: problem.message, errors: errors, type: type)
    }
}
