"""The smartcv dialect of the resumes app: ``/api/resumes…`` and ``/api/templates…``.

Envelope ``{"success": true, "data": …}``; errors ``{"success": false, "error", "code",
"details"}`` (``smartcv.api.errors``). Resume content travels as ``contentJson``
(``resumes.convert.to_content_json`` / ``from_content_json``).
"""

from __future__ import annotations

import codecs
import json
from typing import Any

from django.conf import settings
from django.utils import timezone
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
    extend_schema_field,
    inline_serializer,
)
from rest_framework import serializers, status
from rest_framework.parsers import BaseParser, MultiPartParser
from rest_framework.response import Response
from rest_framework.views import APIView

from resumes import selectors, services
from resumes.convert import (
    from_content_json,
    from_json_resume,
    project_to_json,
    to_content_json,
)
from resumes.document import MAX_DOCUMENT_BYTES, SECTIONS, DocumentError, DocumentTooLarge
from resumes.models import Resume, ShareLink, Template
from smartcv.api.pagination import SmartcvPagination
from smartcv.errors import ApplicationError

# The raw request body a resume write may have. JSON escaping and camelCase keys make the
# body larger than the stored document; 4× the document limit is ample, and anything bigger
# is refused (413 CONTENT_TOO_LARGE) before it is read into memory.
MAX_REQUEST_BYTES = 4 * MAX_DOCUMENT_BYTES
# CV files accepted by POST /api/resumes/import (the parser's own intake limit).
MAX_IMPORT_FILE_BYTES = 10 * 1024 * 1024

LIMITS_TEXT = (
    f"Resume content (`contentJson`) is limited to {MAX_DOCUMENT_BYTES // 1024} KiB of JSON "
    f"and a request body to {MAX_REQUEST_BYTES // 1024} KiB; larger ones get 413 CONTENT_TOO_LARGE."
)


def _too_large(size: int | None = None) -> ApplicationError:
    return ApplicationError(
        "content_too_large",
        "Resume content is too large",
        status=413,
        details={"limit": MAX_REQUEST_BYTES, **({"size": size} if size else {})},
    )


def _no_constants(name: str) -> None:
    raise ValueError(f"{name} is not valid JSON")


class ResumeJSONParser(BaseParser):
    """JSON, read only up to MAX_REQUEST_BYTES: a 10 MB body is refused unread (DRF's own
    JSONParser reads the whole stream, whatever DATA_UPLOAD_MAX_MEMORY_SIZE says)."""

    media_type = "application/json"

    def parse(self, stream, media_type=None, parser_context=None):
        request = (parser_context or {}).get("request")
        try:
            declared = int(request.META.get("CONTENT_LENGTH") or 0) if request is not None else 0
        except ValueError:
            declared = 0
        if declared > MAX_REQUEST_BYTES:
            raise _too_large(declared)
        raw = stream.read(MAX_REQUEST_BYTES + 1) if stream is not None else b""
        if len(raw) > MAX_REQUEST_BYTES:
            raise _too_large()
        encoding = (parser_context or {}).get("encoding", settings.DEFAULT_CHARSET)
        try:
            text = codecs.decode(raw, encoding)
            return json.loads(text, parse_constant=_no_constants) if text.strip() else {}
        except (ValueError, LookupError) as exc:
            raise ApplicationError(
                "validation_error", f"Malformed JSON body: {exc}", status=400
            ) from None


def _object_body(request) -> dict[str, Any]:
    if not isinstance(request.data, dict):
        raise ApplicationError("validation_error", "The request body must be a JSON object")
    return request.data


def _envelope(name: str, data: Any) -> Any:
    return inline_serializer(name=name, fields={"success": serializers.BooleanField(), "data": data})


# --- Output serializers ---------------------------------------------------------------------


STATUS_HELP = "One of " + ", ".join(Resume.Status.values) + "."


