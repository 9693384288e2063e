"""``manage.py createapikey <username> [--create-user] [--plan CODE] [--name KEYNAME]``.

Creates an API key and prints it once. The raw key is alone on the last line of output, so
scripts can take it with ``| tail -n 1``.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from smartcv.errors import ApplicationError
from smartcv.models import User
from smartcv.services import PLANS, api_key_create, plan_get, user_create, user_set_plan

PLAN_CODES = ", ".join(code for code, *_ in PLANS)


class Command(BaseCommand):
    help = (
        "Create an API key for a user and print it (the raw key is the last line of output). "
        "With --create-user a missing user is created (with an unusable password); "
        "--plan sets the user's plan."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument(
            "--create-user",
            action="store_true",
            help="Create the user (no usable password) if it does not exist.",
        )
        parser.add_argument("--plan", metavar="CODE", help=f"Set the user's plan: {PLAN_CODES}.")
        parser.add_argument(
            "--name", metavar="KEYNAME", default="createapikey", help="A label for the key."
        )

    def handle(self, *args, username: str, create_user: bool, plan: str | None, name: str, **options):
        if plan is not None:
            try:
                plan_get(plan)
            except ApplicationError:
                raise CommandError(f"Unknown plan {plan!r}. Valid plans: {PLAN_CODES}.") from None

        with transaction.atomic():
            user = User.objects.filter(username__iexact=username).first()
            if user is None:
                if not create_user:
                    raise CommandError(f"No user named {username!r}. Pass --create-user to create it.")
                try:
                    user = user_create(username=username, password=None, plan_code=plan)
                except ValidationError as exc:
                    reason = " ".join(exc.messages)
                    raise CommandError(f"Cannot create user {username!r}: {reason}") from None
                self.stdout.write(
                    f"Created user {user.username} (plan {user.plan.code}, no usable password)."
                )
            elif plan is not None and (user.plan is None or user.plan.code != plan):
                user_set_plan(user=user, plan_code=plan)
                self.stdout.write(f"Plan of {user.username} set to {plan}.")
            new_key = api_key_create(user=user, name=name)

        self.stdout.write(
            f"API key {new_key.api_key.name!r} ({new_key.api_key.prefix}...) for {user.username}. "
            "It is shown only once:"
        )
        self.stdout.write(new_key.raw)
