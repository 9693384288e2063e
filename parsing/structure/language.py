"""Document language with ``py3langid`` (a pinned PyPI dependency; its model is loaded once
per process), restricted to languages CVs here are written in so short texts are not
classified as something exotic. Han script is decided by script, not statistics."""

from __future__ import annotations

import re
from functools import lru_cache

LANGUAGES = [
    "en",
    "fr",
    "de",
    "es",
    "zh",
    "it",
    "pt",
    "nl",
    "ru",
    "uk",
    "pl",
    "ja",
    "ko",
    "ar",
    "he",
    "tr",
]
_HAN_RE = re.compile(r"[\u4e00-\u9fff]")
_KANA_RE = re.compile(r"[\u3040-\u30ff]")
_HANGUL_RE = re.compile(r"[\uac00-\ud7af]")
SAMPLE_CHARS = 1500


@lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import _load_identifier

    return _load_identifier(norm_probs=True, langs=LANGUAGES)


def warm_up() -> None:
    """Load the model now (about a second) instead of on the first document."""
    _identifier()


def detect_language(text: str) -> tuple[str | None, float]:
    """(ISO 639-1 code, probability) or (None, 0.0) when there is too little text."""
    sample = (text or "")[:SAMPLE_CHARS]
    letters = sum(ch.isalpha() for ch in sample)
    if letters < 20:
        return None, 0.0
    if len(_KANA_RE.findall(sample)) > 20:
        return "ja", 0.9
    if len(_HANGUL_RE.findall(sample)) > 20:
        return "ko", 0.9
    if len(_HAN_RE.findall(sample)) > max(20, letters * 0.15):
        return "zh", 0.9
    code, probability = _identifier().classify(sample)
    return code, float(probability)
