"""Jobs and matching services (the matching issue extends this module)."""

from __future__ import annotations

import json
from functools import lru_cache

from django.db import IntegrityError, connection, transaction
from django.utils import timezone

from matching.models import (
    FeedRunStatus,
    Job,
    JobFeed,
    JobFeedRun,
    JobSource,
    JobStatus,
    Match,
    PipelineStatus,
)
from matching.scoring import CandidateProfile, JobProfile, Score, text_terms
from matching.vocab_extra import MENTIONED_KEY
from smartcv.errors import ApplicationError
from smartcv.models import User


@transaction.atomic
def job_create_from_parsed(*, owner: User, parsed, source: str = JobSource.PARSED) -> Job:
    """Persist a job parsed from a description (``parsing.jobparse.ParsedJob``)."""
    job = Job(
        owner=owner,
        title=(parsed.title or "Untitled job")[:300],
        reference=parsed.reference,
        description=parsed.description,
        profile=parsed.profile,
        experience=parsed.experience,
        education=parsed.education,
        education_level=parsed.education_level,
        min_experience_years=parsed.min_experience_years,
        max_experience_years=parsed.max_experience_years,
        required_skills=parsed.weighted_required(),
        nice_to_have_skills=parsed.weighted_nice(),
        company=parsed.company,
        city=parsed.city,
        country=parsed.country,
        source=source,
    )
    try:
        with transaction.atomic():
            job.save()
    except IntegrityError:
        raise ApplicationError(
            "reference_conflict", f"A job with reference {parsed.reference!r} already exists", status=409
        ) from None
    job_requirements_changed(job=job)
    return job


# --- Jobs: one set of rules for both dialects ------------------------------------------------

JOB_FIELDS = (
    "title",
    "reference",
    "description",
    "profile",
    "experience",
    "education",
    "required_skills",
    "nice_to_have_skills",
    "min_experience_years",
    "max_experience_years",
    "education_level",
    "preferred_locations",
    "salary_min",
    "salary_max",
    "company",
    "country",
    "city",
    "status",
)


# A change to any of these rescored every candidate of the job.
SCORED_FIELDS = {
    "title",
    "description",  # the text fit reads the posting's words
    "profile",
    "required_skills",
    "nice_to_have_skills",
    "min_experience_years",
    "max_experience_years",
    "education_level",
    "preferred_locations",
    "city",
    "country",
}


def _invalid(field: str, message: str) -> ApplicationError:
    return ApplicationError(
        "validation_error", f"{field}: {message}", status=400, details={field: [message]}
    )


def _weighted_skills(field: str, value) -> list[dict]:
    from matching.skills import normalise

    if not isinstance(value, list):
        raise _invalid(field, "must be an array of {skill, weight} objects")
    result: list[dict] = []
    seen: set[str] = set()
    for index, item in enumerate(value):
        if isinstance(item, str):
            item = {"skill": item, "weight": 1.0}
        if (
            not isinstance(item, dict)
            or not isinstance(item.get("skill"), str)
            or not item["skill"].strip()
        ):
            raise _invalid(f"{field}.{index}.skill", "must be a non-empty string")
        weight = item.get("weight", 1.0)
        if isinstance(weight, bool) or not isinstance(weight, (int, float)) or not 0.0 <= weight <= 1.0:
            raise _invalid(f"{field}.{index}.weight", "must be a number between 0.0 and 1.0")
        name = item["skill"].strip()[:120]
        canonical = normalise(name) or name
        if canonical.lower() in seen:
            continue
        seen.add(canonical.lower())
        result.append({"skill": canonical, "weight": float(weight)})
    return result


def job_fields_validate(data: dict) -> dict:
    if "required_skills" in data:
        data["required_skills"] = _weighted_skills("required_skills", data["required_skills"])
    if "nice_to_have_skills" in data:
        data["nice_to_have_skills"] = _weighted_skills(
            "nice_to_have_skills", data["nice_to_have_skills"]
        )
    return data


def _check_ranges(job: Job) -> None:
    if (
        job.min_experience_years is not None
        and job.max_experience_years is not None
        and job.min_experience_years > job.max_experience_years
    ):
        raise _invalid("min_experience_years", "must not be greater than max_experience_years")
    if job.salary_min is not None and job.salary_max is not None and job.salary_min > job.salary_max:
        raise _invalid("salary_min", "must not be greater than salary_max")
    if not job.title.strip():
        raise _invalid("title", "This field may not be blank.")


