"""The skills vocabulary shared by parsing (normalising a CV's skills) and matching (comparing
a candidate's skills with a job's).

Pure and fast: the JSON is read once per process and turned into two dicts — surface key →
canonical name, and a "squashed" key (no spaces, dots or hyphens: ``nodejs`` for ``Node.js``,
``Node JS`` and ``NodeJS``) → canonical name. ``find_skills`` walks the text's tokens once and
tries the longest n-gram first at each position, so the cost is linear in the text, not in
the size of the vocabulary.

Short or everyday words that are also skills (``C``, ``R``, ``Go``, ``Excel``, ``Spark``) are
flagged *ambiguous* in the vocabulary. In a skills section (``in_section=True``) they count
like any other skill; in prose they count only when written with the skill's exact casing
and either next to another skill (``Python, Go and C``) or, for names of three letters or
more, not at the start of a sentence (``experience with Excel`` but not ``Excel at …``).
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

DATA_FILE = Path(__file__).resolve().parent / "data" / "skills.json"

# A token keeps the punctuation that is part of skill names (C++, C#, .NET, Node.js, CI/CD's
# halves); "/" and "&" are tokens of their own so "HTML5/CSS3" splits but "CI/CD" still matches.
_TOKEN_RE = re.compile(r"\.?[^\W_][\w+#]*(?:[.'’\-][^\W_][\w+#]*)*\+*|[/&]")
_VERSION_RE = re.compile(r"^(.*?[A-Za-z+#])[\s\-]?v?\d+(?:\.\d+)*(?:\.?x)?\+?$", re.IGNORECASE)
_NEIGHBOUR_WINDOW = 4


@dataclass(frozen=True)
class SkillEntry:
    name: str
    category: str
    aliases: tuple[str, ...]
    related: tuple[str, ...]
    ambiguous: bool


@dataclass(frozen=True)
class _Vocabulary:
    entries: dict[str, SkillEntry]  # canonical name -> entry
    by_key: dict[str, tuple[str, bool]]  # token key -> (canonical, ambiguous surface)
    by_squash: dict[str, tuple[str, bool]]
    first_tokens: dict[str, int]  # first token of a surface -> its longest surface, in tokens
    max_tokens: int


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).casefold()
    return text.replace("’", "'")


def tokens(text: str) -> list[str]:
    """The text's tokens, case preserved (NFKC-normalised)."""
    return _TOKEN_RE.findall(unicodedata.normalize("NFKC", text))


def _key(text: str) -> str:
    return " ".join(_fold(t) for t in _TOKEN_RE.findall(unicodedata.normalize("NFKC", text)))


def _squash(key: str) -> str:
    lead = "." if key.startswith(".") else ""
    return lead + re.sub(r"[\s.\-_']+", "", key)


@lru_cache(maxsize=1)
def _vocabulary() -> _Vocabulary:
    raw = json.loads(DATA_FILE.read_text(encoding="utf-8"))
    entries: dict[str, SkillEntry] = {}
    by_key: dict[str, tuple[str, bool]] = {}
    squash_votes: dict[str, set[tuple[str, bool]]] = {}
    for item in raw["skills"]:
        entry = SkillEntry(
            name=item["name"],
            category=item["category"],
            aliases=tuple(item["aliases"]),
            related=tuple(item["related"]),
            ambiguous=bool(item["ambiguous"]),
        )
        entries[entry.name] = entry
        surfaces = [(entry.name, entry.ambiguous)]
        surfaces += [(alias, entry.ambiguous) for alias in entry.aliases]
        surfaces += [(alias, True) for alias in item.get("ambiguous_aliases", [])]
        for surface, ambiguous in surfaces:
            key = _key(surface)
            if not key:
                continue
            by_key.setdefault(key, (entry.name, ambiguous))
            squash_votes.setdefault(_squash(key), set()).add((entry.name, ambiguous))
    # A squashed key that two different skills share is dropped rather than guessed.
    by_squash = {
        key: next(iter(votes))
        for key, votes in squash_votes.items()
        if len({name for name, _ in votes}) == 1 and len(key) > 1
    }
    first_tokens: dict[str, int] = {}
    max_tokens = 1
    for key in by_key:
        parts = key.split(" ")
        first_tokens[parts[0]] = max(first_tokens.get(parts[0], 0), len(parts))
        max_tokens = max(max_tokens, len(parts))
    return _Vocabulary(entries, by_key, by_squash, first_tokens, max_tokens)


