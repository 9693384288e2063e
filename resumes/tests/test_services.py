"""Template sync, resume services and the demo seed step."""

from __future__ import annotations

import json
from io import StringIO

import pytest
from django.core.management import call_command

from resumes.document import ResumeDocument
from resumes.models import PublishedProfile, Resume, ShareLink, Template
from resumes.services import resume_create, resume_update, templates_sync
from resumes.tests.factories import TemplateFactory

pytestmark = pytest.mark.django_db


def _layout(root, slug, *, meta=None, html="<p>{{ person.name }}</p>", css="p{}"):
    folder = root / "templates" / "resume_layouts" / slug
    folder.mkdir(parents=True)
    (folder / "template.html").write_text(html)
    (folder / "style.css").write_text(css)
    if meta is not None:
        (folder / "meta.json").write_text(json.dumps(meta))


@pytest.fixture
def no_templates(db):
    # The data migration synced the real layouts into the test database.
    Template.objects.all().delete()


def test_templates_sync_upserts_from_disk_and_is_idempotent(tmp_path, settings, no_templates):
    settings.BASE_DIR = tmp_path
    _layout(
        tmp_path,
        "modern-minimal",
        meta={"name": "Modern Minimal", "category": "MODERN", "description": "Clean", "sort_order": 0},
    )
    _layout(tmp_path, "creative", meta={"name": "Creative", "category": "creative", "sort_order": 3})
    (tmp_path / "templates" / "resume_layouts" / "half-done").mkdir()  # no template.html yet

    first = templates_sync()
    (tmp_path / "templates" / "resume_layouts" / "creative" / "style.css").write_text("p{color:red}")
    second = templates_sync()

    assert first == second == ["creative", "modern-minimal"]
    assert Template.objects.count() == 2
    creative = Template.objects.get(slug="creative")
    assert (creative.name, creative.category, creative.sort_order, creative.css_styles) == (
        "Creative",
        "CREATIVE",
        3,
        "p{color:red}",
    )
    assert Template.objects.get(slug="modern-minimal").description == "Clean"


def test_templates_sync_tolerates_missing_or_broken_meta(tmp_path, settings, no_templates):
    settings.BASE_DIR = tmp_path
    _layout(tmp_path, "classic")
    _layout(tmp_path, "odd-one")
    (tmp_path / "templates" / "resume_layouts" / "odd-one" / "meta.json").write_text("{not json")

    templates_sync()

    classic = Template.objects.get(slug="classic")
    assert (classic.name, classic.category, classic.sort_order) == ("Classic", "MODERN", 1)
    assert Template.objects.get(slug="odd-one").name == "Odd One"


def test_the_migration_synced_the_real_layouts():
    assert sorted(Template.objects.values_list("slug", flat=True)) == [
        "classic",
        "compact",
        "creative",
        "modern-minimal",
    ]


def test_templates_sync_reads_the_real_layouts(layouts):
    assert sorted(layouts) == ["classic", "compact", "creative", "modern-minimal"]
    assert all(t.html_template and t.css_styles for t in layouts.values())


def test_resume_create_defaults_to_the_first_active_template(recruiter, no_templates):
    TemplateFactory(slug="b", sort_order=2)
    first = TemplateFactory(slug="a", sort_order=1)
    TemplateFactory(slug="z", sort_order=0, is_active=False)

    resume = resume_create(owner=recruiter, title="T")

    assert resume.template == first
    assert resume.status == Resume.Status.DRAFT
    assert resume.content == ResumeDocument().to_json()


def test_updating_the_title_keeps_the_scores(recruiter):
    resume = resume_create(owner=recruiter, title="T", target_job_description="python")
    Resume.objects.filter(pk=resume.pk).update(ats_score=42)
    resume.refresh_from_db()

    resume_update(resume=resume, title="New")

    resume.refresh_from_db()
    assert (resume.title, resume.ats_score) == ("New", 42)


def test_seed_demo_creates_resume_share_link_and_profile_idempotently(settings):
    settings.DEBUG = True
    call_command("seed_demo", stdout=StringIO())
    link = ShareLink.objects.get()
    call_command("seed_demo", stdout=StringIO())

    resume = Resume.objects.get()
    assert resume.owner.username == "demo"
    assert resume.status == "PUBLISHED"
    assert resume.ats_score is not None and resume.keyword_match_score is not None
    assert ShareLink.objects.get().token == link.token
    assert PublishedProfile.objects.get(user=resume.owner).is_live is True
