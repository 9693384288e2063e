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
from django.views.decorators.http import require_GET, require_http_methods

from resumes import selectors, services
from resumes.convert import to_profile
from resumes.document import ResumeDocument
from resumes.forms import ShareCommentForm, SharePasswordForm
from resumes.models import PublishedProfile, Resume, ShareLink, Template
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


def resume_html(
    document: ResumeDocument, *, template: Template | None, visibility: dict[str, Any]
) -> str:
    """The resume as a standalone HTML page in its layout (rendering's HTML renderer)."""
    from rendering.html import build_html

    return build_html(
        document,
        template_source=template.html_template if template else "",
        css=template.css_styles if template else "",
        visibility=visibility,
    )


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
    from rendering.html import RenderError

    try:
        html = resume_html(
            resume.document,
            template=selectors.resume_template(resume),
            visibility=resume.sections_visibility,
        )
    except RenderError:  # a broken layout (staff-edited): say so instead of a bare 500
        return render(request, "public/share_locked.html", {"render_failed": True}, status=503)
    if not is_owner and status == 200 and request.method == "GET":
        services.share_link_record_view(link=link)
    context = _share_context(
        request,
        link,
        resume_html=html,
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
        PublishedProfile.objects.select_related("user")
        .filter(user__username__iexact=username, is_live=True, user__is_active=True)
        .first()
    )
    if profile is None or profile.content is None:
        raise Http404("No published profile")
    return profile.user, profile


def _safe_href(url: str) -> str:
    """The URL if it is a web address; '' for anything else (``javascript:`` and friends)."""
    url = (url or "").strip()
    if url.lower().startswith(("http://", "https://")):
        return url
    if url and "." in url and ":" not in url.split("/", 1)[0]:
        return f"https://{url}"
    return ""


def _profile_links(document: ResumeDocument) -> list[dict[str, str]]:
    p = document.personal
    pairs = [
        ("Website", p.website),
        ("LinkedIn", p.linkedin),
        ("GitHub", p.github),
        ("Twitter", p.twitter),
    ]
    pairs += [(link.label or "Link", link.url) for link in p.links]
    return [{"label": label, "url": url, "href": _safe_href(url)} for label, url in pairs if url]


@require_GET
def profile_page(request: HttpRequest, username: str) -> HttpResponse:
    user, profile = _live_profile(username)
    document = profile.document
    context = {
        "profile_user": user,
        "profile": profile,
        "doc": document,
        "resume": to_profile(document),
        "links": _profile_links(document),
        "image_href": _safe_href(document.personal.image_url),
        "json_url": reverse("profile-json", args=[user.username]),
        "page_url": settings.SITE_URL + reverse("profile", args=[user.username]),
    }
    return render(request, "public/profile.html", context)


@require_GET
def profile_json(request: HttpRequest, username: str) -> JsonResponse:
    _, profile = _live_profile(username)
    return JsonResponse(to_profile(profile.document), json_dumps_params={"ensure_ascii": False})
