"""Resume exports: render a resume in one format, store the file, hand out a signed URL.

``resume_export`` is the one entry point (the smartcv export view calls it; share pages and
other dialects can too). Ownership is the selector's (404 RESUME_NOT_FOUND / 403
RESUME_NOT_OWNED); a renderer failure is logged with the resume id and answered as 500
EXPORT_FAILED — nothing is stored or recorded then.
"""

from __future__ import annotations

import base64
import dataclasses
import functools
import io
import json
import logging
import re
import unicodedata
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone
from PIL import Image

from parsing.models import Candidate
from rendering.context import RenderOptions, apply_visibility, safe_href, visible_sections
from rendering.docx import render_docx
from rendering.html import render_html
from rendering.models import RenderSettings, ResumeExport
from rendering.pdf import render_pdf
from rendering.previews import pdf_pages_to_png
from rendering.privacy import NAME_MODES, PrivacyRules, anonymise
from rendering.txt import render_txt
from resumes.convert import to_json_resume
from resumes.document import DocumentError, ResumeDocument, validate_document
from resumes.layouts import LAYOUT_SLUGS, layout_read, layouts_dir
from resumes.models import Resume
from resumes.selectors import resume_get_for_user, resume_template
from smartcv import files, netguard
from smartcv.errors import ApplicationError
from smartcv.services import credits_charge, credits_require

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


# --- render settings ("Paramètres du CV") ---------------------------------------------------------

# Accepted ranges (inclusive). Outside them a PUT answers 400 with one message per field:
# smaller type is unreadable, larger margins leave no room for the resume.
SETTINGS_RANGES: dict[str, tuple[float, float]] = {
    "fontSize": (8, 16),  # pt
    "lineHeight": (1.0, 2.0),  # multiplier
    "marginTop": (5, 40),  # mm
    "marginBottom": (5, 40),  # mm
    "marginX": (5, 40),  # mm
    "sectionSpacing": (0, 40),  # pt
}
SETTINGS_FIELDS = {
    "fontStyle": "font_style",
    "fontSize": "font_size",
    "lineHeight": "line_height",
    "marginTop": "margin_top",
    "marginBottom": "margin_bottom",
    "marginX": "margin_x",
    "sectionSpacing": "section_spacing",
    "agencyName": "agency_name",
    "agencyWebsite": "agency_website",
}
PRIVACY_FLAGS = {
    "hidePhoto": "hide_photo",
    "hideEmail": "hide_email",
    "hidePhone": "hide_phone",
    "hideName": "hide_name",
    "hideAddress": "hide_address",
    "hideLinks": "hide_links",
    "hideBirthDate": "hide_birth_date",
    "hideAge": "hide_age",
}
# The layouts of the settings → their directory under templates/resume_layouts/.
LAYOUT_DIRS = {
    "modern": "modern-minimal",
    "classic": "classic",
    "compact": "compact",
    "creative": "creative",
}
CANVAS_TTL_SECONDS = 7 * 24 * 3600
PDF_TTL_SECONDS = 7 * 24 * 3600
LOGO_MAX_BYTES = 512 * 1024
_FONT_NAME = re.compile(r"^[A-Za-z0-9 ._-]{1,60}$")


def _field_error(details: dict[str, list[str]]) -> ApplicationError:
    first = next(iter(details.items()))
    return ApplicationError(
        "validation_error", f"{first[0]}: {first[1][0]}", status=400, details=details
    )


