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


@pytest.fixture
def make_candidate(db):
    """make_candidate(owner, document=None, **fields) → a parsed Candidate (the reader's resume)."""
    from parsing.models import Candidate, ParseStatus

    def make(owner, document: dict | None = None, **fields):
        document = load("full_resume.json") if document is None else document
        fields = {"parsing_status": ParseStatus.COMPLETED, **fields}
        name = document.get("personal", {}).get("name", "")
        return Candidate.objects.create(owner=owner, full_name=name, document=document, **fields)

    return make


@pytest.fixture
def local_webhooks(settings):
    """Deliveries may reach the 127.0.0.1 receiver, with short timeouts."""
    settings.SMARTCV_WEBHOOK_ALLOWED_HOSTS = ["127.0.0.1"]
    settings.SMARTCV_WEBHOOK_TIMEOUT = 2
    settings.SMARTCV_WEBHOOK_RETRY_DELAYS = [30, 120, 600]
    return settings
