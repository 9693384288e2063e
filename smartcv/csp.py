"""Content-Security-Policy (django-csp) for every page, and a Permissions-Policy.

The policy itself is ``CONTENT_SECURITY_POLICY`` in settings: scripts, styles, fonts, frames
and requests only from this origin, no inline script or style, no plugins, forms posting only
here, and ``frame-ancestors 'none'`` (matching ``X-Frame-Options: DENY``). Two refinements
on top of django-csp's middleware:

- A response a view marked ``@xframe_options_sameorigin`` (the builder's preview, the
  original CV shown on the candidate page) gets ``frame-ancestors 'self'``, so the one place
  the app frames its own pages keeps working under both headers.
- Only documents get the header (HTML, XHTML, SVG, XML). A JSON answer cannot run anything,
  and a CSP on an inline PDF would make Chromium refuse to start its PDF viewer in the
  candidate page's frame (``object-src 'none'`` applies to the viewer plugin).

Views that serve their own policy (resume pages, the share frame: ``resumes/public.py``)
keep it: django-csp never overwrites a header that is already set.
"""

from __future__ import annotations

from csp.constants import SELF
from csp.middleware import CSPMiddleware, PolicyParts
from django.http import HttpRequest, HttpResponseBase

DOCUMENT_TYPES = frozenset(
    {"text/html", "application/xhtml+xml", "image/svg+xml", "text/xml", "application/xml"}
)
PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), "
    "payment=(), usb=(), interest-cohort=(), browsing-topics=()"
)
"""Powerful features no SmartCV page uses, switched off for the pages and anything they frame."""


class SecurityHeadersMiddleware(CSPMiddleware):
    def get_policy_parts(
        self, request: HttpRequest, response: HttpResponseBase, report_only: bool = False
    ) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        if response.get("X-Frame-Options", "").upper() == "SAMEORIGIN":
            parts.replace = {**(parts.replace or {}), "frame-ancestors": [SELF]}
        return parts

    def process_response(self, request: HttpRequest, response: HttpResponseBase) -> HttpResponseBase:
        content_type = response.get("Content-Type", "").split(";", 1)[0].strip().lower()
        if content_type in DOCUMENT_TYPES:
            response = super().process_response(request, response)
        if "Permissions-Policy" not in response:
            response["Permissions-Policy"] = PERMISSIONS_POLICY
        return response
