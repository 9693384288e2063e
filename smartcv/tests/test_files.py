"""Stored files and their signed download URLs (local storage)."""

from __future__ import annotations

import time
from urllib.parse import parse_qs, quote, urlsplit

import pytest
from django.core import signing
from django.core.files.storage import default_storage

from smartcv import files

pytestmark = pytest.mark.django_db


def path_of(url: str) -> str:
    return urlsplit(url).path


def test_store_puts_the_file_under_a_random_folder():
    first = files.store(data=b"one", name="exports/report.pdf", content_type="application/pdf")
    second = files.store(data=b"two", name="exports/report.pdf", content_type="application/pdf")
    assert first != second
    assert first.startswith("exports/") and first.endswith("/report.pdf")
    assert len(first.split("/")[3]) == 32  # exports/yyyy/mm/<random>/report.pdf
    assert default_storage.open(first).read() == b"one"


def test_store_cannot_escape_the_storage_root(_media_in_tmp):
    name = files.store(data=b"x", name="../../etc/passwd", content_type="text/plain")
    assert not name.startswith("/") and ".." not in name
    assert (_media_in_tmp / name).read_bytes() == b"x"


def test_signed_url_downloads_the_file_as_an_attachment(client, settings):
    name = files.store(data=b"%PDF-1.4 hello", name="exports/cv.pdf", content_type="application/pdf")
    url, expires_at = files.signed_url(name, expires_in=600, filename="Zhang_San_Resume.pdf")
    assert url.startswith(f"{settings.SITE_URL}/files/")
    assert 595 <= expires_at.timestamp() - time.time() <= 600
    response = client.get(path_of(url))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"%PDF-1.4 hello"
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="Zhang_San_Resume.pdf"'


def test_non_ascii_filename_is_sent_rfc5987_encoded(client):
    name = files.store(data=b"hi", name="exports/cv.txt", content_type="text/plain")
    url, _ = files.signed_url(name, filename="张三_Resume.txt")
    response = client.get(path_of(url))
    assert response["Content-Disposition"] == f"attachment; filename*=utf-8''{quote('张三_Resume.txt')}"
    assert response["Content-Type"] == "text/plain; charset=utf-8"


def test_tampered_token_is_not_found(client):
    name = files.store(data=b"secret", name="exports/a.pdf", content_type="application/pdf")
    url, _ = files.signed_url(name)
    token = path_of(url).rsplit("/", 1)[1]
    forged = signing.dumps({"n": name, "f": "a.pdf", "e": int(time.time()) + 60}, salt="other")
    assert client.get(f"/files/{token[:-2]}xx").status_code == 404
    assert client.get(f"/files/{forged}").status_code == 404
    assert client.get("/files/not-a-token").status_code == 404


def test_expired_token_is_gone(client, monkeypatch):
    name = files.store(data=b"old", name="exports/a.pdf", content_type="application/pdf")
    url, expires_at = files.signed_url(name, expires_in=60)
    monkeypatch.setattr(files.time, "time", lambda: expires_at.timestamp() + 1)
    response = client.get(path_of(url))
    assert response.status_code == 410
    assert b"old" not in response.content


def test_a_signed_name_outside_the_storage_is_refused(client):
    # Even a validly signed token cannot reach outside the storage root.
    token = signing.dumps(
        {"n": "../../../../etc/passwd", "f": "passwd", "e": int(time.time()) + 60},
        salt=files.SALT,
        compress=True,
    )
    assert client.get(f"/files/{token}").status_code == 404


def test_deleted_file_is_not_found(client):
    name = files.store(data=b"bye", name="exports/a.pdf", content_type="application/pdf")
    url, _ = files.signed_url(name)
    files.delete(name)
    files.delete(name)  # twice is fine
    assert not files.exists(name)
    assert client.get(path_of(url)).status_code == 404


def test_s3_storage_gets_a_presigned_url(settings):
    # Presigning is computed locally by boto3: no request leaves the test.
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                "bucket_name": "exports",
                "access_key": "AKIAEXAMPLE",
                "secret_key": "example-secret",  # offline presigning only
                "region_name": "eu-west-1",
                "querystring_auth": True,
            },
        },
    }
    url, expires_at = files.signed_url("exports/2026/11/abc/cv.pdf", expires_in=900, filename="CV.pdf")
    query = parse_qs(urlsplit(url).query)
    assert urlsplit(url).path.endswith("/exports/2026/11/abc/cv.pdf")
    assert query["response-content-disposition"] == ['attachment; filename="CV.pdf"']
    signed_expiry = int(query["Expires"][0]) if "Expires" in query else None
    assert signed_expiry is not None and abs(signed_expiry - expires_at.timestamp()) <= 2
    assert 895 <= expires_at.timestamp() - time.time() <= 900
