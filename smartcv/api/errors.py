"""Errors in the envelope of the dialect the URL belongs to — one place for all of them.

Views and services raise (``ApplicationError`` or any DRF/Django exception); this module turns
what was raised into the documented shape:

- smartcv:   ``{"success": false, "error": msg, "code": "RESUME_NOT_FOUND", "details": {…}}``
- profile:   ``{"msg": msg}``
- parserpro: ``{"error": {"code": "not_found", "message": msg, "details": […]}}``
- reader:    Spring Boot's error body ``{"timestamp", "status", "error", "message", "path"}``
  plus ``code`` and, for validation errors, ``errors`` [{field, message}].
"""

from __future__ import annotations

import logging
from http import HTTPStatus
from typing import Any

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent
from django.http import Http404, HttpRequest, JsonResponse
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt
from rest_framework import exceptions as drf

from smartcv.api.dialects import Dialect, dialect_for_path
from smartcv.errors import ApplicationError

logger = logging.getLogger(__name__)

# Where a spec words a common error its own way, it is worded so.
_MESSAGES: dict[Dialect, dict[str, str]] = {
    Dialect.PROFILE: {"invalid_api_key": "User not authenticated"},
    Dialect.READER: {"invalid_api_key": "Invalid Api Key"},
}


def _flatten(detail: Any, path: str = "") -> list[tuple[str, str]]:
    """DRF's nested error detail as (dotted.field.path, message) pairs."""
    if isinstance(detail, dict):
        pairs: list[tuple[str, str]] = []
        for key, value in detail.items():
            sub = str(key) if key != "non_field_errors" else ""
            pairs += _flatten(value, f"{path}.{sub}" if path and sub else path or sub)
        return pairs
    if isinstance(detail, list):
        if all(not isinstance(item, (dict, list)) for item in detail):
            return [(path, str(item)) for item in detail]
        pairs = []
        for index, item in enumerate(detail):
            pairs += _flatten(item, f"{path}.{index}" if path else str(index))
        return pairs
    return [(path, str(detail))]


def _validation_error(detail: Any) -> ApplicationError:
    pairs = _flatten(detail)
    if pairs:
        field, first = pairs[0]
        message = f"{field}: {first}" if field else first
    else:
        message = "Invalid request"
    fields: dict[str, list[str]] = {}
    for field, text in pairs:
        fields.setdefault(field or "non_field_errors", []).append(text)
    return ApplicationError("validation_error", message, status=400, details=fields)


def to_application_error(exc: Exception) -> ApplicationError | None:
    """The ApplicationError a raised exception stands for, or None for a genuine bug."""
    if isinstance(exc, ApplicationError):
        return exc
    if isinstance(exc, Http404):
        return ApplicationError("not_found", "Resource not found", status=404)
    if isinstance(exc, DjangoPermissionDenied):
        return ApplicationError("forbidden", "You do not have permission to do this", status=403)
    if isinstance(exc, RequestDataTooBig):
        return ApplicationError("payload_too_large", "Request body is too large", status=413)
    if isinstance(exc, TooManyFieldsSent):
        return ApplicationError("validation_error", "Too many fields in the request", status=400)
    if isinstance(exc, drf.ValidationError):
        return _validation_error(exc.detail)
    if isinstance(exc, drf.ParseError):
        return ApplicationError("validation_error", f"Malformed request body: {exc.detail}", status=400)
    if isinstance(exc, (drf.NotAuthenticated, drf.AuthenticationFailed)):
        return ApplicationError("invalid_api_key", "Invalid or missing API key", status=401)
    if isinstance(exc, drf.PermissionDenied):
        return ApplicationError("forbidden", str(exc.detail), status=403)
    if isinstance(exc, drf.NotFound):
        return ApplicationError("not_found", "Resource not found", status=404)
    if isinstance(exc, drf.MethodNotAllowed):
        return ApplicationError("method_not_allowed", str(exc.detail), status=405)
    if isinstance(exc, drf.NotAcceptable):
        return ApplicationError("not_acceptable", str(exc.detail), status=406)
    if isinstance(exc, drf.UnsupportedMediaType):
        return ApplicationError("unsupported_media_type", str(exc.detail), status=415)
    if isinstance(exc, drf.Throttled):
        wait = int(exc.wait or 1)
        return ApplicationError(
            "rate_limit_exceeded",
            f"Rate limit exceeded. Retry in {wait} seconds.",
            status=429,
            headers={"Retry-After": str(wait)},
        )
    if isinstance(exc, drf.APIException):
        return ApplicationError(str(exc.default_code), str(exc.detail), status=exc.status_code)
    return None


