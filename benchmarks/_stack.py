"""The production-shaped SmartCV stack on this machine, for benchmarks/load_bench.py and
benchmarks/fault_bench.py: a database of its own, a Redis database of its own, gunicorn,
Celery workers (and beat), all on loopback and all stopped (database dropped) at exit.

Only processes started here are ever stopped, each by its own process group.
"""

from __future__ import annotations

import atexit
import contextlib
import fcntl
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
VENV_BIN = ROOT / ".venv" / "bin"
QUEUES = "default,parsing,matching,rendering,webhooks"
CORPUS = Path("/work/shared/corpus/resumes")


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", flush=True)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until(check, *, timeout: float, interval: float = 0.5, what: str = "condition"):
    deadline = time.monotonic() + timeout
    while True:
        result = check()
        if result:
            return result
        if time.monotonic() > deadline:
            raise TimeoutError(f"{what} not reached within {timeout:.0f} s")
        time.sleep(interval)


def lock_redis_db(port: int) -> tuple[int, object]:
    """The first Redis database of 5–15 no other run holds (same lock files as
    scripts/integration.sh), flushed. Returns (number, lock handle to keep open)."""
    tmp = tempfile.gettempdir()
    for number in range(5, 16):
        handle = open(f"{tmp}/smartcv-ci-redis-{port}-{number}.lock", "w")  # noqa: SIM115 (held)
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.close()
            continue
        return number, handle
    raise RuntimeError("Redis databases 5–15 are all in use by other runs")


