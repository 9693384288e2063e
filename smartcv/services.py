"""Platform services: accounts, API keys, plans, billing periods and credits.

Every write of the platform goes through here; views, the admin, management commands and the
other apps call these functions.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from smartcv.errors import ApplicationError
from smartcv.models import RESERVED_USERNAMES, ApiKey, CreditLedgerEntry, Plan, UsagePeriod, User

# --- Plans ----------------------------------------------------------------------------------

# cvparserpro's plan table. (code, name, requests/min, parses/month, overage cents)
PLANS: tuple[tuple[str, str, int, int | None, int | None], ...] = (
    ("free", "Free", 10, 10, None),
    ("free_trial", "Free Trial", 60, 10, None),
    ("starter", "Starter", 60, 500, 10),
    ("growth", "Growth", 120, 2000, 8),
    ("scale", "Scale", 300, 10000, 6),
    ("enterprise", "Enterprise", 1000, None, 4),
)
# Monthly credits of a "Custom" plan (Enterprise) until staff set the account's own figure.
ENTERPRISE_DEFAULT_CREDITS = 100_000


def plans_sync() -> None:
    """Create or update the six plans; idempotent (used by the migration and by tests)."""
    for order, (code, name, rpm, credits, overage) in enumerate(PLANS):
        Plan.objects.update_or_create(
            code=code,
            defaults={
                "name": name,
                "requests_per_minute": rpm,
                "monthly_credits": credits,
                "overage_price_cents": overage,
                "sort_order": order,
            },
        )


def plan_get(code: str) -> Plan:
    try:
        return Plan.objects.get(code=code)
    except Plan.DoesNotExist:
        codes = ", ".join(c for c, *_ in PLANS)
        raise ApplicationError(
            "validation_error", f"Unknown plan {code!r}; choose one of: {codes}"
        ) from None


def user_plan(user: User) -> Plan:
    if user.plan_id is None:
        user.plan = plan_get(settings.SMARTCV_DEFAULT_PLAN)
        User.objects.filter(pk=user.pk).update(plan=user.plan)
    return user.plan


# --- Accounts -------------------------------------------------------------------------------


def username_validate(username: str, *, exclude_pk=None) -> str:
    """Usernames are public URLs: validate the shape, reserved words and case-insensitive
    uniqueness. Returns the username unchanged or raises ``ValidationError``."""
    User._meta.get_field("username").run_validators(username)
    if username.lower() in RESERVED_USERNAMES:
        raise ValidationError("That username is reserved.", code="reserved")
    taken = User.objects.filter(username__iexact=username)
    if exclude_pk is not None:
        taken = taken.exclude(pk=exclude_pk)
    if taken.exists():
        raise ValidationError("That username is taken.", code="unique")
    return username


@transaction.atomic
def user_create(
    *,
    username: str,
    password: str | None,
    email: str = "",
    plan_code: str | None = None,
    is_staff: bool = False,
) -> User:
    username_validate(username)
    plan = plan_get(plan_code or settings.SMARTCV_DEFAULT_PLAN)
    user = User(username=username, email=email, plan=plan, is_staff=is_staff)
    if password:
        user.set_password(password)
    else:
        user.set_unusable_password()
    try:
        with transaction.atomic():
            user.save()
    except IntegrityError:
        raise ValidationError("That username is taken.", code="unique") from None
    return user


@transaction.atomic
def user_set_plan(*, user: User, plan_code: str) -> User:
    user.plan = plan_get(plan_code)
    user.save(update_fields=["plan"])
    return user


# --- API keys -------------------------------------------------------------------------------

API_KEY_PREFIX = "ts_"
# Shown in lists so a user can tell keys apart: "ts_" and the first 8 random characters.
API_KEY_VISIBLE = len(API_KEY_PREFIX) + 8
# How stale last_used_at may get before a request writes it again (one write per minute).
LAST_USED_RESOLUTION = timedelta(seconds=60)


def _hash_key(raw: str) -> str:
    # Keys carry 240 bits of randomness, so a fast hash is as safe as a slow one here and
    # keeps authentication to one indexed lookup.
    return hashlib.sha256(raw.encode()).hexdigest()


@dataclass(frozen=True)
class NewApiKey:
    api_key: ApiKey
    raw: str  # shown to the user once, never stored


def api_key_create(*, user: User, name: str = "") -> NewApiKey:
    raw = API_KEY_PREFIX + secrets.token_urlsafe(30)
    api_key = ApiKey.objects.create(
        user=user, name=name.strip()[:100], prefix=raw[:API_KEY_VISIBLE], key_hash=_hash_key(raw)
    )
    return NewApiKey(api_key=api_key, raw=raw)


def api_key_revoke(*, api_key: ApiKey) -> ApiKey:
    if api_key.revoked_at is None:
        api_key.revoked_at = timezone.now()
        api_key.save(update_fields=["revoked_at"])
    return api_key


def api_key_authenticate(raw: str) -> ApiKey | None:
    """The active key matching ``raw`` (with its user), or None. Records the last use."""
    if not raw or len(raw) > 200 or not raw.isascii():
        return None
    digest = _hash_key(raw)
    api_key = (
        ApiKey.objects.select_related("user", "user__plan")
        .filter(key_hash=digest, revoked_at__isnull=True, user__is_active=True)
        .first()
    )
    if api_key is None or not hmac.compare_digest(api_key.key_hash, digest):
        return None
    now = timezone.now()
    if api_key.last_used_at is None or now - api_key.last_used_at > LAST_USED_RESOLUTION:
        ApiKey.objects.filter(pk=api_key.pk).update(last_used_at=now)
        api_key.last_used_at = now
    return api_key


# --- Billing periods and credits ------------------------------------------------------------


def period_bounds(anchor: datetime, at: datetime) -> tuple[datetime, datetime]:
    """The monthly billing period containing ``at``, counted in whole months from ``anchor``.

    Months are added to the anchor each time (not chained), so an anchor on the 31st gives
    periods starting on the 31st, 30th or 28th/29th as each month allows, without drifting.
    """
    months = (at.year - anchor.year) * 12 + (at.month - anchor.month)
    start = anchor + relativedelta(months=months)
    if start > at:
        months -= 1
        start = anchor + relativedelta(months=months)
    return start, anchor + relativedelta(months=months + 1)


def credits_total(user: User) -> int:
    if user.credits_override is not None:
        return user.credits_override
    plan = user_plan(user)
    return plan.monthly_credits if plan.monthly_credits is not None else ENTERPRISE_DEFAULT_CREDITS


def usage_period_current(user: User, *, at: datetime | None = None) -> UsagePeriod:
    start, end = period_bounds(user.billing_anchor, at or timezone.now())
    period = UsagePeriod.objects.filter(user=user, period_start=start).first()
    if period is not None:
        return period
    try:
        with transaction.atomic():
            return UsagePeriod.objects.create(user=user, period_start=start, period_end=end)
    except IntegrityError:  # created concurrently by another request
        return UsagePeriod.objects.get(user=user, period_start=start)


def insufficient_credits(available: int, needed: int) -> ApplicationError:
    return ApplicationError(
        "insufficient_credits",
        f"Insufficient credits. You have {available} credits, but this operation requires {needed}.",
        status=402,
        details=[{"credits_remaining": available, "credits_required": needed}],
    )


@transaction.atomic
def credits_charge(*, user: User, amount: int, operation: str, reference: str = "") -> int:
    """Charge ``amount`` credits atomically; returns the credits remaining afterwards.

    The charge is one conditional UPDATE, so it is correct with any number of servers and
    workers charging the same account at once: when the allowance (plus overage, where the
    account allows it) cannot cover ``amount``, nothing is charged and 402
    ``insufficient_credits`` is raised. Call it inside the transaction that creates what the
    credits pay for, so a failure there rolls the charge back too.
    """
    if amount <= 0:
        raise ValueError("amount must be positive")
    total = credits_total(user)
    period = usage_period_current(user)
    plan = user_plan(user)
    overage_allowed = user.overage_enabled and plan.overage_price_cents is not None
    qs = UsagePeriod.objects.filter(pk=period.pk)
    if overage_allowed:
        updated = qs.update(credits_used=F("credits_used") + amount)
    else:
        updated = qs.filter(credits_used__lte=total - amount).update(
            credits_used=F("credits_used") + amount
        )
    if not updated:
        period.refresh_from_db(fields=["credits_used"])
        raise insufficient_credits(max(0, total - period.credits_used), amount)
    period.refresh_from_db(fields=["credits_used"])
    overage = max(0, min(amount, period.credits_used - total))
    if overage:
        UsagePeriod.objects.filter(pk=period.pk).update(overage_credits=F("overage_credits") + overage)
    CreditLedgerEntry.objects.create(
        period=period,
        user=user,
        amount=amount,
        overage=overage,
        operation=operation,
        reference=str(reference)[:100],
    )
    return max(0, total - period.credits_used)


@transaction.atomic
def credits_refund(*, user: User, amount: int, operation: str, reference: str = "") -> int:
    """Give back credits charged in the current period (a failed parse, a failed PDF)."""
    if amount <= 0:
        raise ValueError("amount must be positive")
    period = usage_period_current(user)
    refundable = UsagePeriod.objects.filter(pk=period.pk, credits_used__gte=amount)
    if not refundable.update(credits_used=F("credits_used") - amount):
        raise ValueError("refund larger than the credits used this period")
    CreditLedgerEntry.objects.create(
        period=period,
        user=user,
        amount=-amount,
        operation=operation,
        reference=str(reference)[:100],
    )
    return credits_remaining(user)


def credits_require(*, user: User, amount: int) -> int:
    """Check, without charging, that ``amount`` credits are available; returns the balance.

    For endpoints that must refuse up front (402 before any work) and charge per success
    later; the later charge still re-checks atomically.
    """
    remaining = credits_remaining(user)
    plan = user_plan(user)
    if remaining < amount and not (user.overage_enabled and plan.overage_price_cents is not None):
        raise insufficient_credits(remaining, amount)
    return remaining


def credits_remaining(user: User) -> int:
    period = usage_period_current(user)
    return max(0, credits_total(user) - period.credits_used)


def usage_record_api_call(user: User) -> None:
    """Count one API call: a single UPDATE on every request (the period row is created only
    on the first call of a period)."""
    start, _ = period_bounds(user.billing_anchor, timezone.now())
    counted = UsagePeriod.objects.filter(user=user, period_start=start)
    if not counted.update(api_calls=F("api_calls") + 1):
        period = usage_period_current(user)
        UsagePeriod.objects.filter(pk=period.pk).update(api_calls=F("api_calls") + 1)


@dataclass(frozen=True)
class UsageSummary:
    plan: str
    plan_name: str
    credits_total: int
    credits_used: int
    credits_remaining: int
    api_calls_this_period: int
    resets_at: datetime
    overage_price_cents: int | None


def usage_summary(user: User) -> UsageSummary:
    plan = user_plan(user)
    period = usage_period_current(user)
    total = credits_total(user)
    return UsageSummary(
        plan=plan.code,
        plan_name=plan.name,
        credits_total=total,
        credits_used=period.credits_used,
        credits_remaining=max(0, total - period.credits_used),
        api_calls_this_period=period.api_calls,
        resets_at=period.period_end,
        overage_price_cents=plan.overage_price_cents,
    )
