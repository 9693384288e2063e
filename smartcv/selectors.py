"""Platform reads for pages: plans and this period's credit ledger."""

from __future__ import annotations

from django.db.models import QuerySet

from smartcv.models import CreditLedgerEntry, Plan, User
from smartcv.services import usage_period_current


def plans() -> QuerySet[Plan]:
    return Plan.objects.order_by("sort_order")


def usage_ledger(*, user: User, limit: int = 50) -> list[CreditLedgerEntry]:
    """The latest credit movements of the current billing period."""
    period = usage_period_current(user)
    return list(CreditLedgerEntry.objects.filter(period=period).order_by("-created_at")[:limit])
