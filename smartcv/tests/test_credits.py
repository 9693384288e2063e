"""Credits: atomic charges, refunds, overage, billing periods and the usage endpoint."""

from datetime import UTC, datetime

import pytest
from django.utils import timezone

from smartcv.errors import ApplicationError
from smartcv.models import CreditLedgerEntry, UsagePeriod
from smartcv.services import (
    credits_charge,
    credits_refund,
    credits_remaining,
    credits_require,
    period_bounds,
    usage_summary,
)

pytestmark = pytest.mark.django_db


def _dt(*args):
    return datetime(*args, tzinfo=UTC)


@pytest.mark.parametrize(
    ("anchor", "at", "start", "end"),
    [
        (_dt(2026, 1, 12, 4), _dt(2026, 1, 20), _dt(2026, 1, 12, 4), _dt(2026, 2, 12, 4)),
        (_dt(2026, 1, 12, 4), _dt(2026, 2, 12, 3), _dt(2026, 1, 12, 4), _dt(2026, 2, 12, 4)),
        (_dt(2026, 1, 12, 4), _dt(2026, 2, 12, 4), _dt(2026, 2, 12, 4), _dt(2026, 3, 12, 4)),
        (_dt(2026, 1, 31), _dt(2026, 2, 28, 12), _dt(2026, 2, 28), _dt(2026, 3, 31)),
        (_dt(2026, 1, 31), _dt(2026, 4, 30, 1), _dt(2026, 4, 30), _dt(2026, 5, 31)),
        (_dt(2025, 11, 5), _dt(2026, 11, 23), _dt(2026, 11, 5), _dt(2026, 12, 5)),
    ],
)
def test_billing_periods_are_whole_months_from_the_anchor(anchor, at, start, end):
    assert period_bounds(anchor, at) == (start, end)


def test_charge_reduces_remaining_and_writes_the_ledger(make_user):
    user = make_user(plan="starter")
    assert credits_charge(user=user, amount=3, operation="parse", reference="c1") == 497
    assert credits_remaining(user) == 497
    entry = CreditLedgerEntry.objects.get(user=user)
    assert (entry.amount, entry.overage, entry.operation, entry.reference) == (3, 0, "parse", "c1")


def test_charge_beyond_the_allowance_is_refused_and_changes_nothing(make_user):
    user = make_user(plan="free")
    credits_charge(user=user, amount=9, operation="parse")
    with pytest.raises(ApplicationError) as info:
        credits_charge(user=user, amount=2, operation="parse")
    assert info.value.status == 402
    assert info.value.code == "insufficient_credits"
    assert info.value.message == (
        "Insufficient credits. You have 1 credits, but this operation requires 2."
    )
    assert credits_remaining(user) == 1
    assert CreditLedgerEntry.objects.filter(user=user).count() == 1


def test_overage_is_charged_and_recorded_when_enabled(make_user):
    user = make_user(plan="starter", overage_enabled=True, credits_override=5)
    credits_charge(user=user, amount=4, operation="parse")
    assert credits_charge(user=user, amount=3, operation="parse") == 0
    period = UsagePeriod.objects.get(user=user)
    assert (period.credits_used, period.overage_credits) == (7, 2)
    assert CreditLedgerEntry.objects.get(user=user, amount=3).overage == 2


def test_free_plans_have_no_overage_even_if_enabled(make_user):
    user = make_user(plan="free", overage_enabled=True)
    credits_charge(user=user, amount=10, operation="parse")
    with pytest.raises(ApplicationError):
        credits_charge(user=user, amount=1, operation="parse")


def test_refund_gives_credits_back(make_user):
    user = make_user(plan="free")
    credits_charge(user=user, amount=4, operation="parse", reference="c9")
    assert credits_refund(user=user, amount=4, operation="parse_failed", reference="c9") == 10
    assert sorted(CreditLedgerEntry.objects.values_list("amount", flat=True)) == [-4, 4]


def test_refund_cannot_exceed_usage(make_user):
    user = make_user(plan="free")
    with pytest.raises(ValueError):
        credits_refund(user=user, amount=1, operation="x")
    assert CreditLedgerEntry.objects.count() == 0


def test_charge_rolls_back_with_the_surrounding_transaction(make_user):
    from django.db import transaction

    user = make_user(plan="free")
    with pytest.raises(RuntimeError), transaction.atomic():
        credits_charge(user=user, amount=5, operation="parse")
        raise RuntimeError("the thing the credits paid for failed")
    assert credits_remaining(user) == 10
    assert CreditLedgerEntry.objects.count() == 0


def test_require_checks_without_charging(make_user):
    user = make_user(plan="free")
    assert credits_require(user=user, amount=10) == 10
    with pytest.raises(ApplicationError):
        credits_require(user=user, amount=11)
    assert credits_remaining(user) == 10


def test_enterprise_credits_are_custom(make_user):
    user = make_user(plan="enterprise")
    assert usage_summary(user).credits_total == 100_000
    user.credits_override = 25_000
    user.save()
    assert usage_summary(user).credits_total == 25_000


def test_new_period_starts_with_fresh_credits(make_user):
    user = make_user(plan="free")
    user.billing_anchor = timezone.now() - timezone.timedelta(days=40)
    user.save()
    old_start = period_bounds(user.billing_anchor, timezone.now() - timezone.timedelta(days=20))[0]
    UsagePeriod.objects.create(user=user, period_start=old_start, period_end=old_start, credits_used=10)
    assert credits_remaining(user) == 10


def test_usage_endpoint_has_exactly_the_documented_shape(api_client, recruiter):
    credits_charge(user=recruiter, amount=5, operation="parse")
    response = api_client().get("/api/v1/usage")
    assert response.status_code == 200
    body = response.json()
    assert list(body) == [
        "plan",
        "plan_name",
        "credits_total",
        "credits_used",
        "credits_remaining",
        "api_calls_this_period",
        "resets_at",
        "overage_price_cents",
    ]
    assert body["plan"] == "growth"
    assert body["plan_name"] == "Growth"
    assert (body["credits_total"], body["credits_used"], body["credits_remaining"]) == (2000, 5, 1995)
    assert body["api_calls_this_period"] == 1
    assert body["overage_price_cents"] == 8
    resets_at = datetime.fromisoformat(body["resets_at"].replace("Z", "+00:00"))
    assert resets_at == UsagePeriod.objects.get(user=recruiter).period_end
    assert body["resets_at"].endswith("Z")


def test_usage_of_another_account_is_never_mixed_in(api_client, recruiter, other_user):
    credits_charge(user=other_user, amount=7, operation="parse")
    assert api_client().get("/api/v1/usage").json()["credits_used"] == 0
