"""SSRF: every feature that fetches a URL a user chose refuses non-public addresses.

Features: parse-by-URL (parserpro ``POST /api/v1/parse/url``), job feeds (reader
``/api/jobs/feeds`` + import), webhook endpoints and their deliveries (reader
``/api/webhook``), and the resume photo fetched for an export (``personalInfo.imageUrl``).

Addresses: loopback in every spelling the C resolver accepts (decimal, octal, hex, short,
trailing dot, IPv4-mapped/compatible/NAT64/6to4 IPv6), ``localhost`` names, the private,
shared, link-local and metadata ranges, IPv6 ULA/link-local, DNS names resolving to private
addresses (the resolver is faked: ``socket.getaddrinfo``, which ``smartcv.netguard`` calls),
and redirects from a server that passes as public to private addresses.

The loopback spellings point at a real HTTP receiver on 127.0.0.1: if any check let one
through, the receiver would record the request. Each case asserts the documented error,
that the receiver got nothing, and that no credit was charged.
"""

from __future__ import annotations

import ipaddress
import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from rest_framework.test import APIClient

from smartcv import netguard
from smartcv.services import api_key_create, credits_remaining

# Spellings of the receiver's own address (127.0.0.1:{port}); reachable if not refused.
LOOPBACK = [
    "127.0.0.1",
    "localhost",
    "LOCALHOST",
    "app.localhost",
    "0.0.0.0",  # noqa: S104 (an address to refuse, nothing binds to it)
    "0",
    "2130706433",
    "0177.0.0.1",
    "0x7f000001",
    "0x7f.0.0.1",
    "127.1",
    "127.0.1",
    "127.0.0.1.",
    "[::ffff:127.0.0.1]",
    "[::ffff:7f00:1]",
    "[::127.0.0.1]",
    "[64:ff9b::7f00:1]",
    "[2002:7f00:1::]",
    "[::1]",
    "[::]",
]
# Other non-public addresses, in several spellings.
PRIVATE = [
    "10.0.0.1",
    "10.255.255.254",
    "0x0a000001",
    "172.16.0.1",
    "172.31.255.254",
    "192.168.0.1",
    "3232235521",
    "169.254.169.254",
    "0251.0376.0251.0376",
    "100.64.0.1",
    "100.127.255.254",
    "192.0.0.192",
    "[fc00::1]",
    "[fd00:ec2::254]",
    "[fe80::1]",
    "[::ffff:169.254.169.254]",
    "[3fff::1]",  # documentation prefix newer than Python's ipaddress tables
]
# Names and what the (faked) resolver answers for them.
DNS = {
    "intranet.test": ["10.0.0.5"],
    "metadata.test": ["169.254.169.254"],
    "loop.test": ["127.0.0.1"],
    "half.test": ["93.184.216.34", "127.0.0.1"],  # one private answer is enough to refuse
    "ula.test": ["fd00::1"],
    "mapped.test": ["::ffff:127.0.0.1"],
}


