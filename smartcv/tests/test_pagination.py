"""The three pagination styles: shapes, bounds and bad parameters."""

import pytest
from rest_framework.exceptions import ValidationError
from rest_framework.request import Request
from rest_framework.test import APIRequestFactory

from smartcv.api.pagination import ParserproPagination, SmartcvPagination, SpringPagination
from smartcv.models import Plan

pytestmark = pytest.mark.django_db


def _page(paginator, query: str):
    request = Request(APIRequestFactory().get(f"/x?{query}"))
    items = paginator.paginate_queryset(Plan.objects.order_by("sort_order"), request)
    return paginator.get_paginated_response([p.code for p in items]).data


def test_smartcv_page_shape():
    assert _page(SmartcvPagination(), "page=2&limit=4") == {
        "success": True,
        "data": ["scale", "enterprise"],
        "meta": {"total": 6, "page": 2, "limit": 4, "totalPages": 2},
    }


def test_smartcv_default_limit_is_ten():
    body = _page(SmartcvPagination(), "")
    assert body["meta"] == {"total": 6, "page": 1, "limit": 10, "totalPages": 1}
    assert len(body["data"]) == 6


def test_parserpro_page_shape_with_next_and_prev():
    assert _page(ParserproPagination(), "page=2&limit=2") == {
        "data": ["starter", "growth"],
        "meta": {
            "total": 6,
            "page": 2,
            "limit": 2,
            "total_pages": 3,
            "has_next": True,
            "has_prev": True,
        },
    }


def test_parserpro_limit_is_capped_at_the_maximum():
    body = _page(ParserproPagination(), "limit=1000")
    assert body["meta"]["limit"] == 100


def test_page_past_the_end_is_empty_with_totals():
    body = _page(ParserproPagination(), "page=9&limit=5")
    assert body["data"] == []
    assert body["meta"] == {
        "total": 6,
        "page": 9,
        "limit": 5,
        "total_pages": 2,
        "has_next": False,
        "has_prev": True,
    }


def test_spring_page_is_zero_based():
    body = _page(SpringPagination(), "page=0&size=4")
    assert body["content"] == ["free", "free_trial", "starter", "growth"]
    assert (body["totalElements"], body["totalPages"], body["number"], body["size"]) == (6, 2, 0, 4)
    assert (body["first"], body["last"], body["numberOfElements"], body["empty"]) == (
        True,
        False,
        4,
        False,
    )
    last = _page(SpringPagination(), "page=1&size=4")
    assert last["content"] == ["scale", "enterprise"]
    assert last["last"] is True


@pytest.mark.parametrize(
    ("paginator", "query", "field"),
    [
        (SmartcvPagination, "page=abc", "page"),
        (SmartcvPagination, "page=0", "page"),
        (ParserproPagination, "limit=0", "limit"),
        (ParserproPagination, "limit=-5", "limit"),
        (SpringPagination, "page=-1", "page"),
        (SpringPagination, "size=ten", "size"),
    ],
)
def test_bad_page_parameters_are_validation_errors(paginator, query, field):
    with pytest.raises(ValidationError) as info:
        _page(paginator(), query)
    assert field in info.value.detail


def test_a_page_costs_two_queries(django_assert_num_queries):
    with django_assert_num_queries(2):
        _page(ParserproPagination(), "page=1&limit=3")
