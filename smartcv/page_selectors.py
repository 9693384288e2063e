"""Reads behind the dashboard: each a fixed number of queries, whatever the account's size."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Count, Sum
from django.db.models.functions import TruncDate
from django.utils import timezone

from smartcv.models import CreditLedgerEntry, User

CHART_DAYS = 14
CHART_WIDTH = 280
CHART_HEIGHT = 64


@dataclass(frozen=True)
class DayBar:
    day: date
    credits: int
    x: float
    y: float
    width: float
    height: float


def credits_by_day(*, user: User, days: int = CHART_DAYS, today: date | None = None) -> list[DayBar]:
    """Net credits used per UTC day for the last ``days`` days (refunds subtracted), laid
    out as SVG bars so the template draws them without arithmetic: one query."""
    today = today or timezone.now().date()
    start = today - timedelta(days=days - 1)
    totals = dict(
        CreditLedgerEntry.objects.filter(user=user, created_at__date__gte=start)
        .annotate(day=TruncDate("created_at"))
        .values("day")
        .annotate(total=Sum("amount"))
        .values_list("day", "total")
    )
    values = [max(0, totals.get(start + timedelta(days=i), 0) or 0) for i in range(days)]
    peak = max(values) or 1
    slot = CHART_WIDTH / days
    bars = []
    for i, value in enumerate(values):
        height = round((CHART_HEIGHT - 2) * value / peak, 1) if value else 0.0
        bars.append(
            DayBar(
                day=start + timedelta(days=i),
                credits=value,
                x=round(i * slot + 1, 1),
                y=round(CHART_HEIGHT - height, 1),
                width=round(slot - 2, 1),
                height=height,
            )
        )
    return bars


def candidate_status_counts(*, user: User) -> dict[str, int]:
    """{status: count} of the user's candidates, every status present: one query."""
    from parsing.models import Candidate, ParseStatus

    counts = dict.fromkeys(ParseStatus.values, 0)
    for row in Candidate.objects.filter(owner=user).values("parsing_status").annotate(n=Count("id")):
        counts[row["parsing_status"]] = row["n"]
    return counts


def recent_candidates(*, user: User, limit: int = 6):
    from parsing.models import Candidate

    return list(Candidate.objects.filter(owner=user).order_by("-created_at", "-id")[:limit])