@extend_schema_field({"type": "string", "enum": list(Template.Category.values)})
class TemplateCategoryField(serializers.ChoiceField):
    def __init__(self, **kwargs):
        super().__init__(choices=Template.Category.choices, **kwargs)


class TemplateSummary(serializers.Serializer):
    id = serializers.UUIDField()
    name = serializers.CharField()
    category = TemplateCategoryField()


class TemplateOutput(TemplateSummary):
    slug = serializers.SlugField()
    description = serializers.CharField()
    sortOrder = serializers.IntegerField(source="sort_order")


class TemplateDetailOutput(TemplateOutput):
    htmlTemplate = serializers.CharField(source="html_template")
    cssStyles = serializers.CharField(source="css_styles")


class ResumeTemplateOutput(TemplateSummary):
    htmlTemplate = serializers.CharField(source="html_template")
    cssStyles = serializers.CharField(source="css_styles")


class ShareInfo(serializers.Serializer):
    isEnabled = serializers.BooleanField(source="is_enabled")
    viewCount = serializers.IntegerField(source="view_count")
    hasPassword = serializers.BooleanField(source="has_password")
    lastViewedAt = serializers.DateTimeField(source="last_viewed_at", allow_null=True)


def _share_link(resume: Resume) -> ShareLink | None:
    try:
        return resume.share_link
    except ShareLink.DoesNotExist:
        return None


class ResumeListItem(serializers.Serializer):
    id = serializers.UUIDField()
    title = serializers.CharField()
    status = serializers.CharField(help_text=STATUS_HELP)
    templateId = serializers.UUIDField(source="template_id", allow_null=True)
    template = TemplateSummary(allow_null=True)
    atsScore = serializers.IntegerField(source="ats_score", allow_null=True)
    keywordMatchScore = serializers.IntegerField(source="keyword_match_score", allow_null=True)
    createdAt = serializers.DateTimeField(source="created_at")
    updatedAt = serializers.DateTimeField(source="updated_at")
    shareInfo = serializers.SerializerMethodField()

    @extend_schema_field(ShareInfo(allow_null=True))
    def get_shareInfo(self, resume: Resume) -> dict | None:
        link = _share_link(resume)
        return ShareInfo(link).data if link else None


class ResumeOutput(ResumeListItem):
    template = ResumeTemplateOutput(allow_null=True)
    contentJson = serializers.SerializerMethodField()
    sectionsVisibility = serializers.SerializerMethodField()
    targetJobDescription = serializers.CharField(source="target_job_description")

    @extend_schema_field(OpenApiTypes.OBJECT)
    def get_contentJson(self, resume: Resume) -> dict[str, Any]:
        return to_content_json(resume.document)

    @extend_schema_field(serializers.DictField(child=serializers.BooleanField()))
    def get_sectionsVisibility(self, resume: Resume) -> dict[str, bool]:
        stored = resume.sections_visibility or {}
        return {section: bool(stored.get(section, True)) for section in SECTIONS}


class ProjectOutput(serializers.Serializer):
    id = serializers.CharField()
    name = serializers.CharField()
    description = serializers.CharField()
    technologies = serializers.ListField(child=serializers.CharField())
    url = serializers.CharField()
    startDate = serializers.CharField()
    endDate = serializers.CharField()
    highlights = serializers.ListField(child=serializers.CharField())


class ShareCommentOutput(serializers.Serializer):
    id = serializers.UUIDField()
    name = serializers.CharField(source="author_name")
    text = serializers.CharField()
    createdAt = serializers.DateTimeField(source="created_at")