@dataclass
class Stack:
    """Everything one run needs; ``start_*`` methods add processes, ``close`` ends them."""

    pg_admin_url: str = "postgresql://postgres@127.0.0.1:5432/postgres"
    redis_host: str = "127.0.0.1"
    redis_port: int = 6379
    redis_db: int | None = None  # None: lock one of 5–15
    extra_env: dict[str, str] = field(default_factory=dict)
    name: str = "load"

    def __post_init__(self) -> None:
        self.work = Path(tempfile.mkdtemp(prefix=f"smartcv-{self.name}."))
        self.db_name = f"smartcv_{self.name}_{os.getpid()}"
        self.processes: dict[str, subprocess.Popen] = {}
        self._redis_lock = None
        self.http_port: int | None = None
        atexit.register(self.close)
        signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))

    # --- setup ----------------------------------------------------------------------------

    @property
    def database_url(self) -> str:
        return self.pg_admin_url.rsplit("/", 1)[0] + "/" + self.db_name

    @property
    def redis_url(self) -> str:
        return f"redis://{self.redis_host}:{self.redis_port}/{self.redis_db}"

    def env(self) -> dict[str, str]:
        env = dict(os.environ)
        for name in ("DATABASE_URL", "REDIS_URL", "CELERY_EAGER"):
            env.pop(name, None)
        env.update(
            {
                "DATABASE_URL": self.database_url,
                "REDIS_URL": self.redis_url,
                "CELERY_EAGER": "false",
                "DEBUG": "false",
                "SECRET_KEY": f"bench-only-{os.getpid()}-not-a-secret-0123456789abcdefghij",
                "SECURE_SSL_REDIRECT": "false",
                "ALLOWED_HOSTS": "127.0.0.1,localhost",
                "MEDIA_ROOT": str(self.work / "media"),
                "SMARTCV_WEBHOOK_ALLOWED_HOSTS": "127.0.0.1,localhost",
                "SMARTCV_BENCH_VIEWS": "true",
                "CACHE_KEY_PREFIX": f"{self.name}{os.getpid()}",
                "LOG_LEVEL": "WARNING",
                "PYTHONUNBUFFERED": "1",
            }
        )
        env.update(self.extra_env)
        return env

    def prepare(self) -> None:
        """Create and migrate the database, pick the Redis database, set up Django here."""
        import psycopg
        import redis

        if self.redis_db is None:
            self.redis_db, self._redis_lock = lock_redis_db(self.redis_port)
        redis.Redis(host=self.redis_host, port=self.redis_port, db=self.redis_db).flushdb()
        with psycopg.connect(self.pg_admin_url, autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{self.db_name}"')
        (self.work / "media").mkdir()
        env = self.env()
        log(f"database {self.db_name}, redis db {self.redis_db}, files in {self.work}")
        subprocess.run(
            [str(VENV_BIN / "python"), "manage.py", "migrate", "--noinput", "-v0"],
            cwd=ROOT,
            env=env,
            check=True,
        )
        os.environ.update({k: v for k, v in env.items() if k not in ("DEBUG",)})
        os.environ["DEBUG"] = "false"
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "smartcv.settings")
        sys.path.insert(0, str(ROOT))
        import django

        django.setup()

    # --- processes ------------------------------------------------------------------------

    def _spawn(self, key: str, args: list[str], *, env: dict[str, str] | None = None) -> None:
        logfile = open(self.work / f"{key}.log", "ab")  # noqa: SIM115 (owned by the child)
        self.processes[key] = subprocess.Popen(
            args,
            cwd=ROOT,
            env=env or self.env(),
            stdin=subprocess.DEVNULL,
            stdout=logfile,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group: stopped with its children
        )

    def start_gunicorn(self, *, workers: int = 4, threads: int = 2) -> str:
        self.http_port = self.http_port or free_port()
        self._spawn(
            "gunicorn",
            [
                str(VENV_BIN / "gunicorn"),
                "smartcv.wsgi:application",
                f"--workers={workers}",
                "--worker-class=gthread",
                f"--threads={threads}",
                f"--bind=127.0.0.1:{self.http_port}",
                "--timeout=60",
                "--graceful-timeout=5",
            ],
        )
        import requests

        def up() -> bool:
            try:
                return requests.get(f"{self.base_url}/bench/bare", timeout=2).status_code == 200
            except requests.RequestException:
                return False

        wait_until(up, timeout=60, what="gunicorn answering")
        return self.base_url

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.http_port}"

    def start_worker(self, name: str, *, concurrency: int = 1) -> None:
        self._spawn(
            f"worker-{name}",
            [
                str(VENV_BIN / "celery"),
                "-A",
                "smartcv",
                "worker",
                "-Q",
                QUEUES,
                f"--concurrency={concurrency}",
                "-n",
                f"{name}@%h",
                "--loglevel=INFO",
                "--without-gossip",
                "--without-mingle",
            ],
        )

    def wait_workers(self, count: int, *, timeout: float = 90) -> None:
        from smartcv.celery import app

        def answered() -> bool:
            try:
                replies = app.control.ping(timeout=2) or []
            except Exception as exc:  # the broker is restarting (fault runs): try again
                log(f"ping failed: {exc!r}")
                return False
            return len(replies) >= count

        wait_until(answered, timeout=timeout, interval=1, what=f"{count} workers answering ping")

    def start_beat(self) -> None:
        self._spawn(
            "beat",
            [
                str(VENV_BIN / "celery"),
                "-A",
                "smartcv",
                "beat",
                "--loglevel=INFO",
                "-s",
                str(self.work / "beat-schedule"),
            ],
        )

    def kill(self, key: str, sig: int = signal.SIGKILL) -> None:
        """Signal the whole process group of one process started here."""
        process = self.processes.pop(key, None)
        if process is None:
            return
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, sig)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=10)

    def child_pids(self, key: str) -> list[int]:
        """Pids of the children of one process (the pool processes of a Celery worker)."""
        parent = self.processes[key].pid
        try:
            out = subprocess.run(
                ["pgrep", "-P", str(parent)], capture_output=True, text=True, check=False
            ).stdout
        except FileNotFoundError:
            return []
        return [int(pid) for pid in out.split()]

    # --- teardown -------------------------------------------------------------------------

    def close(self) -> None:
        for key in list(self.processes):
            self.kill(key, signal.SIGTERM)
        if self.redis_db is not None:
            try:
                import redis

                redis.Redis(host=self.redis_host, port=self.redis_port, db=self.redis_db).flushdb()
            except Exception as exc:  # the private Redis of a fault run may be gone already
                log(f"could not flush redis db {self.redis_db}: {exc.__class__.__name__}")
        with contextlib.suppress(Exception):  # Django may never have been set up
            from django.db import connections

            connections.close_all()
        try:
            import psycopg

            with psycopg.connect(self.pg_admin_url, autocommit=True, connect_timeout=5) as conn:
                conn.execute(f'DROP DATABASE IF EXISTS "{self.db_name}" WITH (FORCE)')
        except Exception as exc:  # the private PostgreSQL of a fault run may be gone already
            log(f"could not drop {self.db_name}: {exc.__class__.__name__}")
        if os.environ.get("SMARTCV_BENCH_KEEP_LOGS"):
            log(f"logs kept in {self.work}")
        else:
            shutil.rmtree(self.work, ignore_errors=True)
        if self._redis_lock is not None:
            self._redis_lock.close()
            self._redis_lock = None
        self.redis_db = None
        atexit.unregister(self.close)


def corpus_files() -> list[Path]:
    """The shared CV corpus (PDF, DOCX, TXT, RTF), without the expected-result files."""
    return sorted(p for p in CORPUS.iterdir() if p.is_file() and not p.name.endswith(".json"))


def bench_plan_user(username: str):
    """A user on a bench-only plan (created in the bench database only) whose limits are high
    enough that the load measures the server, not the rate limiter — which still runs and
    counts every request in Redis, as in production."""
    from smartcv.models import Plan
    from smartcv.services import api_key_create, user_create

    Plan.objects.update_or_create(
        code="bench",
        defaults={
            "name": "Bench (load tests only)",
            "requests_per_minute": 10_000_000,
            "monthly_credits": 10_000_000,
            "overage_price_cents": None,
            "sort_order": 99,
        },
    )
    user = user_create(username=username, password=None, plan_code="bench")
    return user, api_key_create(user=user, name="bench").raw
