"""Every URL of the project, read from the live URL configuration (``get_resolver()``)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from django.urls import URLPattern, URLResolver, get_resolver

from smartcv.api.dialects import dialect_for_path

HTTP_METHODS = ("get", "post", "put", "patch", "delete")


@dataclass(frozen=True)
class Route:
    name: str | None
    namespace: str | None
    route: str  # the concatenated pattern text, e.g. "api/resumes/<str:pk>/share"
    params: tuple[str, ...]  # named parameters in order
    callback: Any

    @property
    def qualified_name(self) -> str:
        return f"{self.namespace}:{self.name}" if self.namespace else str(self.name)

    @property
    def view_class(self):
        return getattr(self.callback, "cls", None) or getattr(self.callback, "view_class", None)

    @property
    def is_api(self) -> bool:
        return self.route.startswith("api/") or self.route == "api"

    @property
    def dialect(self):
        return dialect_for_path("/" + self.route)

    def methods(self) -> tuple[str, ...]:
        """The HTTP methods the view implements: exact for class-based views; GET and POST for
        function views (their decorators are not introspectable, a 405 is then expected)."""
        cls = self.view_class
        if cls is None:
            return ("get", "post")
        allowed = [m for m in HTTP_METHODS if hasattr(cls, m) and m in cls.http_method_names]
        if "get" in allowed and cls.__name__ == "RedirectView":
            return ("get",)
        return tuple(allowed)

    def path(self, values: dict[str, str]) -> str:
        """The URL with ``values`` substituted for the parameters."""

        def sub(match: re.Match) -> str:
            return values[match.group("name")]

        text = re.sub(r"<(?:(?P<conv>[^>:]+):)?(?P<name>\w+)>", sub, self.route)
        text = re.sub(r"\(\?P<(?P<name>\w+)>[^)]*\)", sub, text)
        return "/" + text.lstrip("^").rstrip("$")


_PARAM = re.compile(r"<(?:[^>:]+:)?(\w+)>|\(\?P<(\w+)>")


def _walk(patterns, prefix: str, namespace: str | None):
    for pattern in patterns:
        text = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            ns = pattern.namespace or namespace
            yield from _walk(pattern.url_patterns, text, ns)
        elif isinstance(pattern, URLPattern):
            params = tuple(a or b for a, b in _PARAM.findall(text))
            yield Route(pattern.name, namespace, text, params, pattern.callback)


def all_routes() -> list[Route]:
    return list(_walk(get_resolver().url_patterns, "", None))


def addressing_routes() -> list[Route]:
    """Routes with at least one named parameter: the ones that address something."""
    return [r for r in all_routes() if r.params]
