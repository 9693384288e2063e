"""HTTP requests to URLs a user gave us, reaching public addresses only.

Webhook deliveries, parse-by-URL and job feeds all fetch URLs chosen by users; without care
those URLs reach the cloud metadata service, the database or the admin of a neighbour
container (SSRF). ``fetch`` refuses that:

1. Only ``http``/``https`` URLs with a host are accepted.
2. The host is resolved once with ``socket.getaddrinfo``; if ANY resolved address is not a
   public unicast address (private, loopback, link-local, shared 100.64/10, multicast,
   reserved, documentation, metadata, IPv4 embedded in IPv6 …) the request is refused.
   Odd spellings (``http://2130706433/``, ``http://0x7f.1/``, ``http://127.1/``,
   ``http://[::ffff:127.0.0.1]/``, ``http://127.0.0.1./``) and ``localhost`` names are
   refused before any lookup, whatever the platform's resolver would make of them.
3. The connection goes to the validated IP itself — no second lookup, so a DNS answer that
   changes between check and connect (DNS rebinding) cannot redirect it. The original host
   is sent in ``Host`` and used for TLS SNI and certificate verification.
4. Redirects are not followed unless asked; each followed target goes through 1–3 again.
5. Time (per connect/read and an overall deadline) and body size are bounded.

Hosts an operator lists in ``allowed_private_hosts`` (exact match on the URL's host, e.g.
``SMARTCV_WEBHOOK_ALLOWED_HOSTS`` for development) skip the public-address check only; they
are still resolved once and pinned.

No Django, no ORM: callers pass every setting in.
"""

from __future__ import annotations

import base64
import contextlib
import ipaddress
import re
import socket
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from urllib.parse import quote, unquote, urljoin, urlsplit

import urllib3
from urllib3.exceptions import (
    ConnectTimeoutError,
    HTTPError,
    LocationParseError,
    NewConnectionError,
    ProtocolError,
    ReadTimeoutError,
    SSLError,
)

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

# Why a fetch was refused or failed, as FetchError.code.
BLOCKED_ADDRESS = "blocked_address"  # the host is (or resolves to) a non-public address
INVALID_URL = "invalid_url"  # not an http(s) URL with a host, bad port, control characters …
TIMEOUT = "timeout"  # connect, read or the overall deadline ran out
CONNECTION_ERROR = "connection_error"  # DNS failure, refused, reset, malformed response
TLS_ERROR = "tls_error"  # handshake or certificate verification failed
TOO_LARGE = "too_large"  # the response body is longer than max_bytes
TOO_MANY_REDIRECTS = "too_many_redirects"  # more redirects than follow_redirects allows

MAX_URL_LENGTH = 2048
_REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
_CHUNK = 64 * 1024
_DEFAULT_USER_AGENT = "SmartCV (+https://github.com/smartcv)"
# Headers a redirect to another origin must not carry along.
_CREDENTIAL_HEADERS = frozenset({"authorization", "cookie", "proxy-authorization"})

# Ranges refused even when ``ipaddress`` calls them global, or which it has changed its mind
# about between Python versions. IPv4 inside IPv6 (mapped, 6to4, NAT64, Teredo) is unwrapped
# and checked as IPv4 first, see ``is_public_address``.
_BLOCKED_NETWORKS = tuple(
    ipaddress.ip_network(net)
    for net in (
        "0.0.0.0/8",  # "this network"; 0.0.0.0 reaches localhost on Linux
        "10.0.0.0/8",
        "100.64.0.0/10",  # carrier-grade NAT, shared address space
        "127.0.0.0/8",
        "169.254.0.0/16",  # link-local, incl. 169.254.169.254 cloud metadata
        "172.16.0.0/12",
        "192.0.0.0/24",  # IETF protocol assignments (incl. 192.0.0.192 Oracle metadata)
        "192.0.2.0/24",
        "192.88.99.0/24",  # 6to4 relay anycast
        "192.168.0.0/16",
        "198.18.0.0/15",  # benchmarking
        "198.51.100.0/24",
        "203.0.113.0/24",
        "224.0.0.0/4",  # multicast
        "240.0.0.0/4",  # reserved, incl. 255.255.255.255
        "::/128",
        "::1/128",
        "::/96",  # IPv4-compatible (deprecated)
        "100::/64",  # discard
        "2001::/23",  # IETF protocol assignments (Teredo unwrapped above)
        "2001:db8::/32",  # documentation
        "3fff::/20",  # documentation (RFC 9637), unknown to older ipaddress versions
        "fc00::/7",  # unique local, incl. fd00:ec2::254 (AWS metadata over IPv6)
        "fe80::/10",  # link-local
        "fec0::/10",  # site-local (deprecated)
        "ff00::/8",  # multicast
    )
)
_NAT64 = (ipaddress.ip_network("64:ff9b::/96"), ipaddress.ip_network("64:ff9b:1::/48"))


