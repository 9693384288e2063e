"""Public pages: shared resumes (/share/<token>) and published profiles (/u/<username>).

Everything a visitor sees is escaped (Django templates; the resume layout itself renders
with autoescape on inside a sandboxed iframe, so its CSS cannot touch the page around it).
Share pages carry ``noindex`` (a share link is for the people it was sent to); published
profiles are public on purpose and may be indexed.
"""

from __future__ import annotations

import hashlib
from typing import Any

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.clickjacking import xframe_options_sameorigin
from django.views.decorators.http import require_GET, require_http_methods

from resumes import public, selectors, services
from resumes.convert import to_profile
from resumes.forms import ShareCommentForm, SharePasswordForm
from resumes.models import PublishedProfile, Resume, ShareLink
from smartcv.api.ratelimit import client_address
from smartcv.errors import ApplicationError
from smartcv.models import User


def _unlock_value(link: ShareLink) -> str:
    # Changing the password changes its hash, which re-locks every earlier visitor.
    return hashlib.sha256(link.password_hash.encode()).hexdigest()[:32]


def _session_key(link: ShareLink) -> str:
    return f"share-unlocked:{link.pk}"


def _is_unlocked(request: HttpRequest, link: ShareLink) -> bool:
    if not link.has_password:
        return True
    if request.user.is_authenticated and request.user.pk == link.resume.owner_id:
        return True
    return request.session.get(_session_key(link)) == _unlock_value(link)


def _page_response(page: public.WebPage, *, status: int = 200) -> HttpResponse:
    response = HttpResponse(page.html, status=status)
    response["Content-Security-Policy"] = page.csp
    return response


def _share_context(request: HttpRequest, link: ShareLink, **extra: Any) -> dict[str, Any]:
    resume: Resume = link.resume
    document = resume.document
    return {
        "link": link,
        "resume": resume,
        "person": document.personal,
        "headline": document.personal.title,
        "share_url": services.share_url(link.token),
        **extra,
    }


@require_http_methods(["GET", "POST"])
def share_page(request: HttpRequest, token: str) -> HttpResponse:
    link = selectors.share_link_get_public(token=token)
    if link is None:
        raise Http404("No such share link")
    if request.method == "POST":
        if request.POST.get("action") == "comment":
            return _share_comment(request, link)
        return _share_password(request, link)
    if not _is_unlocked(request, link):
        return render(
            request,
            "public/share_password.html",
            _share_context(request, link, form=SharePasswordForm()),
        )
    return _share_resume(request, link)


def _share_resume(
    request: HttpRequest, link: ShareLink, *, comment_form=None, status: int = 200
) -> HttpResponse:
    resume = link.resume
    is_owner = request.user.is_authenticated and request.user.pk == resume.owner_id
    if not is_owner and status == 200 and request.method == "GET":
        services.share_link_record_view(link=link)
    context = _share_context(
        request,
        link,
        frame_url=reverse("share-frame", args=[link.token]),
        comments=list(link.comments.all()) if link.allow_comments else [],
        comment_form=comment_form or ShareCommentForm(),
        download_url=reverse("share-download", args=[link.token]) if link.allow_download else "",
        is_owner=is_owner,
    )
    return render(request, "public/share.html", context, status=status)


def _share_password(request: HttpRequest, link: ShareLink) -> HttpResponse:
    form = SharePasswordForm(request.POST)
    if not link.has_password:
        return redirect("share", token=link.token)
    try:
        ok = form.is_valid() and services.share_link_check_password(
            link=link, password=form.cleaned_data["password"], client=client_address(request)
        )
    except ApplicationError as exc:
        response = render(
            request, "public/share_locked.html", _share_context(request, link), status=exc.status
        )
        for header, value in exc.headers.items():
            response[header] = value
        return response
    if not ok:
        form = SharePasswordForm()
        context = _share_context(request, link, form=form, error="Wrong password.")
        return render(request, "public/share_password.html", context, status=403)
    request.session[_session_key(link)] = _unlock_value(link)
    return redirect("share", token=link.token)