def _save(job: Job) -> Job:
    try:
        with transaction.atomic():
            job.save()
    except IntegrityError:
        raise ApplicationError(
            "reference_conflict",
            f"A job with reference {job.reference!r} already exists",
            status=409,
            details={"reference": [job.reference]},
        ) from None
    return job


@transaction.atomic
def job_create(*, owner: User, data: dict, source: str = JobSource.API_KEY) -> Job:
    """Create a job from validated fields (either dialect's, already in model names)."""
    data = job_fields_validate(dict(data))
    job = Job(owner=owner, source=source, **{k: v for k, v in data.items() if k in JOB_FIELDS})
    _check_ranges(job)
    job = _save(job)
    job_requirements_changed(job=job)
    return job


@transaction.atomic
def job_update(*, job: Job, data: dict) -> Job:
    """Apply the fields present in ``data``; nothing changes when any rule fails."""
    data = job_fields_validate(dict(data))
    for name, value in data.items():
        if name in JOB_FIELDS:
            setattr(job, name, value)
    _check_ranges(job)
    job = _save(job)
    if set(data) & SCORED_FIELDS:
        job_requirements_changed(job=job)
    return job


@transaction.atomic
def job_delete(*, job: Job) -> None:
    job.delete()  # matches (candidate associations) go with it


# --- Scoring and matches ---------------------------------------------------------------------

SCORE_CHUNK = 2000


def job_profile(job: Job) -> JobProfile:
    def pairs(items) -> tuple[tuple[str, float], ...]:
        return tuple(
            (i["skill"], float(i.get("weight", 1.0)))
            for i in items
            if isinstance(i, dict) and i.get("skill")
        )

    locations = tuple(job.preferred_locations or ()) or tuple(
        loc for loc in (", ".join(p for p in (job.city, job.country) if p),) if loc
    )
    return JobProfile(
        title=job.title,
        required_skills=pairs(job.required_skills),
        nice_to_have_skills=pairs(job.nice_to_have_skills),
        min_years=job.min_experience_years,
        max_years=job.max_experience_years,
        education_level=job.education_level,
        locations=locations,
        terms=text_terms("\n".join(filter(None, (job.title, job.description or job.profile)))),
    )


@lru_cache(maxsize=4096)
def _degree_level(degree: str) -> str | None:
    from parsing.reader_fields import education_level

    return education_level(degree)


def _profile(
    *, skills, current_title, past_titles, years, degrees, location, mentioned=()
) -> CandidateProfile:
    from matching.scoring import EDUCATION_RANK, candidate_profile

    titles = [current_title or ""] + [t for t in past_titles if isinstance(t, str)]
    levels = [lvl for d in degrees if isinstance(d, str) and (lvl := _degree_level(d))]
    return candidate_profile(
        skills=skills or [],
        titles=titles,
        years=years,
        education_level=max(levels, key=EDUCATION_RANK.__getitem__) if levels else None,
        location=location or "",
        mentioned=mentioned if isinstance(mentioned, list) else (),
    )


def candidate_profile_of(fields: dict) -> CandidateProfile:
    """A scoring profile from a candidate's parsed fields (a dict of Candidate columns)."""
    return _profile(
        skills=fields.get("skills"),
        current_title=fields.get("current_title"),
        past_titles=[w.get("title") for w in fields.get("work_history") or [] if isinstance(w, dict)],
        years=fields.get("years_of_experience"),
        degrees=[e.get("degree") for e in fields.get("education") or [] if isinstance(e, dict)],
        location=fields.get("location"),
        mentioned=_mentioned(fields.get("metadata")),
    )


def _mentioned(metadata) -> list:
    """The skills the CV's text names (``parsing.pipeline`` stores them at parse time)."""
    return (metadata.get(MENTIONED_KEY) or []) if isinstance(metadata, dict) else []


PROFILE_COLUMNS = (
    "id",
    "skills",
    "current_title",
    "work_history",
    "years_of_experience",
    "education",
    "location",
    "metadata",
)


def score_candidates(*, job: Job, candidates) -> list[tuple[object, Score]]:
    """Score candidate rows (dicts with PROFILE_COLUMNS) against one job, in memory."""
    from matching.scoring import score

    profile = job_profile(job)
    return [(row["id"], score(profile, candidate_profile_of(row))) for row in candidates]


