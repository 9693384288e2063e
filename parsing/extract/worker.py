"""The extraction worker: a long-lived child process that extracts one document at a time.

Why a child process: pypdf, docx2python, Pillow and Tesseract parse hostile bytes, and no
in-process guard can stop a C-level loop or a runaway allocation. The child runs with an
address-space limit (RLIMIT_AS), and the parent kills it (with its whole process group,
Tesseract included) when the wall-clock limit passes. Why long-lived: spawning Python and
importing pypdf costs ~300 ms, more than extracting a typical text PDF; a persistent child
costs ~1 ms of pipe traffic per document.

Protocol on stdin/stdout: request = struct '!II' (meta length, data length) + JSON meta +
bytes; response = struct '!I' length + JSON. stdout is kept for the protocol only: the
original fd 1 is duplicated and fd 1 then points at stderr, so a library that prints
cannot corrupt the stream.
"""

from __future__ import annotations

import json
import os
import resource
import struct
import sys


def _read_exact(fd: int, n: int) -> bytes:
    chunks = []
    while n:
        chunk = os.read(fd, min(n, 1 << 20))
        if not chunk:
            raise EOFError
        chunks.append(chunk)
        n -= len(chunk)
    return b"".join(chunks)


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        view = view[written:]


def main() -> None:
    from . import limits

    resource.setrlimit(resource.RLIMIT_AS, (limits.WORKER_MEMORY_BYTES, limits.WORKER_MEMORY_BYTES))
    proto_out = os.dup(1)
    os.dup2(2, 1)
    sys.stdout = sys.stderr
    # Import the heavy libraries once, up front, so the first document pays nothing extra.
    from . import core, docx, pdf  # noqa: F401
    from .base import ExtractionError

    while True:
        try:
            meta_len, data_len = struct.unpack("!II", _read_exact(0, 8))
            meta = json.loads(_read_exact(0, meta_len))
            data = _read_exact(0, data_len)
        except EOFError:
            return
        fatal = False
        try:
            result = core.extract_in_process(
                data, filename=meta.get("filename", ""), timeout=meta["timeout"]
            )
            reply = {"ok": True, **result.__dict__}
        except ExtractionError as exc:
            reply = {"ok": False, "code": exc.code, "message": exc.message}
        except MemoryError:
            reply = {"ok": False, "code": "too_large", "message": "The document needs too much memory."}
            fatal = True
        except RecursionError:
            reply = {"ok": False, "code": "corrupt", "message": "The document is too deeply nested."}
        except Exception as exc:  # any library failure on hostile bytes is a damaged document
            reply = {
                "ok": False,
                "code": "corrupt",
                "message": "The document is damaged and cannot be read.",
                "detail": f"{type(exc).__name__}: {exc}"[:300],
            }
        body = json.dumps(reply).encode()
        _write_all(proto_out, struct.pack("!I", len(body)) + body)
        if fatal:
            return


if __name__ == "__main__":
    main()
