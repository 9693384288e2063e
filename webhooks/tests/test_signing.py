from __future__ import annotations

import pytest

from webhooks import signing

SECRET = "whsec_test"
BODY = b'{"id":"1","status":"SUCCESS"}'
STAMP = 1700000000
# HMAC-SHA256("whsec_test", "1700000000." + BODY), computed independently with
# `printf '%s' '1700000000.{"id":"1","status":"SUCCESS"}' | openssl dgst -sha256 -hmac whsec_test`
EXPECTED = "6a9344ea3d3f88bba951b3b72642d76c24e7928aa9ec505d734698cea20d75db"


def test_signature_matches_the_known_answer():
    assert signing.sign(SECRET, STAMP, BODY) == EXPECTED


def test_header_names_are_the_documented_ones():
    assert signing.SIGNATURE_HEADER == "X-Webhook-Signature"
    assert signing.TIMESTAMP_HEADER == "X-Webhook-Timestamp"
    assert signing.ID_HEADER == "X-Webhook-Id"
    assert signing.EVENT_HEADER == "X-Webhook-Event"


def test_valid_signature_within_tolerance_verifies():
    assert signing.verify(SECRET, str(STAMP), BODY, EXPECTED, now=STAMP + 299) is True
    assert signing.verify(SECRET, STAMP, BODY, EXPECTED.upper(), now=STAMP - 299) is True


@pytest.mark.parametrize(
    ("secret", "timestamp", "body", "signature", "now"),
    [
        ("other-secret", STAMP, BODY, EXPECTED, STAMP),
        (SECRET, STAMP + 1, BODY, EXPECTED, STAMP),
        (SECRET, STAMP, BODY + b" ", EXPECTED, STAMP),
        (SECRET, STAMP, BODY, EXPECTED, STAMP + 301),
        (SECRET, STAMP, BODY, EXPECTED, STAMP - 301),
        (SECRET, "not-a-number", BODY, EXPECTED, STAMP),
        (SECRET, STAMP, BODY, "", STAMP),
        (SECRET, STAMP, BODY, "é" * 64, STAMP),
    ],
)
def test_wrong_secret_body_timestamp_or_signature_does_not_verify(
    secret, timestamp, body, signature, now
):
    assert signing.verify(secret, timestamp, body, signature, now=now) is False
