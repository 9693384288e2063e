"""The one application error: raised by services and views, rendered in one place.

``code`` is machine-readable and snake_case (``insufficient_credits``, ``resume_not_found``);
each dialect shapes it its own way (smartcv upper-cases it, parserpro keeps it, …), see
``smartcv.api.errors``. ``details`` is a dict of field → messages, or a list.
"""

from __future__ import annotations

from typing import Any


class ApplicationError(Exception):
    def __init__(
        self,
        code: str,
        message: str,
        *,
        status: int = 400,
        details: dict[str, Any] | list[Any] | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.status = status
        self.details = details
        self.headers = headers or {}

    def __repr__(self) -> str:
        return f"ApplicationError({self.code!r}, {self.message!r}, status={self.status})"


def not_found(what: str = "Resource", **details: Any) -> ApplicationError:
    return ApplicationError("not_found", f"{what} not found", status=404, details=details or None)
