"""Word 97-2003 (.doc) through Debian's antiword, run as a child with a timeout."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import time

from . import limits
from .base import Extracted, ExtractionError
from .textnorm import clean_text


def extract_doc(data: bytes, *, deadline: float) -> Extracted:
    binary = shutil.which("antiword")
    if binary is None:
        raise ExtractionError("unsupported_type", "Legacy .doc files cannot be read on this server.")
    remaining = min(deadline - time.monotonic(), limits.ANTIWORD_TIMEOUT)
    if remaining <= 0:
        raise ExtractionError("timeout", "The document took too long to read.")
    with tempfile.NamedTemporaryFile(suffix=".doc") as fh:
        fh.write(data)
        fh.flush()
        try:
            proc = subprocess.run(  # noqa: S603 - fixed binary, our own temp file as argument
                [binary, "-w", "0", "-m", "UTF-8.txt", fh.name],
                capture_output=True,
                timeout=remaining,
                env={**os.environ, "LC_ALL": "C.UTF-8"},
                check=False,
            )
        except subprocess.TimeoutExpired as exc:
            raise ExtractionError("timeout", "The document took too long to read.") from exc
    err = proc.stderr.decode("utf-8", "replace").lower()
    if proc.returncode != 0:
        if "encrypt" in err or "password" in err:
            raise ExtractionError("encrypted", "The Word document is password-protected.")
        raise ExtractionError("corrupt", "The Word document is damaged and cannot be read.")
    text = clean_text(proc.stdout.decode("utf-8", "replace"))
    if not text.strip():
        raise ExtractionError("no_text", "The Word document contains no text.")
    return Extracted(kind="doc", text=text, pages=1, method="antiword")
