"""CV parsing speed on the shared corpus: bare extraction (and, once added, the full pipeline).

    .venv/bin/python benchmarks/parse_bench.py                 # text PDFs + DOCX, 5 runs each
    .venv/bin/python benchmarks/parse_bench.py --runs 9 --ocr  # also time the OCR documents
    .venv/bin/python benchmarks/parse_bench.py --table         # per-file extraction table

Each stage is a function ``(data, filename) -> object`` in ``STAGES``; every file is run
``--runs`` times per stage and its median kept. Per group (text PDFs, DOCX) the report gives
the median of those per-file medians and documents/second on one core (files / sum of
per-file medians: one document at a time, sequentially). The extraction worker runs in a
child process, but only one process is busy at any moment, so this is one core's throughput.

Stages:
  extract             parsing.extract.extract: what the pipeline pays (isolated worker + IPC)
  extract_in_process  the same extraction without the worker (library cost only)
Add the full pipeline as another stage, e.g. ``STAGES["full"] = lambda data, name: ...``.
OCR documents (method contains "ocr") are timed separately (one run each: seconds per page).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from parsing.extract import Extracted, ExtractionError, extract, extract_in_process, warm_up  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus" / "resumes"


def stage_extract(data: bytes, filename: str) -> Extracted:
    return extract(data, filename=filename, timeout=60)


def stage_extract_in_process(data: bytes, filename: str) -> Extracted:
    return extract_in_process(data, filename=filename, timeout=60)


def stage_full(data: bytes, filename: str) -> object:
    """The full pipeline as production runs it: isolated extraction + structuring (parse_bytes)."""
    from parsing.pipeline import parse_bytes

    return parse_bytes(data, filename=filename, timeout=60)


def stage_full_in_process(data: bytes, filename: str) -> object:
    """Extraction in this process + structuring: the pipeline's own CPU cost."""
    from parsing.pipeline import parse_text

    extracted = extract_in_process(data, filename=filename, timeout=60)
    return parse_text(extracted.text, kind=extracted.kind, language_hint=extracted.language_hint)


def warm_up_structuring() -> None:
    """Load the language model and skills vocabulary before timing (once per process)."""
    from parsing.structure import warm_up as structure_warm_up

    structure_warm_up()


STAGES: dict[str, Callable[[bytes, str], object]] = {
    "extract": stage_extract,
    "extract_in_process": stage_extract_in_process,
    "full": stage_full,
    "full_in_process": stage_full_in_process,
}
IN_PROCESS = {"extract_in_process", "full_in_process"}
"""Stages whose work runs in this process, so their CPU time is meaningful (add "full" if the
pipeline stage calls extract_in_process; with extract() the worker's CPU is not counted)."""


def corpus_documents(directory: Path) -> list[tuple[str, bytes, Extracted]]:
    """Every resume file with its extraction (one untimed pass, which also warms caches)."""
    docs = []
    for path in sorted(directory.iterdir()):
        if path.name.endswith(".json") or not path.is_file():
            continue
        data = path.read_bytes()
        try:
            docs.append((path.name, data, stage_extract(data, path.name)))
        except ExtractionError as exc:
            print(f"  skipped {path.name}: {exc.code}", file=sys.stderr)
    return docs


def groups(docs: list[tuple[str, bytes, Extracted]]) -> dict[str, list[tuple[str, bytes, Extracted]]]:
    out: dict[str, list[tuple[str, bytes, Extracted]]] = {
        "text_pdf": [],
        "docx": [],
        "ocr": [],
        "other": [],
    }
    for doc in docs:
        result = doc[2]
        if "ocr" in result.method:
            out["ocr"].append(doc)
        elif result.kind == "pdf":
            out["text_pdf"].append(doc)
        elif result.kind == "docx":
            out["docx"].append(doc)
        else:
            out["other"].append(doc)
    return out


def time_stage(
    stage: Callable[[bytes, str], object], data: bytes, filename: str, runs: int
) -> tuple[float, float]:
    """Median wall-clock and CPU milliseconds (this process) of ``runs`` calls."""
    wall, cpu = [], []
    for _ in range(runs):
        started, started_cpu = time.perf_counter(), time.process_time()
        stage(data, filename)
        wall.append((time.perf_counter() - started) * 1000)
        cpu.append((time.process_time() - started_cpu) * 1000)
    return statistics.median(wall), statistics.median(cpu)


def run_stage(stage: Callable[[bytes, str], object], docs: list, runs: int) -> dict[str, float]:
    timings = [time_stage(stage, data, name, runs) for name, data, _ in docs]
    wall = [w for w, _ in timings]
    cpu = [c for _, c in timings]
    return {
        "files": len(wall),
        "median_ms": statistics.median(wall),
        "docs_per_s": len(wall) / (sum(wall) / 1000),
        "max_ms": max(wall),
        "cpu_median_ms": statistics.median(cpu),
        "cpu_docs_per_s": len(cpu) / (sum(cpu) / 1000) if sum(cpu) else float("inf"),
    }


def print_table(docs: list[tuple[str, bytes, Extracted]], runs: int) -> None:
    print(f"{'file':58} {'kind':5} {'method':12} {'pages':>5} {'chars':>6} {'ms':>7}")
    for name, data, result in docs:
        ms, _ = time_stage(stage_extract, data, name, 1 if "ocr" in result.method else runs)
        print(
            f"{name:58} {result.kind:5} {result.method:12} {result.pages:5}"
            f" {len(result.text):6} {ms:7.1f}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--ocr", action="store_true", help="also time the OCR documents (slow)")
    parser.add_argument("--table", action="store_true", help="print the per-file extraction table")
    args = parser.parse_args()

    warm_up()
    warm_up_structuring()
    docs = corpus_documents(args.corpus)
    by_group = groups(docs)
    if args.table:
        print_table(docs, args.runs)
        print()
    print(
        f"{'group':9} {'stage':20} {'files':>5} {'median ms':>10} {'docs/s':>8} {'max ms':>8}"
        f" {'cpu median ms':>14} {'cpu docs/s':>11}"
    )
    for group in ("text_pdf", "docx"):
        for name, stage in STAGES.items():
            f = run_stage(stage, by_group[group], args.runs)
            # CPU time is this process's only: meaningful for in-process stages, not for the
            # isolated worker (its CPU is spent in the child).
            cpu = f"{f['cpu_median_ms']:14.1f} {f['cpu_docs_per_s']:11.1f}" if name in IN_PROCESS else ""
            wall = f"{f['median_ms']:10.1f} {f['docs_per_s']:8.1f} {f['max_ms']:8.1f}"
            print(f"{group:9} {name:20} {f['files']:5} {wall} {cpu}")
    if args.ocr and by_group["ocr"]:
        figures = run_stage(stage_extract, by_group["ocr"], 1)  # wall-clock: Tesseract runs in children
        pages = sum(doc[2].pages for doc in by_group["ocr"])
        print(
            f"{'ocr':9} {'extract':20} {figures['files']:5} {figures['median_ms']:10.1f}"
            f" {figures['docs_per_s']:8.2f} {figures['max_ms']:8.1f}   ({pages} pages in all)"
        )


if __name__ == "__main__":
    main()
