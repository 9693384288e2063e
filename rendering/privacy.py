"""Anonymisation: a ResumeDocument and an owner's privacy rules → a new, scrubbed document.

Applied before any renderer runs (PDF, DOCX, HTML, TXT and the canvas previews), so no
output can leak what the rules hide. Hiding a field empties it in ``personal``; since
people repeat their contact details in free text ("reach me at jane@x.io"), the same
values are also scrubbed from every free-text field (summary, descriptions, highlights,
custom sections, activities):

- ``hideEmail``: every e-mail address → ``[email hidden]``;
- ``hidePhone``: every phone number the ``phonenumbers`` matcher finds (tried with the
  candidate's region hint, FR, GB and US, which covers the corpus) → ``[phone hidden]``;
- ``hideLinks``: every URL or bare domain with a path → ``[link hidden]``;
- ``hideName``: the full name and each of its parts (≥ 2 letters), matched case- and
  accent-insensitively on word boundaries → the replacement name (initials "J. D." or a
  stable reference "Candidate 8F3A" derived from the candidate id).

Birth date and age: the document has ``birth_date``; ``hideAge`` also empties it (an age is
computed from it) and scrubs "NN ans / NN years old" phrases.

Pure: no Django, no ORM.
"""

from __future__ import annotations

import functools
import hashlib
import re
import unicodedata
from dataclasses import dataclass, fields
from typing import Any

import phonenumbers

from resumes.document import ResumeDocument

EMAIL_MASK = "[email hidden]"
PHONE_MASK = "[phone hidden]"
LINK_MASK = "[link hidden]"
AGE_MASK = "[age hidden]"

NAME_MODES = ("initials", "reference")
_PHONE_REGIONS = ("FR", "GB", "US", "DE")

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.UNICODE)
_URL = re.compile(
    r"(?:(?:https?|ftp)://|www\.)[^\s<>\"')\]]+"
    r"|\b(?:linkedin|github|gitlab|twitter|x|behance|dribbble|medium)\.com/[^\s<>\"')\]]*",
    re.IGNORECASE,
)
# Six or more digits with phone punctuation between them: worth asking phonenumbers about.
_PHONE_LIKE = re.compile(r"\d(?:[\s().+/-]*\d){5,}")
_AGE = re.compile(r"\b\d{2}\s*(?:ans|years?\s+old|yo|Jahre)\b", re.IGNORECASE)


@dataclass(frozen=True)
class PrivacyRules:
    """What to hide; the JSON shape is the reader's ``privacy`` object (camelCase keys)."""

    hide_name: bool = False
    hide_email: bool = False
    hide_phone: bool = False
    hide_photo: bool = False
    hide_address: bool = False
    hide_links: bool = False
    hide_birth_date: bool = False
    hide_age: bool = False
    name_mode: str = "reference"  # "initials" or "reference"

    @property
    def anonymises(self) -> bool:
        return any(getattr(self, f.name) for f in fields(self) if f.name.startswith("hide_"))


def initials(name: str) -> str:
    """'Amélie Dubois-Laurent' → 'A. D.'; '张三' → '张.'."""
    parts = [p for p in re.split(r"[\s\-]+", name.strip()) if p]
    return " ".join(f"{p[0].upper()}." for p in parts[:3])


def candidate_reference(seed: str) -> str:
    """A stable, non-reversible label: 'Candidate 8F3A' for the same seed every time."""
    return "Candidate " + hashlib.sha256(seed.encode("utf-8")).hexdigest()[:4].upper()


def _fold(text: str) -> str:
    """Lower-case, accents removed, one character per input character (positions kept)."""
    out = []
    for char in text:
        kept = "".join(c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c))
        out.append((kept[:1] or char).lower()[:1] or char)
    return "".join(out)


def _name_parts(name: str) -> list[str]:
    full = name.strip()
    if not full:
        return []
    parts = [p for p in re.split(r"[\s,]+", full) if len(p) >= 2]
    hyphen_parts = [q for p in parts if "-" in p for q in p.split("-") if len(q) >= 2]
    # Longest first, so 'Dubois-Laurent' is replaced whole before 'Dubois' is tried.
    return sorted(dict.fromkeys([full, *parts, *hyphen_parts]), key=len, reverse=True)


@functools.lru_cache(maxsize=256)
def _name_pattern(name: str) -> re.Pattern[str] | None:
    """One alternation of the folded name parts, longest first, on word boundaries (none
    around CJK text, which has no spaces to bound a name)."""
    alternatives = []
    for part in _name_parts(name):
        folded = _fold(part)
        start = r"(?<![^\W_])" if folded[:1].isascii() else ""
        end = r"(?![^\W_])" if folded[-1:].isascii() else ""
        alternatives.append(start + re.escape(folded) + end)
    return re.compile("|".join(alternatives)) if alternatives else None