class ShareLinkOutput(serializers.Serializer):
    id = serializers.UUIDField()
    token = serializers.CharField()
    shareUrl = serializers.SerializerMethodField()
    isEnabled = serializers.BooleanField(source="is_enabled")
    hasPassword = serializers.BooleanField(source="has_password")
    allowDownload = serializers.BooleanField(source="allow_download")
    allowComments = serializers.BooleanField(source="allow_comments")
    viewCount = serializers.IntegerField(source="view_count")
    lastViewedAt = serializers.DateTimeField(source="last_viewed_at", allow_null=True)
    expiresAt = serializers.DateTimeField(source="expires_at", allow_null=True)
    createdAt = serializers.DateTimeField(source="created_at")
    updatedAt = serializers.DateTimeField(source="updated_at")
    comments = ShareCommentOutput(many=True, source="comments.all")

    def get_shareUrl(self, link: ShareLink) -> str:
        return services.share_url(link.token)


class CheckOutput(serializers.Serializer):
    id = serializers.CharField()
    label = serializers.CharField()
    weight = serializers.IntegerField()
    earned = serializers.FloatField()
    passed = serializers.BooleanField()
    message = serializers.CharField()
    suggestion = serializers.CharField()


class AnalysisOutput(serializers.Serializer):
    atsScore = serializers.IntegerField()
    keywordMatchScore = serializers.IntegerField(allow_null=True)
    keywordsFound = serializers.ListField(child=serializers.CharField())
    keywordsMissing = serializers.ListField(child=serializers.CharField())
    sectionChecks = CheckOutput(many=True)
    formattingChecks = CheckOutput(many=True)
    suggestions = serializers.ListField(child=serializers.CharField())


# --- Input serializers ----------------------------------------------------------------------


class StrictCharField(serializers.CharField):
    """A string and nothing else: DRF's CharField would turn 12 into "12"."""

    def to_internal_value(self, data):
        if not isinstance(data, str):
            self.fail("invalid")
        return super().to_internal_value(data)


class ResumeInput(serializers.Serializer):
    title = StrictCharField(max_length=200, required=False)
    templateId = StrictCharField(required=False, allow_null=True, max_length=64)
    contentJson = serializers.JSONField(required=False, help_text=LIMITS_TEXT)
    sectionsVisibility = serializers.JSONField(
        required=False, help_text=f"{{section: true|false}}; sections: {', '.join(SECTIONS)}"
    )
    # A CharField checked by hand: a ChoiceField named "status" would give the schema an enum
    # component that collides with the other dialects' "status" enums.
    status = StrictCharField(required=False, help_text=STATUS_HELP)
    targetJobDescription = StrictCharField(
        required=False, allow_blank=True, max_length=20_000, trim_whitespace=False
    )

    def validate_status(self, value: str) -> str:
        if value not in Resume.Status.values:
            raise serializers.ValidationError(f"must be one of {', '.join(Resume.Status.values)}")
        return value


class ProjectInput(serializers.Serializer):
    id = StrictCharField(required=False, max_length=64)
    name = StrictCharField(max_length=300)
    description = StrictCharField(required=False, allow_blank=True, max_length=20_000)
    technologies = serializers.ListField(
        child=StrictCharField(max_length=300), required=False, max_length=100
    )
    url = StrictCharField(required=False, allow_blank=True, max_length=2048)
    startDate = StrictCharField(required=False, allow_blank=True, max_length=10)
    endDate = StrictCharField(required=False, allow_blank=True, max_length=10)
    highlights = serializers.ListField(
        child=StrictCharField(max_length=20_000), required=False, max_length=100
    )


class ShareLinkInput(serializers.Serializer):
    isEnabled = serializers.BooleanField(required=False)
    password = StrictCharField(
        required=False,
        allow_null=True,
        allow_blank=True,
        max_length=services.SHARE_PASSWORD_MAX_LENGTH,
        trim_whitespace=False,
        help_text="Stored hashed; null or empty removes the password.",
    )
    expiresAt = serializers.DateTimeField(required=False, allow_null=True)
    allowDownload = serializers.BooleanField(required=False)
    allowComments = serializers.BooleanField(required=False)

    def validate_expiresAt(self, value):
        if value is not None and value <= timezone.now():
            raise serializers.ValidationError("must be in the future")
        return value


