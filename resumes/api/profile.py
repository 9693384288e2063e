"""The profile dialect: ``POST /api/user/publish-resume`` (errors are ``{"msg": …}``).

The published resume is stored as a canonical ResumeDocument (``PublishedProfile``) and
answered back in the profile ``resume`` shape (``resumes.convert.to_profile``). The
response is the "user object" of the spec: ``id`` and ``clerk_user_id`` are both the SmartCV
user id (there is no Clerk here), ``created_at`` is when the account was created,
``updated_at`` when the profile last changed.
"""

from __future__ import annotations

import logging
from typing import Any

from django.db import DatabaseError
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema, inline_serializer
from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from resumes import services
from resumes.api.smartcv import ResumeJSONParser
from resumes.convert import from_profile, to_profile
from resumes.document import DocumentError, DocumentTooLarge
from resumes.models import PublishedProfile
from smartcv.errors import ApplicationError

logger = logging.getLogger(__name__)


class PublishResumeOutput(serializers.Serializer):
    id = serializers.CharField()
    clerk_user_id = serializers.CharField()
    email = serializers.CharField()
    username = serializers.CharField()
    resume = serializers.JSONField(allow_null=True)
    islive = serializers.BooleanField()
    created_at = serializers.DateTimeField()
    updated_at = serializers.DateTimeField()


def publish_response(user, profile: PublishedProfile) -> dict[str, Any]:
    document = profile.document
    return PublishResumeOutput(
        {
            "id": str(user.pk),
            "clerk_user_id": str(user.pk),
            "email": user.email,
            "username": user.username,
            "resume": to_profile(document) if document is not None and profile.is_live else None,
            "islive": profile.is_live,
            "created_at": user.date_joined,
            "updated_at": profile.updated_at,
        }
    ).data


class PublishResumeView(APIView):
    parser_classes = [ResumeJSONParser]

    @extend_schema(
        summary="Publish (or unpublish) the user's resume",
        description='Body `{"resume": {…}}` publishes the resume at /u/<username> (and '
        '/u/<username>.json); `{"resume": null}` unpublishes it. Resume shape: personalInfo'
        "{name,title,email,location,phone,website,linkedin,github,twitter,imageUrl}, summary, "
        "skills{languages,frameworksAndTools,softSkills}, experience[{id,company,title,location,"
        "startDate,endDate,description,highlights}], projects[{id,name,description,technologies,"
        "url,startDate,endDate,highlights}], education[{id,institution,degree,field,location,"
        "startDate,endDate,grade,description}], extracurricular[str], customSections[{id,title,"
        "items[{title,subtitle,date,description}]}] (optional certifications, languages). Dates "
        'are YYYY, YYYY-MM or YYYY-MM-DD; an ongoing role has endDate "present". Errors are '
        '`{"msg": …}`: 400 invalid body, 401 not authenticated, 413 too large, 500 failure.',
        request=inline_serializer(
            name="PublishResumeInput", fields={"resume": serializers.JSONField(allow_null=True)}
        ),
        responses={
            200: PublishResumeOutput,
            400: OpenApiResponse(OpenApiTypes.OBJECT, description='{"msg": "…"}'),
            401: OpenApiResponse(OpenApiTypes.OBJECT, description='{"msg": "User not authenticated"}'),
            500: OpenApiResponse(OpenApiTypes.OBJECT, description='{"msg": "Failed to publish resume"}'),
        },
        tags=["profile"],
    )
    def post(self, request):
        if not isinstance(request.data, dict) or "resume" not in request.data:
            raise ApplicationError(
                "validation_error", 'The body must be {"resume": {…}} or {"resume": null}'
            )
        raw = request.data["resume"]
        document = None
        if raw is not None:
            try:
                document = from_profile(raw)
            except DocumentTooLarge as exc:
                raise services.content_too_large(exc) from None
            except DocumentError as exc:
                raise services.document_invalid(exc) from None
        try:
            profile = services.profile_publish(user=request.user, document=document)
        except DatabaseError:
            logger.exception("publishing the profile of %s failed", request.user.pk)
            raise ApplicationError("publish_failed", "Failed to publish resume", status=500) from None
        return Response(publish_response(request.user, profile))
