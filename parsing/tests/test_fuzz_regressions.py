"""Inputs the fuzzer (benchmarks/fuzz_extract.py) found, each ending in its documented clean
failure: in process (no exception but ExtractionError) and through the isolated worker."""

import json
import time
from pathlib import Path

import pytest

from parsing.extract import ExtractionError, extract, extract_in_process, limits

FUZZ = Path(__file__).parent / "data" / "fuzz"
MANIFEST = json.loads((FUZZ / "MANIFEST.json").read_text())


def test_every_reproducer_is_in_the_manifest():
    assert sorted(p.name for p in FUZZ.iterdir() if p.name != "MANIFEST.json") == sorted(MANIFEST)


@pytest.mark.parametrize("name", sorted(n for n, e in MANIFEST.items() if e["code"] != "timeout"))
def test_reproducer_fails_cleanly_in_process_and_isolated(name):
    data = (FUZZ / name).read_bytes()
    with pytest.raises(ExtractionError) as in_process:
        extract_in_process(data, filename=name)
    with pytest.raises(ExtractionError) as isolated:
        extract(data, filename=name)
    assert in_process.value.code == isolated.value.code == MANIFEST[name]["code"]


def test_zip_version_docx_is_a_corrupt_word_document_for_the_sniffer_too():
    from parsing.extract import sniff

    assert sniff((FUZZ / "docx_zip_version_notimplemented.docx").read_bytes()) == "docx"


def test_spinning_antiword_is_stopped_by_its_own_limit_before_the_document_deadline(monkeypatch):
    monkeypatch.setattr(limits, "ANTIWORD_TIMEOUT", 1.0)
    started = time.monotonic()
    with pytest.raises(ExtractionError) as err:
        extract_in_process((FUZZ / "doc_antiword_spins.doc").read_bytes(), timeout=30)
    assert err.value.code == "timeout"
    assert time.monotonic() - started < 5
