"""Resume rendering speed per layout and format, and the layout gallery.

    .venv/bin/python benchmarks/render_bench.py               # timings (median of --runs)
    .venv/bin/python benchmarks/render_bench.py --gallery docs/gallery
    .venv/bin/python benchmarks/render_bench.py --service     # full service vs bare xhtml2pdf
    .venv/bin/python benchmarks/render_bench.py --anon-gallery docs/gallery/anonymised

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


# Every privacy flag on, agency branding, Calibri: the heaviest settings a recruiter can pick.
SERVICE_PRIVACY = {
    "hideName": True,
    "hideEmail": True,
    "hidePhone": True,
    "hidePhoto": True,
    "hideAddress": True,
    "hideLinks": True,
    "hideBirthDate": True,
    "hideAge": True,
}


def _service_settings(layout: str = "modern", privacy: dict | None = None):
    from rendering.models import RenderSettings

    return RenderSettings(
        layout=layout,
        font_style="Calibri",
        font_size=11,
        line_height=1.35,
        margin_top=20,
        margin_bottom=18,
        margin_x=18,
        section_spacing=10,
        agency_name="Acme Recruiting",
        agency_website="https://acme.example",
        privacy=SERVICE_PRIVACY if privacy is None else privacy,
    )


def service_bench(runs: int) -> None:
    """Median ms of one two-page resume PDF through the full service — settings → options,
    privacy, template, xhtml2pdf, storage and a signed URL — next to bare xhtml2pdf on the
    very same HTML, alternating the two so machine noise hits both alike."""
    from django.test import override_settings

    from rendering.fonts import font_face_css
    from rendering.html import build_html
    from rendering.pdf import _TITLE_CSS, _used_css, html_to_pdf
    from rendering.privacy import anonymise
    from rendering.services import (
        document_render,
        privacy_rules,
        render_options,
        settings_layout,
    )
    from smartcv import files

    doc = validate_document(load("full_resume.json"))
    render_settings = _service_settings()
    with (
        tempfile.TemporaryDirectory() as media,
        override_settings(
            STORAGES={
                "default": {
                    "BACKEND": "django.core.files.storage.FileSystemStorage",
                    "OPTIONS": {"location": media},
                },
                "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
            }
        ),
    ):
        options = render_options(render_settings)
        layout = settings_layout(render_settings.layout)
        html = build_html(
            anonymise(doc, privacy_rules(render_settings), seed="bench"),
            template_source=layout.html_template,
            css=layout.css_styles,
            options=options,
            target="pdf",
            head_css=font_face_css(_used_css(layout.css_styles, options)) + _TITLE_CSS,
        )
        html_to_pdf(html)  # fonts registered before timing

        def full() -> int:
            opts = render_options(render_settings)
            data = document_render(doc, render_settings=render_settings, seed="bench", options=opts)
            name = files.store(data=data, name="pdfs/resume_bench.pdf", content_type="application/pdf")
            files.signed_url(name, expires_in=3600)
            return len(data)

        full_ms, bare_ms = [], []
        for _ in range(runs):
            t = time.perf_counter()
            full()
            full_ms.append((time.perf_counter() - t) * 1000)
            t = time.perf_counter()
            bare = html_to_pdf(html)
            bare_ms.append((time.perf_counter() - t) * 1000)
        pages = len(__import__("pypdf").PdfReader(__import__("io").BytesIO(bare)).pages)
    full_median, bare_median = statistics.median(full_ms), statistics.median(bare_ms)
    print(f"resume pages: {pages}, runs: {runs}")
    print(f"full service (settings, privacy, template, xhtml2pdf, storage): {full_median:.1f} ms")
    print(f"bare xhtml2pdf on the same HTML:                               {bare_median:.1f} ms")
    print(f"ratio: {full_median / bare_median:.2f} (target <= 1.3)")


def anon_gallery(target: Path, limit: int = 3) -> None:
    """Page 1 of a few corpus CVs (parsed here) in every settings layout, standard and
    anonymised, as PNGs (pypdfium2) — to look at overflow, overlaps and missing glyphs."""
    from parsing.pipeline import parse_bytes
    from rendering.previews import pdf_pages_to_png
    from rendering.services import LAYOUT_DIRS, document_render

    corpus = Path(os.environ.get("SMARTCV_CORPUS", ROOT.parent / "shared" / "corpus" / "resumes"))
    names = ["awesomecv__resume.pdf", "billryan__resume_zh_CN.pdf", "altacv__sample.pdf"][:limit]
    target.mkdir(parents=True, exist_ok=True)
    for name in names:
        path = corpus / name
        if not path.is_file():
            print(f"skipped (missing): {path}")
            continue
        doc = parse_bytes(path.read_bytes(), filename=name).document
        stem = name.split("__", 1)[0]
        for layout in LAYOUT_DIRS:
            for mode, privacy in (("standard", {}), ("anonymised", SERVICE_PRIVACY)):
                pdf = document_render(
                    doc,
                    render_settings=_service_settings(layout, privacy),
                    seed=name,
                    fetch_photo=False,
                )
                png = pdf_pages_to_png(pdf, scale=0.8, max_pages=1)[0]
                out = target / f"{stem}-{layout}-{mode}.png"
                out.write_bytes(png)
                print(out)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--gallery", type=Path, help="write page-1 PNGs of every layout here")
    parser.add_argument("--service", action="store_true", help="full service vs bare xhtml2pdf")
    parser.add_argument("--anon-gallery", type=Path, help="corpus CVs, standard and anonymised")
    args = parser.parse_args()
    logging.disable(logging.WARNING)  # xhtml2pdf's notes about CSS it ignores
    if args.gallery:
        gallery(args.gallery)
    elif args.anon_gallery:
        anon_gallery(args.anon_gallery)
    elif args.service:
        service_bench(args.runs)
    else:
        bench(args.runs)


if __name__ == "__main__":
    main()
