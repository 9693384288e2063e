"""Platform endpoints of the parserpro dialect: ``GET /api/v1/usage``."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from smartcv.services import usage_summary


class ParserproUsage(serializers.Serializer):
    plan = serializers.CharField()
    plan_name = serializers.CharField()
    credits_total = serializers.IntegerField()
    credits_used = serializers.IntegerField()
    credits_remaining = serializers.IntegerField()
    api_calls_this_period = serializers.IntegerField()
    resets_at = serializers.DateTimeField()
    overage_price_cents = serializers.IntegerField(
        allow_null=True, help_text="Price per credit beyond the allowance; null: no overage."
    )


class UsageView(APIView):
    @extend_schema(
        responses=ParserproUsage,
        summary="API usage, credit balance and plan for the current billing period",
        tags=["parserpro: usage"],
    )
    def get(self, request):
        return Response(ParserproUsage(usage_summary(request.user)).data)
