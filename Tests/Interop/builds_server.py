"""A real FastAPI / pydantic v2 implementation of specs/builds.yaml, for interop tests.

    python3 builds_server.py --seed seed.json --token secret --port 0

prints `LISTENING <port>` on stdout (flushed) once it accepts connections; nothing else
goes to stdout. `--dump-openapi` prints the app's own openapi.json and exits, so the
hand-written spec can be compared with what FastAPI generates from these models.

The store holds plain dicts (python-mode pydantic dumps). Records are read back
through `StoredBuild`, which is `BuildResponse` with `status` relaxed to any string, so
a seeded record may carry a status the spec does not list (e.g. "archived") and still
be sent: the success response is a JSONResponse built from that dump, which bypasses
FastAPI's response_model validation while keeping pydantic's serialization
(datetimes with microseconds, "Z" for UTC, naive datetimes stay naive).
"""

import argparse
import copy
import json
import socket
import sys
import threading
from datetime import datetime, timezone
from typing import Annotated, Any, Dict, List, Literal, Optional, Union
from uuid import UUID

import uvicorn
from fastapi import Depends, FastAPI, Path, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel, ConfigDict, Field, ValidationError
from starlette.exceptions import HTTPException as StarletteHTTPException

# ---------------------------------------------------------------------------
# Models (they generate the schemas in specs/builds.yaml)
# ---------------------------------------------------------------------------

# A Literal, not a `str, Enum`: pydantic inlines a Literal (`type: string, enum: [...]`
# with the field's title "Status"), whereas an Enum class becomes its own component
# referenced by `$ref`. The docs page the spec was taken from shows the inline form.
BuildStatus = Literal["queued", "building", "ready", "failed"]

ErrorCode = Literal[400, 401, 403, 404, 409, 422, 426, 429, 500, 502, 504]

ErrorType = Literal[
    "already_exists_error",
    "app_error",
    "authentication_error",
    "conflict_error",
    "aws_error",
    "configuration_error",
    "database_error",
    "dynamodb_error",
    "e2b_error",
    "e2b_rate_limit_error",
    "expired_signature_error",
    "expired_token_error",
    "forbidden_error",
    "group_error",
    "invalid_error",
    "invalid_flag_error",
    "invalid_username_error",
    "mail_error",
    "member_exists_error",
    "member_limit_exceeded_error",
    "migration_lock_timeout_error",
    "not_found_error",
    "oauth_config_error",
    "org_sandbox_capacity_exceeded_error",
    "bad_gateway_error",
    "gateway_timeout_error",
    "s3_error",
    "server_error",
    "task_error",
    "stripe_error",
    "token_error",
    "upgrade_required_error",
    "usage_limit_exceeded_error",
    "user_verification_error",
    "validation_error",
]


class BuildUpdateRequest(BaseModel):
    description: Optional[str] = None
    display_name: Optional[str] = None
    is_active: Optional[bool] = None
    metadata: Optional[Dict[str, Any]] = None


class BuildResponse(BaseModel):
    model_config = ConfigDict(json_schema_extra={"examples": [{"status": "queued"}]})

    build_ref: str
    created_at: datetime
    created_by: Optional[UUID] = None
    description: Optional[str] = None
    display_name: str
    error_message: Optional[str] = None
    id: UUID
    is_active: bool
    metadata: Optional[Dict[str, Any]] = None
    organization_id: Optional[UUID]
    provider: str
    source_id: Optional[str] = None
    source_type: str
    status: BuildStatus = "ready"
    updated_at: datetime


class StoredBuild(BuildResponse):
    """Storage/output form: like BuildResponse, but any status string is kept."""

    status: str = "ready"  # type: ignore[assignment]


class ValidationErrorItem(BaseModel):
    loc: List[Union[str, int]] = Field(description="Where the validation error occurred")
    msg: str = Field(description="Human-readable validation message")
    type: str = Field(description="Machine-readable validation error type")


