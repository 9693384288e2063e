"""API-key authentication for every dialect, in every header form the four specs use.

``X-API-Key: k`` (parserpro), ``Authorization: ApiKey k`` (reader) and
``Authorization: Bearer k`` (profile) are all accepted everywhere. Browsers use the session
cookie instead, with CSRF enforced on unsafe methods.
"""

from __future__ import annotations

from django.http import HttpRequest
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from rest_framework.authentication import BaseAuthentication
from rest_framework.exceptions import AuthenticationFailed

from smartcv.models import ApiKey
from smartcv.services import api_key_authenticate

_SCHEMES = ("apikey", "bearer")
_UNSET = object()


def raw_key_from_request(request: HttpRequest) -> str | None:
    """The key the client sent, or None when it sent no key header at all."""
    key = request.headers.get("X-API-Key")
    if key is not None:
        return key.strip()
    auth = request.headers.get("Authorization", "")
    scheme, _, value = auth.strip().partition(" ")
    if scheme.lower() in _SCHEMES:
        return value.strip()
    return None


def api_key_for_request(request: HttpRequest) -> tuple[bool, ApiKey | None]:
    """(a key was sent, the valid key or None), looked up once per request and cached."""
    cached = getattr(request, "_smartcv_api_key", _UNSET)
    if cached is _UNSET:
        raw = raw_key_from_request(request)
        cached = (raw is not None, api_key_authenticate(raw) if raw is not None else None)
        request._smartcv_api_key = cached
    return cached


class ApiKeyAuthentication(BaseAuthentication):
    def authenticate(self, request):
        sent, api_key = api_key_for_request(request._request)
        if not sent:
            return None
        if api_key is None:
            raise AuthenticationFailed("Invalid API key")
        return (api_key.user, api_key)

    def authenticate_header(self, request) -> str:
        # Makes DRF answer 401 (not 403) when credentials are missing.
        return 'ApiKey realm="api"'


class ApiKeyAuthenticationScheme(OpenApiAuthenticationExtension):
    target_class = ApiKeyAuthentication
    name = "ApiKeyAuth"

    def get_security_definition(self, auto_schema):
        return {
            "type": "apiKey",
            "in": "header",
            "name": "X-API-Key",
            "description": "Also accepted as `Authorization: ApiKey <key>` or "
            "`Authorization: Bearer <key>`.",
        }