class AnalysisInput(serializers.Serializer):
    jobDescription = StrictCharField(
        required=False,
        allow_blank=True,
        max_length=20_000,
        help_text="Analyse against this text instead of the resume's targetJobDescription.",
    )


def _strict_booleans(data: dict[str, Any], names: tuple[str, ...]) -> None:
    """DRF's BooleanField accepts "yes", 1, "on"…; the spec's JSON has real booleans."""
    errors = {
        name: ["Must be true or false."]
        for name in names
        if name in data and not isinstance(data[name], bool)
    }
    if errors:
        raise serializers.ValidationError(errors)


# --- Helpers shared by the views ------------------------------------------------------------


def _document(content: Any):
    try:
        return from_content_json(content)
    except DocumentTooLarge as exc:
        raise services.content_too_large(exc) from None
    except DocumentError as exc:
        raise services.document_invalid(exc) from None


def _project(data: dict[str, Any]) -> dict[str, Any]:
    """A camelCase project validated as a canonical one; errors name the camelCase fields."""
    try:
        document = from_content_json({"projects": [data]}, prefix="")
    except DocumentError as exc:
        fields = {path.removeprefix("projects.0."): messages for path, messages in exc.fields.items()}
        raise services.document_invalid(DocumentError(fields)) from None
    return document.projects[0].model_dump(mode="json")


def _resume_data(resume: Resume) -> dict[str, Any]:
    return ResumeOutput(resume).data


RESUME_ERRORS = {
    403: OpenApiResponse(description="RESUME_NOT_OWNED: another user's resume"),
    404: OpenApiResponse(description="RESUME_NOT_FOUND: no such resume, or deleted"),
}

ID_PARAM = OpenApiParameter("id", OpenApiTypes.UUID, OpenApiParameter.PATH, description="Resume ID")


# --- Views ----------------------------------------------------------------------------------


class ResumeListView(APIView):
    parser_classes = [ResumeJSONParser]
    pagination_class = SmartcvPagination  # read by the schema: the list is in the envelope

    @extend_schema(
        summary="Get user resume list",
        description="The current user's resumes, newest first. Deleted resumes are not listed.",
        parameters=[
            OpenApiParameter(
                "status", str, enum=list(Resume.Status.values), description="Filter by status"
            )
        ],
        responses=ResumeListItem(many=True),
        tags=["smartcv: resumes"],
    )
    def get(self, request):
        raw_status = request.query_params.get("status") or None
        if raw_status and raw_status not in Resume.Status.values:
            raise ApplicationError(
                "validation_error",
                f"status: must be one of {', '.join(Resume.Status.values)}",
                details={"status": [f"must be one of {', '.join(Resume.Status.values)}"]},
            )
        paginator = SmartcvPagination()
        page = paginator.paginate_queryset(
            selectors.resume_list(user=request.user, status=raw_status), request, view=self
        )
        return paginator.get_paginated_response(ResumeListItem(page, many=True).data)

    @extend_schema(
        summary="Create new resume",
        description="Creates a DRAFT (unless `status` is given) resume. Without `templateId` the "
        "default template is used. " + LIMITS_TEXT,
        request=ResumeInput,
        responses={
            201: _envelope("ResumeCreated", ResumeOutput()),
            400: OpenApiResponse(description="VALIDATION_ERROR or INVALID_TEMPLATE"),
            413: OpenApiResponse(description="CONTENT_TOO_LARGE"),
        },
        tags=["smartcv: resumes"],
    )
    def post(self, request):
        body = ResumeInput(data=_object_body(request))
        body.is_valid(raise_exception=True)
        data = body.validated_data
        template = services.template_resolve(data["templateId"]) if data.get("templateId") else None
        visibility = (
            services.sections_visibility_validate(data["sectionsVisibility"])
            if "sectionsVisibility" in data
            else None
        )
        document = _document(data["contentJson"]) if "contentJson" in data else None
        resume = services.resume_create(
            owner=request.user,
            title=data.get("title") or "Untitled resume",
            document=document,
            template=template,
            sections_visibility=visibility,
            target_job_description=data.get("targetJobDescription", ""),
            status=data.get("status", Resume.Status.DRAFT),
        )
        resume = selectors.resume_get_for_user(user=request.user, resume_id=resume.pk)
        return Response({"success": True, "data": _resume_data(resume)}, status=status.HTTP_201_CREATED)