def settings_validate(data: Any) -> dict[str, Any]:
    """The client's settings JSON → model field values; 400 listing every bad field.

    Keys that are absent keep their current value (a PUT of the full object replaces all).
    """
    if not isinstance(data, dict):
        raise ApplicationError("validation_error", "Send the settings as a JSON object", status=400)
    values: dict[str, Any] = {}
    errors: dict[str, list[str]] = {}
    if "layout" in data:
        layout = str(data["layout"] or "").strip().lower()
        if layout not in LAYOUT_DIRS:
            errors["layout"] = [f"Must be one of: {', '.join(LAYOUT_DIRS)}"]
        else:
            values["layout"] = layout
    for key, (low, high) in SETTINGS_RANGES.items():
        if key not in data:
            continue
        raw = data[key]
        if isinstance(raw, bool) or not isinstance(raw, int | float) or raw != raw:
            errors[key] = ["Must be a number"]
        elif not low <= raw <= high:
            errors[key] = [f"Must be between {low:g} and {high:g}"]
        else:
            values[SETTINGS_FIELDS[key]] = float(raw)
    if "fontStyle" in data:
        font = str(data["fontStyle"] or "").strip()
        if not _FONT_NAME.match(font):
            errors["fontStyle"] = ["A font family name such as Calibri, Arial or Times New Roman"]
        else:
            values["font_style"] = font
    if "agencyName" in data:
        name = str(data["agencyName"] or "").strip()
        if len(name) > 120:
            errors["agencyName"] = ["At most 120 characters"]
        values["agency_name"] = name
    if "agencyWebsite" in data:
        site = str(data["agencyWebsite"] or "").strip()
        if site and (len(site) > 300 or not safe_href(site).startswith("http")):
            errors["agencyWebsite"] = ["An http(s) URL such as https://acme.example"]
        values["agency_website"] = site
    privacy = data.get("privacy")
    if privacy is not None:
        if not isinstance(privacy, dict):
            errors["privacy"] = ["Must be an object of hide* flags"]
        else:
            flags: dict[str, bool] = {}
            for key, raw in privacy.items():
                if key == "nameMode":
                    if raw not in NAME_MODES:
                        errors["privacy.nameMode"] = [f"Must be one of: {', '.join(NAME_MODES)}"]
                    else:
                        flags["nameMode"] = raw
                elif key not in PRIVACY_FLAGS:
                    errors[f"privacy.{key}"] = [f"Unknown flag; known: {', '.join(PRIVACY_FLAGS)}"]
                elif not isinstance(raw, bool):
                    errors[f"privacy.{key}"] = ["Must be true or false"]
                else:
                    flags[key] = raw
            values["privacy"] = flags
    if errors:
        raise _field_error(errors)
    return values


def privacy_rules(render_settings: RenderSettings) -> PrivacyRules:
    stored = render_settings.privacy or {}
    return PrivacyRules(
        **{field: bool(stored.get(key, False)) for key, field in PRIVACY_FLAGS.items()},
        name_mode=stored.get("nameMode", "reference")
        if stored.get("nameMode") in NAME_MODES
        else "reference",
    )


def settings_get(*, owner) -> RenderSettings:
    """The owner's settings, created with the defaults on first use."""
    render_settings, _ = RenderSettings.objects.get_or_create(owner=owner)
    return render_settings


@functools.lru_cache(maxsize=8)
def settings_layout(layout: str) -> Layout:
    found = layout_read(layouts_dir() / LAYOUT_DIRS.get(layout, "modern-minimal"))
    if found is None:
        raise ApplicationError("export_failed", "No resume layout is installed", status=500)
    return Layout(found.slug, found.html_template, found.css_styles)


def render_options(render_settings: RenderSettings) -> RenderOptions:
    """The settings as renderer options (the logo read from storage once per call)."""
    return RenderOptions(
        include_photo=not privacy_rules(render_settings).hide_photo,
        font_style=render_settings.font_style,
        font_size_pt=render_settings.font_size,
        line_height=render_settings.line_height,
        margin_top_mm=render_settings.margin_top,
        margin_bottom_mm=render_settings.margin_bottom,
        margin_x_mm=render_settings.margin_x,
        section_spacing_pt=render_settings.section_spacing,
        agency_name=render_settings.agency_name,
        agency_website=render_settings.agency_website,
        agency_logo_data_uri=_logo_data_uri(render_settings.agency_logo),
    )


def document_render(
    document: ResumeDocument,
    *,
    render_settings: RenderSettings,
    fmt: str = "pdf",
    seed: str = "",
    options: RenderOptions | None = None,
    fetch_photo: bool = True,
) -> bytes:
    """One document in the owner's settings, anonymised per their privacy rules first.

    Every output of the settings (PDFs by id, batches, canvas previews) goes through here,
    so the privacy rules cannot be skipped by one path. RenderError on renderer failure.
    """
    rules = privacy_rules(render_settings)
    document = anonymise(document, rules, seed=seed)
    options = options or render_options(render_settings)
    if options.include_photo and fetch_photo and fmt in ("pdf", "html", "docx"):
        options = dataclasses.replace(
            options, photo_data_uri=photo_data_uri(document.personal.image_url)
        )
    layout = settings_layout(render_settings.layout)
    return render_resume(document, fmt=fmt, layout=layout, visibility=None, options=options)


def warm_up() -> None:
    """Render the sample resume once in every layout with the default settings.

    Called in each worker process at start (``worker_process_init``): the first PDF of a
    process registers the embedded fonts with reportlab (~1 s, mostly the CJK face) and
    compiles the layouts, and without this the first chunk of every bulk batch paid it.
    No database or storage access; a failure is logged, never raised (a worker that cannot
    warm up still renders, only slower at first).
    """
    try:
        options = render_options(RenderSettings())  # the model's defaults, unsaved: no query
        document = sample_document()
        for layout in LAYOUT_DIRS:
            render_resume(
                document,
                fmt="pdf",
                layout=settings_layout(layout),
                visibility=None,
                options=options,
            )
    except Exception:
        logger.exception("rendering warm-up failed")


