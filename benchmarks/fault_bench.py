"""Fault injection against the production-shaped stack, on private PostgreSQL and Redis.

    .venv/bin/python benchmarks/fault_bench.py                 # every scenario (~10 min on 2 cores)
    .venv/bin/python benchmarks/fault_bench.py --only kill-parse --only outage

Starts its OWN PostgreSQL (initdb into a temporary directory, as the ``postgres`` system user
when run as root) and its own ``redis-server --save ''`` on free ports — the machine's shared
servers on 5432/6379 are never touched — then gunicorn (2 workers), Celery workers and beat,
and a local webhook receiver. Everything is stopped and removed at exit.

Scenarios (each prints PASS/FAIL lines; exit status 1 on any FAIL):

kill-parse   40 CVs through the reader's async parser (one PARSER_RESULTS webhook each); the
             worker is killed with SIGKILL (its whole process group) mid-run and a new one
             started. Every CV ends completed or failed exactly once: one candidate row each,
             one charge each, one refund per failure, one webhook delivery row per CV, every
             delivery delivered, and each delivery id the receiver saw belongs to one CV.
kill-child   the same, but only the worker's pool processes are killed (an OOM kill, a crash
             in a native library): the worker replaces them and nothing is lost either.
kill-bulk    a bulk batch of 100 PDFs; the worker is killed mid-batch and a new one started.
             The batch completes, every item DONE and charged once, one PDF_GENERATED delivery.
outage       Redis, then PostgreSQL, stopped for ~10 s while CVs are in flight: every API
             request made meanwhile answers 503 in its dialect's envelope within 5 s (no hang,
             no HTML traceback page); after the restart the system recovers by itself (the
             worker reconnects, candidates whose queue messages died with Redis are queued
             again by beat) and every CV finishes exactly once.
webhooks     receivers answering 500, too slow (beyond the attempt timeout) and down: each is
             attempted on the schedule (1, 2, 4 s here) and then recorded failed; a healthy
             endpoint emitted at the same time is delivered at once.

The run shortens three settings through the environment so it finishes in minutes:
SMARTCV_PARSE_STALE_SECONDS=20 and SMARTCV_PDF_STALE_SECONDS=20 (production: 300 and 600 —
how long a claim may be held before beat hands it to another worker),
SMARTCV_WEBHOOK_TIMEOUT=3 and SMARTCV_WEBHOOK_RETRY_DELAYS=1,2,4 (production: 10 s and
30 s, 2 min, 10 min, 1 h, 6 h).
"""

from __future__ import annotations

import argparse
import contextlib
import glob
import itertools
import json
import os
import pwd
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

import requests

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _stack import (
    Stack,
    bench_plan_user,
    corpus_files,
    free_port,
    log,
    wait_until,
)

RESULTS: list[tuple[str, bool, str]] = []
ENV = {
    "SMARTCV_PARSE_STALE_SECONDS": "20",
    "SMARTCV_PDF_STALE_SECONDS": "20",
    "SMARTCV_WEBHOOK_TIMEOUT": "3",
    "SMARTCV_WEBHOOK_RETRY_DELAYS": "1,2,4",
}


def check(scenario: str, condition: bool, message: str) -> bool:
    RESULTS.append((scenario, bool(condition), message))
    log(f"{'PASS' if condition else 'FAIL'} [{scenario}] {message}")
    return bool(condition)


# --- private servers ------------------------------------------------------------------------