class APIErrorPayload(BaseModel):
    """Canonical API error envelope returned by the API."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {"code": 401, "detail": "Authentication failed", "type": "authentication_error"}
            ]
        }
    )

    code: ErrorCode = Field(description="HTTP status code")
    detail: str = Field(description="Human-readable error message")
    errors: Optional[List[ValidationErrorItem]] = None
    type: ErrorType = Field(description="Stable machine-readable error type")


ERROR_DESCRIPTIONS = {
    400: "Invalid request",
    401: "Authentication failed",
    403: "Access forbidden",
    404: "Not found",
    409: "Already exists",
    422: "Validation error",
    426: "Upgrade required",
    429: "Rate limited",
    500: "Internal server error",
    502: "Bad gateway",
    504: "Gateway timeout",
}

# Error type used when the server itself maps a bare status code to an envelope.
DEFAULT_ERROR_TYPES = {
    400: "invalid_error",
    401: "authentication_error",
    403: "forbidden_error",
    404: "not_found_error",
    409: "already_exists_error",
    422: "validation_error",
    426: "upgrade_required_error",
    429: "usage_limit_exceeded_error",
    500: "server_error",
    502: "bad_gateway_error",
    504: "gateway_timeout_error",
}


class APIError(Exception):
    def __init__(self, code: int, detail: str, type_: str, errors=None, headers=None):
        self.payload = {"code": code, "detail": detail, "type": type_}
        if errors is not None:
            self.payload["errors"] = errors
        self.code = code
        self.headers = headers


def envelope_response(payload: Dict[str, Any], headers=None) -> JSONResponse:
    # Validate through the model so every envelope we send matches the spec;
    # `errors` is left out when absent, as in the spec's example.
    body = APIErrorPayload.model_validate(payload).model_dump(mode="json", exclude_none=True)
    return JSONResponse(status_code=body["code"], content=body, headers=headers)


# ---------------------------------------------------------------------------
# Store
# ---------------------------------------------------------------------------


class Store:
    def __init__(self, seed: Dict[str, List[Dict[str, Any]]]):
        self.lock = threading.Lock()
        self.orgs: Dict[str, Dict[UUID, Dict[str, Any]]] = {}
        for org, records in seed.items():
            builds = self.orgs.setdefault(org, {})
            for raw in records:
                record = StoredBuild.model_validate(raw).model_dump()
                builds[record["id"]] = record


def load_seed(path: Optional[str]) -> Dict[str, List[Dict[str, Any]]]:
    if not path:
        return {}
    with open(path, encoding="utf-8") as f:
        return json.load(f)


# ---------------------------------------------------------------------------
# App
# ---------------------------------------------------------------------------

bearer = HTTPBearer(auto_error=False)


def create_app(seed: Dict[str, List[Dict[str, Any]]], token: str) -> FastAPI:
    app = FastAPI(
        title="Builds API",
        version="1.0.0",
        description="Manage builds of an organization.",
        servers=[{"url": "https://example.com"}],
    )
    store = Store(seed)
    app.state.store = store

    @app.exception_handler(APIError)
    async def api_error_handler(request: Request, exc: APIError):
        return envelope_response(exc.payload, exc.headers)

    @app.exception_handler(RequestValidationError)
    async def validation_handler(request: Request, exc: RequestValidationError):
        errors = [
            {"loc": list(e["loc"]), "msg": e["msg"], "type": e["type"]} for e in exc.errors()
        ]
        return envelope_response(
            {"code": 422, "detail": "Validation error", "type": "validation_error", "errors": errors}
        )

    @app.exception_handler(StarletteHTTPException)
    async def http_error_handler(request: Request, exc: StarletteHTTPException):
        # Unknown routes etc.: use the envelope when the code is one the spec knows.
        if exc.status_code in DEFAULT_ERROR_TYPES:
            return envelope_response(
                {
                    "code": exc.status_code,
                    "detail": ERROR_DESCRIPTIONS[exc.status_code],
                    "type": DEFAULT_ERROR_TYPES[exc.status_code],
                },
                getattr(exc, "headers", None),
            )
        return JSONResponse(
            status_code=exc.status_code,
            content={"detail": exc.detail},
            headers=getattr(exc, "headers", None),
        )

    def require_token(
        credentials: Annotated[Optional[HTTPAuthorizationCredentials], Depends(bearer)],
    ) -> None:
        if credentials is None or credentials.credentials != token:
            raise APIError(
                401,
                "Authentication failed",
                "authentication_error",
                headers={"WWW-Authenticate": "Bearer"},
            )

    @app.patch(
        "/api/v1/org/{org}/builds/{build_id}",
        operation_id="updateBuild",
        summary="Update build",
        tags=["builds"],
        response_model=BuildResponse,
        responses={
            code: {"model": APIErrorPayload, "description": description}
            for code, description in ERROR_DESCRIPTIONS.items()
        },
    )
    def update_build(
        build_id: UUID,
        org: Annotated[str, Path(description="Organization slug")],
        body: BuildUpdateRequest,
        _auth: Annotated[None, Depends(require_token)],
    ):
        with store.lock:
            builds = store.orgs.get(org)
            if builds is None:
                raise APIError(404, "Organization not found", "not_found_error")
            record = builds.get(build_id)
            if record is None:
                raise APIError(404, "Build not found", "not_found_error")

            # Absent fields stay as they are; an explicit null clears a nullable field.
            updated = copy.deepcopy(record)
            changed = False
            for name in BuildUpdateRequest.model_fields:
                if name not in body.model_fields_set:
                    continue
                value = getattr(body, name)
                if updated.get(name) != value:
                    updated[name] = value
                    changed = True
            if changed:
                updated["updated_at"] = datetime.now(timezone.utc)

            # A null for a field the response cannot hold (display_name, is_active) is
            # rejected with pydantic's own error for that field, located in the body.
            try:
                validated = StoredBuild.model_validate(updated)
            except ValidationError as e:
                errors = [
                    {"loc": ["body", *e_["loc"]], "msg": e_["msg"], "type": e_["type"]}
                    for e_ in e.errors()
                ]
                raise APIError(422, "Validation error", "validation_error", errors=errors)

            builds[build_id] = validated.model_dump()
            return JSONResponse(content=validated.model_dump(mode="json"))

    return app


# ---------------------------------------------------------------------------
# Entry point
# ---------------------------------------------------------------------------


class AnnouncingServer(uvicorn.Server):
    async def startup(self, sockets=None):
        await super().startup(sockets=sockets)
        if self.started and not self.should_exit:
            port = sockets[0].getsockname()[1] if sockets else self.config.port
            sys.stdout.write(f"LISTENING {port}\n")
            sys.stdout.flush()


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", help="JSON file: {org: [BuildResponse records]}")
    parser.add_argument("--token", default="secret", help="the bearer token to accept")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=0, help="0 picks a free port")
    parser.add_argument("--log-level", default="warning")
    parser.add_argument("--access-log", action="store_true", help="log requests (to stderr)")
    parser.add_argument("--dump-openapi", action="store_true", help="print openapi.json and exit")
    args = parser.parse_args(argv)

    app = create_app(load_seed(args.seed), args.token)
    if args.dump_openapi:
        json.dump(app.openapi(), sys.stdout, indent=2)
        sys.stdout.write("\n")
        return 0

    family = socket.AF_INET6 if ":" in args.host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((args.host, args.port))

    log_config = copy.deepcopy(uvicorn.config.LOGGING_CONFIG)
    # Keep stdout for the LISTENING line only.
    log_config["handlers"]["access"]["stream"] = "ext://sys.stderr"
    config = uvicorn.Config(
        app,
        log_level=args.log_level,
        access_log=args.access_log,
        log_config=log_config,
        lifespan="off",
    )
    server = AnnouncingServer(config)
    server.run(sockets=[sock])
    return 0


if __name__ == "__main__":
    sys.exit(main())
