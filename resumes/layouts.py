"""Reading the resume layouts from disk: ``templates/resume_layouts/<slug>/``.

Each layout directory holds ``template.html`` (Django template syntax), ``style.css`` and
``meta.json`` (``name``, ``category``, ``description``, ``sort_order``). The files are the
source of truth; the ``Template`` rows mirror them (``resumes.services.templates_sync``).
Pure: no ORM.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings

LAYOUT_SLUGS = ("modern-minimal", "classic", "compact", "creative")
CATEGORIES = ("MODERN", "CLASSIC", "COMPACT", "CREATIVE")


@dataclass(frozen=True)
class Layout:
    slug: str
    name: str
    category: str
    description: str
    sort_order: int
    html_template: str
    css_styles: str


def layouts_dir() -> Path:
    return Path(settings.BASE_DIR) / "templates" / "resume_layouts"


def layout_read(directory: Path) -> Layout | None:
    """The layout in a directory, or None when its template.html is not there (yet)."""
    html = directory / "template.html"
    if not html.is_file():
        return None
    css = directory / "style.css"
    meta_path = directory / "meta.json"
    meta: dict = {}
    if meta_path.is_file():
        try:
            loaded = json.loads(meta_path.read_text(encoding="utf-8"))
            meta = loaded if isinstance(loaded, dict) else {}
        except ValueError:
            meta = {}
    slug = directory.name
    category = str(meta.get("category") or "").upper()
    if category not in CATEGORIES:
        category = "MODERN"
    try:
        sort_order = int(
            meta.get("sort_order", LAYOUT_SLUGS.index(slug) if slug in LAYOUT_SLUGS else 99)
        )
    except (TypeError, ValueError):
        sort_order = 99
    return Layout(
        slug=slug,
        name=str(meta.get("name") or slug.replace("-", " ").title()),
        category=category,
        description=str(meta.get("description") or ""),
        sort_order=max(0, sort_order),
        html_template=html.read_text(encoding="utf-8"),
        css_styles=css.read_text(encoding="utf-8") if css.is_file() else "",
    )


def layouts_read(root: Path | None = None) -> list[Layout]:
    root = root or layouts_dir()
    if not root.is_dir():
        return []
    found = (layout_read(d) for d in sorted(root.iterdir()) if d.is_dir())
    return [layout for layout in found if layout is not None]