class ResumeDetailView(APIView):
    parser_classes = [ResumeJSONParser]

    @extend_schema(
        summary="Get specified resume details",
        parameters=[ID_PARAM],
        responses={200: _envelope("ResumeDetail", ResumeOutput()), **RESUME_ERRORS},
        tags=["smartcv: resumes"],
    )
    def get(self, request, pk: str):
        resume = selectors.resume_get_for_user(user=request.user, resume_id=pk)
        return Response({"success": True, "data": _resume_data(resume)})

    @extend_schema(
        summary="Update resume information",
        description="Partial: only the fields sent change. `templateId: null` switches to the "
        "default template. `sectionsVisibility` is merged into the stored one. Changing "
        "`contentJson` or `targetJobDescription` recomputes `atsScore` and "
        "`keywordMatchScore`. " + LIMITS_TEXT,
        parameters=[ID_PARAM],
        request=ResumeInput,
        responses={
            200: _envelope("ResumeUpdated", ResumeOutput()),
            400: OpenApiResponse(description="VALIDATION_ERROR or INVALID_TEMPLATE"),
            413: OpenApiResponse(description="CONTENT_TOO_LARGE"),
            **RESUME_ERRORS,
        },
        tags=["smartcv: resumes"],
    )
    def put(self, request, pk: str):
        resume = selectors.resume_get_for_user(user=request.user, resume_id=pk)
        body = ResumeInput(data=_object_body(request), partial=True)
        body.is_valid(raise_exception=True)
        data = body.validated_data
        changes: dict[str, Any] = {}
        if "title" in data:
            changes["title"] = data["title"]
        if "templateId" in data:
            changes["template"] = (
                services.template_resolve(data["templateId"]) if data["templateId"] else None
            )
        if "sectionsVisibility" in data:
            changes["sections_visibility"] = services.sections_visibility_validate(
                data["sectionsVisibility"]
            )
        if "contentJson" in data:
            changes["document"] = _document(data["contentJson"])
        if "status" in data:
            changes["status"] = data["status"]
        if "targetJobDescription" in data:
            changes["target_job_description"] = data["targetJobDescription"]
        services.resume_update(resume=resume, **changes)
        resume = selectors.resume_get_for_user(user=request.user, resume_id=pk)
        return Response({"success": True, "data": _resume_data(resume)})

    @extend_schema(
        summary="Delete resume (soft delete)",
        parameters=[ID_PARAM],
        responses={
            200: inline_serializer(
                name="ResumeDeleted",
                fields={"success": serializers.BooleanField(), "message": serializers.CharField()},
            ),
            **RESUME_ERRORS,
        },
        tags=["smartcv: resumes"],
    )
    def delete(self, request, pk: str):
        resume = selectors.resume_get_for_user(user=request.user, resume_id=pk)
        services.resume_delete(resume=resume)
        return Response({"success": True, "message": "Resume deleted successfully"})


