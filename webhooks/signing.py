"""Webhook signatures: HMAC-SHA256 over ``<timestamp>.<raw body>``.

Every delivery carries:

- ``X-Webhook-Timestamp``: Unix time in whole seconds when this attempt was signed (each retry
  is signed afresh, so the timestamp is the attempt's, not the event's);
- ``X-Webhook-Signature``: lower-case hex of HMAC-SHA256, keyed with the endpoint's secret
  (its UTF-8 bytes), over the ASCII timestamp, one ``.``, then the request body exactly as
  sent — verify over the raw bytes, before parsing the JSON;
- ``X-Webhook-Id``: the delivery id, identical on every retry, to drop duplicates;
- ``X-Webhook-Event``: ``PDF_GENERATED``, ``PARSER_RESULTS`` or ``SCORES``.

Receivers should compare signatures in constant time and reject timestamps too far from their
clock (``verify`` allows five minutes either way), which stops a captured request from being
replayed later. No Django imports: the same module documents and tests the receiving side.
"""

from __future__ import annotations

import hashlib
import hmac
import time

SIGNATURE_HEADER = "X-Webhook-Signature"
TIMESTAMP_HEADER = "X-Webhook-Timestamp"
ID_HEADER = "X-Webhook-Id"
EVENT_HEADER = "X-Webhook-Event"

ALGORITHM = "HmacSHA256"  # as the reader spec names it in ``webhookSecurity``
SIGNED_PAYLOAD = "<timestamp>.<raw-json-body>"
DEFAULT_TOLERANCE = 300  # seconds


def sign(secret: str, timestamp: int, body: bytes) -> str:
    """Hex HMAC-SHA256 of ``f"{timestamp}."`` + body, keyed with ``secret``."""
    message = f"{int(timestamp)}.".encode("ascii") + body
    return hmac.new(secret.encode("utf-8"), message, hashlib.sha256).hexdigest()


def verify(
    secret: str,
    timestamp: int | str,
    body: bytes,
    signature: str,
    *,
    tolerance: int = DEFAULT_TOLERANCE,
    now: float | None = None,
) -> bool:
    """True when ``signature`` signs ``body`` at ``timestamp`` and the timestamp is within
    ``tolerance`` seconds of ``now``. Never raises for malformed input."""
    try:
        stamp = int(timestamp)
    except (TypeError, ValueError):
        return False
    current = time.time() if now is None else now
    if abs(current - stamp) > tolerance:
        return False
    candidate = signature.strip().lower() if isinstance(signature, str) else ""
    if not candidate.isascii():  # compare_digest refuses non-ASCII str
        return False
    return hmac.compare_digest(sign(secret, stamp, body), candidate)
