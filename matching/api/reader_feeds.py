"""reader dialect: job feeds — the URL of the owner's own jobs endpoint (a JSON array of
JobItems, as the reader document's "API Offres d'Emploi" describes), imported on demand and
hourly. /api/jobs/feeds…"""

from __future__ import annotations

from drf_spectacular.utils import OpenApiResponse, extend_schema, inline_serializer
from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from matching import selectors, services
from matching.models import JobFeed, JobFeedRun
from smartcv.api.pagination import SpringPagination

TAGS = ["reader: job feeds"]


class ReaderJobFeedInput(serializers.Serializer):
    # The URL is checked by the service (syntax and public address), one message for all.
    url = serializers.CharField(max_length=4096)
    isActive = serializers.BooleanField(source="is_active", required=False)


class ReaderJobFeed(serializers.ModelSerializer):
    isActive = serializers.BooleanField(source="is_active")
    lastRunAt = serializers.DateTimeField(source="last_run_at", allow_null=True)
    lastStatus = serializers.SerializerMethodField()
    createdAt = serializers.DateTimeField(source="created_at")

    class Meta:
        model = JobFeed
        fields = ["id", "url", "isActive", "lastRunAt", "lastStatus", "createdAt"]

    def get_lastStatus(self, feed: JobFeed) -> str | None:
        return feed.last_status.upper() or None


class ReaderJobFeedRun(serializers.ModelSerializer):
    startedAt = serializers.DateTimeField(source="started_at")
    finishedAt = serializers.DateTimeField(source="finished_at", allow_null=True)
    status = serializers.SerializerMethodField()
    errors = serializers.ListField(child=serializers.DictField())

    class Meta:
        model = JobFeedRun
        fields = ["id", "startedAt", "finishedAt", "status", "imported", "updated", "errors", "message"]

    def get_status(self, run: JobFeedRun) -> str:
        return run.status.upper()


_FEED_CONFLICT = OpenApiResponse(description="FEED_CONFLICT: this feed URL is already registered")


class JobFeedListView(APIView):
    pagination_class = SpringPagination

    @extend_schema(
        tags=TAGS,
        summary="Register a job feed URL",
        request=ReaderJobFeedInput,
        responses={201: ReaderJobFeed, 409: _FEED_CONFLICT},
    )
    def post(self, request):
        data = ReaderJobFeedInput(data=request.data)
        data.is_valid(raise_exception=True)
        feed = services.feed_create(owner=request.user, **data.validated_data)
        return Response(ReaderJobFeed(feed).data, status=201)

    @extend_schema(
        tags=TAGS, summary="List my job feeds (Spring page)", responses=ReaderJobFeed(many=True)
    )
    def get(self, request):
        paginator = self.pagination_class()
        page = paginator.paginate_queryset(selectors.feed_list(owner=request.user), request, view=self)
        return paginator.get_paginated_response(ReaderJobFeed(page, many=True).data)


class JobFeedDetailView(APIView):
    @extend_schema(tags=TAGS, summary="Get one of my job feeds", responses=ReaderJobFeed)
    def get(self, request, feed_id):
        return Response(ReaderJobFeed(selectors.feed_get(owner=request.user, feed_id=feed_id)).data)

    @extend_schema(
        tags=TAGS,
        summary="Update a job feed (only the fields sent change)",
        request=ReaderJobFeedInput,
        responses={200: ReaderJobFeed, 409: _FEED_CONFLICT},
    )
    def put(self, request, feed_id):
        feed = selectors.feed_get(owner=request.user, feed_id=feed_id)
        data = ReaderJobFeedInput(data=request.data, partial=True)
        data.is_valid(raise_exception=True)
        return Response(ReaderJobFeed(services.feed_update(feed=feed, **data.validated_data)).data)

    @extend_schema(tags=TAGS, summary="Delete a job feed (imported jobs stay)", responses={204: None})
    def delete(self, request, feed_id):
        services.feed_delete(feed=selectors.feed_get(owner=request.user, feed_id=feed_id))
        return Response(status=204)


class JobFeedImportView(APIView):
    @extend_schema(
        tags=TAGS,
        summary="Import a job feed now (asynchronous; see its runs)",
        request=None,
        responses={
            202: inline_serializer(
                "ReaderJobFeedImportQueued",
                {"feedId": serializers.UUIDField(), "status": serializers.CharField()},
            )
        },
    )
    def post(self, request, feed_id):
        feed = selectors.feed_get(owner=request.user, feed_id=feed_id)
        services.feed_import_request(feed=feed)
        return Response({"feedId": str(feed.id), "status": "QUEUED"}, status=202)


class JobFeedRunsView(APIView):
    pagination_class = SpringPagination

    @extend_schema(
        tags=TAGS,
        summary="A job feed's imports, newest first (Spring page)",
        responses=ReaderJobFeedRun(many=True),
    )
    def get(self, request, feed_id):
        feed = selectors.feed_get(owner=request.user, feed_id=feed_id)
        paginator = self.pagination_class()
        page = paginator.paginate_queryset(selectors.feed_runs(feed=feed), request, view=self)
        return paginator.get_paginated_response(ReaderJobFeedRun(page, many=True).data)
