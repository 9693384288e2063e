from __future__ import annotations

import factory

from webhooks.models import WebhookEndpoint


class WebhookEndpointFactory(factory.django.DjangoModelFactory):
    """An endpoint row as the services would create it (pass ``owner=``)."""

    class Meta:
        model = WebhookEndpoint

    url = factory.Sequence(lambda n: f"https://hooks.example.com/{n}")
    secret = factory.Sequence(lambda n: f"whsec_test_secret_{n}")
    description = ""
    is_active = True
    pdf_generated = True
    parser_results = True
    scores = True
