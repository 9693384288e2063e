"""Jobs and matching services (the matching issue extends this module)."""

from __future__ import annotations

from django.db import IntegrityError, transaction
from django.utils import timezone

from matching.models import Job, JobSource, JobStatus, Match
from matching.scoring import CandidateProfile, JobProfile, Score
from smartcv.errors import ApplicationError
from smartcv.models import User


def _weighted(skills: list[str], weight: float) -> list[dict]:
    return [{"skill": name, "weight": weight} for name in skills]


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
        required_skills=_weighted(parsed.required_skills, 1.0),
        nice_to_have_skills=_weighted(parsed.nice_to_have_skills, 0.5),
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
    )


def candidate_profile_of(fields: dict) -> CandidateProfile:
    """A scoring profile from a candidate's parsed fields (a dict of Candidate columns)."""
    from matching.scoring import EDUCATION_RANK, candidate_profile
    from parsing.reader_fields import education_level

    work = fields.get("work_history") or []
    titles = [fields.get("current_title") or ""] + [
        w.get("title") or "" for w in work if isinstance(w, dict)
    ]
    levels = [
        education_level(e.get("degree") or "")
        for e in fields.get("education") or []
        if isinstance(e, dict)
    ]
    levels = [lvl for lvl in levels if lvl]
    return candidate_profile(
        skills=fields.get("skills") or [],
        titles=titles,
        years=fields.get("years_of_experience"),
        education_level=max(levels, key=EDUCATION_RANK.__getitem__) if levels else None,
        location=fields.get("location") or "",
    )


PROFILE_COLUMNS = (
    "id",
    "skills",
    "current_title",
    "work_history",
    "years_of_experience",
    "education",
    "location",
)


def score_candidates(*, job: Job, candidates) -> list[tuple[object, Score]]:
    """Score candidate rows (dicts with PROFILE_COLUMNS) against one job, in memory."""
    from matching.scoring import score

    profile = job_profile(job)
    return [(row["id"], score(profile, candidate_profile_of(row))) for row in candidates]


def job_match_all(*, job: Job) -> int:
    """(Re)score every parsed candidate of the job's owner and store the matches.

    Idempotent: matches are upserted on (job, candidate), keeping each pipeline status.
    Reads and writes in chunks, so memory stays flat for 100k candidates."""
    from parsing.models import Candidate, ParseStatus

    now = timezone.now()
    count = 0
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
    import json
    import uuid

    from django.db import connection

    scored = score_candidates(job=job, candidates=rows)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(
                """
                INSERT INTO matching_match
                    (id, job_id, candidate_id, total_score, breakdown, pipeline_status,
                     scored_at, created_at, updated_at)
                SELECT ids, %s, candidates, totals, breakdowns, 'new', %s, %s, %s
                FROM unnest(%s::uuid[], %s::uuid[], %s::float8[], %s::jsonb[])
                    AS t(ids, candidates, totals, breakdowns)
                ON CONFLICT (job_id, candidate_id) DO UPDATE SET
                    total_score = EXCLUDED.total_score, breakdown = EXCLUDED.breakdown,
                    scored_at = EXCLUDED.scored_at, updated_at = EXCLUDED.updated_at
                WHERE matching_match.total_score IS DISTINCT FROM EXCLUDED.total_score
                   OR matching_match.breakdown IS DISTINCT FROM EXCLUDED.breakdown
                """,
                [
                    job.id,
                    now,
                    now,
                    now,
                    [uuid.uuid4() for _ in scored],
                    [candidate_id for candidate_id, _ in scored],
                    [result.total for _, result in scored],
                    [json.dumps(result.breakdown) for _, result in scored],
                ],
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
