"""Resume rendering speed per layout and format, and the layout gallery.

    .venv/bin/python benchmarks/render_bench.py               # timings (median of --runs)
    .venv/bin/python benchmarks/render_bench.py --gallery docs/gallery

The sample is the two-page resume of the rendering tests (rendering/tests/data). The first
PDF of a process also registers the fonts (a one-off ~1 s, mostly the CJK face); it is
reported separately and left out of the medians. The gallery needs ``pdftoppm`` (poppler).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "smartcv.settings")

import django  # noqa: E402 (the path and settings above come first)

django.setup()

import logging  # noqa: E402

from rendering.context import RenderOptions  # noqa: E402
from rendering.docx import render_docx  # noqa: E402
from rendering.html import render_html  # noqa: E402
from rendering.pdf import render_pdf  # noqa: E402
from rendering.tests.conftest import load  # noqa: E402
from rendering.txt import render_txt  # noqa: E402
from resumes.document import validate_document  # noqa: E402
from resumes.layouts import LAYOUT_SLUGS, layout_read, layouts_dir  # noqa: E402


def renderers(layout):
    return {
        "pdf": lambda doc, opts: render_pdf(
            doc, template_source=layout.html_template, css=layout.css_styles, options=opts
        ),
        "html": lambda doc, opts: render_html(
            doc, template_source=layout.html_template, css=layout.css_styles, options=opts
        ),
        "docx": lambda doc, opts: render_docx(doc, css=layout.css_styles, options=opts),
        "txt": lambda doc, opts: render_txt(doc, options=opts),
    }


def bench(runs: int) -> None:
    doc = validate_document(load("full_resume.json"))
    options = RenderOptions()
    layouts = [layout_read(layouts_dir() / slug) for slug in LAYOUT_SLUGS]
    started = time.perf_counter()
    render_pdf(doc, template_source=layouts[0].html_template, css=layouts[0].css_styles)
    first_ms = (time.perf_counter() - started) * 1000
    print(f"first PDF of the process (font registration included): {first_ms:.0f} ms")
    print(f"{'layout':16} {'format':6} {'median ms':>10} {'bytes':>8}")
    for layout in layouts:
        for fmt, render in renderers(layout).items():
            times, size = [], 0
            for _ in range(runs):
                t = time.perf_counter()
                size = len(render(doc, options))
                times.append((time.perf_counter() - t) * 1000)
            print(f"{layout.slug:16} {fmt:6} {statistics.median(times):10.1f} {size:8d}")


def gallery(target: Path) -> None:
    target.mkdir(parents=True, exist_ok=True)
    samples = {
        "": (validate_document(load("full_resume.json")), RenderOptions()),
        "-zh": (validate_document(load("chinese_resume.json")), RenderOptions(color_scheme="teal")),
    }
    with tempfile.TemporaryDirectory() as tmp:
        for slug in LAYOUT_SLUGS:
            layout = layout_read(layouts_dir() / slug)
            for suffix, (doc, options) in samples.items():
                pdf = Path(tmp) / f"{slug}{suffix}.pdf"
                pdf.write_bytes(
                    render_pdf(
                        doc, template_source=layout.html_template, css=layout.css_styles, options=options
                    )
                )
                subprocess.run(
                    [
                        "pdftoppm",
                        "-png",
                        "-r",
                        "60",
                        "-f",
                        "1",
                        "-l",
                        "1",
                        "-singlefile",
                        str(pdf),
                        str(target / f"{slug}{suffix}"),
                    ],
                    check=True,
                )
                print(target / f"{slug}{suffix}.png")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--gallery", type=Path, help="write page-1 PNGs of every layout here")
    args = parser.parse_args()
    logging.disable(logging.WARNING)  # xhtml2pdf's notes about CSS it ignores
    if args.gallery:
        gallery(args.gallery)
    else:
        bench(args.runs)


if __name__ == "__main__":
    main()
