"""Resume exports: render a resume in one format, store the file, hand out a signed URL.

``resume_export`` is the one entry point (the smartcv export view calls it; share pages and
other dialects can too). Ownership is the selector's (404 RESUME_NOT_FOUND / 403
RESUME_NOT_OWNED); a renderer failure is logged with the resume id and answered as 500
EXPORT_FAILED — nothing is stored or recorded then.
"""

from __future__ import annotations

import base64
import dataclasses
import io
import json
import logging
import re
import unicodedata
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.db import transaction
from django.utils import timezone
from PIL import Image

from rendering.context import RenderOptions, apply_visibility, visible_sections
from rendering.docx import render_docx
from rendering.html import render_html
from rendering.models import ResumeExport
from rendering.pdf import render_pdf
from rendering.txt import render_txt
from resumes.convert import to_json_resume
from resumes.document import ResumeDocument
from resumes.layouts import LAYOUT_SLUGS, layout_read, layouts_dir
from resumes.models import Resume
from resumes.selectors import resume_get_for_user, resume_template
from smartcv import files, netguard
from smartcv.errors import ApplicationError

logger = logging.getLogger(__name__)

EXPORT_TTL_SECONDS = 24 * 3600
FORMATS = ("pdf", "docx", "html", "txt", "json")
CONTENT_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "html": "text/html; charset=utf-8",
    "txt": "text/plain; charset=utf-8",
    "json": "application/json",
}
PHOTO_MAX_BYTES = 2 * 1024 * 1024
PHOTO_MAX_PIXELS = 25_000_000
PHOTO_SIDE_PX = 600  # ~50 mm at 300 dpi: more than any layout prints
_PHOTO_MAGIC = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff")


@dataclass(frozen=True)
class Layout:
    slug: str
    html_template: str
    css_styles: str


@dataclass(frozen=True)
class ExportResult:
    export: ResumeExport
    download_url: str
    filename: str
    format: str
    file_size: int
    expires_at: datetime


# --- file names --------------------------------------------------------------------------------

# Latin letters NFKD does not decompose into ASCII.
_FOLD = str.maketrans(
    {
        "ß": "ss",
        "æ": "ae",
        "Æ": "AE",
        "ø": "o",
        "Ø": "O",
        "œ": "oe",
        "Œ": "OE",
        "ł": "l",
        "Ł": "L",
        "đ": "d",
        "Đ": "D",
        "þ": "th",
        "Þ": "Th",
        "ð": "d",
    }
)
_MAX_FILENAME_WORDS = 12


def _words(text: str) -> list[str]:
    """Words of a name or title, Latin letters folded to ASCII, other scripts kept.

    'Amélie Dubois-Laurent' → ['Amelie', 'Dubois', 'Laurent']; '张三 Zhang San' →
    ['张三', 'Zhang', 'San']. Anything that is not a letter or digit separates words.
    """
    folded = []
    for char in unicodedata.normalize("NFKD", text.translate(_FOLD)):
        if unicodedata.combining(char):
            continue  # the accent of a decomposed Latin letter
        folded.append(char if char.isalnum() else " ")
    return "".join(folded).split()


def export_filename(*, name: str, title: str, extension: str) -> str:
    """``Zhang_San_Software_Engineer_Resume.pdf``: person name + resume title + 'Resume'.

    Latin letters lose their accents (é → e, ß → ss) so the name is ASCII for most people;
    letters of other scripts (Chinese, Cyrillic, Arabic…) are kept as they are rather than
    guessed at — the download's Content-Disposition carries them RFC 5987-encoded, with an
    ASCII fallback. 'Resume' is appended unless the title already ends with it (or with
    'CV'); with neither name nor title the file is 'Resume.<ext>'.
    """
    words = _words(name) + _words(title)
    if not words or words[-1].lower() not in {"resume", "cv"}:
        words.append("Resume")
    if len(words) > _MAX_FILENAME_WORDS:
        words = [*words[: _MAX_FILENAME_WORDS - 1], words[-1]]
    return f"{'_'.join(words)[:150]}.{extension}"


# --- inputs of the renderers ---------------------------------------------------------------------


def resume_layout(resume: Resume) -> Layout:
    """The resume's template (or the default one); the files on disk when no row exists yet."""
    template = resume_template(resume)
    if template is not None and template.html_template:
        return Layout(template.slug, template.html_template, template.css_styles)
    layout = layout_read(layouts_dir() / LAYOUT_SLUGS[0])
    if layout is None:
        raise ApplicationError("export_failed", "No resume layout is installed", status=500)
    return Layout(layout.slug, layout.html_template, layout.css_styles)


def _normalised_photo(data: bytes) -> str:
    """A decodable PNG/JPEG re-encoded as a small JPEG data: URI, or '' for anything else.

    Decoding it here means a corrupt or hostile file (a PNG header on garbage, a 50,000²
    pixel bomb) is dropped instead of failing the export inside a renderer; downscaling keeps
    a 5 MB camera photo from bloating every PDF.
    """
    if not any(data.startswith(magic) for magic in _PHOTO_MAGIC):
        return ""
    try:
        with Image.open(io.BytesIO(data)) as probe:
            if probe.width * probe.height > PHOTO_MAX_PIXELS:
                return ""
            probe.verify()
        with Image.open(io.BytesIO(data)) as image:
            image = image.convert("RGB")
            image.thumbnail((PHOTO_SIDE_PX, PHOTO_SIDE_PX))
            out = io.BytesIO()
            image.save(out, "JPEG", quality=85)
    except (OSError, ValueError, Image.DecompressionBombError, SyntaxError):
        return ""
    return "data:image/jpeg;base64," + base64.b64encode(out.getvalue()).decode()


