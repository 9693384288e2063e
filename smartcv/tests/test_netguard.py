"""netguard: user-chosen URLs reach public addresses only, bounded in time and size.

Nothing here touches the internet: requests go to a real server on 127.0.0.1 (reachable only
through the allowlist), and DNS is faked only where a test needs a name to resolve somewhere.
"""

from __future__ import annotations

import ipaddress
import shutil
import socket
import subprocess

import pytest

from smartcv import netguard
from smartcv.netguard import FetchError, fetch
from smartcv.tests.http_receiver import Receiver, Reply

LOCAL = ["127.0.0.1"]


@pytest.fixture
def fake_dns(monkeypatch):
    """fake_dns({"name.test": ["1.2.3.4", …]}): those names resolve so; others really."""
    real_getaddrinfo = socket.getaddrinfo
    lookups: list[str] = []

    def install(table: dict[str, list[str]]):
        def getaddrinfo(host, port, *args, **kwargs):
            if host in table:
                lookups.append(host)
                results = []
                for address in table[host]:
                    if ":" in address:
                        results.append(
                            (socket.AF_INET6, socket.SOCK_STREAM, 6, "", (address, port, 0, 0))
                        )
                    else:
                        results.append((socket.AF_INET, socket.SOCK_STREAM, 6, "", (address, port)))
                return results
            return real_getaddrinfo(host, port, *args, **kwargs)

        monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
        return lookups

    return install


# --- Refused before any connection ------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1/",
        "http://127.1/",
        "http://2130706433/",
        "http://0x7f.1/",
        "http://0177.0.0.1/",
        "http://0.0.0.0/",
        "http://localhost/",
        "http://[::1]/",
        "http://[::]/",
        "http://[::ffff:127.0.0.1]/",
        "http://[::ffff:10.0.0.1]/",
        "http://\uff11\uff12\uff17.0.0.1/",  # full-width digits fold to 127.0.0.1
        "http://127.000.0.1/",
        "http://10.1.2.3/",
        "http://172.16.0.1/",
        "http://192.168.1.1/",
        "http://100.64.0.1/",
        "http://169.254.169.254/latest/meta-data/",
        "http://[fd00:ec2::254]/",
        "http://[fe80::1]/",
        "http://224.0.0.1/",
        "http://255.255.255.255/",
        "https://127.0.0.1:8443/",
    ],
)
def test_non_public_addresses_are_refused_in_every_spelling(url, receiver):
    with pytest.raises(FetchError) as exc:
        fetch(url, timeout=1)

    assert exc.value.code == "blocked_address"
    assert receiver.received == []


@pytest.mark.parametrize(
    "address",
    [
        "127.0.0.1",
        "10.0.0.1",
        "169.254.169.254",
        "100.100.100.200",  # Alibaba metadata, shared space
        "192.0.0.192",
        "198.18.0.1",
        "240.0.0.1",
        "::1",
        "fd00:ec2::254",
        "fe80::1",
        "ff02::1",
        "::ffff:169.254.169.254",
        "2002:7f00:1::",  # 6to4 wrapping 127.0.0.1
        "64:ff9b::a00:1",  # NAT64 wrapping 10.0.0.1
        "2001:0:4136:e378:8000:63bf:80ff:fffe",  # Teredo wrapping 127.0.0.1
        "2001:db8::1",
    ],
)
def test_non_public_address_is_not_public(address):
    assert netguard.is_public_address(ipaddress.ip_address(address)) is False


@pytest.mark.parametrize("address", ["93.184.216.34", "8.8.8.8", "2606:4700:4700::1111"])
def test_global_unicast_address_is_public(address):
    assert netguard.is_public_address(ipaddress.ip_address(address)) is True


def test_name_resolving_to_any_private_address_is_refused(fake_dns, receiver):
    fake_dns({"mixed.test": ["93.184.216.34", "10.0.0.5"]})

    with pytest.raises(FetchError) as exc:
        fetch("http://mixed.test/hook", timeout=1)

    assert exc.value.code == "blocked_address"
    assert "10.0.0.5" in exc.value.message