@pytest.fixture
def fake_dns(monkeypatch):
    """Names in DNS resolve as listed; everything else through the real resolver."""
    real = socket.getaddrinfo
    table: dict[str, list[str]] = dict(DNS)

    def getaddrinfo(host, port, *args, **kwargs):
        if host in table:
            return [
                (socket.AF_INET6, socket.SOCK_STREAM, 6, "", (a, port, 0, 0))
                if ":" in a
                else (socket.AF_INET, socket.SOCK_STREAM, 6, "", (a, port))
                for a in table[host]
            ]
        return real(host, port, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    return table


@pytest.fixture
def client_and_user(make_user):
    user = make_user("tenant")
    client = APIClient()
    client.credentials(HTTP_X_API_KEY=api_key_create(user=user).raw)
    return client, user


@pytest.fixture(autouse=True)
def _no_private_allowlist(settings):
    settings.SMARTCV_WEBHOOK_ALLOWED_HOSTS = []


def _url(host: str, port: int, path: str = "/cv.txt") -> str:
    return f"http://{host}:{port}{path}"


def _literal_urls(port: int) -> list[str]:
    return [_url(h, port) for h in LOOPBACK] + [_url(h, 80) for h in PRIVATE]


ALL_LITERALS = LOOPBACK + PRIVATE


def _port_for(host: str, receiver) -> int:
    return receiver.port if host in LOOPBACK else 80


# --- parse by URL ------------------------------------------------------------------------------


@pytest.mark.parametrize("host", ALL_LITERALS)
def test_parse_url_refuses_a_non_public_literal_up_front(
    host, client_and_user, receiver, django_capture_on_commit_callbacks
):
    client, user = client_and_user
    credits = credits_remaining(user)
    url = _url(host, _port_for(host, receiver))
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/api/v1/parse/url", {"urls": [url]}, format="json")
    assert response.status_code == 201, response.content
    body = response.json()
    assert (body["processed"], body["failed"], body["candidates"]) == (0, 1, [])
    assert body["errors"][0]["url"] == url
    assert "public" in body["errors"][0]["error"] or "Invalid" in body["errors"][0]["error"]
    assert receiver.received == []
    assert credits_remaining(user) == credits == body["credits_remaining"]


@pytest.mark.parametrize("name", sorted(DNS))
def test_parse_url_of_a_name_resolving_privately_fails_uncharged(
    name, fake_dns, client_and_user, receiver, django_capture_on_commit_callbacks
):
    from parsing.models import Candidate, ParseStatus

    client, user = client_and_user
    credits = credits_remaining(user)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/api/v1/parse/url", {"urls": [_url(name, receiver.port)]}, format="json")
    assert response.status_code == 201
    candidate = Candidate.objects.get(owner=user)
    assert candidate.parsing_status == ParseStatus.FAILED
    assert candidate.parsing_errors[0]["code"] == "fetch_failed"
    assert "non-public address" in candidate.parsing_errors[0]["message"]
    assert receiver.received == []
    assert credits_remaining(user) == credits  # the credit taken on submission is given back


# --- job feeds ---------------------------------------------------------------------------------


@pytest.mark.parametrize("host", ALL_LITERALS)
def test_job_feed_on_a_non_public_literal_is_refused(host, client_and_user, receiver):
    from matching.models import JobFeed

    client, user = client_and_user
    url = _url(host, _port_for(host, receiver), "/jobs.json")
    response = client.post("/api/jobs/feeds", {"url": url}, format="json")
    assert response.status_code == 400, response.content
    body = response.json()
    assert body["status"] == 400 and body["code"] == "VALIDATION_ERROR"
    assert body["errors"][0]["field"] == "url"
    assert not JobFeed.objects.filter(owner=user).exists()
    assert receiver.received == []


@pytest.mark.parametrize("host", ALL_LITERALS + sorted(DNS))
def test_job_feed_import_refuses_a_non_public_address_at_fetch_time(host, fake_dns, make_user, receiver):
    """Stored before any check (an older row, or a name that resolved publicly when saved):
    the import checks again and records a failed run."""
    from matching.models import FeedRunStatus, Job, JobFeed
    from matching.services import feed_import

    user = make_user("feeder")
    feed = JobFeed.objects.create(owner=user, url=_url(host, _port_for(host, receiver), "/jobs.json"))
    run = feed_import(feed=feed)
    assert run.status == FeedRunStatus.FAILED
    assert run.message.startswith(("blocked_address", "invalid_url")), run.message
    assert not Job.objects.filter(owner=user).exists()
    assert receiver.received == []


# --- webhooks ----------------------------------------------------------------------------------


@pytest.mark.parametrize("host", ALL_LITERALS)
def test_webhook_on_a_non_public_literal_is_refused(host, client_and_user, receiver):
    from webhooks.models import WebhookEndpoint

    client, user = client_and_user
    url = _url(host, _port_for(host, receiver), "/hook")
    response = client.post("/api/webhook", {"url": url, "pdfGenerated": True}, format="json")
    assert response.status_code == 400, response.content
    assert response.json()["errors"][0]["field"] == "url"
    assert not WebhookEndpoint.objects.filter(owner=user).exists()
    assert receiver.received == []


def _deliver_once(user, url: str):
    from webhooks.models import WebhookEndpoint, WebhookEvent
    from webhooks.services import deliver, emit

    WebhookEndpoint.objects.create(owner=user, url=url, secret="whsec_x", pdf_generated=True)
    (delivery,) = emit(owner=user, event=WebhookEvent.PDF_GENERATED, payload={"n": 1})
    return deliver(delivery_id=delivery.id)


@pytest.mark.parametrize("host", ALL_LITERALS + sorted(DNS))
def test_webhook_delivery_refuses_a_non_public_address(host, fake_dns, make_user, receiver):
    from webhooks.models import DeliveryStatus

    user = make_user("hooked")
    delivery = _deliver_once(user, _url(host, _port_for(host, receiver), "/hook"))
    assert delivery.status == DeliveryStatus.FAILED  # refused is final, never retried
    attempt = delivery.attempts.get()
    assert attempt.response_status_code is None
    assert "public address" in attempt.error_message or "Invalid" in attempt.error_message
    assert receiver.received == []


@pytest.mark.parametrize("host", [h for h in LOOPBACK if h != "127.0.0.1"] + ["loop.test"])
def test_webhook_allowlist_is_an_exact_host_match(host, fake_dns, settings, make_user, receiver):
    """With 127.0.0.1 allowlisted (development), other spellings of it stay refused."""
    from webhooks.models import DeliveryStatus

    settings.SMARTCV_WEBHOOK_ALLOWED_HOSTS = ["127.0.0.1"]
    user = make_user("hooked")
    delivery = _deliver_once(user, _url(host, receiver.port, "/hook"))
    assert delivery.status == DeliveryStatus.FAILED
    assert receiver.received == []
    allowed = _deliver_once(make_user("allowed"), _url("127.0.0.1", receiver.port, "/hook"))
    assert allowed.status == DeliveryStatus.DELIVERED and len(receiver.received) == 1


# --- resume photo on export --------------------------------------------------------------------


@pytest.mark.parametrize("host", [*LOOPBACK, "loop.test", "metadata.test"])
def test_export_does_not_fetch_a_photo_from_a_non_public_address(
    host, fake_dns, client_and_user, receiver
):
    from resumes.document import validate_document
    from resumes.services import resume_create

    client, user = client_and_user
    document = validate_document(
        {"personal": {"name": "Ada", "image_url": _url(host, receiver.port, "/me.png")}}
    )
    resume = resume_create(owner=user, title="Photo", document=document)
    response = client.post(f"/api/resumes/{resume.pk}/export", {"format": "html"}, format="json")
    assert response.status_code == 200, response.content
    assert receiver.received == []


# --- redirects from a public-looking server ----------------------------------------------------


class _Redirector:
    """A server on 127.0.0.2 standing in for a public host (``public.test``); it answers every
    request with a redirect to ``location`` and counts what it got."""

    def __init__(self) -> None:
        self.location = ""
        self.hits = 0
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def _answer(self) -> None:
                outer.hits += 1
                length = int(self.headers.get("Content-Length") or 0)
                if length:
                    self.rfile.read(length)
                self.send_response(302)
                self.send_header("Location", outer.location)
                self.send_header("Content-Length", "0")
                self.end_headers()

            do_GET = do_POST = _answer

            def log_message(self, *args) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.2", 0), Handler)
        self.port = self.server.server_address[1]
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def public_redirector(fake_dns, monkeypatch):
    """``http://public.test:<port>/`` reaches the redirector; 127.0.0.2 (and only it) passes
    the public-address check, so every redirect hop after it is checked for real."""
    fake_dns["public.test"] = ["127.0.0.2"]
    fake_dns["private.test"] = ["127.0.0.1"]
    real = netguard.is_public_address
    stand_in = ipaddress.ip_address("127.0.0.2")
    monkeypatch.setattr(netguard, "is_public_address", lambda ip: ip == stand_in or real(ip))
    server = _Redirector()
    yield server
    server.stop()


REDIRECT_TARGETS = [
    "127.0.0.1",
    "localhost",
    "2130706433",
    "0x7f.1",
    "127.1",
    "[::ffff:127.0.0.1]",
    "private.test",
    "169.254.169.254",
    "10.0.0.1",
]


def _redirect_to(host: str, receiver) -> str:
    port = receiver.port if host not in ("169.254.169.254", "10.0.0.1") else 80
    return _url(host, port, "/latest/meta-data/")


@pytest.mark.parametrize("host", REDIRECT_TARGETS)
def test_parse_url_redirect_to_a_private_address_is_refused(
    host, public_redirector, client_and_user, receiver, django_capture_on_commit_callbacks
):
    from parsing.models import Candidate, ParseStatus

    client, user = client_and_user
    credits = credits_remaining(user)
    public_redirector.location = _redirect_to(host, receiver)
    url = f"http://public.test:{public_redirector.port}/cv.txt"
    with django_capture_on_commit_callbacks(execute=True):
        body = client.post("/api/v1/parse/url", {"urls": [url]}, format="json").json()
    assert body["processed"] == 1  # public-looking: accepted, then refused at the redirect
    candidate = Candidate.objects.get(owner=user)
    assert candidate.parsing_status == ParseStatus.FAILED
    assert "public address" in candidate.parsing_errors[0]["message"]
    assert public_redirector.hits == 1
    assert receiver.received == []
    assert credits_remaining(user) == credits


@pytest.mark.parametrize("host", REDIRECT_TARGETS)
def test_job_feed_redirect_to_a_private_address_is_refused(host, public_redirector, make_user, receiver):
    from matching.models import FeedRunStatus, Job
    from matching.services import feed_create, feed_import

    user = make_user("feeder")
    public_redirector.location = _redirect_to(host, receiver)
    feed = feed_create(owner=user, url=f"http://public.test:{public_redirector.port}/jobs.json")
    run = feed_import(feed=feed)
    assert run.status == FeedRunStatus.FAILED
    assert run.message.startswith("blocked_address"), run.message
    assert public_redirector.hits == 1
    assert receiver.received == []
    assert not Job.objects.filter(owner=user).exists()


@pytest.mark.parametrize("host", REDIRECT_TARGETS)
def test_webhook_delivery_does_not_follow_a_redirect(host, public_redirector, make_user, receiver):
    from webhooks.models import DeliveryStatus

    user = make_user("hooked")
    public_redirector.location = _redirect_to(host, receiver)
    delivery = _deliver_once(user, f"http://public.test:{public_redirector.port}/hook")
    assert delivery.status != DeliveryStatus.DELIVERED
    assert delivery.attempts.get().response_status_code == 302
    assert public_redirector.hits == 1
    assert receiver.received == []


@pytest.mark.parametrize("host", REDIRECT_TARGETS)
def test_export_photo_redirect_to_a_private_address_is_not_followed(
    host, public_redirector, client_and_user, receiver
):
    from resumes.document import validate_document
    from resumes.services import resume_create

    client, user = client_and_user
    public_redirector.location = _redirect_to(host, receiver)
    image = f"http://public.test:{public_redirector.port}/me.png"
    resume = resume_create(
        owner=user,
        title="Photo",
        document=validate_document({"personal": {"name": "A", "image_url": image}}),
    )
    response = client.post(f"/api/resumes/{resume.pk}/export", {"format": "html"}, format="json")
    assert response.status_code == 200
    assert public_redirector.hits == 1
    assert receiver.received == []


# --- netguard itself: the answer does not depend on the platform's resolver -------------------


@pytest.mark.parametrize("host", ["app.localhost", "localhost", "127.0.0.1.", "127.1", "0x7f.1", "0"])
def test_non_public_spellings_are_refused_before_any_lookup(host, monkeypatch):
    """glibc resolves ``127.1`` and refuses ``127.0.0.1.``; systemd-resolved answers
    ``*.localhost`` with 127.0.0.1, other resolvers fail: netguard refuses all of them
    itself, without asking."""
    lookups = []
    monkeypatch.setattr(socket, "getaddrinfo", lambda *a, **k: lookups.append(a) or [])
    with pytest.raises(netguard.FetchError) as refused:
        netguard.resolve(host, 80)
    assert refused.value.code == netguard.BLOCKED_ADDRESS
    assert lookups == []
    with pytest.raises(netguard.FetchError):
        netguard.check_host_syntax(host)


@pytest.mark.parametrize("fmt", ["pdf", "docx", "html"])
def test_no_export_format_fetches_anything_a_resume_names(fmt, client_and_user, receiver):
    """The photo URL and URLs written into text fields (an <img>/<link> the renderer might
    follow if the text were not escaped) never reach a private address, in any format."""
    from resumes.document import validate_document
    from resumes.services import resume_create

    client, user = client_and_user
    probe = receiver.url("/probe.png")
    document = validate_document(
        {
            "personal": {"name": f'<img src="{probe}">', "image_url": probe, "website": probe},
            "summary": f'<link rel="stylesheet" href="{probe}"><img src="{probe}">',
        }
    )
    resume = resume_create(owner=user, title="Probe", document=document)
    response = client.post(f"/api/resumes/{resume.pk}/export", {"format": fmt}, format="json")
    assert response.status_code == 200, response.content
    assert receiver.received == []
