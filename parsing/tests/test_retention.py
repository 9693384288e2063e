"""GDPR retention: candidates and their files are purged after the account's period."""

from datetime import timedelta

import pytest
from django.core.files.storage import default_storage
from django.utils import timezone

from parsing.models import Candidate
from parsing.services import candidates_purge_expired
from parsing.tasks import purge_expired_candidates_task
from smartcv import files

pytestmark = pytest.mark.django_db


def _candidate(owner, days_old: int) -> Candidate:
    name = files.store(data=b"cv bytes", name="cvs/cv.txt", content_type="text/plain")
    return Candidate.objects.create(
        owner=owner,
        file_name=name,
        original_filename="cv.txt",
        created_at=timezone.now() - timedelta(days=days_old),
    )


def test_default_retention_purges_old_candidates_and_files(recruiter, settings):
    settings.SMARTCV_CANDIDATE_RETENTION_DAYS = 30
    old, fresh = _candidate(recruiter, 31), _candidate(recruiter, 29)
    assert candidates_purge_expired() == 1
    assert list(Candidate.objects.all()) == [fresh]
    assert not default_storage.exists(old.file_name)
    assert default_storage.exists(fresh.file_name)


def test_an_account_can_keep_candidates_shorter_or_longer(make_user, settings):
    settings.SMARTCV_CANDIDATE_RETENTION_DAYS = 30
    brief = make_user("brief", candidate_retention_days=7)
    keeper = make_user("keeper", candidate_retention_days=400)
    gone = _candidate(brief, 8)
    kept = _candidate(keeper, 200)
    assert purge_expired_candidates_task.apply().get() == 1
    assert not Candidate.objects.filter(id=gone.id).exists()
    assert Candidate.objects.filter(id=kept.id).exists()


def test_nothing_to_purge_is_zero(recruiter):
    _candidate(recruiter, 1)
    assert candidates_purge_expired() == 0