# PostgreSQL: only the JSON members scoring reads leave the database (titles of the work
# history, degrees of the education), not the whole documents — decoding those was most of
# the time at 100k candidates.
_PG_PROFILE_SQL = """
    SELECT id, skills, current_title,
           jsonb_path_query_array(work_history, 'lax $[*].title'),
           years_of_experience,
           jsonb_path_query_array(education, 'lax $[*].degree'),
           location,
           metadata -> 'skills_mentioned'
    FROM parsing_candidate
    WHERE owner_id = %s AND parsing_status = %s
    ORDER BY id
"""


def _scored_rows_pg(*, job: Job):
    """(candidate_id, Score) for every parsed candidate of the owner, streamed in chunks from
    a server-side cursor."""
    from matching.scoring import score
    from parsing.models import ParseStatus

    profile = job_profile(job)
    loads = json.loads  # Django hands jsonb over as text; its JSONField decodes it, so do we
    with transaction.atomic(), connection.chunked_cursor() as cursor:
        cursor.execute(_PG_PROFILE_SQL, [job.owner_id, ParseStatus.COMPLETED])
        while rows := cursor.fetchmany(SCORE_CHUNK):
            yield [
                (
                    row[0],
                    score(
                        profile,
                        _profile(
                            skills=loads(row[1]) if row[1] else [],
                            current_title=row[2],
                            past_titles=loads(row[3]) if row[3] else (),
                            years=row[4],
                            degrees=loads(row[5]) if row[5] else (),
                            location=row[6],
                            mentioned=loads(row[7]) if row[7] else (),
                        ),
                        explain=False,
                    ),
                )
                for row in rows
            ]


def job_match_all(*, job: Job) -> int:
    """(Re)score every parsed candidate of the job's owner and store the matches.

    Idempotent: matches are upserted on (job, candidate), keeping each pipeline status.
    Reads and writes in chunks, so memory stays flat for 100k candidates; a constant number
    of statements per chunk."""
    from parsing.models import Candidate, ParseStatus

    now = timezone.now()
    count = 0
    if connection.vendor == "postgresql":
        for scored in _scored_rows_pg(job=job):
            count += _upsert(job=job, scored=scored, now=now)
        return count
    rows = (
        Candidate.objects.filter(owner_id=job.owner_id, parsing_status=ParseStatus.COMPLETED)
        .order_by("id")
        .values(*PROFILE_COLUMNS)
    )
    batch: list[dict] = []
    for row in rows.iterator(chunk_size=SCORE_CHUNK):
        batch.append(row)
        if len(batch) >= SCORE_CHUNK:
            count += _store_scores(job=job, rows=batch, now=now)
            batch = []
    if batch:
        count += _store_scores(job=job, rows=batch, now=now)
    return count


def _store_scores(*, job: Job, rows: list[dict], now) -> int:
    """Upsert the scores of ``rows`` for ``job``; pipeline statuses are kept.

    On PostgreSQL a whole chunk is one ``INSERT … SELECT unnest(…) ON CONFLICT`` statement;
    elsewhere Django's ``bulk_create(update_conflicts=True)``. The explanation is not stored:
    it is deterministic, so ``match_explanation`` recomputes it when someone looks."""
    return _upsert(job=job, scored=score_candidates(job=job, candidates=rows), now=now)