def sample_document() -> ResumeDocument:
    """The built-in sample resume the canvas previews show (a fictional engineer)."""
    path = Path(__file__).resolve().parent / "data" / "sample_resume.json"
    return validate_document(json.loads(path.read_text(encoding="utf-8")))


def canvas_regenerate(*, render_settings: RenderSettings) -> RenderSettings:
    """Render the sample resume in the settings, store one PNG per page, drop the old ones.

    The previews are the sample resume (not a real candidate: a preview URL must never show
    a candidate's data), anonymised by the same rules as real PDFs, so a recruiter sees
    the effect of every setting and privacy flag.
    """
    try:
        pdf = document_render(
            sample_document(), render_settings=render_settings, seed="sample", fetch_photo=False
        )
        pngs = pdf_pages_to_png(pdf)
    except Exception:
        logger.exception("canvas render for settings %s failed", render_settings.pk)
        raise ApplicationError("export_failed", "Preview rendering failed", status=500) from None
    names = [
        files.store(data=png, name=f"canvas/page_{index}.png", content_type="image/png")
        for index, png in enumerate(pngs)
    ]
    old = list(render_settings.canvas_pages or [])
    render_settings.canvas_pages = names
    render_settings.save(update_fields=["canvas_pages", "updated_at"])
    transaction.on_commit(lambda: [files.delete(name) for name in old])
    return render_settings


def canvas_urls(render_settings: RenderSettings) -> list[dict[str, Any]]:
    """``[{index, url}]``: signed (capability) URLs, re-signed on every read."""
    return [
        {"index": index, "url": files.signed_url(name, expires_in=CANVAS_TTL_SECONDS)[0]}
        for index, name in enumerate(render_settings.canvas_pages or [])
    ]


def _normalised_logo(data: bytes) -> bytes:
    """A decodable PNG/JPEG logo as a PNG at most 600 px, transparency flattened onto white
    (a transparent logo would otherwise print on black); b'' for anything else."""
    if len(data) > LOGO_MAX_BYTES or not any(data.startswith(magic) for magic in _PHOTO_MAGIC):
        return b""
    try:
        with Image.open(io.BytesIO(data)) as probe:
            if probe.width * probe.height > PHOTO_MAX_PIXELS:
                return b""
            probe.verify()
        with Image.open(io.BytesIO(data)) as image:
            image = image.convert("RGBA")
            image.thumbnail((PHOTO_SIDE_PX, PHOTO_SIDE_PX))
            flat = Image.new("RGB", image.size, (255, 255, 255))
            flat.paste(image, mask=image.getchannel("A"))
            out = io.BytesIO()
            flat.save(out, "PNG")
    except (OSError, ValueError, Image.DecompressionBombError, SyntaxError):
        return b""
    return out.getvalue()


def _logo_store(value: Any) -> str:
    """A data: URI logo → stored PNG name; '' (or null) removes the logo. 400 otherwise."""
    if value in (None, ""):
        return ""
    data = b""
    if isinstance(value, str):
        match = re.match(r"^data:image/(?:png|jpeg);base64,([A-Za-z0-9+/=\s]+)$", value)
        if match:
            try:
                data = _normalised_logo(base64.b64decode(match.group(1)))
            except ValueError:
                data = b""
    if not data:
        raise ApplicationError(
            "validation_error",
            "agencyLogo must be a PNG or JPEG data: URI of at most 512 kB",
            status=400,
            details={"agencyLogo": ["A data:image/png;base64,… or data:image/jpeg;base64,… URI"]},
        )
    return files.store(data=data, name="logos/logo.png", content_type="image/png")


def _logo_data_uri(storage_name: str) -> str:
    if not storage_name:
        return ""
    try:
        with default_storage.open(storage_name, "rb") as handle:
            return "data:image/png;base64," + base64.b64encode(handle.read()).decode()
    except OSError:
        return ""


@transaction.atomic
def settings_update(*, owner, data: Any) -> RenderSettings:
    """Validate and save the owner's settings, then regenerate the canvas previews."""
    values = settings_validate(data)
    render_settings = RenderSettings.objects.select_for_update().get(pk=settings_get(owner=owner).pk)
    if isinstance(data, dict) and "agencyLogo" in data:
        old_logo = render_settings.agency_logo
        render_settings.agency_logo = _logo_store(data["agencyLogo"])
        transaction.on_commit(lambda: files.delete(old_logo) if old_logo else None)
    if "privacy" in values:
        values["privacy"] = {**(render_settings.privacy or {}), **values["privacy"]}
    for field, value in values.items():
        setattr(render_settings, field, value)
    render_settings.save()
    return canvas_regenerate(render_settings=render_settings)


