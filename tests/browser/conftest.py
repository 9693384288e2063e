"""Playwright against pytest-django's live server, driving Debian's chromium.

The sync Playwright API runs an event loop in this thread, so Django's async-safety check
would refuse the ORM calls the tests make between page actions; they are ordinary sync
calls, so the check is turned off for these tests only (not at import: collecting this
file must not change the environment of the other tests, e.g. ``check --deploy``).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-output" / "screenshots"


@pytest.fixture(scope="session")
def django_db_modify_db_settings(tmp_path_factory):
    """A file SQLite database for the live server: the in-memory one is a single connection
    shared by every server thread, so the page's parallel requests (uploads while rows poll)
    would fail with "table is locked" instead of waiting their turn."""
    from django.conf import settings

    default = settings.DATABASES["default"]
    if default["ENGINE"] == "django.db.backends.sqlite3":
        default.setdefault("TEST", {})["NAME"] = str(tmp_path_factory.mktemp("db") / "browser.sqlite3")


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: install the chromium package (scripts/apt-packages.txt)")
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            yield chromium
            chromium.close()
    finally:
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


def csp_violations(tab) -> list[str]:
    """Collects the Content-Security-Policy violations Chromium reports on the tab's console:
    anything the policy blocked, which a user would see broken (a script, a style, an image)."""
    found: list[str] = []

    def listen(message) -> None:
        if message.type == "error" and "Content Security Policy" in message.text:
            found.append(message.text)

    tab.on("console", listen)
    return found


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(base_url=live_server.url, viewport={"width": 1280, "height": 900})
    context.set_default_timeout(15_000)
    tab = context.new_page()
    violations = csp_violations(tab)
    yield tab
    context.close()
    if violations:
        pytest.fail("CSP violations in the browser console:\n" + "\n".join(violations), pytrace=False)


@pytest.fixture
def shot():
    """shot(page, name): a full-page screenshot in test-output/screenshots/<name>.png."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)

    def take(page, name: str) -> Path:
        path = SCREENSHOTS / f"{name}.png"
        page.screenshot(path=str(path), full_page=True)
        return path

    return take