def _upsert(*, job: Job, scored: list[tuple[object, Score]], now) -> int:
    if connection.vendor == "postgresql":
        # One JSON document per chunk rather than four typed arrays: the C JSON encoder is
        # several times faster than adapting 2,000 UUIDs, floats and JSON values one by one.
        payload = json.dumps(
            [
                {"c": str(candidate_id), "t": result.total, "b": result.breakdown}
                for candidate_id, result in scored
            ]
        )
        with connection.cursor() as cursor:
            cursor.execute(
                """
                INSERT INTO matching_match
                    (id, job_id, candidate_id, total_score, breakdown, pipeline_status,
                     scored_at, created_at, updated_at)
                SELECT gen_random_uuid(), %s, t.c, t.t, t.b, 'new', %s, %s, %s
                FROM jsonb_to_recordset(%s::jsonb) AS t(c uuid, t float8, b jsonb)
                ON CONFLICT (job_id, candidate_id) DO UPDATE SET
                    total_score = EXCLUDED.total_score, breakdown = EXCLUDED.breakdown,
                    scored_at = EXCLUDED.scored_at, updated_at = EXCLUDED.updated_at
                WHERE matching_match.total_score IS DISTINCT FROM EXCLUDED.total_score
                   OR matching_match.breakdown IS DISTINCT FROM EXCLUDED.breakdown
                """,
                [job.id, now, now, now, payload],
            )
        return len(scored)
    Match.objects.bulk_create(
        [
            Match(
                job=job,
                candidate_id=candidate_id,
                total_score=result.total,
                breakdown=result.breakdown,
                scored_at=now,
            )
            for candidate_id, result in scored
        ],
        update_conflicts=True,
        unique_fields=["job", "candidate"],
        update_fields=["total_score", "breakdown", "scored_at", "updated_at"],
        batch_size=1000,
    )
    return len(scored)


def match_set_status(*, match: Match, status: str) -> Match:
    """Move a candidate along the job's pipeline; any status may follow any other (recruiters
    reopen rejected candidates). An unknown status is a 400 and changes nothing."""
    if not isinstance(status, str) or status not in PipelineStatus.values:
        raise _invalid("pipeline_status", f"must be one of {', '.join(PipelineStatus.values)}")
    if match.pipeline_status != status:
        match.pipeline_status = status
        match.save(update_fields=["pipeline_status", "updated_at"])
    return match


def match_explanation(*, match: Match) -> dict:
    """Matched, missing and related skills of a stored match, recomputed from the data."""
    return score_one(job=match.job, candidate=match.candidate).explanation


def candidate_row(candidate) -> dict:
    """The candidate columns scoring reads, as ``job_match_all`` loads them."""
    return {name: getattr(candidate, name) for name in PROFILE_COLUMNS}


def score_one(*, job: Job, candidate) -> Score:
    """One candidate against one job (saved or not), nothing stored."""
    return score_candidates(job=job, candidates=[candidate_row(candidate)])[0][1]


def candidate_match_all(*, candidate) -> int:
    """(Re)score one parsed candidate against every open job of its owner."""
    row = candidate_row(candidate)
    now = timezone.now()
    jobs = Job.objects.filter(owner_id=candidate.owner_id).exclude(status=JobStatus.CLOSED)
    return sum(_store_scores(job=job, rows=[row], now=now) for job in jobs)


def job_requirements_changed(*, job: Job) -> None:
    from matching.tasks import match_job_task

    match_job_task.delay_on_commit(str(job.id))


QUEUE_MAX_REFERENCES = 100
QUEUE_TOP = 100


def queue_submit(*, owner: User, references) -> list[str]:
    """Validate a queue request (job references of the owner) and enqueue it; 404 for unknown."""
    from matching.tasks import score_queue_task

    if (
        not isinstance(references, list)
        or not references
        or not all(isinstance(r, str) and r.strip() for r in references)
    ):
        raise ApplicationError(
            "validation_error",
            "Send a JSON array of job references",
            status=400,
            details={"references": ["Expected a non-empty array of strings."]},
        )
    if len(references) > QUEUE_MAX_REFERENCES:
        raise ApplicationError(
            "validation_error",
            f"At most {QUEUE_MAX_REFERENCES} references per request",
            status=400,
            details={"references": [f"At most {QUEUE_MAX_REFERENCES}."]},
        )
    wanted = list(dict.fromkeys(r.strip() for r in references))
    known = set(
        Job.objects.filter(owner=owner, reference__in=wanted).values_list("reference", flat=True)
    )
    unknown = [r for r in wanted if r not in known]
    if unknown:
        raise ApplicationError(
            "not_found",
            f"Unknown job reference(s): {', '.join(unknown)}",
            status=404,
            details={"unknown": unknown},
        )
    score_queue_task.delay_on_commit(str(owner.pk), wanted)
    return wanted


