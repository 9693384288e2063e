"""Parent side of the extraction worker (see worker.py for why it exists).

A small pool of persistent workers, one per concurrent caller: a Celery prefork child or a
gunicorn thread takes an idle worker (or starts one), sends one document, waits at most
``timeout + GRACE`` seconds, and returns the worker to the pool. A worker that overruns is
killed with its process group and replaced; one that dies mid-document (segfault, memory
limit) yields ``corrupt``/``too_large`` and is replaced.
"""

from __future__ import annotations

import contextlib
import json
import os
import select
import signal
import struct
import subprocess
import sys
import threading
import time
from pathlib import Path

from . import limits
from .base import Extracted, ExtractionError

GRACE = 2.0
"""Seconds past the document's own deadline before the parent kills the worker."""

PROJECT_ROOT = Path(__file__).resolve().parents[2]


class _Worker:
    def __init__(self) -> None:
        env = {**os.environ, "PYTHONPATH": str(PROJECT_ROOT), "OMP_THREAD_LIMIT": "1"}
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "parsing.extract.worker"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            cwd=PROJECT_ROOT,
            env=env,
            start_new_session=True,  # own process group: a kill reaches Tesseract/antiword too
        )
        self.jobs = 0

    def alive(self) -> bool:
        return self.proc.poll() is None

    def kill(self) -> None:
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(self.proc.pid, signal.SIGKILL)
        for stream in (self.proc.stdin, self.proc.stdout):
            with contextlib.suppress(OSError):
                stream.close()
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.proc.wait(timeout=5)

    def run(self, data: bytes, filename: str, timeout: float, grace: float) -> dict:
        self.jobs += 1
        deadline = time.monotonic() + timeout + grace
        meta = json.dumps({"filename": filename, "timeout": timeout}).encode()
        writer = threading.Thread(
            target=self._send,
            args=(struct.pack("!II", len(meta), len(data)) + meta + data,),
            daemon=True,
        )
        writer.start()
        header = self._recv(4, deadline)
        (length,) = struct.unpack("!I", header)
        reply = json.loads(self._recv(length, deadline))
        writer.join(timeout=1)
        return reply

    def _send(self, payload: bytes) -> None:
        try:
            self.proc.stdin.write(payload)
            self.proc.stdin.flush()
        except (BrokenPipeError, ValueError, OSError):
            pass  # the worker died; the reader side reports it

    def _recv(self, n: int, deadline: float) -> bytes:
        fd = self.proc.stdout.fileno()
        chunks = []
        while n:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise TimeoutError
            ready, _, _ = select.select([fd], [], [], remaining)
            if not ready:
                raise TimeoutError
            chunk = os.read(fd, min(n, 1 << 20))
            if not chunk:
                raise EOFError
            chunks.append(chunk)
            n -= len(chunk)
        return b"".join(chunks)


_idle: list[_Worker] = []
_lock = threading.Lock()


def _forget_parent_workers() -> None:
    """A forked child (Celery prefork, gunicorn) must not share its parent's workers: their
    pipes would interleave two conversations. The child starts its own on first use."""
    global _lock
    _idle.clear()
    _lock = threading.Lock()


os.register_at_fork(after_in_child=_forget_parent_workers)


def _take() -> _Worker:
    with _lock:
        while _idle:
            worker = _idle.pop()
            if worker.alive():
                return worker
    return _Worker()


def _give_back(worker: _Worker) -> None:
    if worker.jobs >= limits.WORKER_MAX_JOBS or not worker.alive():
        worker.kill()
        return
    with _lock:
        _idle.append(worker)


def warm_up() -> None:
    """Start one worker ahead of the first document (e.g. from Celery's worker_process_init)."""
    _give_back(_take())


def shutdown() -> None:
    with _lock:
        workers, _idle[:] = list(_idle), []
    for worker in workers:
        worker.kill()


def extract_isolated(data: bytes, *, filename: str, timeout: float, grace: float = GRACE) -> Extracted:
    """Run one document in a worker. The worker stops itself at ``timeout``; if it has not
    answered ``grace`` seconds later it is killed (tests pass a negative grace to exercise
    the kill)."""
    worker = _take()
    try:
        reply = worker.run(data, filename, timeout, grace)
    except TimeoutError:
        worker.kill()
        raise ExtractionError(
            "timeout", f"Extraction took longer than {timeout:g} s and was stopped."
        ) from None
    except (EOFError, struct.error, ValueError):
        code = worker.proc.poll()
        worker.kill()
        raise ExtractionError(
            "corrupt", f"The document crashed the reader (exit {code}) and cannot be read."
        ) from None
    except BaseException:
        worker.kill()
        raise
    _give_back(worker)
    if not reply.pop("ok"):
        raise ExtractionError(reply["code"], reply["message"])
    return Extracted(**reply)
