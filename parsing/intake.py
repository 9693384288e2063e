"""Intake of CV files: size limits enforced while the upload streams, type decided by content.

Uploads pass through ``LimitedUploadHandler`` before Django writes anything: a file over
``MAX_FILE_BYTES`` stops the upload at that byte (413), too many files stop it (400). The type
of each accepted file is then decided from its bytes (``parsing.extract.sniff``), never from
its name or the client's Content-Type (415 for anything else).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.core.files.uploadedfile import UploadedFile
from django.core.files.uploadhandler import FileUploadHandler, StopUpload, TemporaryFileUploadHandler

from smartcv.errors import ApplicationError

MAX_FILE_BYTES = 10 * 1024 * 1024
MAX_FILES_PER_REQUEST = 20
SUPPORTED = "PDF, DOCX, DOC, RTF, TXT, PNG, JPG, TIFF"
CONTENT_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "doc": "application/msword",
    "rtf": "application/rtf",
    "txt": "text/plain; charset=utf-8",
    "png": "image/png",
    "jpg": "image/jpeg",
    "tiff": "image/tiff",
}


class LimitedUploadHandler(FileUploadHandler):
    """Counts bytes per file as they arrive and stops the upload past the limits."""

    def __init__(
        self,
        request=None,
        *,
        max_file_bytes: int = MAX_FILE_BYTES,
        max_files: int = MAX_FILES_PER_REQUEST,
    ):
        super().__init__(request)
        self.max_file_bytes = max_file_bytes
        self.max_files = max_files
        self.files_seen = 0
        self.current_size = 0
        self.too_large: str | None = None
        self.too_many = False

    def new_file(self, *args, **kwargs) -> None:
        super().new_file(*args, **kwargs)
        self.files_seen += 1
        self.current_size = 0
        if self.files_seen > self.max_files:
            self.too_many = True
            raise StopUpload(connection_reset=False)

    def receive_data_chunk(self, raw_data: bytes, start: int) -> bytes:
        self.current_size += len(raw_data)
        if self.current_size > self.max_file_bytes:
            self.too_large = self.file_name or "file"
            raise StopUpload(connection_reset=False)
        return raw_data  # pass it on to the handler that stores it

    def file_complete(self, file_size: int) -> None:
        return None


def install_upload_limits(django_request) -> LimitedUploadHandler:
    """Put the limits in front of Django's own handler; call before the body is read."""
    limiter = LimitedUploadHandler(django_request)
    django_request.upload_handlers = [limiter, TemporaryFileUploadHandler(django_request)]
    django_request._smartcv_upload_limiter = limiter
    return limiter


def check_upload_limits(django_request) -> None:
    limiter: LimitedUploadHandler | None = getattr(django_request, "_smartcv_upload_limiter", None)
    if limiter is None:
        return
    if limiter.too_large:
        raise ApplicationError(
            "file_too_large",
            f"File {limiter.too_large!r} exceeds the 10MB limit",
            status=413,
            details=[{"filename": limiter.too_large, "max_bytes": MAX_FILE_BYTES}],
        )
    if limiter.too_many:
        raise ApplicationError(
            "validation_error",
            f"At most {MAX_FILES_PER_REQUEST} files per request",
            status=400,
            details=[{"field": "files", "message": f"At most {MAX_FILES_PER_REQUEST} files"}],
        )


@dataclass(frozen=True)
class IncomingFile:
    filename: str
    data: bytes
    kind: str  # decided by content

    @property
    def content_type(self) -> str:
        return CONTENT_TYPES[self.kind]


def read_upload(upload: UploadedFile) -> IncomingFile:
    """The bytes and the content-decided type of one uploaded file, or 413/415/400."""
    from parsing.extract import ExtractionError, sniff

    filename = (upload.name or "upload").replace("\\", "/").rsplit("/", 1)[-1][:255] or "upload"
    if upload.size is not None and upload.size > MAX_FILE_BYTES:
        raise ApplicationError("file_too_large", f"File {filename!r} exceeds the 10MB limit", status=413)
    data = upload.read(MAX_FILE_BYTES + 1)
    if len(data) > MAX_FILE_BYTES:
        raise ApplicationError("file_too_large", f"File {filename!r} exceeds the 10MB limit", status=413)
    if not data:
        raise ApplicationError(
            "validation_error",
            f"File {filename!r} is empty",
            status=400,
            details=[{"field": "files", "message": f"{filename} is empty"}],
        )
    try:
        kind = sniff(data, filename)
    except ExtractionError:
        raise ApplicationError(
            "unsupported_media_type",
            f"File {filename!r} is not a supported type. Supported formats: {SUPPORTED}",
            status=415,
            details=[{"filename": filename}],
        ) from None
    return IncomingFile(filename=filename, data=data, kind=kind)