def test_name_resolving_to_metadata_over_ipv6_is_refused(fake_dns):
    fake_dns({"meta.test": ["fd00:ec2::254"]})

    with pytest.raises(FetchError) as exc:
        fetch("http://meta.test/", timeout=1)

    assert exc.value.code == "blocked_address"


def test_resolve_returns_public_addresses_once_each(fake_dns):
    lookups = fake_dns({"public.test": ["93.184.216.34", "93.184.216.34", "2606:4700::1"]})

    addresses = netguard.resolve("public.test", 443)

    assert [str(a) for a in addresses] == ["93.184.216.34", "2606:4700::1"]
    assert lookups == ["public.test"]


@pytest.mark.parametrize(
    "url",
    [
        "ftp://example.com/file",
        "file:///etc/passwd",
        "gopher://example.com/",
        "javascript:alert(1)",
        "//example.com/no-scheme",
        "http:///no-host",
        "http://exa mple.com/",
        "http://example.com:0/",
        "http://example.com:99999/",
        "http://[fe80::1%25eth0]/",
        "http://[v1.fe]/",
        "http://[1.2.3.4]/",
        "http://example.com/\r\nX-Injected: 1",
        "http://" + "a" * 2050 + ".com/",
        "",
    ],
)
def test_non_http_or_malformed_urls_are_refused(url):
    with pytest.raises(FetchError) as exc:
        fetch(url, timeout=1)

    assert exc.value.code == "invalid_url"


def test_unresolvable_name_is_a_connection_error():
    with pytest.raises(FetchError) as exc:
        fetch("http://does-not-exist.invalid/", timeout=1)

    assert exc.value.code == "connection_error"


@pytest.mark.parametrize(
    "host",
    ["localhost", "api.localhost", "127.0.0.1", "2130706433", "0x7f.1", "::1", "169.254.169.254"],
)
def test_host_syntax_check_refuses_private_literals_and_localhost(host):
    with pytest.raises(FetchError) as exc:
        netguard.check_host_syntax(host)

    assert exc.value.code == "blocked_address"


def test_host_syntax_check_accepts_names_and_allowlisted_hosts():
    netguard.check_host_syntax("hooks.example.com")
    netguard.check_host_syntax("8.8.8.8")
    netguard.check_host_syntax("localhost", allowed_private_hosts=["LOCALHOST"])


# --- Allowlisted private hosts --------------------------------------------------------------


def test_allowlisted_host_is_reached_with_method_headers_and_body(receiver):
    receiver.reply(Reply(status=201, body=b'{"ok":true}', headers={"X-Reply": "yes"}))

    response = fetch(
        receiver.url("/hook?a=1"),
        method="POST",
        body=b'{"n":1}',
        headers={"Content-Type": "application/json"},
        timeout=2,
        allowed_private_hosts=LOCAL,
    )

    assert response.status == 201
    assert response.body == b'{"ok":true}'
    assert response.headers["x-reply"] == "yes"
    assert response.final_url == receiver.url("/hook?a=1")
    [request] = receiver.received
    assert request.method == "POST"
    assert request.path == "/hook?a=1"
    assert request.body == b'{"n":1}'
    assert request.headers["content-type"] == "application/json"
    assert request.headers["host"] == f"127.0.0.1:{receiver.port}"


def test_non_ascii_path_is_sent_percent_encoded(receiver):
    fetch(receiver.url("/café?q=é"), timeout=2, allowed_private_hosts=LOCAL)

    assert receiver.received[0].path == "/caf%C3%A9?q=%C3%A9"


def test_allowlist_is_an_exact_host_match(receiver):
    with pytest.raises(FetchError) as exc:
        fetch(receiver.url(host="2130706433"), timeout=1, allowed_private_hosts=LOCAL)

    assert exc.value.code == "blocked_address"
    assert receiver.received == []