class ResumeProjectsView(APIView):
    parser_classes = [ResumeJSONParser]

    @extend_schema(
        summary="Get resume project experience",
        parameters=[ID_PARAM],
        responses={200: _envelope("ResumeProjects", ProjectOutput(many=True)), **RESUME_ERRORS},
        tags=["smartcv: resumes"],
    )
    def get(self, request, pk: str):
        resume = selectors.resume_get_for_user(user=request.user, resume_id=pk)
        projects = [project_to_json(p.model_dump(mode="json")) for p in resume.document.projects]
        return Response({"success": True, "data": projects})

    @extend_schema(
        summary="Add project experience",
        description="Appends the project to the resume's content with a stable `id` (kept in "
        "`contentJson.projects` and in every export).",
        parameters=[ID_PARAM],
        request=ProjectInput,
        responses={201: _envelope("ResumeProjectCreated", ProjectOutput()), **RESUME_ERRORS},
        tags=["smartcv: resumes"],
    )
    def post(self, request, pk: str):
        resume = selectors.resume_get_for_user(user=request.user, resume_id=pk)
        body = ProjectInput(data=_object_body(request))
        body.is_valid(raise_exception=True)
        project = services.resume_project_add(resume=resume, project=_project(dict(body.validated_data)))
        return Response(
            {"success": True, "data": project_to_json(project.model_dump(mode="json"))},
            status=status.HTTP_201_CREATED,
        )


_SHARE_BOOLEANS = ("isEnabled", "allowDownload", "allowComments")
SHARE_TEXT = (
    "A resume has one share link; its public page is `shareUrl` = SITE_URL/share/<token> (a "
    "random 32-character token). The password is stored hashed; wrong passwords on the page "
    f"are limited to {services.SHARE_PASSWORD_MAX_ATTEMPTS} per "
    f"{services.SHARE_PASSWORD_WINDOW_SECONDS // 60} minutes per link and address. Active links "
    "(enabled, not expired, resume not deleted) per account are limited by plan ("
    + ", ".join(f"{plan}: {n}" for plan, n in services.SHARE_LINK_LIMITS.items())
    + "; other plans unlimited); past the limit: 429 SHARE_LIMIT_EXCEEDED."
)


class ResumeShareView(APIView):
    parser_classes = [ResumeJSONParser]

    @extend_schema(
        summary="Get share settings and visitor comments",
        parameters=[ID_PARAM],
        responses={200: _envelope("ResumeShare", ShareLinkOutput()), **RESUME_ERRORS},
        tags=["smartcv: sharing"],
    )
    def get(self, request, pk: str):
        resume = selectors.resume_get_for_user(user=request.user, resume_id=pk)
        link = _share_link(resume)
        if link is None:
            raise ApplicationError(
                "share_link_not_found",
                "This resume has no share link",
                status=404,
                details={"resumeId": pk},
            )
        return Response({"success": True, "data": ShareLinkOutput(link).data})

    @extend_schema(
        summary="Create share link",
        description="201 with the new link; 200 when the resume already had one (its settings "
        "are replaced, the token and view count are kept). Defaults: isEnabled true, no "
        "password, no expiry, allowDownload and allowComments false. " + SHARE_TEXT,
        parameters=[ID_PARAM],
        request=ShareLinkInput,
        responses={
            201: _envelope("ResumeShareCreated", ShareLinkOutput()),
            200: _envelope("ResumeShareReplaced", ShareLinkOutput()),
            429: OpenApiResponse(description="SHARE_LIMIT_EXCEEDED"),
            **RESUME_ERRORS,
        },
        tags=["smartcv: sharing"],
    )
    def post(self, request, pk: str):
        resume = selectors.resume_get_for_user(user=request.user, resume_id=pk)
        raw = _object_body(request)
        _strict_booleans(raw, _SHARE_BOOLEANS)
        body = ShareLinkInput(data=raw)
        body.is_valid(raise_exception=True)
        data = body.validated_data
        link, created = services.share_link_create(
            resume=resume,
            is_enabled=data.get("isEnabled", True),
            password=data.get("password"),
            expires_at=data.get("expiresAt"),
            allow_download=data.get("allowDownload", False),
            allow_comments=data.get("allowComments", False),
        )
        return Response(
            {"success": True, "data": ShareLinkOutput(link).data},
            status=status.HTTP_201_CREATED if created else status.HTTP_200_OK,
        )

    @extend_schema(
        summary="Update share settings",
        description="Partial: only the fields sent change; `password: null` removes the password. "
        "404 SHARE_LINK_NOT_FOUND before the link was created. " + SHARE_TEXT,
        parameters=[ID_PARAM],
        request=ShareLinkInput,
        responses={
            200: _envelope("ResumeShareUpdated", ShareLinkOutput()),
            429: OpenApiResponse(description="SHARE_LIMIT_EXCEEDED"),
            **RESUME_ERRORS,
        },
        tags=["smartcv: sharing"],
    )
    def put(self, request, pk: str):
        resume = selectors.resume_get_for_user(user=request.user, resume_id=pk)
        raw = _object_body(request)
        _strict_booleans(raw, _SHARE_BOOLEANS)
        body = ShareLinkInput(data=raw, partial=True)
        body.is_valid(raise_exception=True)
        names = {
            "isEnabled": "is_enabled",
            "password": "password",
            "expiresAt": "expires_at",
            "allowDownload": "allow_download",
            "allowComments": "allow_comments",
        }
        changes = {names[key]: value for key, value in body.validated_data.items()}
        link = services.share_link_update(resume=resume, **changes)
        return Response({"success": True, "data": ShareLinkOutput(link).data})


