"""The three pagination styles of the four dialects.

- ``SmartcvPagination``: ``?page=1&limit=10`` → ``{"success", "data", "meta": {total, page,
  limit, totalPages}}``
- ``ParserproPagination``: ``?page=1&limit=20`` (max 100) → ``{"data", "meta": {total, page,
  limit, total_pages, has_next, has_prev}}``
- ``SpringPagination``: zero-based ``?page=0&size=10`` → Spring's Page ``{content,
  totalElements, totalPages, number, size, …}``

Each page costs two queries (count + slice) however long it is. A page past the end is an
empty page with correct totals; a non-numeric or negative page or size is a 400; a limit
above the maximum is lowered to the maximum.
"""

from __future__ import annotations

import math
from typing import Any

from django.db.models import QuerySet
from rest_framework.exceptions import ValidationError
from rest_framework.pagination import BasePagination
from rest_framework.response import Response


class _PagePagination(BasePagination):
    page_param = "page"
    size_param = "limit"
    first_page = 1
    default_size = 10
    max_size = 100

    def _int_param(self, request, name: str, default: int, minimum: int) -> int:
        raw = request.query_params.get(name)
        if raw is None or raw == "":
            return default
        try:
            value = int(raw)
        except (TypeError, ValueError):
            raise ValidationError({name: [f"Must be an integer, got {raw!r}."]}) from None
        if value < minimum:
            raise ValidationError({name: [f"Must be at least {minimum}."]})
        return value

    def paginate_queryset(self, queryset, request, view=None) -> list[Any]:
        self.page = self._int_param(request, self.page_param, self.first_page, self.first_page)
        size = self._int_param(
            request, self.size_param, getattr(view, "page_size", self.default_size), 1
        )
        self.size = min(size, getattr(view, "max_page_size", self.max_size))
        self.total = queryset.count() if isinstance(queryset, QuerySet) else len(queryset)
        offset = (self.page - self.first_page) * self.size
        if offset >= self.total:
            return []
        return list(queryset[offset : offset + self.size])

    @property
    def total_pages(self) -> int:
        return math.ceil(self.total / self.size) if self.total else 0

    def get_schema_operation_parameters(self, view) -> list[dict[str, Any]]:
        return [
            {
                "name": self.page_param,
                "in": "query",
                "required": False,
                "schema": {"type": "integer", "minimum": self.first_page},
                "description": f"Page number ({'zero' if self.first_page == 0 else 'one'}-based).",
            },
            {
                "name": self.size_param,
                "in": "query",
                "required": False,
                "schema": {"type": "integer", "minimum": 1, "maximum": self.max_size},
                "description": f"Items per page (max {self.max_size}).",
            },
        ]


class SmartcvPagination(_PagePagination):
    default_size = 10

    def get_paginated_response(self, data) -> Response:
        return Response(
            {
                "success": True,
                "data": data,
                "meta": {
                    "total": self.total,
                    "page": self.page,
                    "limit": self.size,
                    "totalPages": self.total_pages,
                },
            }
        )

    def get_paginated_response_schema(self, schema: dict) -> dict:
        return {
            "type": "object",
            "required": ["success", "data", "meta"],
            "properties": {
                "success": {"type": "boolean"},
                "data": schema,
                "meta": {
                    "type": "object",
                    "properties": {
                        "total": {"type": "integer"},
                        "page": {"type": "integer"},
                        "limit": {"type": "integer"},
                        "totalPages": {"type": "integer"},
                    },
                },
            },
        }


class ParserproPagination(_PagePagination):
    default_size = 20

    def get_paginated_response(self, data) -> Response:
        return Response(
            {
                "data": data,
                "meta": {
                    "total": self.total,
                    "page": self.page,
                    "limit": self.size,
                    "total_pages": self.total_pages,
                    "has_next": self.page < self.total_pages,
                    "has_prev": self.page > 1,
                },
            }
        )

    def get_paginated_response_schema(self, schema: dict) -> dict:
        return {
            "type": "object",
            "required": ["data", "meta"],
            "properties": {
                "data": schema,
                "meta": {
                    "type": "object",
                    "properties": {
                        "total": {"type": "integer"},
                        "page": {"type": "integer"},
                        "limit": {"type": "integer"},
                        "total_pages": {"type": "integer"},
                        "has_next": {"type": "boolean"},
                        "has_prev": {"type": "boolean"},
                    },
                },
            },
        }


class SpringPagination(_PagePagination):
    size_param = "size"
    first_page = 0
    default_size = 10

    def get_paginated_response(self, data) -> Response:
        return Response(
            {
                "content": data,
                "totalElements": self.total,
                "totalPages": self.total_pages,
                "number": self.page,
                "size": self.size,
                "numberOfElements": len(data),
                "first": self.page == 0,
                "last": self.page >= self.total_pages - 1,
                "empty": not data,
            }
        )

    def get_paginated_response_schema(self, schema: dict) -> dict:
        return {
            "type": "object",
            "required": ["content", "totalElements", "totalPages", "number", "size"],
            "properties": {
                "content": schema,
                "totalElements": {"type": "integer"},
                "totalPages": {"type": "integer"},
                "number": {"type": "integer"},
                "size": {"type": "integer"},
                "numberOfElements": {"type": "integer"},
                "first": {"type": "boolean"},
                "last": {"type": "boolean"},
                "empty": {"type": "boolean"},
            },
        }
