"""Vocabulary lookups matching needs beyond ``matching.skills`` (kept apart so the shared
vocabulary module stays as its owners wrote it)."""

from __future__ import annotations

from functools import cache

from matching.skills import _vocabulary, find_skills, normalise  # _vocabulary: no public iterator


@cache
def _reverse_index() -> dict[str, frozenset[str]]:
    index: dict[str, set[str]] = {}
    for entry in _vocabulary().entries.values():
        for name in entry.related:
            index.setdefault(name.lower(), set()).add(entry.name.lower())
    return {name: frozenset(names) for name, names in index.items()}


def reverse_related(skill: str) -> frozenset[str]:
    """Lower-cased canonical names of the skills that list ``skill`` (a canonical name) as
    related: "Django" lists "Python", so Python's reverse relations include "django"."""
    return _reverse_index().get(skill.lower(), frozenset())


# Where ``parsing.pipeline`` stores, in a candidate's metadata, the skills its text names.
MENTIONED_KEY = "skills_mentioned"
MAX_MENTIONED = 300


def mentioned_skills(text: str, listed: list[str] | tuple[str, ...] = ()) -> list[str]:
    """Canonical names of the skills named anywhere in a CV's text (experience, summary,
    projects) that its skills list (``listed``) does not hold, in order of first mention. A
    recruiter reads the whole CV: "built the ETL loads of our data warehouse" is evidence of
    ETL even when the skills section lists only SQL. Everyday words need the usual context
    (``find_skills``). Listed skills are left out: matching has them already, and every name
    stored is one more to read for each of thousands of candidates."""
    have = {(normalise(s) or s).casefold() for s in listed if isinstance(s, str)}
    found = [name for name in find_skills(text or "") if name.casefold() not in have]
    return found[:MAX_MENTIONED]
