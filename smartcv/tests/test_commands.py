"""Management commands: createapikey and seed_demo."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from rest_framework.test import APIClient

from smartcv.models import ApiKey, User
from smartcv.services import plans_sync

pytestmark = pytest.mark.django_db


def run(*args) -> list[str]:
    out = StringIO()
    call_command(*args, stdout=out)
    return out.getvalue().splitlines()


def usage(key: str):
    client = APIClient()
    client.credentials(HTTP_X_API_KEY=key)
    return client.get("/api/v1/usage")


# --- createapikey ---------------------------------------------------------------------------


def test_createapikey_last_line_is_a_working_key(make_user):
    user = make_user("alice", plan="starter")

    lines = run("createapikey", "alice", "--name", "ci key")

    key = lines[-1]
    assert key.startswith("ts_") and " " not in key
    response = usage(key)
    assert response.status_code == 200, response.content
    assert response.json()["plan"] == "starter"
    assert ApiKey.objects.get(user=user).name == "ci key"


def test_createapikey_finds_the_user_regardless_of_case(make_user):
    make_user("alice")
    assert usage(run("createapikey", "ALICE")[-1]).status_code == 200


def test_createapikey_create_user_makes_a_passwordless_user():
    lines = run("createapikey", "newbie", "--create-user")

    user = User.objects.get(username="newbie")
    assert not user.has_usable_password()
    assert user.plan.code == "free_trial"  # SMARTCV_DEFAULT_PLAN
    assert usage(lines[-1]).json()["plan"] == "free_trial"


def test_createapikey_create_user_with_plan():
    lines = run("createapikey", "newbie", "--create-user", "--plan", "scale")

    assert User.objects.get(username="newbie").plan.code == "scale"
    assert usage(lines[-1]).json()["plan"] == "scale"


def test_createapikey_create_user_on_an_existing_user_just_adds_a_key(make_user):
    make_user("alice")
    run("createapikey", "alice", "--create-user")
    assert User.objects.filter(username="alice").count() == 1
    assert User.objects.get(username="alice").has_usable_password()


def test_createapikey_plan_changes_an_existing_users_plan(make_user):
    user = make_user("alice", plan="free")

    lines = run("createapikey", "alice", "--plan", "enterprise")

    user.refresh_from_db()
    assert user.plan.code == "enterprise"
    assert usage(lines[-1]).json()["plan"] == "enterprise"


def test_createapikey_unknown_user_without_create_user_is_an_error():
    with pytest.raises(CommandError, match=r"No user named 'ghost'.*--create-user"):
        run("createapikey", "ghost")
    assert not User.objects.filter(username="ghost").exists()
    assert not ApiKey.objects.exists()


def test_createapikey_unknown_plan_lists_the_valid_plans(make_user):
    user = make_user("alice", plan="growth")

    with pytest.raises(CommandError) as excinfo:
        run("createapikey", "alice", "--plan", "platinum")

    message = str(excinfo.value)
    assert "platinum" in message
    for code in ("free", "free_trial", "starter", "growth", "scale", "enterprise"):
        assert code in message
    user.refresh_from_db()
    assert user.plan.code == "growth"
    assert not ApiKey.objects.exists()


def test_createapikey_unknown_plan_creates_no_user():
    with pytest.raises(CommandError, match="Valid plans"):
        run("createapikey", "newbie", "--create-user", "--plan", "platinum")
    assert not User.objects.filter(username="newbie").exists()


def test_createapikey_invalid_username_is_an_error():
    with pytest.raises(CommandError, match="reserved"):
        run("createapikey", "admin", "--create-user")
    with pytest.raises(CommandError, match="Cannot create user"):
        run("createapikey", "no spaces allowed", "--create-user")
    assert not User.objects.exists()


# --- seed_demo ------------------------------------------------------------------------------


@pytest.fixture
def debug_on(settings):
    # The test runner turns DEBUG off; seed_demo refuses to run then (unless --force).
    settings.DEBUG = True


def printed_key(lines: list[str]) -> str:
    [line] = [line for line in lines if line.startswith("Demo API key: ")]
    return line.removeprefix("Demo API key: ")


def test_seed_demo_is_idempotent_and_prints_a_working_key(debug_on, client):
    first = run("seed_demo")
    second = run("seed_demo")

    assert User.objects.filter(username="demo").count() == 1
    assert User.objects.filter(username="demo-candidate").count() == 1
    demo = User.objects.get(username="demo")
    assert demo.is_staff and demo.is_active
    assert demo.plan.code == "growth"
    assert demo.check_password("demo-password-2026")
    assert User.objects.get(username="demo-candidate").check_password("demo-password-2026")
    # A fresh key each run; the earlier one keeps working.
    assert ApiKey.objects.filter(user=demo, name="demo key").count() == 2
    key1, key2 = printed_key(first), printed_key(second)
    assert key1 != key2
    for key in (key1, key2):
        response = usage(key)
        assert response.status_code == 200, response.content
        assert response.json()["plan"] == "growth"
    output = "\n".join(second)
    assert "demo / demo-password-2026" in output
    assert f'curl -H "X-API-Key: {key2}" http://127.0.0.1:8000/api/v1/usage' in output
    for url in ("http://127.0.0.1:8000/", "/admin/", "/api/docs/"):
        assert url in output
    # The printed password signs in, and the demo recruiter can see the admin.
    assert client.login(username="demo", password="demo-password-2026")
    assert client.get("/admin/").status_code == 200


def test_seed_demo_resets_a_changed_demo_account(debug_on):
    run("seed_demo")
    demo = User.objects.get(username="demo")
    demo.set_password("something else entirely")
    demo.is_staff = False
    demo.save()

    run("seed_demo")

    demo.refresh_from_db()
    assert demo.is_staff
    assert demo.check_password("demo-password-2026")


def test_seed_demo_restores_missing_plans(debug_on):
    from smartcv.models import Plan

    Plan.objects.all().delete()
    run("seed_demo")
    assert Plan.objects.count() == 6
    plans_sync()  # still idempotent afterwards
    assert Plan.objects.count() == 6


def test_seed_demo_refuses_when_debug_is_off(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="DEBUG is off"):
        run("seed_demo")
    assert not User.objects.filter(username="demo").exists()
    run("seed_demo", "--force")
    assert User.objects.filter(username="demo").exists()


def test_seed_demo_prints_links_for_the_given_base_url(debug_on):
    output = "\n".join(run("seed_demo", "--base-url", "http://127.0.0.1:8765/"))
    assert "http://127.0.0.1:8765/admin/" in output
    assert "http://127.0.0.1:8765/api/v1/usage" in output
    assert ":8000" not in output
