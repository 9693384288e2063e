"""Coverage-guided fuzzing (atheris / libFuzzer) of CV extraction and structuring.

    .venv/bin/python benchmarks/fuzz_extract.py                        # every target, 60 s each
    .venv/bin/python benchmarks/fuzz_extract.py --targets pdf,docx --seconds 300
    .venv/bin/python benchmarks/fuzz_extract.py --seconds 5 --runs 300 --seed 1   # CI-sized run
    .venv/bin/python benchmarks/fuzz_extract.py --replay parsing/tests/data/fuzz  # re-check files

Every target runs in its own child process (libFuzzer owns the process and exits when done)
for ``--seconds`` (and at most ``--runs`` inputs), seeded from the shared corpus
(``shared/corpus/resumes`` and ``shared/corpus/adversarial``, by type as decided by the bytes)
plus a few generated images, since the corpus has none. The in-process extractors are fuzzed
directly, for speed; the contract checked for every input is the pipeline's:

- the extractor returns text (``Extracted``), or raises ``ExtractionError`` — the error the
  pipeline turns into a ``failed`` candidate with ``parsing_errors``; any other exception is a
  finding (``crash``);
- it takes less than ``--doc-timeout`` + grace seconds (where the isolated worker would be
  killed; slower in-process is a ``hang`` finding). Inputs stopped by their own deadline
  (``timeout``) or slower than ``--slow`` seconds are kept as ``slow``: not failures, but
  pushed through the isolated path afterwards;
- libFuzzer itself stops the child on a hang past ``--doc-timeout`` + 15 s (``timeout-*``) or
  a resident size past ``--rss-mb`` (``oom-*``); those artifacts are findings too.

The ``structure`` target feeds the bytes as UTF-8 text through ``clean_text`` and the whole
structuring step (``parse_text``: sections, contact, experience, ResumeDocument validation),
as a TXT upload reaches it. Structuring runs inside the Celery task, not in the isolated
worker, so any exception there, or more than ``--slow`` seconds, is a finding.

Afterwards every finding, the slowest inputs and a fixed-seed sample of the inputs libFuzzer
kept are pushed through the isolated path (``parsing.extract.extract``: worker process,
memory cap, wall-clock kill), which must answer ``Extracted`` or ``ExtractionError`` within
the timeout + grace. The report (also written to ``<out>/report.json``) lists per target the
inputs executed, coverage, peak RSS, findings, and the isolated-path outcomes. Exit status 1
when there is any finding or isolated-path failure.

Findings are kept under ``<out>/<target>/findings/`` (default out: var/fuzz). A fixed crash's
input belongs under parsing/tests/data/fuzz/ with its expected outcome in MANIFEST.json
(parsing/tests/test_fuzz_regressions.py replays them).

OCR: extractors call Tesseract when a page or image has ink but no text layer; at ~1 s per
call that would starve the fuzzer, so by default the children run with a PATH on which
``tesseract`` is absent (the real "OCR not available" branch; images are still fully decoded
by Pillow and PDF pages still rasterised by pdfium before that check). ``--ocr`` keeps it.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

CORPUS = ROOT.parent / "shared" / "corpus"
SEED_DIRS = (CORPUS / "resumes", CORPUS / "adversarial")
TARGETS = ("sniff", "pdf", "docx", "doc", "rtf", "txt", "image", "auto", "structure")
SEED_KINDS = {
    "sniff": None,  # every seed
    "auto": None,
    "pdf": {"pdf"},
    "docx": {"docx"},
    "doc": {"doc"},
    "rtf": {"rtf"},
    "txt": {"txt"},
    "image": {"png", "jpg", "tiff"},
    "structure": {"text"},
}
MAX_SEED_BYTES = 300_000
"""Seeds above this are left out (two 1.8 MB typst PDFs): libFuzzer's mutations on megabytes
are slow and the many smaller PDFs cover the same code."""
FINDING_KINDS = ("crash", "hang", "memory")
"""Finding kinds that fail the run; ``slow`` inputs are kept and re-checked but do not fail."""


# --------------------------------------------------------------------------------------------
# Seeds


def _kind_of(data: bytes) -> str:
    from parsing.extract import ExtractionError, sniff

    try:
        return sniff(data)
    except ExtractionError:
        return "other"


def _generated_seeds() -> dict[str, bytes]:
    """Small images (the corpus has none) and two text PDFs/DOCX built by the test builders."""
    from parsing.tests.data import extract_samples as samples

    lines = ["Maria Lopez", "maria@example.com", "Experience", "Acme 2019-2021"]
    return {
        "gen_text.png": samples.text_image(lines, fmt="PNG"),
        "gen_text.jpg": samples.text_image(lines, fmt="JPEG"),
        "gen_text.tiff": samples.text_image(lines, fmt="TIFF"),
        "gen_blank.png": samples.blank_image(),
        "gen_one_column.pdf": samples.one_column_pdf(),
        "gen_sample.docx": samples.sample_docx(),
        "gen_sample.rtf": samples.rtf_sample(),
    }


def build_seeds(target: str, dest: Path) -> list[str]:
    """Write the seeds of one target into ``dest``; return their names."""
    from parsing.extract import ExtractionError, extract_in_process

    dest.mkdir(parents=True, exist_ok=True)
    wanted = SEED_KINDS[target]
    files: dict[str, bytes] = {}
    for folder in SEED_DIRS:
        if folder.is_dir():
            for path in sorted(folder.iterdir()):
                if path.is_file() and not path.name.endswith((".json", ".md")):
                    files[path.name] = path.read_bytes()
    files.update(_generated_seeds())
    names = []
    for name, data in sorted(files.items()):
        if len(data) > MAX_SEED_BYTES:
            continue
        if target == "structure":
            # Text as extraction hands it to structuring.
            try:
                data = extract_in_process(data, filename=name, timeout=30).text.encode()
            except ExtractionError:
                continue
        elif wanted is not None and _kind_of(data) not in wanted:
            continue
        if not data:
            continue
        (dest / name).write_bytes(data)
        names.append(name)
    return names


# --------------------------------------------------------------------------------------------
# Child: one libFuzzer run of one target


def _target_function(target: str, doc_timeout: float):
    """The in-process function under test for ``target``: bytes -> result (or raises)."""
    import atheris

    extractors = target != "structure"
    with atheris.instrument_imports(
        include=[
            "parsing",
            "pypdf",
            "docx2python",
            "striprtf",
            "olefile",
            "charset_normalizer",
            "PIL",
            "zipfile",
            "resumes",
            "matching",
            "py3langid",
            "phonenumbers",
        ]
    ):
        # Only what the target runs: instrumenting costs seconds per library at start-up.
        # Libraries the extractors import lazily (pypdf, docx2python) are imported here so
        # they are instrumented too.
        if extractors:
            import zipfile  # noqa: F401  (DOCX and sniffing parse ZIP directories)

            from parsing.extract import core, doc, docx, ocr, pdf, rtf, txt
            from parsing.extract.sniff import sniff

            if target in ("pdf", "auto"):
                import pypdf  # noqa: F401
            if target in ("docx", "auto"):
                import docx2python  # noqa: F401
            if target in ("image", "pdf", "auto"):
                from PIL import Image

                Image.init()  # Pillow imports its format plugins lazily; import them instrumented
        else:
            from parsing.extract.textnorm import clean_text
            from parsing.pipeline import parse_text

    def deadline() -> float:
        return time.monotonic() + doc_timeout

    if target == "sniff":
        return sniff
    if target == "pdf":
        return lambda data: pdf.extract_pdf(data, deadline=deadline())
    if target == "docx":
        return docx.extract_docx
    if target == "doc":
        return lambda data: doc.extract_doc(data, deadline=deadline())
    if target == "rtf":
        return rtf.extract_rtf
    if target == "txt":
        return txt.extract_txt
    if target == "image":

        def image(data: bytes):
            kind = {b"\x89P": "png", b"\xff\xd8": "jpg"}.get(data[:2], "tiff")
            return ocr.extract_image(data, kind, deadline=deadline())

        return image
    if target == "auto":
        return lambda data: core.extract_in_process(data, timeout=doc_timeout)
    if target == "structure":
        return lambda data: parse_text(
            clean_text(data.decode("utf-8", "replace"), keep_columns=True), kind="txt"
        )
    raise SystemExit(f"unknown target {target}")


def _where(exc: BaseException) -> str:
    """Innermost frame of the traceback: identifies one bug across many inputs."""
    frames = traceback.extract_tb(exc.__traceback__)
    if not frames:
        return "?"
    frame = frames[-1]
    path = frame.filename
    for marker in ("site-packages/", str(ROOT) + "/"):
        if marker in path:
            path = path.split(marker, 1)[1]
    return f"{path}:{frame.lineno}"


def run_child(args: argparse.Namespace) -> None:
    import atheris

    target = args.child
    # First, so the modules under test are imported (and instrumented) by it.
    function = _target_function(target, args.doc_timeout)
    from parsing.extract import ExtractionError
    from parsing.extract.isolation import GRACE

    out = Path(args.out) / target
    findings_dir = out / "findings"
    findings_dir.mkdir(parents=True, exist_ok=True)
    log = open(out / "findings.jsonl", "a")  # noqa: SIM115 - open for the process lifetime
    seen: set[tuple[str, str]] = set()
    slowest: list[tuple[float, str]] = []
    # Structuring has no isolated worker around it: "slow" there is what a Celery task pays.
    slow_limit = args.slow

    recorded: set[str] = set()

    def record(kind: str, data: bytes, **detail) -> None:
        digest = hashlib.sha1(data).hexdigest()[:16]  # noqa: S324 - a file name, not security
        name = f"{kind}-{digest}"
        if name in recorded:  # libFuzzer runs some inputs again (minimising, merging)
            return
        recorded.add(name)
        (findings_dir / name).write_bytes(data)
        log.write(json.dumps({"kind": kind, "file": name, "size": len(data), **detail}) + "\n")
        log.flush()

    def one_input(data: bytes) -> None:
        started = time.monotonic()
        outcome = "ok"
        try:
            function(data)
        except ExtractionError as exc:
            outcome = exc.code
        except MemoryError:
            record("memory", data, error="MemoryError")
            return
        except RecursionError as exc:
            outcome = "RecursionError"
            key = ("RecursionError", _where(exc))
            if key not in seen:
                seen.add(key)
                record("crash", data, error="RecursionError", where=key[1])
            return
        except Exception as exc:
            key = (type(exc).__name__, _where(exc))
            if key not in seen:  # one file per distinct bug (exception type + raising line)
                seen.add(key)
                record(
                    "crash",
                    data,
                    error=f"{type(exc).__name__}: {exc}"[:300],
                    where=key[1],
                    traceback=traceback.format_exc()[-3000:],
                )
            return
        elapsed = time.monotonic() - started
        if target != "structure" and elapsed > args.doc_timeout + GRACE:
            # Past the point where the isolated worker would have been killed.
            record("hang", data, seconds=round(elapsed, 2), outcome=outcome)
        elif outcome == "timeout":
            # Stopped by its own deadline, as documented: costs a worker that long, so kept.
            record("slow", data, seconds=round(elapsed, 2), outcome=outcome)
        elif elapsed > slow_limit:
            record("hang" if target == "structure" else "slow", data, seconds=round(elapsed, 2))
        elif len(slowest) < 5 or elapsed > slowest[0][0]:
            digest = hashlib.sha1(data).hexdigest()[:16]  # noqa: S324
            if digest not in {d for _, d in slowest}:
                (out / "slowest").mkdir(exist_ok=True)
                (out / "slowest" / digest).write_bytes(data)
                slowest.append((elapsed, digest))
                slowest.sort()
                while len(slowest) > 5:
                    _, gone = slowest.pop(0)
                    (out / "slowest" / gone).unlink(missing_ok=True)

    corpus = out / "corpus"
    corpus.mkdir(parents=True, exist_ok=True)
    libfuzzer_args = [
        sys.argv[0],
        str(corpus),
        str(out / "seeds"),
        f"-max_total_time={int(args.seconds)}",
        f"-timeout={int(args.doc_timeout + 15)}",
        f"-rss_limit_mb={args.rss_mb}",
        f"-max_len={args.max_len}",
        f"-artifact_prefix={out}/",
        "-print_final_stats=1",
        "-close_fd_mask=1",  # libraries that print to stdout do not flood the log
    ]
    if args.seed is not None:
        libfuzzer_args.append(f"-seed={args.seed}")
    if args.runs:
        libfuzzer_args.append(f"-runs={args.runs}")
    atheris.Setup(libfuzzer_args, one_input)
    atheris.Fuzz()


# --------------------------------------------------------------------------------------------
# Parent: seeds, children, isolated re-check, report


def _child_env(ocr: bool) -> dict[str, str]:
    env = {**os.environ, "PYTHONHASHSEED": "0", "OMP_THREAD_LIMIT": "1"}
    if not ocr:
        # A PATH with every tool the extractors use except tesseract (see the module docstring).
        bindir = Path(tempfile.mkdtemp(prefix="fuzz-bin-"))
        for tool in ("antiword",):
            found = shutil.which(tool)
            if found:
                (bindir / tool).symlink_to(found)
        env["PATH"] = f"{Path(sys.executable).parent}:{bindir}"
    return env


_STAT = re.compile(r"^stat::(\w+):\s+(\d+)", re.M)
_COV = re.compile(r"cov: (\d+) ft: (\d+) corp: (\d+)")


def run_target(target: str, args: argparse.Namespace, env: dict[str, str]) -> dict:
    out = Path(args.out) / target
    if out.exists():
        shutil.rmtree(out)
    saved_path = os.environ["PATH"]
    os.environ["PATH"] = env["PATH"]  # structure's seeds are extracted as the children would
    try:
        seeds = build_seeds(target, out / "seeds")
    finally:
        os.environ["PATH"] = saved_path
    command = [
        sys.executable,
        str(Path(__file__).resolve()),
        "--child",
        target,
        "--out",
        args.out,
        "--seconds",
        str(args.seconds),
        "--doc-timeout",
        str(args.doc_timeout),
        "--slow",
        str(args.slow),
        "--rss-mb",
        str(args.rss_mb),
        "--max-len",
        str(args.max_len),
        "--runs",
        str(args.runs or 0),
    ]
    if args.seed is not None:
        command += ["--seed", str(args.seed)]
    started = time.monotonic()
    proc = subprocess.run(
        command,
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        errors="replace",
        timeout=args.seconds + args.doc_timeout + 600,
        check=False,
    )
    wall = time.monotonic() - started
    (out / "libfuzzer.log").write_text(proc.stderr)
    stats = {key: int(value) for key, value in _STAT.findall(proc.stderr)}
    cov = _COV.findall(proc.stderr)
    findings = []
    log = out / "findings.jsonl"
    if log.exists():
        findings = [json.loads(line) for line in log.read_text().splitlines() if line.strip()]
    # libFuzzer's own artifacts: a hang past -timeout, RSS past -rss_limit_mb, a native crash.
    for artifact in sorted(out.glob("*-*")):
        prefix = artifact.name.split("-", 1)[0]
        if artifact.is_file() and prefix in ("crash", "timeout", "oom", "leak"):
            kind = {"timeout": "hang", "oom": "memory"}.get(prefix, "crash")
            destination = out / "findings" / artifact.name
            destination.parent.mkdir(exist_ok=True)
            shutil.move(artifact, destination)
            findings.append({"kind": kind, "file": artifact.name, "libfuzzer": prefix})
    return {
        "target": target,
        "seeds": len(seeds),
        "seconds": round(wall, 1),
        "exit_code": proc.returncode,
        "executions": stats.get("number_of_executed_units", 0),
        "exec_per_sec": stats.get("average_exec_per_sec", 0),
        "new_units": stats.get("new_units_added", 0),
        "peak_rss_mb": stats.get("peak_rss_mb", 0),
        "slowest_unit_s": stats.get("slowest_unit_time_sec", 0),
        "coverage": int(cov[-1][0]) if cov else 0,
        "features": int(cov[-1][1]) if cov else 0,
        "findings": findings,
    }


def isolated_check(paths: list[Path], *, doc_timeout: float, structure: bool = False) -> list[dict]:
    """Each file through the production path: the isolated worker (and structuring after it)."""
    from parsing.extract import ExtractionError, extract
    from parsing.extract.isolation import GRACE

    results = []
    for path in paths:
        data = path.read_bytes()
        started = time.monotonic()
        try:
            if structure:
                from parsing.pipeline import parse_text

                # What a TXT upload costs: extraction in the worker, structuring here.
                extracted = extract(data, timeout=doc_timeout)
                parse_text(extracted.text, kind=extracted.kind)
                outcome = "structured"
            else:
                outcome = "text:" + extract(data, timeout=doc_timeout).kind
        except ExtractionError as exc:
            outcome = exc.code
        except Exception as exc:
            outcome = f"UNEXPECTED {type(exc).__name__}: {exc}"[:200]
        elapsed = time.monotonic() - started
        ok = not outcome.startswith("UNEXPECTED") and elapsed <= doc_timeout + GRACE + 3
        results.append({"file": str(path), "outcome": outcome, "seconds": round(elapsed, 2), "ok": ok})
    return results


def _sample(folder: Path, n: int, rng: random.Random) -> list[Path]:
    if not folder.is_dir():
        return []
    files = sorted(p for p in folder.iterdir() if p.is_file())
    return rng.sample(files, min(n, len(files)))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    parser.add_argument("--targets", default="all", help=f"comma list of {', '.join(TARGETS)}")
    parser.add_argument("--seconds", type=float, default=60, help="fuzzing time per target")
    parser.add_argument("--runs", type=int, default=0, help="also stop after N inputs (0: no limit)")
    parser.add_argument("--seed", type=int, default=None, help="libFuzzer random seed")
    parser.add_argument("--doc-timeout", type=float, default=10.0, help="per-document time limit")
    parser.add_argument("--slow", type=float, default=3.0, help="keep inputs slower than this")
    parser.add_argument("--rss-mb", type=int, default=2048, help="libFuzzer RSS limit")
    parser.add_argument("--max-len", type=int, default=MAX_SEED_BYTES, help="largest input")
    parser.add_argument("--sample", type=int, default=10, help="kept inputs re-checked per target")
    parser.add_argument("--ocr", action="store_true", help="leave tesseract on PATH")
    parser.add_argument("--out", default=str(ROOT / "var" / "fuzz"))
    parser.add_argument("--replay", help="only push the files of this folder through extract()")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.child:
        run_child(args)
        return 0
    if args.replay:
        files = sorted(p for p in Path(args.replay).iterdir() if p.is_file() and p.suffix != ".json")
        results = isolated_check(files, doc_timeout=args.doc_timeout)
        for r in results:
            print(f"{'ok ' if r['ok'] else 'BAD'} {r['seconds']:6.2f}s {r['outcome']:<22} {r['file']}")
        return 0 if all(r["ok"] for r in results) else 1

    targets = TARGETS if args.targets == "all" else tuple(args.targets.split(","))
    unknown = set(targets) - set(TARGETS)
    if unknown:
        parser.error(f"unknown targets: {', '.join(sorted(unknown))}")
    Path(args.out).mkdir(parents=True, exist_ok=True)
    env = _child_env(args.ocr)
    rng = random.Random(args.seed or 0)
    report = {"args": {k: v for k, v in vars(args).items() if k != "child"}, "targets": []}
    failed = False
    for target in targets:
        result = run_target(target, args, env)
        out = Path(args.out) / target
        to_check = [out / "findings" / f["file"] for f in result["findings"]]
        to_check += _sample(out / "slowest", 5, rng) + _sample(out / "corpus", args.sample, rng)
        result["isolated"] = isolated_check(
            [p for p in to_check if p.exists()],
            doc_timeout=args.doc_timeout,
            structure=target == "structure",
        )
        bad = [f for f in result["findings"] if f["kind"] in FINDING_KINDS]
        bad_isolated = [r for r in result["isolated"] if not r["ok"]]
        # A child that ran nothing (import error, bad argument) is a failure, not a clean run.
        result["ok"] = not bad and not bad_isolated and result["executions"] > 0
        failed = failed or not result["ok"]
        report["targets"].append(result)
        print(
            f"{target:<9} {'ok  ' if result['ok'] else 'FAIL'} {result['seconds']:6.1f}s "
            f"seeds={result['seeds']:<3} execs={result['executions']:<7} "
            f"exec/s={result['exec_per_sec']:<5} cov={result['coverage']:<6} "
            f"rss={result['peak_rss_mb']}MB findings={len(bad)} "
            f"slow={sum(1 for f in result['findings'] if f['kind'] == 'slow')} "
            f"isolated={len(result['isolated']) - len(bad_isolated)}/{len(result['isolated'])} ok",
            flush=True,
        )
        for finding in result["findings"]:
            print(
                f"    {finding['kind']}: {finding['file']} {finding.get('error', '')} "
                f"{finding.get('where', '')}{finding.get('seconds', '')}"
            )
        for r in bad_isolated:
            print(f"    isolated BAD: {r}")
    (Path(args.out) / "report.json").write_text(json.dumps(report, indent=2))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