class ResumeAnalysisView(APIView):
    parser_classes = [ResumeJSONParser]

    @extend_schema(
        summary="ATS and keyword analysis",
        description="Deterministic, explainable analysis (no external AI): every check with "
        "its weight and the points earned, the job keywords found and missing, and concrete "
        "suggestions. `atsScore` is the sum of the checks' points (0–100); "
        "`keywordMatchScore` the share of job keywords found (null without a job description).",
        parameters=[ID_PARAM],
        request=AnalysisInput,
        responses={200: _envelope("ResumeAnalysis", AnalysisOutput()), **RESUME_ERRORS},
        tags=["smartcv: resumes"],
    )
    def post(self, request, pk: str):
        resume = selectors.resume_get_for_user(user=request.user, resume_id=pk)
        body = AnalysisInput(data=request.data if isinstance(request.data, dict) else {})
        body.is_valid(raise_exception=True)
        report = services.resume_analysis(
            resume=resume, job_description=body.validated_data.get("jobDescription")
        )
        return Response({"success": True, "data": report.to_json()})


def _import_unavailable() -> ApplicationError:
    return ApplicationError(
        "import_unavailable", "CV import needs the CV parser, which is not installed yet", status=503
    )


class ResumeImportView(APIView):
    parser_classes = [MultiPartParser]

    def initialize_request(self, request, *args, **kwargs):
        try:
            from parsing.intake import install_upload_limits
        except ImportError:
            pass  # answered 503 in post()
        else:
            install_upload_limits(request)  # before anything reads the body
        return super().initialize_request(request, *args, **kwargs)

    @extend_schema(
        summary="Import a CV file as a new resume",
        description=f"multipart `file` (PDF, DOCX, DOC, RTF, TXT or an image; at most "
        f"{MAX_IMPORT_FILE_BYTES >> 20} MB, type decided by content), optional `title`. The CV "
        f"is parsed into a DRAFT resume; costs {services.IMPORT_CREDITS} parse credit (402 "
        "INSUFFICIENT_CREDITS when none are left). 400 UNREADABLE_FILE when no text can be "
        "read, 413 FILE_TOO_LARGE, 415 UNSUPPORTED_MEDIA_TYPE, 503 IMPORT_UNAVAILABLE while the "
        "CV parser is not installed.",
        request={
            "multipart/form-data": inline_serializer(
                name="ResumeImportInput",
                fields={"file": serializers.FileField(), "title": serializers.CharField(required=False)},
            )
        },
        responses={
            201: _envelope("ResumeImported", ResumeOutput()),
            503: OpenApiResponse(description="IMPORT_UNAVAILABLE"),
        },
        tags=["smartcv: resumes"],
    )
    def post(self, request):
        try:
            from parsing.intake import check_upload_limits, read_upload
            from parsing.pipeline import parse_bytes  # noqa: F401 (is the parser installed?)
        except ImportError:
            raise _import_unavailable() from None
        check_upload_limits(request._request)
        upload = request.FILES.get("file")
        if upload is None:
            raise ApplicationError(
                "validation_error",
                "file: a CV file is required",
                details={"file": ["This field is required."]},
            )
        incoming = read_upload(upload)
        title = str(request.data.get("title") or "").strip()[:200]
        resume = services.resume_import_file(
            owner=request.user, data=incoming.data, filename=incoming.filename, title=title
        )
        resume = selectors.resume_get_for_user(user=request.user, resume_id=resume.pk)
        return Response({"success": True, "data": _resume_data(resume)}, status=status.HTTP_201_CREATED)


