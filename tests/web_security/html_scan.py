"""What a successful script injection would leave in a page, found by parsing it."""

from __future__ import annotations

import re
from html.parser import HTMLParser

SAFE_SCHEMES = ("http://", "https://", "mailto:", "tel:", "/", "#", "?")
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "data", "poster", "xlink:href"}


class _Scan(HTMLParser):
    """Collects what a successful injection would have created, and the page's text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []
        self.text: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "script":
            self._in_script = True
            if not values.get("src") and values.get("type") != "application/json":
                self.problems.append("inline <script>")
        if tag in ("input", "option") and values.get("value"):
            self.text.append(values["value"] or "")  # a form field shows it as its value
        if tag == "img" and values.get("src") == "x":
            self.problems.append("injected <img src=x>")
        for name, value in attrs:
            if name == "srcdoc":
                self.problems.append(f"<{tag} srcdoc> (a document in an attribute)")
            if name.startswith("on"):
                self.problems.append(f"<{tag} {name}=…> event handler")
            if name in URL_ATTRIBUTES and value is not None:
                target = re.sub(r"[\x00-\x20]", "", value).lower()
                image_data = tag == "img" and target.startswith("data:image/")
                unsafe = target and not target.startswith(SAFE_SCHEMES) and not _relative(target)
                if unsafe and not image_data:
                    self.problems.append(f"<{tag} {name}={value!r}>")
            if name == "style" and value and "url(" in value.lower():
                self.problems.append(f"<{tag} style with url(): {value!r}>")

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.problems.append(f"script content {data[:60]!r}")
        self.text.append(data)


def _relative(target: str) -> bool:
    """A relative URL (no scheme before the first '/', '?' or '#')."""
    head = re.split(r"[/?#]", target, maxsplit=1)[0]
    return ":" not in head


def scan(html: str) -> _Scan:
    parser = _Scan()
    parser.feed(html)
    parser.close()
    return parser
