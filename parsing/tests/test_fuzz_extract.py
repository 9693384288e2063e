"""A short, fixed-seed run of the extraction fuzzer (benchmarks/fuzz_extract.py), ~45 s: the
``auto`` target (type sniffing and every extractor, seeded with the whole corpus), ``docx``
and ``structure``. Each executes inputs; none raises anything but ExtractionError, hangs or
blows up memory; the inputs it kept pass through the isolated worker cleanly. The long runs
of every target are in docs/RELIABILITY.md ("Attack: files and web")."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT.parent / "shared" / "corpus" / "resumes"
sys.path.insert(0, str(ROOT / "benchmarks"))
from fuzz_extract import FINDING_KINDS  # noqa: E402

CI_TARGETS = ["auto", "docx", "structure"]


@pytest.mark.skipif(not CORPUS.is_dir(), reason="the shared corpus is not beside this checkout")
def test_short_fuzz_run_finds_nothing(tmp_path):
    args = ["--targets", ",".join(CI_TARGETS), "--seconds", "8", "--runs", "5000", "--seed", "1"]
    args += ["--doc-timeout", "3", "--sample", "3"]
    proc = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "fuzz_extract.py"), *args, "--out", str(tmp_path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    report = json.loads((tmp_path / "report.json").read_text())
    assert [t["target"] for t in report["targets"]] == CI_TARGETS
    for target in report["targets"]:
        assert target["executions"] > target["seeds"], (target["target"], proc.stdout)
        assert [f for f in target["findings"] if f["kind"] in FINDING_KINDS] == [], proc.stdout
        assert all(r["ok"] for r in target["isolated"]), target["isolated"]
    assert proc.returncode == 0, proc.stdout + proc.stderr[-2000:]
