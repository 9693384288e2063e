"""Reader-dialect webhook URLs, mounted at ``/api/webhook`` (no trailing slashes).

The per-webhook routes hang under a nested ``"/"`` include because a route starting with "/"
is what Django's urls.W002 check warns about; ids use the ``uuid`` converter, so fixed paths
added later (``/api/webhook/generate-pdfs``) never collide with them.
"""

from django.urls import include, path

from webhooks.api import reader

per_webhook = [
    path("<uuid:pk>", reader.WebhookEndpointDetailView.as_view(), name="reader-webhook-detail"),
    path(
        "<uuid:pk>/rotate-secret",
        reader.WebhookEndpointRotateSecretView.as_view(),
        name="reader-webhook-rotate-secret",
    ),
    path(
        "<uuid:pk>/deliveries",
        reader.WebhookDeliveryListView.as_view(),
        name="reader-webhook-deliveries",
    ),
]

urlpatterns = [
    path("", reader.WebhookEndpointCollectionView.as_view(), name="reader-webhook-list"),
    path("/", include(per_webhook)),
]