def test_connection_goes_to_the_validated_address_without_a_second_lookup(monkeypatch, receiver):
    # A rebinding resolver: the first answer is checked, any later one would point elsewhere.
    lookups: list[str] = []
    real_getaddrinfo = socket.getaddrinfo

    def rebinding(host, port, *args, **kwargs):
        if host == "pinned.test":
            lookups.append(host)
            address = "127.0.0.1" if len(lookups) == 1 else "10.9.9.9"
            return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (address, port))]
        return real_getaddrinfo(host, port, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", rebinding)

    response = fetch(receiver.url(host="pinned.test"), timeout=2, allowed_private_hosts=["pinned.test"])

    assert response.status == 200
    assert lookups == ["pinned.test"]
    assert receiver.received[0].headers["host"] == f"pinned.test:{receiver.port}"


def test_basic_auth_in_url_becomes_an_authorization_header(receiver):
    fetch(f"http://user:p%40ss@127.0.0.1:{receiver.port}/", timeout=2, allowed_private_hosts=LOCAL)

    assert receiver.received[0].headers["authorization"] == "Basic dXNlcjpwQHNz"


# --- Redirects ------------------------------------------------------------------------------


def test_redirects_are_not_followed_by_default(receiver):
    receiver.reply(Reply(status=302, headers={"Location": "/elsewhere"}))

    response = fetch(receiver.url("/start"), timeout=2, allowed_private_hosts=LOCAL)

    assert response.status == 302
    assert response.headers["location"] == "/elsewhere"
    assert [r.path for r in receiver.received] == ["/start"]


def test_followed_redirect_reaches_the_target(receiver):
    receiver.reply(Reply(status=301, headers={"Location": "/final"}), Reply(body=b"done"))

    response = fetch(receiver.url("/start"), timeout=2, follow_redirects=2, allowed_private_hosts=LOCAL)

    assert response.status == 200
    assert response.body == b"done"
    assert response.final_url == receiver.url("/final")
    assert [r.path for r in receiver.received] == ["/start", "/final"]


def test_redirect_target_is_checked_again(receiver):
    receiver.reply(Reply(status=302, headers={"Location": "http://169.254.169.254/latest/"}))

    with pytest.raises(FetchError) as exc:
        fetch(receiver.url("/start"), timeout=2, follow_redirects=3, allowed_private_hosts=LOCAL)

    assert exc.value.code == "blocked_address"
    assert len(receiver.received) == 1


def test_redirect_to_a_non_http_scheme_is_refused(receiver):
    receiver.reply(Reply(status=302, headers={"Location": "file:///etc/passwd"}))

    with pytest.raises(FetchError) as exc:
        fetch(receiver.url("/start"), timeout=2, follow_redirects=3, allowed_private_hosts=LOCAL)

    assert exc.value.code == "invalid_url"


def test_too_many_redirects(receiver):
    receiver.reply(Reply(status=302, headers={"Location": "/again"}))

    with pytest.raises(FetchError) as exc:
        fetch(receiver.url("/start"), timeout=2, follow_redirects=2, allowed_private_hosts=LOCAL)

    assert exc.value.code == "too_many_redirects"
    assert len(receiver.received) == 3


def test_see_other_after_post_switches_to_get_without_body(receiver):
    receiver.reply(Reply(status=303, headers={"Location": "/result"}), Reply(body=b"ok"))

    fetch(
        receiver.url("/submit"),
        method="POST",
        body=b"payload",
        headers={"Content-Type": "text/plain"},
        timeout=2,
        follow_redirects=1,
        allowed_private_hosts=LOCAL,
    )

    first, second = receiver.received
    assert (first.method, first.body) == ("POST", b"payload")
    assert (second.method, second.body) == ("GET", b"")
    assert "content-type" not in second.headers


# --- Size and time --------------------------------------------------------------------------


def test_body_over_the_cap_is_refused_from_content_length(receiver):
    receiver.reply(Reply(body=b"x" * 5000))

    with pytest.raises(FetchError) as exc:
        fetch(receiver.url(), timeout=2, max_bytes=4096, allowed_private_hosts=LOCAL)

    assert exc.value.code == "too_large"


def test_streamed_body_over_the_cap_is_aborted(receiver):
    receiver.reply(Reply(body=b"x" * 200_000, send_length=False))

    with pytest.raises(FetchError) as exc:
        fetch(receiver.url(), timeout=2, max_bytes=100_000, allowed_private_hosts=LOCAL)

    assert exc.value.code == "too_large"


def test_body_at_the_cap_is_returned_whole(receiver):
    receiver.reply(Reply(body=b"x" * 4096, send_length=False))

    response = fetch(receiver.url(), timeout=2, max_bytes=4096, allowed_private_hosts=LOCAL)

    assert response.body == b"x" * 4096
    assert response.truncated is False


def test_truncate_cuts_the_body_at_the_cap(receiver):
    receiver.reply(Reply(status=500, body=b"y" * 10_000))

    response = fetch(
        receiver.url(), timeout=2, max_bytes=100, truncate=True, allowed_private_hosts=LOCAL
    )

    assert response.status == 500
    assert response.body == b"y" * 100
    assert response.truncated is True


def test_slow_server_times_out(receiver):
    receiver.reply(Reply(delay=1.0))

    with pytest.raises(FetchError) as exc:
        fetch(receiver.url(), timeout=0.2, allowed_private_hosts=LOCAL)

    assert exc.value.code == "timeout"


def test_overall_deadline_bounds_the_call(receiver):
    receiver.reply(Reply(delay=1.0))

    with pytest.raises(FetchError) as exc:
        fetch(receiver.url(), timeout=5, deadline=0.2, allowed_private_hosts=LOCAL)

    assert exc.value.code == "timeout"


def test_refused_connection_is_a_connection_error():
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]

    with pytest.raises(FetchError) as exc:
        fetch(f"http://127.0.0.1:{port}/", timeout=1, allowed_private_hosts=LOCAL)

    assert exc.value.code == "connection_error"
    assert exc.value.message.startswith(f"Cannot connect to 127.0.0.1:{port}: Failed to establish")
    assert exc.value.message.endswith("Connection refused")