def queue_score_and_deliver(*, owner_id, references: list[str]) -> int:
    from webhooks.models import WebhookEvent
    from webhooks.services import emit

    owner = User.objects.get(pk=owner_id)
    delivered = 0
    for job in Job.objects.filter(owner=owner, reference__in=references):
        job_match_all(job=job)
        top = Match.objects.filter(job=job).order_by("-total_score", "candidate_id")[:QUEUE_TOP]
        with transaction.atomic():
            emit(
                owner=owner,
                event=WebhookEvent.SCORES,
                payload={
                    "jobId": str(job.id),
                    "jobReference": job.reference,
                    "scores": [
                        {
                            "resumeId": str(m.candidate_id),
                            "totalScore": m.total_score,
                            "breakdown": m.breakdown,
                        }
                        for m in top
                    ],
                },
                reference=job.reference,
            )
        delivered += 1
    return delivered


# --- Job feeds -------------------------------------------------------------------------------

FEED_TIMEOUT = 30.0  # seconds, each connect/read and the whole fetch incl. redirects
FEED_MAX_BYTES = 5 * 1024 * 1024
FEED_MAX_REDIRECTS = 3
FEED_MAX_ITEMS = 5000
FEED_MAX_ERRORS = 100  # per-item errors kept on a run; the count is in its message
FEEDS_PER_OWNER = 20
FEED_ITEM_FIELDS = {"title": 300, "description": 100_000, "company": 200, "country": 64, "city": 120}


def _feed_url(url) -> str:
    """A syntactically valid http(s) URL not naming a private address outright (DNS is
    checked again at every import, after resolution)."""
    from smartcv import netguard

    if not isinstance(url, str) or not url.strip():
        raise _invalid("url", "must be a non-empty http(s) URL")
    url = url.strip()
    if len(url) > netguard.MAX_URL_LENGTH:
        raise _invalid("url", f"must be at most {netguard.MAX_URL_LENGTH} characters")
    try:
        netguard.check_host_syntax(netguard.parse_target(url).host)
    except netguard.FetchError as exc:
        raise _invalid("url", exc.message) from None
    return url


def _feed_save(feed: JobFeed) -> JobFeed:
    try:
        with transaction.atomic():
            feed.save()
    except IntegrityError:
        raise ApplicationError(
            "feed_conflict",
            "This feed URL is already registered",
            status=409,
            details={"url": [feed.url]},
        ) from None
    return feed


@transaction.atomic
def feed_create(*, owner: User, url: str, is_active: bool = True) -> JobFeed:
    if JobFeed.objects.filter(owner=owner).count() >= FEEDS_PER_OWNER:
        raise _invalid("url", f"At most {FEEDS_PER_OWNER} feeds per account")
    return _feed_save(JobFeed(owner=owner, url=_feed_url(url), is_active=is_active))


@transaction.atomic
def feed_update(*, feed: JobFeed, url: str | None = None, is_active: bool | None = None) -> JobFeed:
    if url is not None:
        feed.url = _feed_url(url)
    if is_active is not None:
        feed.is_active = is_active
    return _feed_save(feed)


@transaction.atomic
def feed_delete(*, feed: JobFeed) -> None:
    feed.delete()  # its runs go with it; imported jobs stay


def feed_import_request(*, feed: JobFeed) -> None:
    """Import on demand, on the ``matching`` queue."""
    from matching.tasks import feed_import_task

    feed_import_task.delay_on_commit(str(feed.id))


def feeds_import_due() -> int:
    """The hourly beat: enqueue one import per active feed."""
    from matching.tasks import feed_import_task

    ids = [str(i) for i in JobFeed.objects.filter(is_active=True).values_list("id", flat=True)]
    for feed_id in ids:
        feed_import_task.delay(feed_id)
    return len(ids)


class _FeedFailure(Exception):
    pass


def _feed_items(feed: JobFeed) -> list:
    """Fetch and decode the feed; every way it can fail becomes one readable sentence."""
    import json

    from smartcv import netguard

    try:
        response = netguard.fetch(
            feed.url,
            headers={"Accept": "application/json"},
            timeout=FEED_TIMEOUT,
            max_bytes=FEED_MAX_BYTES,
            follow_redirects=FEED_MAX_REDIRECTS,
        )
    except netguard.FetchError as exc:
        raise _FeedFailure(f"{exc.code}: {exc.message}") from None
    if not 200 <= response.status < 300:
        raise _FeedFailure(f"http_error: the feed answered HTTP {response.status}")
    try:
        data = json.loads(response.body)
    except (ValueError, UnicodeDecodeError):
        kind = response.headers.get("content-type", "").split(";")[0].strip() or "unknown type"
        raise _FeedFailure(f"not_json: the response is not JSON ({kind})") from None
    if not isinstance(data, list):
        raise _FeedFailure(
            f"not_an_array: expected a JSON array of jobs, got a JSON {type(data).__name__}"
        )
    if len(data) > FEED_MAX_ITEMS:
        raise _FeedFailure(f"too_many_items: {len(data)} jobs, at most {FEED_MAX_ITEMS} per feed")
    return data


