"""OpenAPI: the error answers every operation can give, in its dialect's envelope.

Views document their success shapes and the errors particular to them; the errors the
plumbing gives everywhere (authentication, rate limits, validation, unknown ids, body
limits, credits) are added here, once, as drf-spectacular postprocessing hook, with the
envelope ``smartcv.api.errors.error_body`` really produces for the path's dialect. An
error response a view already documents gets the envelope schema when it has none.
"""

from __future__ import annotations

from typing import Any

from smartcv.api.dialects import Dialect, dialect_for_path

_METHODS = ("get", "put", "post", "patch", "delete")

_ANY: dict[str, Any] = {}  # any JSON value (``details`` is an object or an array per error)

ERROR_SCHEMAS: dict[Dialect, tuple[str, dict[str, Any]]] = {
    Dialect.SMARTCV: (
        "SmartcvError",
        {
            "type": "object",
            "properties": {
                "success": {"type": "boolean", "enum": [False]},
                "error": {"type": "string"},
                "code": {"type": "string", "description": "e.g. RESUME_NOT_FOUND"},
                "details": _ANY,
            },
            "required": ["success", "error", "code", "details"],
        },
    ),
    Dialect.PROFILE: (
        "ProfileError",
        {"type": "object", "properties": {"msg": {"type": "string"}}, "required": ["msg"]},
    ),
    Dialect.PARSERPRO: (
        "ParserproError",
        {
            "type": "object",
            "properties": {
                "error": {
                    "type": "object",
                    "properties": {
                        "code": {"type": "string", "description": "e.g. not_found"},
                        "message": {"type": "string"},
                        "details": {"type": "array", "items": _ANY},
                    },
                    "required": ["code", "message", "details"],
                }
            },
            "required": ["error"],
        },
    ),
    Dialect.READER: (
        "ReaderError",
        {
            "type": "object",
            "description": "Spring Boot's error body, plus `code` and, for validation errors, `errors`.",
            "properties": {
                "timestamp": {"type": "string", "format": "date-time"},
                "status": {"type": "integer"},
                "error": {"type": "string"},
                "code": {"type": "string", "description": "e.g. NOT_FOUND"},
                "message": {"type": "string"},
                "path": {"type": "string"},
                "errors": {
                    "type": "array",
                    "items": {
                        "type": "object",
                        "properties": {"field": {"type": "string"}, "message": {"type": "string"}},
                        "required": ["field", "message"],
                    },
                },
                "details": _ANY,
            },
            "required": ["timestamp", "status", "error", "code", "message", "path"],
        },
    ),
}

DESCRIPTIONS = {
    400: "Invalid request (validation error, malformed body or query parameter)",
    401: "Missing or invalid API key",
    402: "Not enough credits left",
    404: "No such object for this account",
    413: "Request body too large",
    415: "Unsupported media type",
    429: "Rate limit exceeded (see Retry-After and X-RateLimit-*)",
}

# Operations that spend credits (smartcv.services.credits_charge / credits_require).
CHARGING = {
    ("/api/v1/parse", "post"),
    ("/api/v1/parse/url", "post"),
    ("/api/v1/parser", "post"),
    ("/api/v1/parser/async", "post"),
    ("/api/resumes/import", "post"),
    ("/api/resume-settings/api-key/resumes/{resume_id}/generate-pdf", "post"),
    ("/api/resume-settings/v1/generate-pdf", "post"),
    ("/api/resume-settings/format", "post"),
    ("/api/webhook/generate-pdfs", "post"),
}


def _statuses(path: str, method: str, operation: dict[str, Any]) -> set[int]:
    statuses = {401, 429}
    has_query = any(p.get("in") == "query" for p in operation.get("parameters", []))
    has_body = "requestBody" in operation or method in ("post", "put", "patch")
    if has_query or has_body:
        statuses.add(400)
    if has_body:
        statuses |= {413, 415}
    if "{" in path:
        statuses.add(404)
    if (path, method) in CHARGING:
        statuses.add(402)
    return statuses


def _is_generic(content: dict[str, Any]) -> bool:
    schemas = [media.get("schema") for media in content.values()]
    return all(
        s in (None, {}, {"type": "object"}, {"type": "object", "additionalProperties": {}})
        for s in schemas
    )


def add_error_responses(result: dict[str, Any], generator, request, public) -> dict[str, Any]:
    """POSTPROCESSING_HOOKS entry: error responses with their envelope on every operation."""
    schemas = result.setdefault("components", {}).setdefault("schemas", {})
    for name, schema in ERROR_SCHEMAS.values():
        schemas[name] = schema
    for path, item in result.get("paths", {}).items():
        dialect = dialect_for_path(path) or Dialect.SMARTCV
        ref = {"$ref": f"#/components/schemas/{ERROR_SCHEMAS[dialect][0]}"}
        for method, operation in item.items():
            if method not in _METHODS:
                continue
            responses = operation.setdefault("responses", {})
            for status in _statuses(path, method, operation):
                responses.setdefault(str(status), {"description": DESCRIPTIONS[status]})
            for status, response in responses.items():
                if not status.isdigit() or int(status) < 400:
                    continue
                content = response.get("content") or {}
                if _is_generic(content):
                    response["content"] = {"application/json": {"schema": ref}}
    return result
