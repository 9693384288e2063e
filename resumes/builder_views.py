"""The resume builder pages: my resumes, the editor with a live preview, export, sharing,
ATS analysis and the public profile. Views call resumes/rendering services only."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.clickjacking import xframe_options_sameorigin
from django.views.decorators.http import require_POST

from resumes import selectors, services
from resumes.builder_forms import (
    EducationFormSet,
    ImportForm,
    MetaForm,
    NewResumeForm,
    PersonalForm,
    ProjectFormSet,
    ShareForm,
    WorkFormSet,
    document_from_forms,
    initial_from_document,
)
from resumes.document import SECTIONS, DocumentError, DocumentTooLarge, validate_document
from resumes.models import PublishedProfile, Resume, ShareComment, ShareLink
from smartcv.errors import ApplicationError


def _resume(request: HttpRequest, pk) -> Resume:
    try:
        return selectors.resume_get_for_user(user=request.user, resume_id=pk)
    except ApplicationError as err:
        from django.http import Http404

        raise Http404(err.message) from None


@login_required
def resume_list(request: HttpRequest) -> HttpResponse:
    new_form = NewResumeForm(request.POST if request.POST.get("action") == "create" else None)
    if new_form.is_bound and new_form.is_valid():
        resume = services.resume_create(
            owner=request.user,
            title=new_form.cleaned_data["title"],
            template=new_form.cleaned_data["template"],
        )
        return redirect("resume-edit", pk=resume.pk)
    resumes = selectors.resume_list(user=request.user)
    profile = PublishedProfile.objects.filter(user=request.user).first()
    return render(
        request,
        "resumes/list.html",
        {
            "resumes": resumes,
            "new_form": new_form,
            "import_form": ImportForm(),
            "profile": profile,
        },
    )


@login_required
@require_POST
def resume_import(request: HttpRequest) -> HttpResponse:
    from parsing.intake import read_upload

    form = ImportForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, "Choose a CV file to import.")
        return redirect("resume-list")
    try:
        incoming = read_upload(form.cleaned_data["file"])
        resume = services.resume_import_file(
            owner=request.user, data=incoming.data, filename=incoming.filename
        )
    except ApplicationError as err:
        messages.error(request, err.message)
        return redirect("resume-list")
    messages.success(request, "CV imported: check each section, then save.")
    return redirect("resume-edit", pk=resume.pk)


def _editor_forms(resume: Resume, data=None):
    doc = resume.document
    initial = initial_from_document(doc)
    visibility = {f"show_{s}": resume.sections_visibility.get(s, True) for s in SECTIONS}
    meta = MetaForm(
        data,
        prefix="meta",
        initial={
            "title": resume.title,
            "template": resume.template_id,
            "status": resume.status,
            "target_job_description": resume.target_job_description,
            **visibility,
        },
    )
    return (
        meta,
        PersonalForm(data, prefix="personal", initial=initial["personal"]),
        WorkFormSet(data, prefix="work", initial=initial["work"]),
        EducationFormSet(data, prefix="edu", initial=initial["education"]),
        ProjectFormSet(data, prefix="proj", initial=initial["projects"]),
    )


@login_required
def resume_edit(request: HttpRequest, pk) -> HttpResponse:
    resume = _resume(request, pk)
    meta, personal, work, education, projects = _editor_forms(resume, request.POST or None)
    problems: list[str] = []
    if request.method == "POST" and all(
        f.is_valid() for f in (meta, personal, work, education, projects)
    ):
        try:
            document = validate_document(
                document_from_forms(resume.document, personal, work, education, projects)
            )
            services.resume_update(
                resume=resume,
                title=meta.cleaned_data["title"],
                document=document,
                template=meta.cleaned_data["template"],
                sections_visibility=meta.visibility(),
                status=meta.cleaned_data["status"],
                target_job_description=meta.cleaned_data["target_job_description"],
            )
            messages.success(request, "Resume saved.")
            return redirect("resume-edit", pk=resume.pk)
        except DocumentError as err:
            problems = [f"{path}: {'; '.join(texts)}" for path, texts in err.fields.items()]
        except DocumentTooLarge as err:
            problems = [str(err)]
    link = ShareLink.objects.filter(resume=resume).first()
    share_form = ShareForm(
        initial={
            "is_enabled": link.is_enabled if link else True,
            "expires_at": link.expires_at if link else None,
            "allow_download": link.allow_download if link else False,
            "allow_comments": link.allow_comments if link else False,
        }
    )
    analysis = services.resume_analysis(resume=resume) if resume.target_job_description else None
    return render(
        request,
        "resumes/edit.html",
        {
            "resume": resume,
            "meta": meta,
            "personal": personal,
            "work": work,
            "education": education,
            "projects": projects,
            "problems": problems,
            "link": link,
            "share_form": share_form,
            "share_url": services.share_url(link.token) if link else "",
            "comments": ShareComment.objects.filter(share_link=link).order_by("-created_at")
            if link
            else [],
            "analysis": analysis,
            "formats": ["pdf", "docx", "html", "txt", "json"],
            "profile": PublishedProfile.objects.filter(user=request.user).first(),
        },
    )


@login_required
@xframe_options_sameorigin
def resume_preview(request: HttpRequest, pk) -> HttpResponse:
    from resumes.public import resume_web_page

    resume = _resume(request, pk)
    page = resume_web_page(
        resume.document,
        template=selectors.resume_template(resume),
        visibility=resume.sections_visibility,
        mode="fit",
        head_html='<base target="_blank">\n',
    )
    response = HttpResponse(page.html)
    response["Content-Security-Policy"] = page.csp
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
@require_POST
def resume_export(request: HttpRequest, pk) -> HttpResponse:
    from rendering.context import RenderOptions
    from rendering.services import resume_export as export

    resume = _resume(request, pk)
    fmt = request.POST.get("format", "pdf")
    page_size = request.POST.get("page_size", "A4")
    try:
        result = export(
            user=request.user,
            resume_id=resume.pk,
            fmt=fmt,
            options=RenderOptions(page_size=page_size if page_size in ("A4", "Letter") else "A4"),
        )
    except ApplicationError as err:
        messages.error(request, err.message)
        return redirect("resume-edit", pk=resume.pk)
    return redirect(result.download_url)


@login_required
@require_POST
def resume_share(request: HttpRequest, pk) -> HttpResponse:
    resume = _resume(request, pk)
    form = ShareForm(request.POST)
    if not form.is_valid():
        messages.error(
            request,
            "Check the share settings: "
            + "; ".join(f"{field}: {', '.join(errors)}" for field, errors in form.errors.items()),
        )
        return redirect("resume-edit", pk=resume.pk)
    data = form.cleaned_data
    link = ShareLink.objects.filter(resume=resume).first()
    try:
        if link is None:
            services.share_link_create(
                resume=resume,
                is_enabled=data["is_enabled"],
                password=data["password"] or None,
                expires_at=data["expires_at"],
                allow_download=data["allow_download"],
                allow_comments=data["allow_comments"],
            )
        else:
            changes = {
                "is_enabled": data["is_enabled"],
                "expires_at": data["expires_at"],
                "allow_download": data["allow_download"],
                "allow_comments": data["allow_comments"],
            }
            if data["remove_password"]:
                changes["password"] = None
            elif data["password"]:
                changes["password"] = data["password"]
            services.share_link_update(resume=resume, **changes)
        messages.success(request, "Share settings saved.")
    except ApplicationError as err:
        messages.error(request, err.message)
    return redirect("resume-edit", pk=resume.pk)


@login_required
@require_POST
def resume_publish(request: HttpRequest, pk) -> HttpResponse:
    resume = _resume(request, pk)
    if request.POST.get("action") == "unpublish":
        services.profile_publish(user=request.user, document=None)
        messages.success(request, "Your public profile is offline.")
    else:
        services.profile_publish(
            user=request.user,
            document=resume.document,
            template=selectors.resume_template(resume),
            sections_visibility=resume.sections_visibility,
        )
        messages.success(request, f"Published at /u/{request.user.username}.")
    return redirect("resume-edit", pk=resume.pk)


@login_required
@require_POST
def resume_delete(request: HttpRequest, pk) -> HttpResponse:
    resume = _resume(request, pk)
    services.resume_delete(resume=resume)
    messages.success(request, f"“{resume.title}” deleted.")
    return redirect("resume-list")
