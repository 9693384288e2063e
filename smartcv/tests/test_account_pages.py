"""Sign-up, sign-in, sign-out, password change and the API keys page."""

import pytest
from django.test import Client

from smartcv.models import ApiKey, User

pytestmark = pytest.mark.django_db

PASSWORD = "a sturdy passphrase 9"


def _signup(client, **overrides):
    data = {
        "username": "newrecruiter",
        "email": "new@example.com",
        "password1": PASSWORD,
        "password2": PASSWORD,
    }
    data.update(overrides)
    return client.post("/signup/", data)


def test_sign_up_creates_the_account_and_signs_in(client):
    response = _signup(client)
    assert response.status_code == 302
    assert response["Location"] == "/dashboard/"
    user = User.objects.get(username="newrecruiter")
    assert user.plan.code == "free_trial"
    assert user.check_password(PASSWORD)
    page = client.get("/dashboard/")
    assert page.status_code == 200
    assert "Hello, newrecruiter" in page.content.decode()


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"username": "Recruiter"}, "That username is taken."),
        ({"username": "admin"}, "That username is reserved."),
        ({"username": "a b"}, "3–40 characters"),
        ({"username": "x"}, "3–40 characters"),
        ({"password2": "something else 1"}, "The two passwords do not match."),
        ({"password1": "123", "password2": "123"}, "This password is too short."),
        ({"email": "not-an-email"}, "Enter a valid email address."),
    ],
)
def test_bad_sign_ups_are_refused_with_a_message(client, recruiter, overrides, message):
    before = User.objects.count()
    response = _signup(client, **overrides)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert User.objects.count() == before


def test_usernames_are_unique_regardless_of_case(recruiter):
    from django.core.exceptions import ValidationError

    from smartcv.services import user_create

    with pytest.raises(ValidationError):
        user_create(username="RECRUITER", password=None)


def test_sign_in_and_sign_out(recruiter):
    client = Client()
    response = client.post("/login/", {"username": "recruiter", "password": "correct horse 42"})
    assert response.status_code == 302
    assert client.get("/dashboard/").status_code == 200
    assert client.post("/logout/").status_code == 302
    assert client.get("/dashboard/")["Location"].startswith("/login/")


def test_wrong_password_does_not_sign_in(recruiter):
    client = Client()
    response = client.post("/login/", {"username": "recruiter", "password": "wrong"})
    assert response.status_code == 200
    assert "Please enter a correct username and password" in response.content.decode()
    assert client.get("/dashboard/").status_code == 302


def test_password_change(client, recruiter):
    client.force_login(recruiter)
    response = client.post(
        "/account/password/",
        {"old_password": "correct horse 42", "new_password1": PASSWORD, "new_password2": PASSWORD},
    )
    assert response.status_code == 302
    recruiter.refresh_from_db()
    assert recruiter.check_password(PASSWORD)


def test_pages_need_sign_in(client):
    for url in ["/dashboard/", "/account/api-keys/", "/account/password/"]:
        assert client.get(url)["Location"].startswith("/login/?next=")


def test_api_key_is_shown_once_and_works(client, recruiter):
    client.force_login(recruiter)
    response = client.post("/account/api-keys/", {"name": "ATS sync"})
    page = response.content.decode()
    key = ApiKey.objects.get(user=recruiter)
    raw = page.split('id="new-key">')[1].split("<")[0]
    assert raw.startswith(key.prefix)
    assert key.name == "ATS sync"
    assert Client().get("/api/v1/usage", HTTP_X_API_KEY=raw).status_code == 200
    listing = client.get("/account/api-keys/").content.decode()
    assert raw not in listing and key.prefix in listing


def test_revoke_from_the_page(client, recruiter, recruiter_key):
    client.force_login(recruiter)
    key = ApiKey.objects.get(user=recruiter)
    response = client.post(f"/account/api-keys/{key.pk}/revoke/")
    assert response.status_code == 302
    assert Client().get("/api/v1/usage", HTTP_X_API_KEY=recruiter_key).status_code == 401


def test_cannot_revoke_another_users_key(client, recruiter, other_user):
    from smartcv.services import api_key_create

    theirs = api_key_create(user=other_user)
    client.force_login(recruiter)
    assert client.post(f"/account/api-keys/{theirs.api_key.pk}/revoke/").status_code == 404
    theirs.api_key.refresh_from_db()
    assert theirs.api_key.revoked_at is None


def test_password_reset_by_email(client, recruiter, mailoutbox):
    response = client.post("/password-reset/", {"email": "recruiter@example.com"})
    assert response["Location"] == "/password-reset/sent/"
    (mail,) = mailoutbox
    link = next(line for line in mail.body.splitlines() if "/password-reset/" in line).strip()
    path = "/" + link.split("://", 1)[1].split("/", 1)[1]
    form = client.get(path, follow=True)
    assert form.status_code == 200
    new = "another sturdy phrase 7"
    done = client.post(form.redirect_chain[-1][0], {"new_password1": new, "new_password2": new})
    assert done["Location"] == "/password-reset/done/"
    recruiter.refresh_from_db()
    assert recruiter.check_password(new)


def test_usage_page_shows_plan_and_ledger(client, recruiter):
    from smartcv.services import credits_charge, credits_refund

    credits_charge(user=recruiter, amount=3, operation="parse", reference="abc")
    credits_refund(user=recruiter, amount=1, operation="parse_failed", reference="abc")
    client.force_login(recruiter)
    page = client.get("/account/usage/").content.decode()
    assert "Growth" in page and "your plan" in page
    assert "−3" in page and "+1" in page
    assert "1998" in page


def _queries(client, url: str) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def test_api_keys_and_usage_query_counts_do_not_grow(recruiter):
    from smartcv.services import api_key_create, credits_charge

    client = Client()
    client.force_login(recruiter)
    api_key_create(user=recruiter, name="first")
    credits_charge(user=recruiter, amount=1, operation="parse", reference="r0")
    few_keys = _queries(client, "/account/api-keys/")
    few_usage = _queries(client, "/account/usage/")
    for n in range(10):
        api_key_create(user=recruiter, name=f"key {n}")
        credits_charge(user=recruiter, amount=1, operation="parse", reference=f"r{n + 1}")

    assert _queries(client, "/account/api-keys/") == few_keys
    assert _queries(client, "/account/usage/") == few_usage
