"""Test URLconf: a small real DRF view mounted under each dialect's prefix, then the real
URLs. It lets the plumbing tests exercise validation, 405 and malformed bodies in all four
dialects before every dialect has endpoints of its own."""

from django.urls import path
from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from smartcv.urls import handler400, handler404, handler500  # noqa: F401  (the real handlers)
from smartcv.urls import urlpatterns as real_urlpatterns


class ProbeItem(serializers.Serializer):
    label = serializers.CharField(max_length=10)


class ProbeInput(serializers.Serializer):
    name = serializers.CharField(max_length=5)
    count = serializers.IntegerField(min_value=0)
    items = serializers.ListField(child=ProbeItem(), required=False)


class ProbeView(APIView):
    def post(self, request):
        data = ProbeInput(data=request.data)
        data.is_valid(raise_exception=True)
        return Response({"ok": True, **data.validated_data}, status=201)


PROBES = {
    "smartcv": "/api/resumes/_probe",
    "profile": "/api/user/_probe",
    "parserpro": "/api/v1/candidates/_probe",
    "reader": "/api/jobs/_probe",
}

urlpatterns = [path(p.lstrip("/"), ProbeView.as_view()) for p in PROBES.values()] + real_urlpatterns