# --- PDFs of candidates (the reader's resumes) -------------------------------------------------


def candidate_document(candidate: Candidate) -> ResumeDocument:
    """The candidate's canonical document; 409 when the CV has not been parsed into one."""
    if not candidate.document:
        raise ApplicationError(
            "resume_not_ready",
            "This resume has not been parsed yet",
            status=409,
            details=[{"resumeId": str(candidate.id), "parsingStatus": candidate.parsing_status}],
        )
    try:
        return validate_document(candidate.document)
    except DocumentError:
        raise ApplicationError(
            "resume_not_ready", "This resume cannot be rendered", status=409
        ) from None


def candidate_pdf(*, owner, candidate_id: Any) -> bytes:
    """``POST …/resumes/<id>/generate-pdf``: the PDF bytes, 1 credit charged on success.

    404 for a foreign or missing candidate; 402 ``insufficient_credits`` checked before the
    render (so no work is wasted) and charged atomically after it — a failed render is
    never charged.
    """
    from parsing.selectors import candidate_get

    candidate = candidate_get(owner=owner, candidate_id=candidate_id)
    credits_require(user=owner, amount=1)
    document = candidate_document(candidate)
    render_settings = settings_get(owner=owner)
    try:
        data = document_render(document, render_settings=render_settings, seed=str(candidate.id))
    except Exception:
        logger.exception("PDF of candidate %s failed", candidate.pk)
        raise ApplicationError("export_failed", "PDF generation failed", status=500) from None
    credits_charge(user=owner, amount=1, operation="pdf_generate", reference=str(candidate.id))
    return data


def anonymised_rules(render_settings: RenderSettings) -> PrivacyRules:
    """The owner's privacy rules with every identifying flag forced on (their name mode kept):
    what "Download anonymised PDF" promises whatever the saved settings say."""
    return dataclasses.replace(
        privacy_rules(render_settings), **{field: True for field in PRIVACY_FLAGS.values()}
    )


def candidate_pdf_anonymised(*, owner, candidate_id: Any) -> bytes:
    """The candidate's PDF in the owner's settings with name, contacts, links, address,
    photo and birth date hidden — independently of the saved privacy flags, which only
    decide what *standard* PDFs hide. Same ownership, credit and failure rules as
    ``candidate_pdf`` (1 credit, charged only after a successful render)."""
    from parsing.selectors import candidate_get

    candidate = candidate_get(owner=owner, candidate_id=candidate_id)
    credits_require(user=owner, amount=1)
    render_settings = settings_get(owner=owner)
    document = anonymise(
        candidate_document(candidate), anonymised_rules(render_settings), seed=str(candidate.id)
    )
    options = dataclasses.replace(render_options(render_settings), include_photo=False)
    try:
        data = document_render(
            document,
            render_settings=render_settings,
            seed=str(candidate.id),
            options=options,
            fetch_photo=False,
        )
    except Exception:
        logger.exception("anonymised PDF of candidate %s failed", candidate.pk)
        raise ApplicationError("export_failed", "PDF generation failed", status=500) from None
    credits_charge(user=owner, amount=1, operation="pdf_generate", reference=str(candidate.id))
    return data


def canvas_preview(*, owner, data: Any) -> list[str]:
    """The sample resume in *unsaved* settings, as PNG data: URIs (one per page).

    The settings page's live preview: the values are validated like a save and laid over the
    owner's saved settings in memory — nothing is stored, so trying a value costs nothing and
    leaves the saved settings (and their canvas files) as they were. A new logo is only
    shown once saved. 400 on a bad value, like ``settings_update``.
    """
    values = settings_validate(data)
    render_settings = settings_get(owner=owner)
    if "privacy" in values:
        values["privacy"] = {**(render_settings.privacy or {}), **values["privacy"]}
    for field, value in values.items():
        setattr(render_settings, field, value)  # an in-memory copy: never saved here
    try:
        pdf = document_render(
            sample_document(), render_settings=render_settings, seed="sample", fetch_photo=False
        )
        pngs = pdf_pages_to_png(pdf)
    except Exception:
        logger.exception("canvas preview for %s failed", owner.pk)
        raise ApplicationError("export_failed", "Preview rendering failed", status=500) from None
    return ["data:image/png;base64," + base64.b64encode(png).decode() for png in pngs]
