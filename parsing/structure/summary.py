"""``ai_summary``: a short extractive summary — sentences taken from the CV itself (its
profile section), or, when it has none, one sentence assembled from the parsed fields.
No external AI service is involved."""

from __future__ import annotations

import re

_SENTENCE_RE = re.compile(r"(?<=[.!?。！？])\s+")
MAX_CHARS = 400


def build_summary(
    *,
    profile_text: str,
    name: str,
    title: str,
    years: float | None,
    skills: list[str],
    companies: list[str],
) -> str:
    text = re.sub(r"\s+", " ", profile_text or "").strip()
    if len(text) >= 40:
        sentences = [s.strip() for s in _SENTENCE_RE.split(text) if s.strip()]
        out = ""
        for sentence in sentences:
            if len(out) + len(sentence) + 1 > MAX_CHARS:
                break
            out = f"{out} {sentence}".strip()
            if len(out) >= 160:
                break
        return out or text[:MAX_CHARS].rsplit(" ", 1)[0]
    subject = name or "The candidate"
    parts = []
    if title:
        parts.append(f"{subject} is a {title}")
    else:
        parts.append(f"{subject}")
    if years:
        parts.append(f"with {years:g} years of experience")
    if companies:
        parts.append(f"(most recently at {companies[0]})")
    sentence = " ".join(parts)
    if skills:
        sentence += f"; skills include {', '.join(skills[:6])}"
    return (sentence + ".")[:MAX_CHARS] if (title or years or skills) else ""