def test_tls_failure_is_reported_as_tls_error(receiver):
    # The receiver speaks plain HTTP: the TLS handshake cannot succeed.
    with pytest.raises(FetchError) as exc:
        fetch(f"https://127.0.0.1:{receiver.port}/", timeout=1, allowed_private_hosts=LOCAL)

    assert exc.value.code == "tls_error"


@pytest.fixture
def tls_receiver(tmp_path):
    """An HTTPS receiver with a self-signed certificate for pinned.test."""
    if shutil.which("openssl") is None:
        pytest.skip("needs the openssl command to make a certificate")
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
         "-subj", "/CN=pinned.test", "-addext", "subjectAltName=DNS:pinned.test",
         "-keyout", str(key), "-out", str(cert)],
        check=True,
        capture_output=True,
    )  # fmt: skip
    server = Receiver(tls=(str(cert), str(key))).start()
    yield server
    server.stop()


def test_tls_uses_the_host_name_for_sni_and_verifies_the_certificate(fake_dns, tls_receiver):
    fake_dns({"pinned.test": ["127.0.0.1"]})

    with pytest.raises(FetchError) as exc:
        fetch(
            f"https://pinned.test:{tls_receiver.port}/",
            timeout=2,
            allowed_private_hosts=["pinned.test"],
        )

    assert exc.value.code == "tls_error"
    assert "CERTIFICATE_VERIFY_FAILED" in exc.value.message
    assert tls_receiver.sni_names == ["pinned.test"]
    assert tls_receiver.received == []