class JsonResumeImportView(APIView):
    parser_classes = [ResumeJSONParser]

    @extend_schema(
        summary="Import a JSON Resume document as a new resume",
        description="Body: a JSON Resume (https://jsonresume.org/schema, v1) document. Creates a "
        "DRAFT resume titled after `basics.name`. Interests become extracurricular lines; awards, "
        "volunteer, publications and references become custom sections. " + LIMITS_TEXT,
        request=OpenApiTypes.OBJECT,
        responses={201: _envelope("ResumeJsonResumeImported", ResumeOutput())},
        tags=["smartcv: resumes"],
    )
    def post(self, request):
        data = _object_body(request)
        try:
            document = from_json_resume(data)
        except DocumentTooLarge as exc:
            raise services.content_too_large(exc) from None
        except DocumentError as exc:
            raise services.document_invalid(exc) from None
        name = document.personal.name
        resume = services.resume_create(
            owner=request.user, title=f"{name} resume" if name else "Imported resume", document=document
        )
        resume = selectors.resume_get_for_user(user=request.user, resume_id=resume.pk)
        return Response({"success": True, "data": _resume_data(resume)}, status=status.HTTP_201_CREATED)


class TemplateListView(APIView):
    pagination_class = SmartcvPagination  # read by the schema: the list is in the envelope

    @extend_schema(
        summary="List resume templates",
        description="Active templates in display order.",
        parameters=[
            OpenApiParameter(
                "category", str, enum=list(Template.Category.values), description="Filter by category"
            )
        ],
        responses=TemplateOutput(many=True),
        tags=["smartcv: templates"],
    )
    def get(self, request):
        category = request.query_params.get("category") or None
        if category and category.upper() not in Template.Category.values:
            raise ApplicationError(
                "validation_error",
                f"category: must be one of {', '.join(Template.Category.values)}",
                details={"category": [f"must be one of {', '.join(Template.Category.values)}"]},
            )
        paginator = SmartcvPagination()
        page = paginator.paginate_queryset(
            selectors.template_list(category=category.upper() if category else None), request, view=self
        )
        return paginator.get_paginated_response(TemplateOutput(page, many=True).data)


class TemplateDetailView(APIView):
    @extend_schema(
        summary="Get a resume template (with its HTML and CSS)",
        parameters=[OpenApiParameter("id", OpenApiTypes.UUID, OpenApiParameter.PATH)],
        responses={
            200: _envelope("TemplateDetail", TemplateDetailOutput()),
            404: OpenApiResponse(description="TEMPLATE_NOT_FOUND"),
        },
        tags=["smartcv: templates"],
    )
    def get(self, request, pk: str):
        template = selectors.template_get(template_id=pk)
        return Response({"success": True, "data": TemplateDetailOutput(template).data})
