"""``manage.py seed_demo``: demo accounts and demo data for the embedded run (``make run``).

Idempotent: run it as often as you like. Each run resets the demo accounts' passwords and
plans, and creates a fresh API key named "demo key" for the demo recruiter (earlier demo keys
stay valid until revoked). The work is a list of seed steps, ``SEED_STEPS``; to add demo data
(resumes, candidates, jobs…), write a step ``def seed_x(ctx: SeedContext) -> None`` and append
it. A step must be idempotent too: look its objects up before creating them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, OutputWrapper
from django.db import transaction

from smartcv.models import User
from smartcv.services import api_key_create, plan_get, plans_sync, user_create

DEMO_USERNAME = "demo"
DEMO_CANDIDATE_USERNAME = "demo-candidate"
DEMO_PASSWORD = "demo-password-2026"  # noqa: S105  published on purpose: demo only
DEMO_PLAN = "growth"
DEMO_KEY_NAME = "demo key"
DEFAULT_BASE_URL = "http://127.0.0.1:8000"


@dataclass
class SeedContext:
    stdout: OutputWrapper
    # What earlier steps made, for later steps: "recruiter", "candidate", "api_key" (raw)…
    objects: dict[str, Any] = field(default_factory=dict)

    def say(self, message: str) -> None:
        self.stdout.write(message)


def demo_user_ensure(*, username: str, plan_code: str, is_staff: bool, email: str) -> tuple[User, bool]:
    """The demo account in a known state (password, plan, staff flag); created if missing."""
    user = User.objects.filter(username__iexact=username).first()
    if user is None:
        user = user_create(
            username=username,
            password=DEMO_PASSWORD,
            email=email,
            plan_code=plan_code,
            is_staff=is_staff,
        )
        return user, True
    user.set_password(DEMO_PASSWORD)
    user.plan = plan_get(plan_code)
    user.is_staff = is_staff
    user.is_active = True
    user.save(update_fields=["password", "plan", "is_staff", "is_active"])
    return user, False


def seed_plans(ctx: SeedContext) -> None:
    plans_sync()


def seed_demo_recruiter(ctx: SeedContext) -> None:
    user, created = demo_user_ensure(
        username=DEMO_USERNAME, plan_code=DEMO_PLAN, is_staff=True, email="demo@example.com"
    )
    ctx.objects["recruiter"] = user
    verb = "Created" if created else "Updated"
    ctx.say(f"{verb} demo recruiter {user.username!r} (plan {DEMO_PLAN}, staff).")


def seed_demo_candidate(ctx: SeedContext) -> None:
    user, created = demo_user_ensure(
        username=DEMO_CANDIDATE_USERNAME,
        plan_code=settings.SMARTCV_DEFAULT_PLAN,
        is_staff=False,
        email="demo-candidate@example.com",
    )
    ctx.objects["candidate"] = user
    ctx.say(f"{'Created' if created else 'Updated'} demo candidate {user.username!r}.")


def seed_demo_api_key(ctx: SeedContext) -> None:
    ctx.objects["api_key"] = api_key_create(user=ctx.objects["recruiter"], name=DEMO_KEY_NAME).raw


def seed_demo_resume(ctx: SeedContext) -> None:
    from resumes.seed import seed_demo_resume as seed

    ctx.objects.update(seed(owner=ctx.objects["recruiter"], say=ctx.say))


def seed_demo_candidates(ctx: SeedContext) -> None:
    from parsing.seed import seed_demo_candidates as seed

    ctx.objects.update(seed(owner=ctx.objects["recruiter"], say=ctx.say))


# Append new steps here; they run in order, in one transaction.
SEED_STEPS: list[Callable[[SeedContext], None]] = [
    seed_plans,
    seed_demo_recruiter,
    seed_demo_candidate,
    seed_demo_api_key,
    seed_demo_resume,
    seed_demo_candidates,
]


class Command(BaseCommand):
    help = "Create or refresh the demo accounts and demo data, and print a fresh demo API key."

    def add_arguments(self, parser):
        parser.add_argument(
            "--force",
            action="store_true",
            help="Seed even with DEBUG off (the demo accounts have a published password).",
        )
        parser.add_argument(
            "--base-url",
            default=DEFAULT_BASE_URL,
            help=f"Where the site will be served, for the printed links (default {DEFAULT_BASE_URL}).",
        )

    def handle(self, *args, force: bool, base_url: str, **options):
        if not settings.DEBUG and not force:
            raise CommandError(
                "DEBUG is off: refusing to create demo accounts with a published password. "
                "Use --force if you really mean it."
            )
        ctx = SeedContext(stdout=self.stdout)
        with transaction.atomic():
            for step in SEED_STEPS:
                step(ctx)

        key = ctx.objects["api_key"]
        base = base_url.rstrip("/")
        lines = [
            "",
            "SmartCV demo is ready.",
            f"  Site:      {base}/",
            f"  Admin:     {base}/admin/",
            f"  API docs:  {base}/api/docs/",
            f"  Sign in:   {DEMO_USERNAME} / {DEMO_PASSWORD}   (recruiter, staff, plan {DEMO_PLAN})",
            f"             {DEMO_CANDIDATE_USERNAME} / {DEMO_PASSWORD}   (candidate)",
            "",
            f"Demo API key: {key}",
            "  (a new key is created on every run; earlier demo keys keep working until revoked)",
            "",
            "Try it:",
            f'  curl -H "X-API-Key: {key}" {base}/api/v1/usage',
            "",
        ]
        for line in lines:
            self.stdout.write(line)
