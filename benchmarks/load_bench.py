"""SmartCV under load, production-shaped, on this machine (loopback only, bounded in time).

    .venv/bin/python benchmarks/load_bench.py                      # everything (~12 min on 2 cores)
    .venv/bin/python benchmarks/load_bench.py --only http --duration 10
    .venv/bin/python benchmarks/load_bench.py --only parse --cvs 1000
    .venv/bin/python benchmarks/load_bench.py --only bulk --pdfs 500

Needs PostgreSQL on 127.0.0.1:5432 (trust auth for ``postgres``; ``--pg-admin-url`` otherwise),
Redis on 127.0.0.1:6379 and ``wrk`` (``apt-get install wrk``; installed here when missing and
running as root). It creates its own database (dropped at exit) and locks a Redis database of
its own (5–15, the lock files scripts/integration.sh uses), migrates, seeds, then starts
gunicorn (4 gthread workers × 2 threads, DEBUG off) and two ``celery -A smartcv worker``
processes (concurrency 1 each), and measures:

1. http: ``wrk`` from a second process against the main list and detail endpoints of every
   dialect and a bare Django view (``/bench/bare``, no database; enabled by
   ``SMARTCV_BENCH_VIEWS``), one after the other against the same server: requests/s, p50,
   p99, non-2xx responses and socket errors.
2. parse: ``--cvs`` CVs from /work/shared/corpus/resumes (cycled) through ``POST /api/v1/parse``
   (5 files per request, 4 concurrent clients), polled until all are completed or failed;
   asserts none lost, none duplicated, one credit charged per CV and one refund per failure.
3. bulk: a bulk batch of ``--pdfs`` PDFs (``POST /api/webhook/generate-pdfs``) to COMPLETED
   with its PDF_GENERATED webhook delivered exactly once to a local receiver.

The bench user is on a bench-only plan created in the bench database (10 M requests/minute):
the rate limiter still runs and counts every request in Redis, it just never refuses.
Exit status 1 when anything was lost, duplicated, refused or failed.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import shutil
import statistics
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _stack import ROOT, Stack, bench_plan_user, corpus_files, log, wait_until

FAILURES: list[str] = []


def check(condition: bool, message: str) -> None:
    if not condition:
        FAILURES.append(message)
        log(f"FAIL: {message}")


# --- seeding --------------------------------------------------------------------------------

FAMILIES = {
    "Backend Engineer": ["Python", "Django", "PostgreSQL", "Redis", "Docker", "Kubernetes", "AWS"],
    "Frontend Developer": ["JavaScript", "TypeScript", "React", "Vue.js", "CSS", "HTML"],
    "Java Developer": ["Java", "Spring Boot", "Hibernate", "Maven", "MySQL", "Docker"],
    "Data Scientist": ["Python", "Pandas", "scikit-learn", "TensorFlow", "SQL", "Spark"],
    "Accountant": ["Accounting", "Excel", "SAP", "Auditing", "Financial Reporting"],
}
CITIES = ["Paris, France", "Lyon, France", "Berlin, Germany", "Madrid, Spain", "Remote"]


def _document() -> dict:
    return json.loads((ROOT / "rendering/tests/data/full_resume.json").read_text(encoding="utf-8"))


def seed_http(*, candidates: int, resumes: int, jobs: int) -> dict:
    """The owner of everything the http endpoints show: candidates, resumes, jobs, matches."""
    from matching.models import Job
    from matching.services import job_create, job_match_all
    from parsing.models import Candidate, CandidateSkill, ParseStatus
    from resumes.document import validate_document
    from resumes.services import profile_publish, resume_create

    started = time.monotonic()
    user, key = bench_plan_user("loadbench")
    rng = random.Random(8)
    raw = _document()
    document = validate_document(raw)
    rows = []
    for i in range(candidates):
        family = rng.choice(list(FAMILIES))
        skills = [s for s in FAMILIES[family] if rng.random() < 0.7] or FAMILIES[family][:2]
        rows.append(
            Candidate(
                owner=user,
                full_name=f"Candidate {i}",
                email=f"c{i}@example.com",
                parsing_status=ParseStatus.COMPLETED,
                skills=skills,
                current_title=family,
                years_of_experience=round(rng.uniform(0, 15), 1),
                location=rng.choice(CITIES),
                education=[{"institution": "Université", "degree": "Master of Science", "field": ""}],
                work_history=[
                    {"company": "Co", "title": family, "start_date": "2018-01", "end_date": ""}
                ],
                document=raw,
                original_filename=f"cv{i}.pdf",
            )
        )
    created = Candidate.objects.bulk_create(rows, batch_size=500)
    CandidateSkill.objects.bulk_create(
        [CandidateSkill(candidate=c, skill=s.lower()) for c in created for s in c.skills]
    )
    for i in range(resumes):
        resume_create(owner=user, title=f"Resume {i}", document=document)
    job_ids = []
    for i in range(jobs):
        family = list(FAMILIES)[i % len(FAMILIES)]
        job = job_create(
            owner=user,
            data={
                "title": f"{family} {i}",
                "reference": f"LOAD-{i}",
                "description": f"We hire a {family}.",
                "required_skills": [{"skill": s, "weight": 1.0} for s in FAMILIES[family][:3]],
                "nice_to_have_skills": [{"skill": s, "weight": 0.5} for s in FAMILIES[family][3:]],
                "min_experience_years": 2,
                "max_experience_years": 10,
            },
        )
        job_match_all(job=job)
        job_ids.append(str(job.id))
    profile_publish(user=user, document=document)
    from resumes.models import Resume

    log(
        f"seeded {candidates} candidates, {resumes} resumes, {jobs} jobs with matches "
        f"in {time.monotonic() - started:.1f} s"
    )
    return {
        "key": key,
        "username": user.username,
        "candidate": str(created[len(created) // 2].id),
        "resume": str(Resume.objects.filter(owner=user).order_by("id")[resumes // 2].id),
        "job": job_ids[len(job_ids) // 2],
        "job_reference": Job.objects.get(id=job_ids[0]).reference,
    }


# --- 1. http --------------------------------------------------------------------------------


def endpoints(seeded: dict) -> list[tuple[str, str, str, bool]]:
    """(dialect, what, path, needs key)."""
    return [
        ("django", "bare view (no DB)", "/bench/bare", False),
        ("smartcv", "GET /api/resumes", "/api/resumes", True),
        ("smartcv", "GET /api/resumes/{id}", f"/api/resumes/{seeded['resume']}", True),
        ("profile", "GET /u/{username}.json", f"/u/{seeded['username']}.json", False),
        ("parserpro", "GET /api/v1/candidates", "/api/v1/candidates", True),
        ("parserpro", "GET /api/v1/candidates/{id}", f"/api/v1/candidates/{seeded['candidate']}", True),
        ("parserpro", "GET /api/v1/jobs", "/api/v1/jobs", True),
        ("parserpro", "GET /api/v1/jobs/{id}", f"/api/v1/jobs/{seeded['job']}", True),
        ("reader", "GET /api/jobs/api-key/my", "/api/jobs/api-key/my", True),
        ("reader", "GET /api/jobs/api-key/my/{id}", f"/api/jobs/api-key/my/{seeded['job']}", True),
        (
            "reader",
            "GET /api/scores/resumes-for-job/{ref}",
            f"/api/scores/resumes-for-job/{seeded['job_reference']}",
            True,
        ),
    ]


_UNITS = {"us": 1e-3, "ms": 1.0, "s": 1000.0, "m": 60_000.0}


def _ms(text: str) -> float:
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text).groups()
    return float(number) * _UNITS[unit]


def parse_wrk(output: str) -> dict:
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    p50 = _ms(re.search(r"^\s+50%\s+(\S+)", output, re.M).group(1))
    p99 = _ms(re.search(r"^\s+99%\s+(\S+)", output, re.M).group(1))
    total = int(re.search(r"(\d+) requests in", output).group(1))
    non2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", output)
    sockets = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output)
    return {
        "rps": rps,
        "p50": p50,
        "p99": p99,
        "requests": total,
        "non2xx": int(non2xx.group(1)) if non2xx else 0,
        "socket_errors": sum(int(n) for n in sockets.groups()) if sockets else 0,
    }


def ensure_wrk() -> str:
    found = shutil.which("wrk")
    if found:
        return found
    log("wrk is missing: apt-get install -y wrk")
    subprocess.run(["apt-get", "install", "-y", "-q", "wrk"], check=True, stdout=subprocess.DEVNULL)
    return shutil.which("wrk") or sys.exit("wrk could not be installed; apt-get install wrk")


def run_http(stack: Stack, seeded: dict, *, duration: int, connections: int) -> list[dict]:
    import requests

    wrk = ensure_wrk()
    rows = []
    for dialect, what, path, keyed in endpoints(seeded):
        url = stack.base_url + path
        headers = {"X-API-Key": seeded["key"]} if keyed else {}
        probe = requests.get(url, headers=headers, timeout=10)
        check(probe.status_code == 200, f"{what}: probe answered {probe.status_code}")
        args = [wrk, "-t1", f"-c{connections}", f"-d{duration}s", "--latency", "--timeout", "10s"]
        if keyed:
            args += ["-H", f"X-API-Key: {seeded['key']}"]
        output = subprocess.run(
            [*args, url], capture_output=True, text=True, check=True, timeout=duration + 60
        ).stdout
        result = {"dialect": dialect, "what": what, **parse_wrk(output)}
        check(result["non2xx"] == 0, f"{what}: {result['non2xx']} non-2xx responses")
        check(result["socket_errors"] == 0, f"{what}: {result['socket_errors']} socket errors")
        log(
            f"{what:<40} {result['rps']:8.1f} req/s  p50 {result['p50']:7.1f} ms  "
            f"p99 {result['p99']:7.1f} ms  non-2xx {result['non2xx']}"
        )
        rows.append(result)
    return rows


def print_http_table(rows: list[dict], *, duration: int, connections: int) -> None:
    print(f"\nHTTP: wrk -t1 -c{connections} -d{duration}s per endpoint, one after the other")
    print(
        f"| {'dialect':<9} | {'endpoint':<40} | {'req/s':>8} | {'p50 ms':>7} | {'p99 ms':>7} "
        f"| {'requests':>8} | {'non-2xx':>7} |"
    )
    print(f"|{'-' * 11}|{'-' * 42}|{'-' * 10}|{'-' * 9}|{'-' * 9}|{'-' * 10}|{'-' * 9}|")
    for r in rows:
        print(
            f"| {r['dialect']:<9} | {r['what']:<40} | {r['rps']:8.1f} | {r['p50']:7.1f} | "
            f"{r['p99']:7.1f} | {r['requests']:8d} | {r['non2xx'] + r['socket_errors']:7d} |"
        )


# --- 2. parse -------------------------------------------------------------------------------


def run_parse(stack: Stack, *, count: int, per_request: int, clients: int, timeout: float) -> dict:
    import requests
    from django.db.models import Count, Sum

    from matching.services import job_create
    from parsing.models import Candidate, ParseStatus
    from smartcv.models import CreditLedgerEntry

    user, key = bench_plan_user("parsebench")
    for i, family in enumerate(list(FAMILIES)[:3]):
        job_create(
            owner=user,
            data={
                "title": family,
                "reference": f"PARSE-{i}",
                "required_skills": [{"skill": s, "weight": 1.0} for s in FAMILIES[family][:3]],
            },
        )
    files = corpus_files()
    payloads = [(p.name, p.read_bytes()) for p in files]
    batches = [
        [payloads[(start + i) % len(payloads)] for i in range(min(per_request, count - start))]
        for start in range(0, count, per_request)
    ]
    session = requests.Session()
    errors: list[str] = []

    def upload(batch) -> list[str]:
        response = session.post(
            f"{stack.base_url}/api/v1/parse",
            headers={"X-API-Key": key},
            files=[("files", (name, data)) for name, data in batch],
            timeout=120,
        )
        if response.status_code != 201:
            errors.append(f"{response.status_code} {response.text[:200]}")
            return []
        return [c["id"] for c in response.json()["candidates"]]

    log(f"parse: uploading {count} CVs ({len(files)} distinct files), {per_request} per request")
    started = time.monotonic()
    with ThreadPoolExecutor(clients) as pool:
        ids = [cid for chunk in pool.map(upload, batches) for cid in chunk]
    uploaded = time.monotonic() - started
    check(not errors, f"parse uploads refused: {errors[:3]}")
    check(len(ids) == count, f"parse: {len(ids)} candidates accepted of {count}")
    check(len(set(ids)) == len(ids), "parse: duplicate candidate ids returned")

    terminal = (ParseStatus.COMPLETED, ParseStatus.FAILED)

    def done() -> bool:
        open_count = Candidate.objects.filter(id__in=ids).exclude(parsing_status__in=terminal).count()
        return open_count == 0

    try:
        wait_until(done, timeout=timeout, interval=1, what="every CV completed or failed")
    except TimeoutError as exc:
        check(False, f"parse: {exc}")
    finished = time.monotonic() - started
    rows = Candidate.objects.filter(owner=user)
    statuses = dict(rows.values_list("parsing_status").annotate(n=Count("id")))
    check(rows.count() == len(ids), f"parse: {rows.count()} candidate rows for {len(ids)} accepted")
    check(
        set(map(str, rows.values_list("id", flat=True))) == set(ids),
        "parse: candidate rows differ from the accepted ids",
    )
    completed = statuses.get(ParseStatus.COMPLETED, 0)
    failed = statuses.get(ParseStatus.FAILED, 0)
    check(completed + failed == len(ids), f"parse: statuses {statuses}")
    ledger = CreditLedgerEntry.objects.filter(user=user)
    charged = ledger.filter(operation="parse").aggregate(s=Sum("amount"))["s"] or 0
    refunds = list(ledger.filter(operation="parse_failed").values_list("reference", flat=True))
    check(charged == len(ids), f"parse: {charged} credits charged for {len(ids)} CVs")
    check(len(refunds) == failed, f"parse: {len(refunds)} refunds for {failed} failed CVs")
    check(len(set(refunds)) == len(refunds), "parse: a failed CV was refunded twice")
    net = ledger.aggregate(s=Sum("amount"))["s"] or 0
    check(net == completed, f"parse: net credits {net} for {completed} completed CVs")
    from smartcv.services import usage_period_current

    check(
        usage_period_current(user).credits_used == completed,
        "parse: the usage period's credits_used differs from the completed CVs",
    )
    latencies = sorted(
        (c.parsed_at - c.created_at).total_seconds()
        for c in rows.only("created_at", "parsed_at")
        if c.parsed_at
    )
    failures = {}
    for errs in rows.filter(parsing_status=ParseStatus.FAILED).values_list("parsing_errors", flat=True):
        code = (errs or [{}])[0].get("code", "?")
        failures[code] = failures.get(code, 0) + 1
    result = {
        "cvs": len(ids),
        "completed": completed,
        "failed": failed,
        "failure_codes": failures,
        "upload_s": uploaded,
        "upload_rate": len(ids) / uploaded,
        "total_s": finished,
        "parse_rate": len(ids) / finished,
        "latency_p50": statistics.median(latencies) if latencies else None,
        "latency_p99": latencies[int(len(latencies) * 0.99) - 1] if latencies else None,
        "charged": charged,
        "refunded": len(refunds),
    }
    log(f"parse: {result}")
    return result


# --- 3. bulk PDFs ---------------------------------------------------------------------------


def run_bulk(stack: Stack, *, count: int, timeout: float) -> dict:
    import requests
    from django.db.models import Sum

    from parsing.models import Candidate, ParseStatus
    from smartcv.models import CreditLedgerEntry
    from smartcv.tests.http_receiver import Receiver
    from webhooks.models import WebhookDelivery
    from webhooks.services import endpoint_create

    receiver = Receiver().start()
    try:
        user, key = bench_plan_user("pdfbench")
        endpoint_create(owner=user, url=receiver.url(), pdf_generated=True)
        raw = _document()
        candidates = Candidate.objects.bulk_create(
            [
                Candidate(owner=user, parsing_status=ParseStatus.COMPLETED, document=raw)
                for _ in range(count)
            ]
        )
        ids = [str(c.id) for c in candidates]
        headers = {"X-API-Key": key}
        started = time.monotonic()
        response = requests.post(
            f"{stack.base_url}/api/webhook/generate-pdfs", json=ids, headers=headers, timeout=60
        )
        check(response.status_code == 202, f"bulk: {response.status_code} {response.text[:200]}")
        if response.status_code != 202:
            return {}
        job = response.json()["jobId"]
        status: dict = {}

        def completed() -> bool:
            nonlocal status
            status = requests.get(
                f"{stack.base_url}/api/webhook/generate-pdfs/{job}", headers=headers, timeout=30
            ).json()
            return status.get("status") in ("COMPLETED", "PARTIAL", "FAILED")

        try:
            wait_until(completed, timeout=timeout, interval=1, what="bulk batch completed")
        except TimeoutError as exc:
            check(False, f"bulk: {exc} ({status.get('processed')}/{count} processed)")
        rendered = time.monotonic() - started
        try:
            wait_until(lambda: receiver.received, timeout=60, interval=0.2, what="webhook")
        except TimeoutError as exc:
            check(False, f"bulk: {exc}")
        delivered = time.monotonic() - started
        time.sleep(5)  # a duplicate would arrive now
        check(status.get("status") == "COMPLETED", f"bulk: batch ended {status.get('status')}")
        check(status.get("processed") == count, f"bulk: {status.get('processed')} of {count} processed")
        check(len(receiver.received) == 1, f"bulk: {len(receiver.received)} webhooks received")
        if receiver.received:
            payload = json.loads(receiver.received[0].body)
            check(payload.get("succeeded") == count, f"bulk: webhook says {payload.get('succeeded')}")
        deliveries = WebhookDelivery.objects.filter(owner=user)
        check(deliveries.count() == 1, f"bulk: {deliveries.count()} delivery rows")
        ledger = CreditLedgerEntry.objects.filter(user=user, operation="pdf_generate")
        charged = ledger.aggregate(s=Sum("amount"))["s"] or 0
        references = list(ledger.values_list("reference", flat=True))
        check(charged == count, f"bulk: {charged} credits charged for {count} PDFs")
        check(len(set(references)) == len(references), "bulk: a PDF was charged twice")
        result = {
            "pdfs": count,
            "completed_s": rendered,
            "webhook_s": delivered,
            "pdf_rate": count / rendered,
            "charged": charged,
            "webhooks": len(receiver.received),
        }
        log(f"bulk: {result}")
        return result
    finally:
        receiver.stop()


# --- main -----------------------------------------------------------------------------------


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", choices=["http", "parse", "bulk"], action="append")
    parser.add_argument("--duration", type=int, default=10, help="seconds of wrk per endpoint")
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--candidates", type=int, default=300)
    parser.add_argument("--resumes", type=int, default=200)
    parser.add_argument("--jobs", type=int, default=50)
    parser.add_argument("--cvs", type=int, default=1000)
    parser.add_argument("--pdfs", type=int, default=500)
    parser.add_argument("--pg-admin-url", default="postgresql://postgres@127.0.0.1:5432/postgres")
    parser.add_argument("--redis-port", type=int, default=6379)
    args = parser.parse_args()
    parts = args.only or ["http", "parse", "bulk"]

    stack = Stack(pg_admin_url=args.pg_admin_url, redis_port=args.redis_port, name="load")
    stack.prepare()
    from smartcv.services import plans_sync

    plans_sync()
    stack.start_worker("load1")
    stack.start_worker("load2")
    stack.start_gunicorn(workers=4, threads=2)
    stack.wait_workers(2)
    log(f"gunicorn on {stack.base_url} (4 gthread workers × 2 threads), 2 celery workers")

    http_rows, parse, bulk = [], {}, {}
    if "http" in parts:
        seeded = seed_http(candidates=args.candidates, resumes=args.resumes, jobs=args.jobs)
        http_rows = run_http(stack, seeded, duration=args.duration, connections=args.connections)
    if "parse" in parts:
        parse = run_parse(
            stack, count=args.cvs, per_request=5, clients=4, timeout=max(600, args.cvs * 2.0)
        )
    if "bulk" in parts:
        bulk = run_bulk(stack, count=args.pdfs, timeout=max(300, args.pdfs * 2.0))
    stack.close()

    if http_rows:
        print_http_table(http_rows, duration=args.duration, connections=args.connections)
    if parse:
        print(
            f"\nParse: {parse['cvs']} CVs accepted in {parse['upload_s']:.1f} s "
            f"({parse['upload_rate']:.1f} CVs/s), all finished {parse['total_s']:.1f} s after the "
            f"first upload ({parse['parse_rate']:.2f} CVs/s); {parse['completed']} completed, "
            f"{parse['failed']} failed {parse['failure_codes']}; upload→parsed p50 "
            f"{parse['latency_p50']:.1f} s, p99 {parse['latency_p99']:.1f} s; credits charged "
            f"{parse['charged']}, refunded {parse['refunded']}"
        )
    if bulk:
        print(
            f"\nBulk: {bulk['pdfs']} PDFs 202→COMPLETED in {bulk['completed_s']:.1f} s "
            f"({bulk['pdf_rate']:.1f} PDFs/s), webhook received after {bulk['webhook_s']:.1f} s, "
            f"{bulk['webhooks']} webhook(s), {bulk['charged']} credits"
        )
    if FAILURES:
        print("\nFAILURES:\n  " + "\n  ".join(FAILURES))
        return 1
    print("\nNo errors, nothing lost or duplicated.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
