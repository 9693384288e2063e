"""The admin pages of the resumes app open, and content edits stay valid documents."""

from __future__ import annotations

import pytest
from django.test import Client

from resumes.admin import ResumeAdminForm
from resumes.models import PublishedProfile, ShareComment
from resumes.services import share_link_create

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_client(make_user):
    staff = make_user("staffer", is_staff=True, is_superuser=True)
    client = Client()
    client.force_login(staff)
    return client


def test_every_changelist_and_change_page_opens(staff_client, make_resume, recruiter, layouts):
    resume = make_resume(template=layouts["classic"])
    link, _ = share_link_create(resume=resume, allow_comments=True)
    comment = ShareComment.objects.create(share_link=link, author_name="A", text="B")
    profile = PublishedProfile.objects.create(user=recruiter, content=resume.content, is_live=True)

    for url in (
        "/admin/resumes/template/",
        f"/admin/resumes/template/{layouts['classic'].pk}/change/",
        "/admin/resumes/resume/",
        "/admin/resumes/resume/?deleted=yes",
        f"/admin/resumes/resume/{resume.pk}/change/",
        "/admin/resumes/sharelink/",
        f"/admin/resumes/sharelink/{link.pk}/change/",
        f"/admin/resumes/sharecomment/{comment.pk}/change/",
        f"/admin/resumes/publishedprofile/{profile.pk}/change/",
    ):
        assert staff_client.get(url).status_code == 200, url


def test_deleted_filter_lists_only_soft_deleted_resumes(staff_client, make_resume):
    from resumes.services import resume_delete

    live = make_resume(title="Live one")
    gone = make_resume(title="Gone one")
    resume_delete(resume=gone)

    deleted = staff_client.get("/admin/resumes/resume/?deleted=yes").content.decode()
    alive = staff_client.get("/admin/resumes/resume/?deleted=no").content.decode()

    assert "Gone one" in deleted and live.title not in deleted
    assert "Live one" in alive and gone.title not in alive


def test_admin_form_refuses_invalid_content(recruiter):
    form = ResumeAdminForm(
        data={
            "owner": recruiter.pk,
            "title": "T",
            "status": "DRAFT",
            "content": '{"work": [{"start_date": "someday"}]}',
            "sections_visibility": "{}",
        }
    )

    assert form.is_valid() is False
    assert "content" in form.errors
