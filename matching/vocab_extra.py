"""Vocabulary lookups matching needs beyond ``matching.skills`` (kept apart so the shared
vocabulary module stays as its owners wrote it)."""

from __future__ import annotations

from functools import cache

from matching.skills import _vocabulary  # the loaded vocabulary; no public iterator exists


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
