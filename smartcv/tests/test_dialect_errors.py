"""Every dialect answers errors in its own documented envelope."""

import pytest

from smartcv.api.dialects import Dialect, dialect_for_path
from smartcv.tests.probe_urls import PROBES

pytestmark = [pytest.mark.django_db, pytest.mark.urls("smartcv.tests.probe_urls")]


@pytest.mark.parametrize(
    ("path", "dialect"),
    [
        ("/api/resumes", Dialect.SMARTCV),
        ("/api/resumes/1/export", Dialect.SMARTCV),
        ("/api/templates/x", Dialect.SMARTCV),
        ("/api/user/publish-resume", Dialect.PROFILE),
        ("/api/v1/parse", Dialect.PARSERPRO),
        ("/api/v1/parse/url", Dialect.PARSERPRO),
        ("/api/v1/candidates/1/file", Dialect.PARSERPRO),
        ("/api/v1/jobs", Dialect.PARSERPRO),
        ("/api/v1/usage", Dialect.PARSERPRO),
        ("/api/v1/parser", Dialect.READER),
        ("/api/v1/parser/async", Dialect.READER),
        ("/api/v1/parsers", Dialect.PARSERPRO),
        ("/api/job/parse/api-key", Dialect.READER),
        ("/api/jobs/api-key/my", Dialect.READER),
        ("/api/jobs/queue", Dialect.READER),
        ("/api/scores/jobs-for-resume/1", Dialect.READER),
        ("/api/resume-settings/v1/generate-pdf", Dialect.READER),
        ("/api/webhook/generate-pdfs", Dialect.READER),
        ("/api/unknown", Dialect.SMARTCV),
        ("/share/abc", None),
        ("/apiary", None),
    ],
)
def test_dialect_is_decided_by_whole_path_segments(path, dialect):
    assert dialect_for_path(path) == dialect


def _post(client, path, body, content_type="application/json"):
    return client.post(path, data=body, content_type=content_type)


def test_smartcv_validation_error_has_field_details(api_client):
    response = _post(api_client(), PROBES["smartcv"], {"name": "toolong", "items": [{"label": ""}]})
    assert response.status_code == 400
    body = response.json()
    assert body["success"] is False
    assert body["code"] == "VALIDATION_ERROR"
    assert body["error"] == "name: Ensure this field has no more than 5 characters."
    assert body["details"] == {
        "name": ["Ensure this field has no more than 5 characters."],
        "count": ["This field is required."],
        "items.0.label": ["This field may not be blank."],
    }


def test_profile_validation_error_is_a_msg(api_client):
    response = _post(api_client(style="bearer"), PROBES["profile"], {"name": "ok"})
    assert response.status_code == 400
    assert response.json() == {"msg": "count: This field is required."}


def test_parserpro_validation_error_lists_fields(api_client):
    response = _post(api_client(), PROBES["parserpro"], {"name": "ok", "count": -1})
    assert response.status_code == 400
    assert response.json() == {
        "error": {
            "code": "validation_error",
            "message": "count: Ensure this value is greater than or equal to 0.",
            "details": [
                {"field": "count", "message": "Ensure this value is greater than or equal to 0."}
            ],
        }
    }


def test_reader_validation_error_is_spring_shaped(api_client):
    response = _post(api_client(style="apikey"), PROBES["reader"], {"count": "x", "name": "ok"})
    assert response.status_code == 400
    body = response.json()
    assert set(body) == {"timestamp", "status", "error", "code", "message", "path", "errors"}
    assert body["status"] == 400
    assert body["error"] == "Bad Request"
    assert body["path"] == PROBES["reader"]
    assert body["errors"] == [{"field": "count", "message": "A valid integer is required."}]


@pytest.mark.parametrize("dialect", list(PROBES))
def test_malformed_json_is_a_400_in_every_dialect(api_client, dialect):
    response = _post(api_client(), PROBES[dialect], '{"name": "ab", ', "application/json")
    assert response.status_code == 400
    text = response.content.decode()
    assert "Malformed request body" in text or "JSON parse error" in text


@pytest.mark.parametrize("dialect", list(PROBES))
def test_wrong_method_is_a_405_with_allow_header(api_client, dialect):
    response = api_client().delete(PROBES[dialect])
    assert response.status_code == 405
    assert "POST" in response["Allow"]


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        (
            "/api/resumes/nope/deeper",
            {
                "success": False,
                "error": "No API endpoint at /api/resumes/nope/deeper",
                "code": "NOT_FOUND",
                "details": {},
            },
        ),
        ("/api/user/nope", {"msg": "No API endpoint at /api/user/nope"}),
        (
            "/api/v1/candidates/nope/deeper",
            {
                "error": {
                    "code": "not_found",
                    "message": "No API endpoint at /api/v1/candidates/nope/deeper",
                    "details": [],
                }
            },
        ),
    ],
)
def test_unknown_api_url_is_a_404_in_its_dialect(api_client, path, expected):
    response = api_client().get(path)
    assert response.status_code == 404
    assert response.json() == expected


def test_unknown_reader_url_is_a_spring_404(api_client):
    response = api_client().get("/api/scores/nope/deeper/still")
    assert response.status_code == 404
    body = response.json()
    assert (body["status"], body["error"], body["code"], body["path"]) == (
        404,
        "Not Found",
        "NOT_FOUND",
        "/api/scores/nope/deeper/still",
    )


@pytest.mark.parametrize(
    ("dialect", "expected"),
    [
        (
            "smartcv",
            {
                "success": False,
                "error": "Invalid or missing API key",
                "code": "INVALID_API_KEY",
                "details": {},
            },
        ),
        ("profile", {"msg": "User not authenticated"}),
        (
            "parserpro",
            {
                "error": {
                    "code": "invalid_api_key",
                    "message": "Invalid or missing API key",
                    "details": [],
                }
            },
        ),
    ],
)
def test_missing_key_is_a_401_in_every_dialect(anon_client, dialect, expected):
    response = _post(anon_client, PROBES[dialect], {"name": "a", "count": 1})
    assert response.status_code == 401
    assert response.json() == expected
    assert response["WWW-Authenticate"] == 'ApiKey realm="api"'


def test_reader_401_says_invalid_api_key(anon_client):
    response = anon_client.post(
        PROBES["reader"], {}, format="json", HTTP_AUTHORIZATION="ApiKey ts_wrong"
    )
    assert response.status_code == 401
    assert response.json()["message"] == "Invalid Api Key"


def test_unsupported_media_type_is_a_415(api_client):
    response = api_client().post(PROBES["parserpro"], data=b"<x/>", content_type="application/xml")
    assert response.status_code == 415
    assert response.json()["error"]["code"] == "unsupported_media_type"


def test_a_bug_in_a_view_is_a_500_in_the_dialect_envelope(api_client, monkeypatch, settings):
    from smartcv.tests import probe_urls

    def boom(self, request):
        raise RuntimeError("bug")

    monkeypatch.setattr(probe_urls.ProbeView, "post", boom)
    client = api_client()
    client.raise_request_exception = False
    response = _post(client, PROBES["profile"], {})
    assert response.status_code == 500
    assert response.json() == {"msg": "Internal server error"}


def test_successful_probe_passes_through(api_client):
    response = _post(api_client(), PROBES["parserpro"], {"name": "ab", "count": 2})
    assert response.status_code == 201
    assert response.json() == {"ok": True, "name": "ab", "count": 2}
