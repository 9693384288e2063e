from csp.decorators import csp_update
from django.conf import settings
from django.contrib import admin
from django.urls import include, path, re_path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from rendering.api.reader import BulkGenerateView, BulkJobStatusView
from smartcv import files
from smartcv.api.errors import api_not_found
from smartcv.api.parserpro import UsageView
from smartcv.health import healthz

handler400 = "smartcv.api.errors.bad_request"
handler404 = "smartcv.api.errors.page_not_found"
handler500 = "smartcv.api.errors.server_error"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("healthz", healthz, name="healthz"),
    path("api/schema/", SpectacularAPIView.as_view(), name="schema"),
    # The split view serves Swagger UI's set-up script as a file, so no inline script is needed;
    # Swagger UI itself sets inline styles and draws data: icons (the page shows no user data).
    path(
        "api/docs/",
        csp_update({"style-src": ["'unsafe-inline'"]})(
            SpectacularSwaggerSplitView.as_view(url_name="schema")
        ),
        name="api-docs",
    ),
    path("api/v1/usage", UsageView.as_view(), name="parserpro-usage"),
    # Bulk PDF generation (rendering) shares the /api/webhook prefix: matched before it.
    path("api/webhook/generate-pdfs", BulkGenerateView.as_view(), name="reader-generate-pdfs"),
    path(
        "api/webhook/generate-pdfs/<uuid:job_id>",
        BulkJobStatusView.as_view(),
        name="reader-generate-pdfs-status",
    ),
    path("api/webhook", include("webhooks.api.urls")),
    path("api/", include("rendering.api.urls")),
    path("api/", include("resumes.api.urls")),
    path("api/", include("parsing.api.urls")),
    path("api/", include("matching.api.urls")),
    # Unknown /api/ URLs answer 404 in their dialect's envelope (with DEBUG on as well);
    # [\s\S] and \Z so that a path with a newline in it is caught too (no (?s): it makes
    # every reverse() fail).
    re_path(r"^api(?:/[\s\S]*)?\Z", api_not_found),
    path("files/<str:token>", files.download, name="files-download"),
    path("", include("smartcv.urls_pages")),
    path("", include("webhooks.urls")),
    path("", include("resumes.urls")),
    path("", include("parsing.urls")),
    path("", include("matching.urls")),
    path("", include("rendering.urls")),
]

if settings.SMARTCV_BENCH_VIEWS:  # benchmarks only; off unless the environment turns it on
    from smartcv.bench import bare

    urlpatterns.insert(0, path("bench/bare", bare, name="bench-bare"))
