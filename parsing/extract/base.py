"""Types shared by every extractor: the result and the one error they raise."""

from __future__ import annotations

from dataclasses import dataclass, field


class ExtractionError(Exception):
    """A document that cannot be turned into text, with a machine-readable reason.

    ``code`` is one of: ``empty``, ``unsupported_type``, ``encrypted``, ``corrupt``,
    ``too_large``, ``too_many_pages``, ``timeout``, ``no_text``, ``zip_bomb``. Callers map
    it to an API error or a candidate's ``parsing_errors`` entry; ``message`` is safe to show.
    """

    def __init__(self, code: str, message: str) -> None:
        super().__init__(f"{code}: {message}")
        self.code = code
        self.message = message


@dataclass
class Extracted:
    """Plain text of a document, one visual line per text line, blocks separated by a blank line."""

    kind: str
    text: str
    pages: int
    method: str
    language_hint: str | None = None
    warnings: list[str] = field(default_factory=list)