def scrub_name(text: str, name: str, replacement: str) -> str:
    """``text`` with the name and its parts replaced, ignoring case and accents."""
    pattern = _name_pattern(name)
    if not text or pattern is None:
        return text
    pieces, last = [], 0
    for match in pattern.finditer(_fold(text)):  # _fold keeps positions, so spans map back
        pieces += [text[last : match.start()], replacement]
        last = match.end()
    if not pieces:
        return text
    text = "".join(pieces) + text[last:]
    # "AMELIE Dubois" became "<ref> <ref>": say it once.
    repeated = re.escape(replacement)
    return re.sub(rf"{repeated}(?:[ \t-]+{repeated})+", replacement, text)


def scrub_phones(text: str, region: str = "") -> str:
    """``text`` with every valid phone number masked; numbers read under several region
    hints (a French "06 12 34 56 78", an international "+44 20 …") are merged and masked once."""
    if not text or not _PHONE_LIKE.search(text):
        return text  # the matcher is slow; most paragraphs have no digit run at all
    spans: set[tuple[int, int]] = set()
    for hint in dict.fromkeys([region, *_PHONE_REGIONS]):
        if hint:
            matcher = phonenumbers.PhoneNumberMatcher(text, hint, leniency=phonenumbers.Leniency.VALID)
            spans.update((match.start, match.end) for match in matcher)
    merged: list[list[int]] = []
    for start, end in sorted(spans):
        if merged and start < merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    for start, end in reversed(merged):
        text = text[:start] + PHONE_MASK + text[end:]
    return text


def _mask_link(match: re.Match[str]) -> str:
    # A URL at the end of a sentence: the full stop is not part of it.
    url = match.group(0)
    trailing = url[len(url.rstrip(".,;:!?")) :]
    return LINK_MASK + trailing


@dataclass(frozen=True)
class _Scrubber:
    rules: PrivacyRules
    name: str
    name_replacement: str
    region: str

    def __call__(self, text: str) -> str:
        if not text:
            return text
        if self.rules.hide_email:
            text = _EMAIL.sub(EMAIL_MASK, text)
        if self.rules.hide_links:
            text = _URL.sub(_mask_link, text)
        if self.rules.hide_phone:
            text = scrub_phones(text, self.region)
        if self.rules.hide_age:
            text = _AGE.sub(AGE_MASK, text)
        if self.rules.hide_name and self.name:
            text = scrub_name(text, self.name, self.name_replacement)
        return text


def _walk(value: Any, scrub: _Scrubber) -> Any:
    if isinstance(value, str):
        return scrub(value)
    if isinstance(value, list):
        return [_walk(item, scrub) for item in value]
    if isinstance(value, dict):
        return {key: _walk(item, scrub) for key, item in value.items()}
    return value


def _region_of(phone: str) -> str:
    try:
        parsed = phonenumbers.parse(phone, None)
    except phonenumbers.NumberParseException:
        return ""
    return phonenumbers.region_code_for_number(parsed) or ""


def anonymise(document: ResumeDocument, rules: PrivacyRules, *, seed: str = "") -> ResumeDocument:
    """A copy of ``document`` with everything ``rules`` hides removed or masked.

    ``seed`` (the candidate id) makes the "Candidate XXXX" reference stable across renders.
    The document is returned unchanged when no rule is on.
    """
    if not rules.anonymises:
        return document
    data = document.model_dump()
    person = data["personal"]
    name = person.get("name") or ""
    if rules.name_mode == "initials" and name:
        replacement = initials(name)
    else:
        replacement = candidate_reference(seed or name or "anonymous")
    scrub = _Scrubber(
        rules=rules,
        name=name,
        name_replacement=replacement,
        region=_region_of(person.get("phone") or ""),
    )

    if rules.hide_name:
        person["name"] = replacement
    if rules.hide_email:
        person["email"] = ""
    if rules.hide_phone:
        person["phone"] = ""
    if rules.hide_photo:
        person["image_url"] = ""
    if rules.hide_address:
        person["location"] = ""
    if rules.hide_links:
        for key in ("website", "linkedin", "github", "twitter"):
            person[key] = ""
        person["links"] = []
        for project in data["projects"]:
            project["url"] = ""
        for cert in data["certifications"]:
            cert["url"] = ""
    if rules.hide_birth_date or rules.hide_age:
        person["birth_date"] = ""

    for key in (
        "summary",
        "work",
        "education",
        "projects",
        "certifications",
        "extracurricular",
        "custom_sections",
        "languages",
        "skills",
    ):
        data[key] = _walk(data[key], scrub)
    # The headline may carry a name ("Jane Doe — Data engineer") or a link; scrub it too.
    person["title"] = scrub(person.get("title") or "")
    return ResumeDocument.model_validate(data)
