from __future__ import annotations

import json
from pathlib import Path

import pytest

from resumes.document import ResumeDocument, validate_document
from resumes.layouts import LAYOUT_SLUGS, Layout, layout_read, layouts_dir

DATA = Path(__file__).parent / "data"


def load(name: str) -> dict:
    return json.loads((DATA / name).read_text(encoding="utf-8"))


@pytest.fixture
def full_doc() -> ResumeDocument:
    """A realistic two-page resume: French accents, every section filled."""
    return validate_document(load("full_resume.json"))


@pytest.fixture
def chinese_doc() -> ResumeDocument:
    """A short resume of '张三 Zhang San' mixing Chinese, English and French."""
    return validate_document(load("chinese_resume.json"))


def read_layout(slug: str) -> Layout:
    layout = layout_read(layouts_dir() / slug)
    assert layout is not None, slug
    return layout


@pytest.fixture(params=LAYOUT_SLUGS)
def layout(request) -> Layout:
    return read_layout(request.param)


@pytest.fixture
def modern() -> Layout:
    return read_layout("modern-minimal")
