"""``python manage.py parse_files DIR --out OUT``: parse every resume file under DIR and write
the full parserpro candidate JSON to ``OUT/<path relative to DIR>.json`` — the input of
``shared/tools/score_parse.py`` and a quick way to eyeball the parser on a folder."""

from __future__ import annotations

import json
import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from parsing.extract import ExtractionError
from parsing.pipeline import parse_bytes

SKIP_SUFFIXES = (".json",)


class Command(BaseCommand):
    help = (
        "Parse every resume file in DIR and write OUT/<relative path>.json (parserpro candidate JSON)."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("directory", type=Path)
        parser.add_argument("--out", type=Path, required=True)
        parser.add_argument(
            "--timeout", type=float, default=30.0, help="per-document extraction limit (s)"
        )

    def handle(self, *args, directory: Path, out: Path, timeout: float, **options) -> None:
        if not directory.is_dir():
            raise CommandError(f"{directory} is not a directory")
        files = sorted(
            p
            for p in directory.rglob("*")
            if p.is_file() and not p.name.endswith(SKIP_SUFFIXES) and not p.name.startswith(".")
        )
        failed = 0
        started = time.perf_counter()
        for path in files:
            relative = path.relative_to(directory)
            target = out / relative.parent / f"{relative.name}.json"
            target.parent.mkdir(parents=True, exist_ok=True)
            try:
                result = parse_bytes(path.read_bytes(), filename=path.name, timeout=timeout)
                payload = {
                    **result.candidate,
                    "parsing_status": "completed",
                    "original_filename": path.name,
                }
            except ExtractionError as exc:
                failed += 1
                payload = {
                    "original_filename": path.name,
                    "parsing_status": "failed",
                    "parsing_errors": [{"code": exc.code, "message": exc.message}],
                }
            target.write_text(json.dumps(payload, ensure_ascii=False, indent=2), encoding="utf-8")
            if options.get("verbosity", 1) >= 2:
                self.stdout.write(f"{relative}: {payload['parsing_status']}")
        elapsed = time.perf_counter() - started
        self.stdout.write(f"{len(files)} files parsed into {out} in {elapsed:.1f}s ({failed} failed)")
