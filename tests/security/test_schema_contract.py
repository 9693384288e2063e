"""The OpenAPI document tells the truth about errors and envelopes (found by schemathesis)."""

from __future__ import annotations

import pytest
from django.test import Client

from smartcv.api.dialects import Dialect, dialect_for_path
from smartcv.api.schema import ERROR_SCHEMAS

METHODS = ("get", "put", "post", "patch", "delete")


@pytest.fixture(scope="module")
def openapi(django_db_blocker):
    with django_db_blocker.unblock():
        return Client().get("/api/schema/?format=json").json()


def _operations(openapi):
    for path, item in openapi["paths"].items():
        for method in METHODS:
            if method in item:
                yield path, method, item[method]


def test_every_operation_documents_its_dialects_error_envelope(openapi):
    for name, schema in ERROR_SCHEMAS.values():
        assert openapi["components"]["schemas"][name] == schema
    for path, method, operation in _operations(openapi):
        name = ERROR_SCHEMAS[dialect_for_path(path) or Dialect.SMARTCV][0]
        for status in ("401", "429"):
            schema = operation["responses"][status]["content"]["application/json"]["schema"]
            assert schema == {"$ref": f"#/components/schemas/{name}"}, (method, path, status)
        if "{" in path:
            assert "404" in operation["responses"], (method, path)


def test_smartcv_lists_are_documented_inside_their_envelope(openapi):
    for path in ("/api/resumes", "/api/templates"):
        schema = openapi["paths"][path]["get"]["responses"]["200"]["content"]["application/json"]
        body = openapi["components"]["schemas"][schema["schema"]["$ref"].rsplit("/", 1)[-1]]
        assert body["type"] == "object" and {"success", "data", "meta"} <= set(body["properties"])


def test_parserpro_deletes_answer_200_with_a_message(openapi):
    for path in ("/api/v1/candidates/{candidate_id}", "/api/v1/jobs/{job_id}"):
        responses = openapi["paths"][path]["delete"]["responses"]
        assert "200" in responses and "204" not in responses


def test_job_writes_document_the_reference_conflict(openapi):
    for path, method in (
        ("/api/v1/jobs", "post"),
        ("/api/v1/jobs/{job_id}", "patch"),
        ("/api/jobs/api-key", "post"),
        ("/api/jobs/api-key/my/{job_id}", "put"),
    ):
        assert "409" in openapi["paths"][path][method]["responses"], (method, path)


def test_an_unknown_format_is_a_400_in_the_reader_envelope(api_client, db):
    response = api_client().put("/api/v1/parser/00000000-0000-0000-0000-000000000000?format=yaml", {})
    assert response.status_code == 400
    body = response.json()
    assert body["code"] == "VALIDATION_ERROR" and body["errors"][0]["field"] == "format"
    assert body["path"] == "/api/v1/parser/00000000-0000-0000-0000-000000000000"


# --- 500s found by the long schemathesis run (benchmarks/schemathesis_long.sh) -------------


def test_an_api_path_with_a_newline_still_answers_in_the_dialect(api_client, db, settings):
    settings.DEBUG = True  # the catch-all must match before Django's technical 404 page
    response = api_client().get("/api/webhook/a%0Ab%0Dc")
    assert response.status_code == 404
    assert response["Content-Type"].startswith("application/json")
    assert response.json()["status"] == 404


@pytest.mark.parametrize("field", ["salary_min", "salary_max"])
def test_a_salary_beyond_the_column_is_a_400_not_a_500(api_client, db, field):
    client = api_client()
    created = client.post("/api/v1/jobs", {"title": "Dev", field: 10**20}, format="json")
    assert created.status_code == 400
    assert created.json()["error"]["details"][0]["field"] == field
    job = client.post("/api/v1/jobs", {"title": "Dev"}, format="json").json()["data"]
    patched = client.patch(f"/api/v1/jobs/{job['id']}", {field: 48009007264504496128}, format="json")
    assert patched.status_code == 400


def test_sqlite_write_transactions_wait_for_the_lock_instead_of_failing(settings):
    from smartcv.settings import database_from_url

    assert settings.DATABASES["default"]["ENGINE"].endswith("sqlite3")
    assert settings.DATABASES["default"]["OPTIONS"]["transaction_mode"] == "IMMEDIATE"
    assert database_from_url("sqlite:////tmp/x.sqlite3")["OPTIONS"] == {
        "timeout": 20,
        "transaction_mode": "IMMEDIATE",
    }


def test_the_schema_covers_all_four_dialects(openapi):
    """The schemathesis run is only as wide as the schema: every dialect must be in it."""
    dialects = {dialect_for_path(path) for path, _, _ in _operations(openapi)}
    assert dialects == set(Dialect)
    assert sum(1 for _ in _operations(openapi)) >= 68