def error_body(err: ApplicationError, *, dialect: Dialect, path: str) -> dict[str, Any]:
    message = _MESSAGES.get(dialect, {}).get(err.code, err.message)
    details = err.details
    if dialect is Dialect.PROFILE:
        return {"msg": message}
    if dialect is Dialect.PARSERPRO:
        if isinstance(details, dict):
            details = [
                {"field": field, "message": text}
                for field, texts in details.items()
                for text in (texts if isinstance(texts, list) else [texts])
            ]
        return {"error": {"code": err.code, "message": message, "details": details or []}}
    if dialect is Dialect.READER:
        body: dict[str, Any] = {
            "timestamp": timezone.now().isoformat().replace("+00:00", "Z"),
            "status": err.status,
            "error": HTTPStatus(err.status).phrase,
            "code": err.code.upper(),
            "message": message,
            "path": path,
        }
        if err.code == "validation_error" and isinstance(details, dict):
            body["errors"] = [
                {"field": field, "message": text}
                for field, texts in details.items()
                for text in (texts if isinstance(texts, list) else [texts])
            ]
        elif details:
            body["details"] = details
        return body
    return {"success": False, "error": message, "code": err.code.upper(), "details": details or {}}


def error_response(request: HttpRequest, err: ApplicationError) -> JsonResponse:
    dialect = dialect_for_path(request.path) or Dialect.SMARTCV
    response = JsonResponse(
        error_body(err, dialect=dialect, path=request.path),
        status=err.status,
        json_dumps_params={"ensure_ascii": False},
    )
    for header, value in err.headers.items():
        response[header] = value
    return response


def exception_handler(exc: Exception, context: dict[str, Any]) -> JsonResponse | None:
    """DRF's EXCEPTION_HANDLER: every error raised in an API view comes through here."""
    err = to_application_error(exc)
    if err is None:
        return None  # a bug: DRF re-raises, Django logs it and handler500 answers
    request = context["request"]
    if isinstance(exc, drf.MethodNotAllowed) and context.get("view") is not None:
        err.headers.setdefault("Allow", ", ".join(context["view"].allowed_methods))
    if isinstance(exc, (drf.NotAuthenticated, drf.AuthenticationFailed)):
        err.headers.setdefault("WWW-Authenticate", 'ApiKey realm="api"')
    return error_response(request._request if hasattr(request, "_request") else request, err)


# --- Django-level handlers for API paths (no DRF view involved) ------------------------------


@csrf_exempt  # answers 404 whatever the method; nothing to protect
def api_not_found(request: HttpRequest, *args: Any, **kwargs: Any) -> JsonResponse:
    """Catch-all for unknown /api/ URLs, so they answer in their dialect even with DEBUG on."""
    return error_response(
        request, ApplicationError("not_found", f"No API endpoint at {request.path}", status=404)
    )


# Seconds a client is told to wait when the database or Redis is unreachable.
OUTAGE_RETRY_AFTER = 5


def _is_outage(exc: BaseException | None) -> bool:
    """Is ``exc`` (or what caused it) the database, Redis or the broker being unreachable?"""
    from django.db import InterfaceError, OperationalError
    from kombu.exceptions import OperationalError as BrokerError
    from redis.exceptions import ConnectionError as RedisConnectionError
    from redis.exceptions import TimeoutError as RedisTimeoutError

    outages = (OperationalError, InterfaceError, BrokerError, RedisConnectionError, RedisTimeoutError)
    seen = 0
    while exc is not None and seen < 5:
        if isinstance(exc, outages):
            return True
        exc, seen = exc.__cause__ or exc.__context__, seen + 1
    return False


def server_error(request: HttpRequest, *args: Any, **kwargs: Any):
    """handler500. Called inside Django's ``except`` block, so the exception is at hand: a
    database or Redis outage is a 503 with Retry-After (the client should simply retry), not
    an internal error."""
    import sys

    from django.views.defaults import server_error as html_server_error

    if dialect_for_path(request.path) is None:
        return html_server_error(request)
    if _is_outage(sys.exc_info()[1]):
        err = ApplicationError(
            "service_unavailable",
            "The service is temporarily unavailable; retry in a few seconds",
            status=503,
            headers={"Retry-After": str(OUTAGE_RETRY_AFTER)},
        )
        return error_response(request, err)
    message = "Internal server error"
    return error_response(request, ApplicationError("internal_error", message, status=500))


def page_not_found(request: HttpRequest, exception: Exception | None = None):
    from django.views.defaults import page_not_found as html_page_not_found

    if dialect_for_path(request.path) is None:
        return html_page_not_found(request, exception)
    return api_not_found(request)


def bad_request(request: HttpRequest, exception: Exception | None = None):
    from django.views.defaults import bad_request as html_bad_request

    if dialect_for_path(request.path) is None:
        return html_bad_request(request, exception)
    err = (exception and to_application_error(exception)) or ApplicationError(
        "validation_error", "Bad request", status=400
    )
    return error_response(request, err)


def csrf_failure(request: HttpRequest, reason: str = ""):
    """CSRF_FAILURE_VIEW: API paths get their dialect's 403, pages Django's own."""
    from django.views.csrf import csrf_failure as html_csrf_failure

    if dialect_for_path(request.path) is None:
        return html_csrf_failure(request, reason)
    return error_response(request, ApplicationError("forbidden", f"CSRF Failed: {reason}", status=403))