def _feed_item_fields(item) -> dict:
    """A JobItem → Job fields; raises ValueError with the reason an item is refused."""
    from parsing.jobparse import parse_job_text

    if not isinstance(item, dict):
        raise ValueError("not a JSON object")
    reference = item.get("reference")
    if isinstance(reference, (int, float)) and not isinstance(reference, bool):
        reference = str(reference)
    if not isinstance(reference, str) or not reference.strip():
        raise ValueError("reference is missing")
    if len(reference.strip()) > 120:
        raise ValueError("reference is longer than 120 characters")
    fields = {"reference": reference.strip()}
    for name, limit in FEED_ITEM_FIELDS.items():
        value = item.get(name)
        if value is None:
            value = ""
        if not isinstance(value, str):
            raise ValueError(f"{name} must be a string")
        fields[name] = value.strip()[:limit]
    if not fields["title"]:
        raise ValueError("title is missing")
    # Feeds carry prose only: the requirements matching needs are read from the description.
    parsed = parse_job_text(fields["description"])
    fields.update(
        required_skills=parsed.weighted_required(),
        nice_to_have_skills=parsed.weighted_nice(),
        experience=parsed.experience,
        education=parsed.education,
        education_level=parsed.education_level,
        min_experience_years=parsed.min_experience_years,
        max_experience_years=parsed.max_experience_years,
    )
    return fields


def feed_import(*, feed: JobFeed) -> JobFeedRun:
    """Import one feed now and record the run. Never raises for bad remote data: a feed that
    cannot be fetched or decoded is a ``failed`` run with the reason; items without a
    reference or title (or repeating one) are listed per item and the rest imported.

    Safe to run twice: jobs are upserted on (owner, reference), unchanged ones untouched."""
    started = timezone.now()
    created = updated = 0
    errors: list[dict] = []
    changed: list[Job] = []
    try:
        items = _feed_items(feed)
    except _FeedFailure as exc:
        status, message = FeedRunStatus.FAILED, str(exc)
    else:
        seen: set[str] = set()
        with transaction.atomic():
            existing = {
                job.reference: job
                for job in Job.objects.select_for_update().filter(
                    owner_id=feed.owner_id,
                    reference__in=[
                        str(i.get("reference")).strip() for i in items if isinstance(i, dict)
                    ],
                )
            }
            for index, item in enumerate(items):
                reference = item.get("reference") if isinstance(item, dict) else None
                try:
                    fields = _feed_item_fields(item)
                    if fields["reference"] in seen:
                        raise ValueError("duplicate reference in this feed (the first one was kept)")
                except ValueError as exc:
                    errors.append({"item": index, "reference": reference, "error": str(exc)})
                    continue
                seen.add(fields["reference"])
                job = existing.get(fields["reference"])
                if job is None:
                    job = Job.objects.create(owner_id=feed.owner_id, source=JobSource.FEED, **fields)
                    created += 1
                    changed.append(job)
                    continue
                diff = {k: v for k, v in fields.items() if getattr(job, k) != v}
                if diff:
                    for name, value in diff.items():
                        setattr(job, name, value)
                    job.save()
                    updated += 1
                    if set(diff) & SCORED_FIELDS:
                        changed.append(job)
            for job in changed:
                job_requirements_changed(job=job)
        status = FeedRunStatus.OK
        message = (
            f"{len(items)} item(s): {created} imported, {updated} updated, "
            f"{len(items) - created - updated - len(errors)} unchanged, {len(errors)} refused"
        )
    finished = timezone.now()
    with transaction.atomic():
        run = JobFeedRun.objects.create(
            feed=feed,
            started_at=started,
            finished_at=finished,
            status=status,
            imported=created,
            updated=updated,
            errors=errors[:FEED_MAX_ERRORS],
            message=message,
        )
        JobFeed.objects.filter(id=feed.id).update(last_run_at=finished, last_status=status)
    feed.last_run_at, feed.last_status = finished, status
    return run