class PrivatePostgres:
    """initdb + pg_ctl in a temporary directory on a free port (trust auth, loopback)."""

    def __init__(self) -> None:
        versions = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
        if not versions:
            sys.exit("no /usr/lib/postgresql/*/bin/initdb: apt-get install postgresql")
        self.bin = Path(versions[-1]).parent
        self.dir = Path(tempfile.mkdtemp(prefix="smartcv-faults-pg."))
        self.data = self.dir / "data"
        self.port = free_port()
        self.as_postgres = os.geteuid() == 0
        if self.as_postgres:
            uid = pwd.getpwnam("postgres").pw_uid
            os.chown(self.dir, uid, -1)

    def _run(self, *args: str) -> None:
        command = [str(self.bin / args[0]), *args[1:]]
        if self.as_postgres:
            command = ["runuser", "-u", "postgres", "--", *command]
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL, cwd="/")

    def init(self) -> None:
        self._run("initdb", "-D", str(self.data), "-U", "postgres", "--auth=trust", "-E", "UTF8")
        self.start()

    def start(self) -> None:
        options = f"-p {self.port} -k {self.dir} -c listen_addresses=127.0.0.1 -c fsync=off"
        self._run(
            "pg_ctl", "-D", str(self.data), "-o", options, "-l", str(self.dir / "pg.log"), "-w", "start"
        )

    def stop(self) -> None:
        self._run("pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "stop")

    @property
    def admin_url(self) -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/postgres"

    def destroy(self) -> None:
        with contextlib.suppress(subprocess.CalledProcessError):  # already stopped
            self.stop()
        shutil.rmtree(self.dir, ignore_errors=True)


class PrivateRedis:
    def __init__(self) -> None:
        self.port = free_port()
        self.dir = Path(tempfile.mkdtemp(prefix="smartcv-faults-redis."))
        self.process: subprocess.Popen | None = None

    def start(self) -> None:
        self.process = subprocess.Popen(
            [
                "redis-server",
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                str(self.dir),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        import redis

        client = redis.Redis(port=self.port)
        wait_until(lambda: _pings(client), timeout=20, interval=0.2, what="private redis up")

    def stop(self) -> None:
        if self.process is not None:
            self.process.terminate()
            self.process.wait(timeout=20)
            self.process = None

    def destroy(self) -> None:
        self.stop()
        shutil.rmtree(self.dir, ignore_errors=True)


def _pings(client) -> bool:
    try:
        return bool(client.ping())
    except Exception:  # not up yet
        return False


# --- helpers --------------------------------------------------------------------------------


def upload_async(stack: Stack, key: str, count: int) -> list[str]:
    """``count`` CVs (corpus, cycled) through POST /api/v1/parser/async; their ids."""
    payloads = [(p.name, p.read_bytes()) for p in corpus_files()]
    ids = []
    for i in range(count):
        name, data = payloads[i % len(payloads)]
        response = requests.post(
            f"{stack.base_url}/api/v1/parser/async",
            headers={"Authorization": f"ApiKey {key}"},
            files={"file": (name, data)},
            timeout=60,
        )
        assert response.status_code == 202, (response.status_code, response.text[:300])
        ids.append(response.json()["id"])
    return ids


def wait_terminal(ids: list[str], timeout: float) -> bool:
    from parsing.models import Candidate, ParseStatus

    def done() -> bool:
        return (
            not Candidate.objects.filter(id__in=ids)
            .exclude(parsing_status__in=(ParseStatus.COMPLETED, ParseStatus.FAILED))
            .exists()
        )

    try:
        wait_until(done, timeout=timeout, interval=1, what="every CV finished")
    except TimeoutError:
        return False
    return True


def check_parse_once(scenario: str, user, ids: list[str], receiver=None) -> None:
    """Every candidate finished once: rows, charges, refunds (and webhooks, if a receiver)."""
    from django.db.models import Count, Sum

    from parsing.models import Candidate, ParseStatus
    from smartcv.models import CreditLedgerEntry
    from webhooks.models import DeliveryStatus, WebhookDelivery

    rows = Candidate.objects.filter(owner=user)
    statuses = dict(rows.values_list("parsing_status").annotate(n=Count("id")))
    completed = statuses.get(ParseStatus.COMPLETED, 0)
    failed = statuses.get(ParseStatus.FAILED, 0)
    check(
        scenario,
        rows.count() == len(ids) == len(set(ids)),
        f"{rows.count()} candidate rows for {len(ids)} CVs",
    )
    check(scenario, completed + failed == len(ids), f"all finished: {statuses}")
    ledger = CreditLedgerEntry.objects.filter(user=user)
    charged = ledger.filter(operation="parse").aggregate(s=Sum("amount"))["s"] or 0
    refunds = list(ledger.filter(operation="parse_failed").values_list("reference", flat=True))
    check(scenario, charged == len(ids), f"{charged} credits charged for {len(ids)} CVs")
    check(
        scenario,
        len(refunds) == len(set(refunds)) == failed,
        f"{len(refunds)} refunds ({len(set(refunds))} distinct) for {failed} failed CVs",
    )
    if receiver is None:
        return
    deliveries = WebhookDelivery.objects.filter(owner=user)
    per_reference = Counter(deliveries.values_list("reference", flat=True))
    check(
        scenario,
        set(per_reference) == set(ids) and set(per_reference.values()) == {1},
        f"one webhook delivery row per CV ({len(per_reference)} CVs, max "
        f"{max(per_reference.values(), default=0)} per CV)",
    )
    settle(
        lambda: not deliveries.exclude(status=DeliveryStatus.DELIVERED).exists(),
        timeout=150,
        interval=1,
        what="every delivery delivered",
    )
    states = Counter(deliveries.values_list("status", flat=True))
    check(
        scenario, states == Counter({DeliveryStatus.DELIVERED: len(ids)}), f"deliveries: {dict(states)}"
    )
    seen = Counter(r.headers.get("x-webhook-id") for r in receiver.received)
    delivery_ids = {str(d) for d in deliveries.values_list("id", flat=True)}
    resent = {i: n for i, n in seen.items() if n > 1}
    check(
        scenario,
        set(seen) == delivery_ids,
        f"receiver saw {len(seen)} distinct delivery ids for {len(delivery_ids)} deliveries"
        + (f"; resent with the same id after the kill: {len(resent)}" if resent else ""),
    )
    bodies = {}
    for request in receiver.received:
        bodies.setdefault(json.loads(request.body)["id"], set()).add(request.headers.get("x-webhook-id"))
    check(
        scenario,
        all(len(v) == 1 for v in bodies.values()) and set(bodies) == set(ids),
        "each CV's result arrived under exactly one delivery id",
    )


def settle(check, *, timeout: float, interval: float = 1.0, what: str = "condition") -> bool:
    """wait_until that reports instead of raising: the checks that follow say what is wrong."""
    try:
        wait_until(check, timeout=timeout, interval=interval, what=what)
    except TimeoutError:
        return False
    return True


def kill_worker(stack: Stack, key: str) -> None:
    log(f"kill -9 worker {key} (its whole process group)")
    stack.kill(key, signal.SIGKILL)


# --- scenarios ------------------------------------------------------------------------------


def scenario_kill_parse(stack: Stack, *, children_only: bool = False) -> None:
    """kill-parse: SIGKILL the whole worker, start another. kill-child: SIGKILL only its
    pool processes (the worker replaces them, and Celery re-queues their messages)."""
    from parsing.models import Candidate, ParseStatus
    from smartcv.tests.http_receiver import Receiver
    from webhooks.services import endpoint_create

    name = "kill-child" if children_only else "kill-parse"
    receiver = Receiver().start()
    try:
        user, key = bench_plan_user(name.replace("-", ""))
        endpoint_create(owner=user, url=receiver.url(), parser_results=True)
        stack.start_worker("victim", concurrency=2)
        stack.wait_workers(1)
        ids = upload_async(stack, key, 40)
        log(f"{name}: 40 CVs queued")
        mine = Candidate.objects.filter(id__in=ids)
        wait_until(  # kill it while it holds a claimed CV
            lambda: (
                mine.filter(parsing_status=ParseStatus.COMPLETED).count() >= 8
                and mine.filter(parsing_status=ParseStatus.PROCESSING).exists()
            ),
            timeout=120,
            interval=0.05,
            what="8 CVs parsed and one in progress",
        )
        processing = Candidate.objects.filter(id__in=ids, parsing_status=ParseStatus.PROCESSING).count()
        started = time.monotonic()
        if children_only:
            pids = stack.child_pids("worker-victim")
            log(f"{name}: kill -9 the pool processes {pids} with {processing} CVs processing")
            for pid in pids:
                os.kill(pid, signal.SIGKILL)
        else:
            kill_worker(stack, "worker-victim")
            log(f"{name}: killed with {processing} CVs processing; starting a new worker")
            stack.start_worker("rescuer", concurrency=2)
        finished = wait_terminal(ids, timeout=240)
        check(name, finished, f"every CV finished {time.monotonic() - started:.0f} s after the kill")
        check_parse_once(name, user, ids, receiver)
    finally:
        stack.kill("worker-victim")
        stack.kill("worker-rescuer", signal.SIGTERM)
        receiver.stop()


def scenario_kill_bulk(stack: Stack) -> None:
    from django.db.models import Sum

    from parsing.models import Candidate, ParseStatus
    from rendering.models import PdfBatch, PdfBatchItem
    from smartcv.models import CreditLedgerEntry
    from smartcv.tests.http_receiver import Receiver
    from webhooks.models import DeliveryStatus, WebhookDelivery
    from webhooks.services import endpoint_create

    name = "kill-bulk"
    count = 100
    receiver = Receiver().start()
    try:
        user, key = bench_plan_user("faultbulk")
        endpoint_create(owner=user, url=receiver.url(), pdf_generated=True)
        document = json.loads(
            (Path(__file__).resolve().parents[1] / "rendering/tests/data/full_resume.json").read_text()
        )
        ids = [
            str(c.id)
            for c in Candidate.objects.bulk_create(
                [
                    Candidate(owner=user, parsing_status=ParseStatus.COMPLETED, document=document)
                    for _ in range(count)
                ]
            )
        ]
        stack.start_worker("victim", concurrency=2)
        stack.wait_workers(1)
        response = requests.post(
            f"{stack.base_url}/api/webhook/generate-pdfs",
            json=ids,
            headers={"X-API-Key": key},
            timeout=60,
        )
        assert response.status_code == 202, response.text[:300]
        batch = PdfBatch.objects.get(id=response.json()["jobId"])
        items = PdfBatchItem.objects.filter(batch=batch)
        wait_until(
            lambda: items.filter(status=PdfBatchItem.Status.DONE).count() >= 15,
            timeout=120,
            interval=0.1,
            what="15 PDFs made",
        )
        kill_worker(stack, "worker-victim")
        log(f"{name}: killed with {items.filter(status=PdfBatchItem.Status.DONE).count()}/{count} done")
        started = time.monotonic()
        stack.start_worker("rescuer", concurrency=2)
        settle(
            lambda: PdfBatch.objects.filter(id=batch.id, completed_at__isnull=False).exists(),
            timeout=300,
            interval=1,
            what="batch completed",
        )
        batch.refresh_from_db()
        check(
            name,
            batch.status == PdfBatch.Status.COMPLETED,
            f"batch {batch.status} {time.monotonic() - started:.0f} s after the kill",
        )
        done = items.filter(status=PdfBatchItem.Status.DONE).count()
        check(name, done == count, f"{done}/{count} items done")
        ledger = CreditLedgerEntry.objects.filter(user=user, operation="pdf_generate")
        charged = ledger.aggregate(s=Sum("amount"))["s"] or 0
        refs = list(ledger.values_list("reference", flat=True))
        check(
            name,
            charged == count and len(set(refs)) == count,
            f"{charged} credits for {count} PDFs, {len(set(refs))} distinct",
        )
        deliveries = WebhookDelivery.objects.filter(owner=user)
        settle(
            lambda: deliveries.filter(status=DeliveryStatus.DELIVERED).exists(),
            timeout=90,
            what="delivered",
        )
        time.sleep(3)
        check(name, deliveries.count() == 1, f"{deliveries.count()} PDF_GENERATED delivery rows")
        seen = {r.headers.get("x-webhook-id") for r in receiver.received}
        check(
            name,
            len(seen) == 1 and seen == {str(d.id) for d in deliveries},
            f"receiver got {len(receiver.received)} request(s) under {len(seen)} delivery id(s)",
        )
    finally:
        stack.kill("worker-victim")
        stack.kill("worker-rescuer", signal.SIGTERM)
        receiver.stop()


OUTAGE_PROBES = [
    ("smartcv", "/api/resumes", lambda b: b.get("code") == "SERVICE_UNAVAILABLE"),
    (
        "parserpro",
        "/api/v1/candidates",
        lambda b: b.get("error", {}).get("code") == "service_unavailable",
    ),
    (
        "reader",
        "/api/jobs/api-key/my",
        lambda b: b.get("status") == 503 and b.get("code") == "SERVICE_UNAVAILABLE",
    ),
]


def probe_outage(stack: Stack, key: str, name: str, what: str) -> None:
    for dialect, path, shape in OUTAGE_PROBES:
        started = time.monotonic()
        try:
            response = requests.get(stack.base_url + path, headers={"X-API-Key": key}, timeout=30)
        except requests.RequestException as exc:
            check(name, False, f"{what} down: {dialect} {path} raised {exc.__class__.__name__}")
            continue
        took = time.monotonic() - started
        try:
            body = response.json()
        except ValueError:
            body = {}
        check(
            name,
            response.status_code == 503 and shape(body) and took < 5,
            f"{what} down: {dialect} {path} → {response.status_code} "
            f"{response.headers.get('Content-Type')} in {took:.2f} s",
        )
    response = requests.post(
        f"{stack.base_url}/api/v1/parse",
        headers={"X-API-Key": key},
        files={"files": ("cv.txt", b"Jane Doe\njane@example.com\nPython developer")},
        timeout=30,
    )
    check(name, response.status_code == 503, f"{what} down: upload → {response.status_code}")


def scenario_outage(stack: Stack, pg: PrivatePostgres, rd: PrivateRedis) -> None:
    from django.db import connections

    name = "outage"
    user, key = bench_plan_user("faultoutage")
    stack.start_worker("steady", concurrency=2)
    stack.wait_workers(1)
    payloads = [(p.name, p.read_bytes()) for p in corpus_files()]

    def upload(n: int, offset: int) -> list[str]:
        files = [("files", payloads[(offset + i) % len(payloads)]) for i in range(n)]
        response = requests.post(
            f"{stack.base_url}/api/v1/parse", headers={"X-API-Key": key}, files=files, timeout=60
        )
        assert response.status_code == 201, response.text[:300]
        return [c["id"] for c in response.json()["candidates"]]

    try:
        ids = upload(10, 0) + upload(10, 10)
        log(f"{name}: 20 CVs queued; stopping Redis for 10 s")
        rd.stop()
        probe_outage(stack, key, name, "Redis")
        time.sleep(8)
        rd.start()
        log(f"{name}: Redis back (empty: its queued messages are gone)")
        ok = wait_until(lambda: _answers(stack, key), timeout=60, interval=1, what="API answering again")
        check(name, ok, "API answers 200 again after Redis restarts")
        ids += upload(10, 20)
        log(f"{name}: 10 more CVs queued; stopping PostgreSQL for 10 s")
        connections.close_all()
        pg.stop()
        probe_outage(stack, key, name, "PostgreSQL")
        time.sleep(8)
        pg.start()
        log(f"{name}: PostgreSQL back")
        check(
            name,
            wait_until(lambda: _answers(stack, key), timeout=60, interval=1, what="API answering"),
            "API answers 200 again after PostgreSQL restarts",
        )
        started = time.monotonic()
        finished = wait_terminal(ids, timeout=240)
        check(
            name,
            finished,
            f"every CV finished {time.monotonic() - started:.0f} s after the restarts, by itself",
        )
        from smartcv.models import User

        check_parse_once(name, User.objects.get(pk=user.pk), ids)
    finally:
        stack.kill("worker-steady", signal.SIGTERM)


def _answers(stack: Stack, key: str) -> bool:
    try:
        return (
            requests.get(
                f"{stack.base_url}/api/v1/candidates", headers={"X-API-Key": key}, timeout=5
            ).status_code
            == 200
        )
    except requests.RequestException:
        return False


def scenario_webhooks(stack: Stack) -> None:
    from django.db import transaction

    from smartcv.tests.http_receiver import Receiver, Reply
    from webhooks.models import DeliveryStatus, WebhookDelivery, WebhookEvent
    from webhooks.services import emit, endpoint_create

    name = "webhooks"
    stack.start_worker("hooks", concurrency=2)
    stack.wait_workers(1)
    failing = Receiver().start()
    failing.reply(Reply(status=500, body=b"boom"))
    slow = Receiver().start()
    slow.reply(Reply(status=200, delay=5.0))  # beyond the 3 s attempt timeout
    healthy = Receiver().start()
    down_port = free_port()  # nothing listens there
    try:
        owners = {}
        for label, url in (
            ("500", failing.url()),
            ("slow", slow.url()),
            ("down", f"http://127.0.0.1:{down_port}/hook"),
            ("healthy", healthy.url()),
        ):
            user, _ = bench_plan_user(f"hook{label}")
            endpoint_create(owner=user, url=url, scores=True)
            owners[label] = user
        started = time.monotonic()
        deliveries = {}
        for label, user in owners.items():
            with transaction.atomic():
                (deliveries[label],) = emit(
                    owner=user, event=WebhookEvent.SCORES, payload={"case": label}
                )
        wait_until(
            lambda: WebhookDelivery.objects.filter(
                pk=deliveries["healthy"].pk, status=DeliveryStatus.DELIVERED
            ).exists(),
            timeout=30,
            interval=0.1,
            what="healthy delivered",
        )
        took = time.monotonic() - started
        check(name, took < 10, f"healthy endpoint delivered after {took:.1f} s while the others fail")
        ids = [d.pk for label, d in deliveries.items() if label != "healthy"]
        settle(
            lambda: (
                WebhookDelivery.objects.filter(pk__in=ids, status=DeliveryStatus.FAILED).count() == 3
            ),
            timeout=120,
            interval=0.5,
            what="three deliveries failed",
        )
        for label in ("500", "slow", "down"):
            delivery = WebhookDelivery.objects.get(pk=deliveries[label].pk)
            attempts = list(
                delivery.attempts.order_by("number").values_list("started_at", "error_message")
            )
            gaps = [round((b[0] - a[0]).total_seconds(), 1) for a, b in itertools.pairwise(attempts)]
            check(
                name,
                delivery.status == DeliveryStatus.FAILED and len(attempts) == 4,
                f"{label}: {delivery.status} after {len(attempts)} attempts, gaps {gaps} s "
                f"(schedule 1, 2, 4 s + attempt time), last error {attempts[-1][1][:60]!r}"
                if attempts
                else f"{label}: {delivery.status}, no attempts",
            )
            if len(gaps) == 3:
                check(
                    name,
                    all(g >= d for g, d in zip(gaps, (1, 2, 4), strict=True)),
                    f"{label}: no attempt came early",
                )
        check(name, len(failing.received) == 4, f"500 receiver got {len(failing.received)} requests")
        check(
            name,
            len({r.headers.get("x-webhook-id") for r in failing.received}) == 1,
            "same delivery id on every retry",
        )
    finally:
        for receiver in (failing, slow, healthy):
            receiver.stop()
        stack.kill("worker-hooks", signal.SIGTERM)


# --- main -----------------------------------------------------------------------------------

# outage last: this process's own broker connections do not survive the Redis restart (the
# servers' and workers' do — that is what the scenario checks).
SCENARIOS = ["kill-parse", "kill-child", "kill-bulk", "webhooks", "outage"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", choices=SCENARIOS, action="append")
    args = parser.parse_args()
    chosen = [name for name in SCENARIOS if name in (args.only or SCENARIOS)]
    pg, rd = PrivatePostgres(), PrivateRedis()
    stack = None
    try:
        pg.init()
        rd.start()
        log(f"private PostgreSQL on {pg.port}, Redis on {rd.port}")
        stack = Stack(
            pg_admin_url=pg.admin_url, redis_port=rd.port, redis_db=0, extra_env=ENV, name="faults"
        )
        stack.prepare()
        from smartcv.services import plans_sync

        plans_sync()
        stack.start_gunicorn(workers=2, threads=2)
        stack.start_beat()
        for scenario in chosen:
            log(f"=== {scenario}")
            started = time.monotonic()
            try:
                if scenario in ("kill-parse", "kill-child"):
                    scenario_kill_parse(stack, children_only=scenario == "kill-child")
                elif scenario == "kill-bulk":
                    scenario_kill_bulk(stack)
                elif scenario == "outage":
                    scenario_outage(stack, pg, rd)
                else:
                    scenario_webhooks(stack)
            except Exception as exc:  # a crashed scenario is a failure, the others still run
                check(scenario, False, f"crashed: {exc!r}")
            log(f"=== {scenario} took {time.monotonic() - started:.0f} s")
    finally:
        if stack is not None:
            stack.close()
        rd.destroy()
        pg.destroy()
    failed = [r for r in RESULTS if not r[1]]
    print(f"\n{len(RESULTS) - len(failed)} passed, {len(failed)} failed")
    for scenario, _, message in failed:
        print(f"  FAIL [{scenario}] {message}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