class FetchError(Exception):
    """A fetch was refused or failed; ``code`` is one of the module constants above."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message

    def __repr__(self) -> str:
        return f"FetchError({self.code!r}, {self.message!r})"


@dataclass(frozen=True)
class FetchResponse:
    status: int
    headers: dict[str, str]  # lower-cased names; repeated headers joined with ", "
    body: bytes
    final_url: str
    truncated: bool = False  # body cut at max_bytes (only with truncate=True)


@dataclass(frozen=True)
class TargetURL:
    """A syntactically valid http(s) URL, split into what a request needs."""

    url: str
    scheme: str
    host: str  # lower-case, IDNA-encoded; IPv6 without brackets
    port: int
    request_target: str  # path + query, never empty
    host_header: str
    auth_header: str | None = field(default=None, repr=False)


# --- Addresses --------------------------------------------------------------------------------


def is_public_address(ip: IPAddress) -> bool:
    """True for a global unicast address a user-chosen URL may reach."""
    if isinstance(ip, ipaddress.IPv6Address):
        embedded = ip.ipv4_mapped or ip.sixtofour
        if embedded is None and ip.teredo:
            embedded = ip.teredo[1]  # the client address
        if embedded is None and any(ip in net for net in _NAT64):
            embedded = ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
        if embedded is not None:
            return is_public_address(embedded)
    if any(ip in net for net in _BLOCKED_NETWORKS if net.version == ip.version):
        return False
    return ip.is_global and not (ip.is_multicast or ip.is_reserved or ip.is_unspecified)


def literal_address(host: str) -> IPAddress | None:
    """The address a host spells without DNS (incl. legacy ``127.1``/``0x7f.1``/``2130706433``
    forms the C resolver accepts, and a trailing root dot: ``127.0.0.1.``), or None for a
    name."""
    try:
        return ipaddress.ip_address(host.strip("[]").split("%", 1)[0])
    except ValueError:
        pass
    host = host.rstrip(".") if not host.startswith(".") else host
    with contextlib.suppress(ValueError):
        return ipaddress.IPv4Address(host)
    if re.fullmatch(r"[0-9a-fx.]+", host, flags=re.IGNORECASE):
        try:
            return ipaddress.IPv4Address(socket.inet_aton(host))
        except OSError:
            return None
    return None


def _normalise_allowed(hosts: Iterable[str]) -> frozenset[str]:
    return frozenset(h.strip().lower().strip("[]") for h in hosts if h and h.strip())


def is_allowed_private_host(host: str, allowed_private_hosts: Iterable[str]) -> bool:
    return host.lower().strip("[]") in _normalise_allowed(allowed_private_hosts)


def _is_localhost_name(host: str) -> bool:
    bare = host.lower().rstrip(".")
    return bare == "localhost" or bare.endswith(".localhost")


def check_host_syntax(host: str, *, allowed_private_hosts: Iterable[str] = ()) -> None:
    """The DNS-free part of the check, for validating a URL when it is saved.

    Refuses literal non-public IPs (in any spelling) and ``localhost`` names. The
    authoritative check happens again at request time, after resolution.
    """
    if is_allowed_private_host(host, allowed_private_hosts):
        return
    if _is_localhost_name(host):
        raise FetchError(BLOCKED_ADDRESS, f"{host} is not a public address")
    ip = literal_address(host)
    if ip is not None and not is_public_address(ip):
        raise FetchError(BLOCKED_ADDRESS, f"{host} is not a public address")


def resolve(host: str, port: int, *, allowed_private_hosts: Iterable[str] = ()) -> list[IPAddress]:
    """Resolve ``host`` once; every address must be public unless the host is allowlisted.

    Returns the addresses in resolver order, without duplicates. Literal non-public IPs and
    ``localhost`` names are refused before any lookup, as ``check_host_syntax`` does: resolvers
    differ in what they make of ``127.1`` or ``app.localhost``; the answer must not.
    """
    if not is_allowed_private_host(host, allowed_private_hosts):
        if _is_localhost_name(host):
            raise FetchError(BLOCKED_ADDRESS, f"{host} is not a public address")
        literal = literal_address(host)
        if literal is not None and not is_public_address(literal):
            raise FetchError(BLOCKED_ADDRESS, f"{host} resolves to non-public address {literal}")
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError, OSError) as exc:
        raise FetchError(CONNECTION_ERROR, f"Cannot resolve {host}: {exc}") from None
    addresses: list[IPAddress] = []
    for family, _, _, _, sockaddr in infos:
        if family not in (socket.AF_INET, socket.AF_INET6):
            continue
        ip = ipaddress.ip_address(str(sockaddr[0]).split("%", 1)[0])
        if ip not in addresses:
            addresses.append(ip)
    if not addresses:
        raise FetchError(CONNECTION_ERROR, f"Cannot resolve {host}: no address")
    if not is_allowed_private_host(host, allowed_private_hosts):
        blocked = [ip for ip in addresses if not is_public_address(ip)]
        if blocked:
            raise FetchError(BLOCKED_ADDRESS, f"{host} resolves to non-public address {blocked[0]}")
    return addresses


# --- URLs -------------------------------------------------------------------------------------


def parse_target(url: str) -> TargetURL:
    """Validate the shape of an http(s) URL (no DNS); raises FetchError(INVALID_URL)."""
    if not isinstance(url, str) or not url:
        raise FetchError(INVALID_URL, "URL is empty")
    if len(url) > MAX_URL_LENGTH:
        raise FetchError(INVALID_URL, f"URL is longer than {MAX_URL_LENGTH} characters")
    if any(ord(ch) < 0x21 or ord(ch) == 0x7F for ch in url):
        raise FetchError(INVALID_URL, "URL contains spaces or control characters")
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as exc:
        raise FetchError(INVALID_URL, f"Malformed URL: {exc}") from None
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        raise FetchError(INVALID_URL, "Only http:// and https:// URLs are allowed")
    raw_host = parts.hostname or ""
    if not raw_host:
        raise FetchError(INVALID_URL, "URL has no host")
    if port == 0:
        raise FetchError(INVALID_URL, "URL port must be between 1 and 65535")
    if "%" in raw_host:  # IPv6 zone ids and percent-encoded names
        raise FetchError(INVALID_URL, f"Invalid host {raw_host!r}")
    if "[" in parts.netloc:  # brackets hold an IPv6 address, nothing else (no IPvFuture)
        try:
            host = str(ipaddress.IPv6Address(raw_host))
        except ValueError:
            raise FetchError(INVALID_URL, f"Invalid host {raw_host!r}") from None
    else:
        try:
            # IDNA also folds look-alikes ("１２７.0.0.1" → "127.0.0.1") before the checks.
            host = raw_host.encode("idna").decode("ascii").lower()
        except UnicodeError:
            raise FetchError(INVALID_URL, f"Invalid host name {raw_host!r}") from None
        if not re.fullmatch(r"[a-z0-9_.-]+", host) or ".." in host or host.startswith("."):
            raise FetchError(INVALID_URL, f"Invalid host name {raw_host!r}")
        with contextlib.suppress(ValueError):
            host = str(ipaddress.IPv4Address(host))
    default_port = 443 if scheme == "https" else 80
    port = port or default_port
    shown_host = f"[{host}]" if ":" in host else host
    host_header = shown_host if port == default_port else f"{shown_host}:{port}"
    target = parts.path or "/"
    if parts.query:
        target += "?" + parts.query
    # Non-ASCII in the path or query is sent percent-encoded as UTF-8, as browsers do.
    target = "".join(ch if ch.isascii() else quote(ch) for ch in target)
    auth_header = None
    if parts.username is not None or parts.password is not None:
        credentials = f"{unquote(parts.username or '')}:{unquote(parts.password or '')}"
        auth_header = "Basic " + base64.b64encode(credentials.encode()).decode("ascii")
    return TargetURL(
        url=url,
        scheme=scheme,
        host=host,
        port=port,
        request_target=target,
        host_header=host_header,
        auth_header=auth_header,
    )


# --- Fetch ------------------------------------------------------------------------------------


def fetch(
    url: str,
    *,
    method: str = "GET",
    body: bytes | None = None,
    headers: Mapping[str, str] | None = None,
    timeout: float = 10.0,
    deadline: float | None = None,
    max_bytes: int = 10 * 1024 * 1024,
    truncate: bool = False,
    follow_redirects: int = 0,
    allowed_private_hosts: Iterable[str] = (),
) -> FetchResponse:
    """Send one request to a public address and read the response, bounded in time and size.

    ``timeout`` bounds each connect and each read; ``deadline`` (seconds, default
    ``timeout``) bounds the whole call including redirects. A body longer than ``max_bytes``
    raises ``FetchError(TOO_LARGE)``, or with ``truncate=True`` is cut there and returned with
    ``truncated=True``. With ``follow_redirects=0`` a 3xx response is returned as is;
    otherwise up to that many redirects are followed (303, and 301/302 after a POST, switch
    to a body-less GET, as browsers do) and credentials are dropped on a change of origin.

    Raises ``FetchError`` for every refusal and failure, never another exception type.
    """
    allowed = _normalise_allowed(allowed_private_hosts)
    ends_at = time.monotonic() + (timeout if deadline is None else deadline)
    method = method.upper()
    request_headers = {k: v for k, v in (headers or {}).items() if k.lower() != "host"}
    if not any(k.lower() == "user-agent" for k in request_headers):
        request_headers["User-Agent"] = _DEFAULT_USER_AGENT
    current = parse_target(url)
    redirects = 0
    while True:
        response = _fetch_once(
            current,
            method=method,
            body=body,
            headers=request_headers,
            timeout=timeout,
            ends_at=ends_at,
            max_bytes=max_bytes,
            truncate=truncate,
            allowed=allowed,
        )
        location = response.headers.get("location")
        if follow_redirects <= 0 or response.status not in _REDIRECT_STATUSES or not location:
            return response
        if redirects >= follow_redirects:
            raise FetchError(
                TOO_MANY_REDIRECTS, f"More than {follow_redirects} redirect(s), last to {location}"
            )
        redirects += 1
        following = parse_target(urljoin(current.url, location))
        if (following.scheme, following.host, following.port) != (
            current.scheme,
            current.host,
            current.port,
        ):
            request_headers = {
                k: v for k, v in request_headers.items() if k.lower() not in _CREDENTIAL_HEADERS
            }
        if response.status == 303 or (response.status in (301, 302) and method == "POST"):
            method = "GET" if method != "HEAD" else method
            body = None
            request_headers = {
                k: v
                for k, v in request_headers.items()
                if k.lower() not in ("content-type", "content-length")
            }
        current = following


def _remaining(ends_at: float) -> float:
    left = ends_at - time.monotonic()
    if left <= 0:
        raise FetchError(TIMEOUT, "Deadline exceeded")
    return left


def _fetch_once(
    target: TargetURL,
    *,
    method: str,
    body: bytes | None,
    headers: dict[str, str],
    timeout: float,
    ends_at: float,
    max_bytes: int,
    truncate: bool,
    allowed: frozenset[str],
) -> FetchResponse:
    addresses = resolve(target.host, target.port, allowed_private_hosts=allowed)
    sent_headers = {"Host": target.host_header, **headers}
    if target.auth_header and not any(k.lower() == "authorization" for k in headers):
        sent_headers["Authorization"] = target.auth_header
    last_error: FetchError | None = None
    # Try each validated address until one accepts the connection; once a request has been
    # sent we never retry it (it may not be idempotent).
    for ip in addresses:
        step = min(timeout, _remaining(ends_at))
        pool = _pool(target, ip, step)
        try:
            raw = pool.urlopen(
                method,
                target.request_target,
                body=body,
                headers=sent_headers,
                retries=False,
                redirect=False,
                assert_same_host=False,
                preload_content=False,
                timeout=urllib3.Timeout(connect=step, read=step),
            )
        except (ConnectTimeoutError, NewConnectionError) as exc:
            last_error = _as_fetch_error(exc, target)
            pool.close()
            continue
        except (HTTPError, OSError, ValueError) as exc:
            pool.close()
            raise _as_fetch_error(exc, target) from None
        try:
            data, truncated = _read_body(raw, target, timeout, ends_at, max_bytes, truncate)
            response_headers = {name.lower(): raw.headers[name] for name in raw.headers}
            return FetchResponse(
                status=raw.status,
                headers=response_headers,
                body=data,
                final_url=target.url,
                truncated=truncated,
            )
        finally:
            raw.release_conn()
            pool.close()
    raise last_error or FetchError(CONNECTION_ERROR, f"Cannot connect to {target.host_header}")


def _pool(target: TargetURL, ip: IPAddress, timeout: float) -> urllib3.HTTPConnectionPool:
    """A one-connection pool bound to the validated IP (never to the name)."""
    common = {"port": target.port, "timeout": timeout, "maxsize": 1, "retries": False}
    if target.scheme == "https":
        return urllib3.HTTPSConnectionPool(
            str(ip),
            cert_reqs="CERT_REQUIRED",
            server_hostname=target.host,
            assert_hostname=target.host,
            **common,
        )
    return urllib3.HTTPConnectionPool(str(ip), **common)


def _read_body(
    raw: urllib3.BaseHTTPResponse,
    target: TargetURL,
    timeout: float,
    ends_at: float,
    max_bytes: int,
    truncate: bool,
) -> tuple[bytes, bool]:
    declared = raw.headers.get("Content-Length", "")
    if not truncate and declared.isdigit() and int(declared) > max_bytes:
        raise FetchError(TOO_LARGE, f"Response body is larger than {max_bytes} bytes")
    chunks: list[bytes] = []
    size = 0
    try:
        while True:
            # Each read may wait at most the per-read timeout and what is left of the deadline.
            sock = getattr(raw.connection, "sock", None)
            if sock is not None:
                sock.settimeout(min(timeout, _remaining(ends_at)))
            chunk = raw.read1(_CHUNK)
            if not chunk:
                return b"".join(chunks), False
            size += len(chunk)
            if size > max_bytes:
                if truncate:
                    chunks.append(chunk[: max_bytes - (size - len(chunk))])
                    return b"".join(chunks), True
                raise FetchError(TOO_LARGE, f"Response body is larger than {max_bytes} bytes")
            chunks.append(chunk)
    except (HTTPError, OSError, ValueError) as exc:
        raise _as_fetch_error(exc, target) from None


def _as_fetch_error(exc: BaseException, target: TargetURL) -> FetchError:
    where = target.host_header
    # NewConnectionError subclasses ConnectTimeoutError (urllib3 compatibility): test it first.
    if isinstance(exc, NewConnectionError):
        return FetchError(CONNECTION_ERROR, f"Cannot connect to {where}: {_reason(exc)}")
    if isinstance(exc, (ConnectTimeoutError, ReadTimeoutError, TimeoutError, socket.timeout)):
        return FetchError(TIMEOUT, f"Timed out talking to {where}")
    if isinstance(exc, SSLError):
        return FetchError(TLS_ERROR, f"TLS error with {where}: {_reason(exc)}")
    if isinstance(exc, ProtocolError):
        # urllib3 wraps a read timeout inside ProtocolError in a few code paths.
        if any(isinstance(arg, (TimeoutError, socket.timeout)) for arg in exc.args):
            return FetchError(TIMEOUT, f"Timed out talking to {where}")
        return FetchError(CONNECTION_ERROR, f"Connection to {where} failed: {_reason(exc)}")
    if isinstance(exc, (LocationParseError, ValueError)):
        return FetchError(INVALID_URL, f"Invalid URL: {exc}")
    return FetchError(CONNECTION_ERROR, f"Request to {where} failed: {_reason(exc)}")


def _reason(exc: BaseException) -> str:
    # urllib3 prefixes messages with the connection object's repr; keep the readable part.
    return re.sub(r"^<?[\w.]*Connection\w*(?:\(.*?\)|[^>]*>): ", "", str(exc))