def _share_comment(request: HttpRequest, link: ShareLink) -> HttpResponse:
    if not link.allow_comments or not _is_unlocked(request, link):
        raise Http404("Comments are not open here")
    form = ShareCommentForm(request.POST)
    if not form.is_valid():
        return _share_resume(request, link, comment_form=form, status=400)
    try:
        services.share_comment_create(
            link=link,
            author_name=form.cleaned_data["name"],
            text=form.cleaned_data["text"],
            client=client_address(request),
        )
    except ApplicationError as exc:
        if exc.status != 429:
            raise
        response = render(request, "public/share_locked.html", {"comment_limit": True}, status=429)
        response["Retry-After"] = exc.headers["Retry-After"]
        return response
    return redirect(reverse("share", args=[link.token]) + "#comments")


@require_GET
@xframe_options_sameorigin
def share_frame(request: HttpRequest, token: str) -> HttpResponse:
    """The shared resume in its layout, for the share page's frame (same rules as the page)."""
    link = selectors.share_link_get_public(token=token)
    if link is None or not _is_unlocked(request, link):
        raise Http404("No such share link")
    from rendering.html import RenderError

    resume = link.resume
    try:
        page = public.resume_web_page(
            resume.document,
            template=selectors.resume_template(resume),
            visibility=resume.sections_visibility,
            head_html=public.framed_head(),
        )
    except RenderError:  # a broken layout (staff-edited): say so instead of a bare 500
        return render(request, "public/share_locked.html", {"render_failed": True}, status=503)
    response = _page_response(page)
    response["X-Robots-Tag"] = "noindex"
    response["Cache-Control"] = "private, no-store"
    return response


@require_GET
def share_download(request: HttpRequest, token: str) -> HttpResponse:
    """The shared resume as PDF, when the owner allowed downloads."""
    link = selectors.share_link_get_public(token=token)
    if link is None or not link.allow_download or not _is_unlocked(request, link):
        raise Http404("No download here")
    from rendering.html import RenderError
    from rendering.pdf import render_pdf

    resume = link.resume
    template = selectors.resume_template(resume)
    try:
        pdf = render_pdf(
            resume.document,
            template_source=template.html_template if template else "",
            css=template.css_styles if template else "",
            visibility=resume.sections_visibility,
        )
    except RenderError:
        return render(request, "public/share_locked.html", {"render_failed": True}, status=503)
    name = "".join(c if c.isalnum() else "_" for c in (resume.document.personal.name or resume.title))[
        :60
    ]
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{name or "resume"}.pdf"'
    response["X-Robots-Tag"] = "noindex"
    return response


def _live_profile(username: str) -> tuple[User, PublishedProfile]:
    profile = (
        PublishedProfile.objects.select_related("user", "template")
        .filter(user__username__iexact=username, is_live=True, user__is_active=True)
        .first()
    )
    if profile is None or profile.content is None:
        raise Http404("No published profile")
    return profile.user, profile


@require_GET
def profile_page(request: HttpRequest, username: str) -> HttpResponse:
    """The published resume in the layout it was published with, as a whole page."""
    user, profile = _live_profile(username)
    from rendering.html import RenderError

    try:
        page = public.profile_web_page(
            profile.document,
            template=selectors.profile_template(profile),
            visibility=profile.sections_visibility,
            username=user.username,
            page_url=settings.SITE_URL + reverse("profile", args=[user.username]),
            json_url=reverse("profile-json", args=[user.username]),
            home_url=reverse("home"),
        )
    except RenderError:
        return render(request, "public/share_locked.html", {"render_failed": True}, status=503)
    return _page_response(page)


@require_GET
def profile_json(request: HttpRequest, username: str) -> JsonResponse:
    _, profile = _live_profile(username)
    return JsonResponse(to_profile(profile.document), json_dumps_params={"ensure_ascii": False})
