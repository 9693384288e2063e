"""Platform models: users, API keys, plans and the per-period credit ledger."""

from __future__ import annotations

import uuid

from django.contrib.auth.models import AbstractUser, UserManager
from django.core.validators import RegexValidator
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone

USERNAME_VALIDATOR = RegexValidator(
    r"^[a-zA-Z0-9][a-zA-Z0-9_-]{1,38}[a-zA-Z0-9]$",
    "3–40 characters: letters, digits, '-' and '_', starting and ending with a letter or digit.",
)
# Usernames are public (/u/<username>); these would collide with pages or mislead visitors.
RESERVED_USERNAMES = frozenset(
    {
        "admin",
        "api",
        "static",
        "media",
        "u",
        "share",
        "login",
        "logout",
        "signup",
        "account",
        "accounts",
        "settings",
        "dashboard",
        "healthz",
        "root",
        "support",
        "help",
        "smartcv",
        "staff",
        "system",
        "null",
        "undefined",
        "me",
    }
)


class Plan(models.Model):
    """A subscription plan: request rate and monthly parse credits (cvparserpro's table)."""

    code = models.SlugField(max_length=32, unique=True)
    name = models.CharField(max_length=64)
    requests_per_minute = models.PositiveIntegerField()
    # None means "Custom" (Enterprise): the account's credits_override, else the default.
    monthly_credits = models.PositiveIntegerField(null=True, blank=True)
    # Price of one credit beyond the monthly allowance; None: this plan has no overage.
    overage_price_cents = models.PositiveIntegerField(null=True, blank=True)
    sort_order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["sort_order"]

    def __str__(self) -> str:
        return self.name


class User(AbstractUser):
    """A SmartCV account. ``username`` is public and unique regardless of case."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    username = models.CharField(
        max_length=40,
        unique=True,
        validators=[USERNAME_VALIDATOR],
        help_text="Public name used in profile URLs (/u/<username>).",
        error_messages={"unique": "That username is taken."},
    )
    email = models.EmailField(blank=True)
    plan = models.ForeignKey(Plan, on_delete=models.PROTECT, related_name="users", null=True)
    # Billing periods are whole months counted from this moment.
    billing_anchor = models.DateTimeField(default=timezone.now)
    credits_override = models.PositiveIntegerField(
        null=True, blank=True, help_text="Monthly credits for this account instead of the plan's."
    )
    overage_enabled = models.BooleanField(
        default=False, help_text="Allow credits beyond the allowance, billed at the overage price."
    )
    candidate_retention_days = models.PositiveIntegerField(
        null=True,
        blank=True,
        help_text="Delete candidates and their files this many days after upload (GDPR). "
        "Empty: the site default (SMARTCV_CANDIDATE_RETENTION_DAYS).",
    )

    objects = UserManager()

    class Meta:
        constraints = [
            models.UniqueConstraint(Lower("username"), name="user_username_ci_unique"),
        ]

    def __str__(self) -> str:
        return self.username


class ApiKey(models.Model):
    """An API key. Only a SHA-256 of the key is stored; the full key is shown once."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="api_keys")
    name = models.CharField(max_length=100, blank=True)
    prefix = models.CharField(max_length=16, db_index=True)
    key_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(default=timezone.now)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = "API key"

    def __str__(self) -> str:
        return f"{self.prefix}… ({self.name or 'unnamed'})"

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None


class UsagePeriod(models.Model):
    """One billing period of one account: the counters the usage endpoint reports.

    ``credits_used`` only ever changes through conditional ``UPDATE … SET x = x + n`` in
    ``smartcv.services.credits_charge``, so concurrent workers and servers never oversell.
    """

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="usage_periods")
    period_start = models.DateTimeField()
    period_end = models.DateTimeField()
    credits_used = models.PositiveIntegerField(default=0)
    overage_credits = models.PositiveIntegerField(default=0)
    api_calls = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-period_start"]
        constraints = [
            models.UniqueConstraint(fields=["user", "period_start"], name="usage_period_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.user} {self.period_start:%Y-%m-%d}"


class CreditLedgerEntry(models.Model):
    """Every credit movement: positive amounts are charges, negative ones refunds."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    period = models.ForeignKey(UsagePeriod, on_delete=models.CASCADE, related_name="entries")
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="credit_entries")
    amount = models.IntegerField()
    overage = models.IntegerField(default=0, help_text="Part of the amount beyond the allowance.")
    operation = models.CharField(max_length=40)
    reference = models.CharField(max_length=100, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at"]
        verbose_name_plural = "credit ledger entries"
        indexes = [models.Index(fields=["user", "created_at"])]

    def __str__(self) -> str:
        return f"{self.operation} {self.amount:+d}"

    @property
    def balance_change(self) -> str:
        """How the balance moved, as a person reads it: "−3" for a charge, "+3" for a refund."""
        return f"−{self.amount}" if self.amount > 0 else f"+{-self.amount}"
