"""Which of the four published dialects a URL belongs to.

The URL decides, nothing else: the same key, user and domain answer every dialect; only the
envelope, error shape and pagination differ. Matching is by whole path segments, so
``/api/v1/parse`` (parserpro) and ``/api/v1/parser`` (reader) never mix.
"""

from __future__ import annotations

from enum import StrEnum


class Dialect(StrEnum):
    SMARTCV = "smartcv"
    PROFILE = "profile"
    PARSERPRO = "parserpro"
    READER = "reader"


_PREFIXES: tuple[tuple[tuple[str, ...], Dialect], ...] = (
    (("api", "resumes"), Dialect.SMARTCV),
    (("api", "templates"), Dialect.SMARTCV),
    (("api", "user"), Dialect.PROFILE),
    (("api", "v1", "parse"), Dialect.PARSERPRO),
    (("api", "v1", "candidates"), Dialect.PARSERPRO),
    (("api", "v1", "jobs"), Dialect.PARSERPRO),
    (("api", "v1", "usage"), Dialect.PARSERPRO),
    (("api", "v1", "parser"), Dialect.READER),
    (("api", "job"), Dialect.READER),
    (("api", "jobs"), Dialect.READER),
    (("api", "scores"), Dialect.READER),
    (("api", "resume-settings"), Dialect.READER),
    (("api", "webhook"), Dialect.READER),
    # Anything else under /api/v1 is closest to parserpro; the rest of /api to smartcv.
    (("api", "v1"), Dialect.PARSERPRO),
    (("api",), Dialect.SMARTCV),
)


def is_api_path(path: str) -> bool:
    return path == "/api" or path.startswith("/api/")


def dialect_for_path(path: str) -> Dialect | None:
    """The dialect of an API path, or None for pages outside /api/."""
    segments = tuple(s for s in path.split("/") if s)
    for prefix, dialect in _PREFIXES:
        if segments[: len(prefix)] == prefix:
            return dialect
    return None
