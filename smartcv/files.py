"""Stored files and signed, expiring download URLs — one way for every app to hand out a file.

Exports, generated PDFs and uploaded originals are private: a download URL is a capability
that names one file and stops working at a given time, so it can be put in an API response,
an e-mail or a webhook payload without further authentication.

- With S3-compatible storage (``STORAGE_*`` settings) the URL is the storage's own presigned
  URL, with ``response-content-disposition`` so the browser saves it under ``filename``.
- With local storage (the embedded default) it is ``SITE_URL/files/<token>``: the token is a
  ``django.core.signing`` value (salted, so no other signed value of the project can be
  replayed here) carrying the storage name, the download filename and the expiry time.
  ``download`` checks it and streams the file: 404 for a bad or tampered token, 410 once it
  has expired. The storage name only ever comes out of a token we signed, and the storage
  itself refuses names outside its root, so no path can be smuggled in.

Names are ``<dir>/<yyyy>/<mm>/<32 hex random>/<file name>``: unguessable even where the
storage is served directly, and never colliding.
"""

from __future__ import annotations

import mimetypes
import re
import secrets
import time
import unicodedata
from datetime import UTC, datetime

from django.conf import settings
from django.core import signing
from django.core.exceptions import SuspiciousFileOperation
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage, storages
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.urls import reverse
from django.views.decorators.http import require_GET

SALT = "smartcv.files.download"
DEFAULT_EXPIRES_IN = 3600
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def _safe_component(text: str, *, fallback: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    cleaned = _UNSAFE.sub("_", ascii_text).strip("._")[:100]
    return cleaned or fallback


def _storage_name(name: str) -> str:
    """'exports/My CV.pdf' → 'exports/2026/11/<random>/My_CV.pdf' (no '..', no absolute path)."""
    parts = [p for p in str(name).replace("\\", "/").split("/") if p not in ("", ".", "..")]
    filename = _safe_component(parts[-1] if parts else "", fallback="file")
    folder = "/".join(_safe_component(p, fallback="files") for p in parts[:-1]) or "files"
    now = datetime.now(UTC)
    return f"{folder}/{now:%Y}/{now:%m}/{secrets.token_hex(16)}/{filename}"


def store(*, data: bytes, name: str, content_type: str) -> str:
    """Save ``data`` through the default storage; returns the storage name to keep."""
    content = ContentFile(data)
    content.content_type = content_type  # S3 stores it as the object's Content-Type
    return default_storage.save(_storage_name(name), content)


def delete(name: str) -> None:
    """Remove a stored file; a file that is already gone is not an error."""
    if name:
        default_storage.delete(name)


def exists(name: str) -> bool:
    return bool(name) and default_storage.exists(name)


def _is_s3() -> bool:
    try:
        from storages.backends.s3 import S3Storage
    except ImportError:  # django-storages without boto3: there is no S3 storage to be
        return False
    return isinstance(storages["default"], S3Storage)


def content_disposition(filename: str) -> str:
    """``attachment; filename="…"`` with an RFC 5987 ``filename*`` for non-ASCII names."""
    from django.utils.http import content_disposition_header

    return content_disposition_header(as_attachment=True, filename=filename) or "attachment"


def signed_url(
    name: str, *, expires_in: int = DEFAULT_EXPIRES_IN, filename: str | None = None
) -> tuple[str, datetime]:
    """An absolute URL downloading ``name`` until the returned (UTC) time."""
    expires_at_ts = int(time.time()) + int(expires_in)
    expires_at = datetime.fromtimestamp(expires_at_ts, tz=UTC)
    download_name = filename or name.rsplit("/", 1)[-1]
    if _is_s3():
        url = default_storage.url(
            name,
            parameters={"ResponseContentDisposition": content_disposition(download_name)},
            expire=int(expires_in),
        )
        return url, expires_at
    token = signing.dumps({"n": name, "f": download_name, "e": expires_at_ts}, salt=SALT, compress=True)
    return f"{settings.SITE_URL}{reverse('files-download', args=[token])}", expires_at


class _Gone(HttpResponse):
    status_code = 410


@require_GET
def download(request: HttpRequest, token: str) -> HttpResponse:
    """Stream the file a valid, unexpired token names (local storage only)."""
    try:
        payload = signing.loads(token, salt=SALT)
        name, filename, expires = str(payload["n"]), str(payload["f"]), int(payload["e"])
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        raise Http404("No such file") from None
    if time.time() > expires:
        return _Gone("This download link has expired.", content_type="text/plain; charset=utf-8")
    try:
        handle = default_storage.open(name, "rb")
    except (FileNotFoundError, SuspiciousFileOperation, OSError):
        raise Http404("No such file") from None
    content_type = mimetypes.guess_type(filename)[0] or "application/octet-stream"
    if content_type.startswith("text/"):
        content_type += "; charset=utf-8"  # every text file we store is UTF-8
    response = FileResponse(handle, as_attachment=True, filename=filename, content_type=content_type)
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response
