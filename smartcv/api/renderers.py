"""XML for the reader dialect (``Accept: application/xml``), from the same data as the JSON.

Objects become elements named by their keys, lists repeat an ``<item>`` element, None is an
empty element with ``nil="true"``; key names that are not valid XML names are sanitised.
"""

from __future__ import annotations

import re
from typing import Any
from xml.etree import ElementTree as ET

from rest_framework.negotiation import DefaultContentNegotiation
from rest_framework.renderers import BaseRenderer

from smartcv.errors import ApplicationError

_INVALID = re.compile(r"[^A-Za-z0-9_.-]")


class FormatNegotiation(DefaultContentNegotiation):
    """``?format=`` naming no renderer of the view is a 400 in the dialect's envelope (DRF
    answers 404, which reads as "no such resource")."""

    def filter_renderers(self, renderers, format):
        matching = [renderer for renderer in renderers if renderer.format == format]
        if not matching:
            names = ", ".join(renderer.format for renderer in renderers)
            raise ApplicationError(
                "validation_error",
                f"format must be one of {names}",
                status=400,
                details={"format": [f"Unknown format {str(format)[:20]!r}"]},
            )
        return matching


def _tag(name: str) -> str:
    tag = _INVALID.sub("_", str(name)) or "item"
    return tag if re.match(r"[A-Za-z_]", tag) else f"_{tag}"


def _fill(element: ET.Element, value: Any) -> None:
    if value is None:
        element.set("nil", "true")
    elif isinstance(value, dict):
        for key, child in value.items():
            _fill(ET.SubElement(element, _tag(key)), child)
    elif isinstance(value, (list, tuple)):
        for child in value:
            _fill(ET.SubElement(element, "item"), child)
    elif isinstance(value, bool):
        element.text = "true" if value else "false"
    else:
        element.text = str(value)


def to_xml(data: Any, root: str = "response") -> bytes:
    element = ET.Element(_tag(root))
    _fill(element, data)
    return ET.tostring(element, encoding="utf-8", xml_declaration=True)


class XMLRenderer(BaseRenderer):
    media_type = "application/xml"
    format = "xml"
    charset = "utf-8"

    def render(self, data: Any, accepted_media_type: str | None = None, renderer_context=None) -> bytes:
        if data is None:
            return b""
        view = (renderer_context or {}).get("view")
        return to_xml(data, root=getattr(view, "xml_root", "response"))