def photo_data_uri(url: str) -> str:
    """The photo at ``url`` as a data: URI, or '' when it cannot be used.

    Fetched here (public addresses only, bounded in size and time) so renderers never touch
    the network; only PNG and JPEG that actually decode. A missing photo never fails an
    export.
    """
    if not url:
        return ""
    if url.startswith("data:"):
        match = re.match(r"^data:image/(?:png|jpeg);base64,([A-Za-z0-9+/=\s]+)$", url)
        if not match:
            return ""
        try:
            return _normalised_photo(base64.b64decode(match.group(1)))
        except ValueError:
            return ""
    try:
        response = netguard.fetch(
            url, timeout=5.0, deadline=8.0, max_bytes=PHOTO_MAX_BYTES, follow_redirects=3
        )
    except netguard.FetchError as exc:
        logger.info("resume photo not fetched: %s (%s)", exc.code, exc.message)
        return ""
    if response.status != 200:
        return ""
    return _normalised_photo(response.body)


def render_resume(
    document: ResumeDocument,
    *,
    fmt: str,
    layout: Layout,
    visibility: dict[str, Any] | None,
    options: RenderOptions,
) -> bytes:
    """The file bytes for one format. RenderError on a renderer failure."""
    if fmt == "pdf":
        return render_pdf(
            document,
            template_source=layout.html_template,
            css=layout.css_styles,
            visibility=visibility,
            options=options,
        )
    if fmt == "html":
        return render_html(
            document,
            template_source=layout.html_template,
            css=layout.css_styles,
            visibility=visibility,
            options=options,
        )
    if fmt == "docx":
        return render_docx(document, css=layout.css_styles, visibility=visibility, options=options)
    if fmt == "txt":
        return render_txt(document, visibility=visibility, options=options)
    if fmt == "json":
        data = to_json_resume(apply_visibility(document, visibility))
        return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    raise ValueError(f"unknown export format {fmt!r}")


# --- the service -------------------------------------------------------------------------------


def resume_export(*, user, resume_id: Any, fmt: str, options: RenderOptions) -> ExportResult:
    """Render the user's resume as ``fmt``, store it and return a 24-hour download URL."""
    if fmt not in FORMATS:
        raise ApplicationError(
            "validation_error",
            f"Unsupported export format: {fmt}",
            status=400,
            details={"format": [f"Must be one of: {', '.join(FORMATS)}"]},
        )
    resume = resume_get_for_user(user=user, resume_id=resume_id)
    document = resume.document
    visibility = resume.sections_visibility or {}
    layout = resume_layout(resume)
    shows_person = visible_sections(visibility)["personalInfo"]
    if options.include_photo and shows_person and fmt in ("pdf", "html", "docx"):
        photo = photo_data_uri(document.personal.image_url)
        options = dataclasses.replace(options, photo_data_uri=photo)

    try:
        data = render_resume(document, fmt=fmt, layout=layout, visibility=visibility, options=options)
    except Exception:  # RenderError, or a bug in a converter: either way the export failed
        logger.exception("export of resume %s as %s failed", resume.pk, fmt)
        raise ApplicationError(
            "export_failed",
            "Export failed",
            status=500,
            details={"resumeId": str(resume.pk), "format": fmt},
        ) from None

    filename = export_filename(
        name=document.personal.name if shows_person else "", title=resume.title, extension=fmt
    )
    name = files.store(data=data, name=f"exports/{filename}", content_type=CONTENT_TYPES[fmt])
    try:
        url, expires_at = files.signed_url(name, expires_in=EXPORT_TTL_SECONDS, filename=filename)
        with transaction.atomic():
            export = ResumeExport.objects.create(
                owner=user,
                resume=resume,
                format=fmt,
                options={
                    "pageSize": options.page_size,
                    "margin": options.margin,
                    "includePhoto": options.include_photo,
                    "colorScheme": options.color_scheme,
                },
                template_slug=layout.slug,
                filename=filename,
                file=name,
                file_size=len(data),
                expires_at=expires_at,
            )
    except Exception:
        files.delete(name)  # no orphan file when the record cannot be written
        raise
    return ExportResult(
        export=export,
        download_url=url,
        filename=filename,
        format=fmt,
        file_size=len(data),
        expires_at=expires_at,
    )


def exports_purge_expired(*, now: datetime | None = None) -> int:
    """Delete expired export files and their records; returns how many went."""
    now = now or timezone.now()
    expired = list(ResumeExport.objects.filter(expires_at__lte=now).only("id", "file"))
    for export in expired:
        files.delete(export.file)
    ResumeExport.objects.filter(id__in=[e.id for e in expired]).delete()
    return len(expired)