def _lookup(text: str) -> tuple[str, bool] | None:
    vocab = _vocabulary()
    key = _key(text)
    if not key:
        return None
    return vocab.by_key.get(key) or vocab.by_squash.get(_squash(key))


def normalise(skill: str) -> str | None:
    """The canonical name of ``skill`` ("k8s" → "Kubernetes", "Bootstrap3" → "Bootstrap"), or
    None when the vocabulary does not know it."""
    if not skill or not skill.strip():
        return None
    hit = _lookup(skill)
    if hit is None:
        # Versions glued or spaced onto a name ("Bootstrap3", "Angular 15", "Python 3.11").
        match = _VERSION_RE.match(skill.strip())
        if match:
            hit = _lookup(match.group(1))
    return hit[0] if hit else None


def entry(skill: str) -> SkillEntry | None:
    name = normalise(skill)
    return _vocabulary().entries.get(name) if name else None


def category(skill: str) -> str:
    """language / framework / library / database / cloud / tool / domain / soft /
    certification, or "" for an unknown skill."""
    found = entry(skill)
    return found.category if found else ""


def related(skill: str) -> list[str]:
    """Canonical names of skills close to ``skill`` (its language, its platform, its
    family), for partial credit in matching."""
    found = entry(skill)
    return list(found.related) if found else []


def vocabulary_size() -> int:
    return len(_vocabulary().entries)


def _sentence_initial(toks: list[str], index: int, text_positions: list[int], text: str) -> bool:
    if index == 0:
        return True
    start = text_positions[index]
    before = text[max(0, start - 3) : start].rstrip()
    return not before or before[-1] in ".!?:;\n•·-–—*"


def find_skills(text: str, *, in_section: bool = False) -> list[str]:
    """Canonical names of the skills mentioned in ``text``, in order of first appearance.

    Longest match wins ("Spring Boot" before "Spring", "React Native" before "React").
    ``in_section`` says the text is a skills section, where ambiguous names count too.
    """
    vocab = _vocabulary()
    source = unicodedata.normalize("NFKC", text or "")
    matches = list(_TOKEN_RE.finditer(source))
    toks = [m.group(0) for m in matches]
    folded = [_fold(t) for t in toks]
    positions = [m.start() for m in matches]
    found: list[tuple[int, int, str, bool, str]] = []  # start, end, name, ambiguous, surface
    i, n = 0, len(toks)
    while i < n:
        hit = None
        longest = vocab.first_tokens.get(folded[i], 0)
        # Exact surfaces only where one starts with this token; spelling variants ("Node JS",
        # "Spring-Boot") through the squashed index for one- and two-token spans.
        for size in range(min(max(longest, 2), n - i), 0, -1):
            key = " ".join(folded[i : i + size]) if size > 1 else folded[i]
            value = vocab.by_key.get(key) if size <= longest else None
            if value is None and (size == 2 or not key.isalnum()):
                value = vocab.by_squash.get(_squash(key))
            if value is not None:
                hit = (
                    i,
                    i + size,
                    value[0],
                    value[1],
                    source[positions[i] : matches[i + size - 1].end()],
                )
                break
        if hit:
            found.append(hit)
            i = hit[1]
        else:
            i += 1
    result: list[str] = []
    seen: set[str] = set()
    for index, (start, end, name, ambiguous, surface) in enumerate(found):
        if ambiguous and not in_section:
            if surface != name and surface.casefold() != name.casefold():
                continue  # an ambiguous alias in prose ("word", "oracle") is never enough
            if surface != name and not surface[:1].isupper():
                continue
            if surface[:1].islower():
                continue
            near = any(
                not other[3]
                and (
                    abs(other[0] - end) <= _NEIGHBOUR_WINDOW
                    or abs(start - other[1]) <= _NEIGHBOUR_WINDOW
                )
                for j, other in enumerate(found)
                if j != index
            )
            if _sentence_initial(toks, start, positions, source):
                continue  # capitalised because it starts a sentence: no signal ("Excel at …")
            if not near and len(surface) < 3:
                continue
        if name not in seen:
            seen.add(name)
            result.append(name)
    return result
