"""Anonymisation: the pure rules, then the text of every output format."""

from __future__ import annotations

import io
import re
import unicodedata

import pytest
from docx import Document
from pypdf import PdfReader

from rendering.models import RenderSettings
from rendering.privacy import (
    EMAIL_MASK,
    LINK_MASK,
    PHONE_MASK,
    PrivacyRules,
    anonymise,
    candidate_reference,
    initials,
    scrub_name,
    scrub_phones,
)
from rendering.services import document_render, settings_layout
from resumes.document import validate_document

ALL = PrivacyRules(
    hide_name=True,
    hide_email=True,
    hide_phone=True,
    hide_photo=True,
    hide_address=True,
    hide_links=True,
    hide_birth_date=True,
    hide_age=True,
)

LEAKY = {
    "personal": {
        "name": "Amélie Dubois-Laurent",
        "title": "Data engineer",
        "email": "amelie.dubois@example.com",
        "phone": "+33 6 12 34 56 78",
        "location": "12 rue des Lilas, Lyon",
        "website": "https://amelie.dev",
        "linkedin": "https://www.linkedin.com/in/amelie-dubois",
        "github": "https://github.com/adubois",
        "birth_date": "1990-04-12",
        "image_url": "https://example.com/photo.jpg",
    },
    "summary": "AMELIE DUBOIS, 34 ans. Reach me at amelie.dubois@example.com or 06 12 34 56 78; "
    "portfolio https://amelie.dev/work.",
    "work": [
        {
            "company": "Acme",
            "position": "Engineer",
            "description": "Ran the team of Amelie Dubois-Laurent.\nCall +44 20 7946 0958 for refs.",
            "highlights": ["Blog at www.amelie-blog.fr", "Mentored by Mme dubois"],
        }
    ],
    "custom_sections": [
        {"title": "Contact", "items": [{"title": "Mail", "description": "amelie@perso.fr"}]}
    ],
}
HIDDEN = [
    "Amélie",
    "Amelie",
    "Dubois",
    "Laurent",
    "amelie.dubois@example.com",
    "amelie@perso.fr",
    "06 12 34 56 78",
    "+33 6 12 34 56 78",
    "7946",
    "rue des Lilas",
    "amelie.dev",
    "linkedin.com",
    "github.com",
    "amelie-blog",
    "1990",
    "34 ans",
]


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def _assert_nothing_leaks(text: str) -> None:
    flat = _fold(re.sub(r"\s+", " ", text))
    for value in HIDDEN:
        assert _fold(value) not in flat, value


def test_initials_and_reference():
    assert initials("Amélie Dubois-Laurent") == "A. D. L."
    assert candidate_reference("abc") == candidate_reference("abc")
    assert re.fullmatch(r"Candidate [0-9A-F]{4}", candidate_reference("abc"))


def test_scrub_name_ignores_case_and_accents_and_keeps_other_words():
    assert scrub_name("AMELIE dubois met Duboisson", "Amélie Dubois", "X") == "X met Duboisson"


def test_scrub_phones_masks_national_and_international_numbers():
    text = "Call 06 12 34 56 78, +44 20 7946 0958 or (415) 555-2671; 2019-2021 and 120 users stay."
    assert scrub_phones(text) == (
        f"Call {PHONE_MASK}, {PHONE_MASK} or {PHONE_MASK}; 2019-2021 and 120 users stay."
    )


def test_no_rules_returns_the_document_unchanged():
    document = validate_document(LEAKY)
    assert anonymise(document, PrivacyRules()) is document


def test_all_rules_scrub_personal_fields_and_free_text():
    result = anonymise(validate_document(LEAKY), ALL, seed="cand-1")
    person = result.personal
    assert person.name == candidate_reference("cand-1")
    assert (person.email, person.phone, person.location, person.image_url, person.birth_date) == (
        "",
        "",
        "",
        "",
        "",
    )
    assert (person.website, person.linkedin, person.github, person.links) == ("", "", "", [])
    assert EMAIL_MASK in result.summary and PHONE_MASK in result.summary and LINK_MASK in result.summary
    _assert_nothing_leaks(result.model_dump_json())


def test_only_the_chosen_rules_apply():
    result = anonymise(validate_document(LEAKY), PrivacyRules(hide_email=True))
    assert result.personal.name == "Amélie Dubois-Laurent"
    assert result.personal.phone == "+33 6 12 34 56 78"
    assert "amelie.dubois@example.com" not in result.summary
    assert "06 12 34 56 78" in result.summary


def test_initials_mode():
    result = anonymise(validate_document(LEAKY), PrivacyRules(hide_name=True, name_mode="initials"))
    assert result.personal.name == "A. D. L."
    assert result.summary.startswith("A. D. L., 34 ans")


def test_cjk_name_is_scrubbed():
    document = validate_document({"personal": {"name": "张三"}, "summary": "我是张三，工程师"})
    result = anonymise(document, PrivacyRules(hide_name=True, name_mode="initials"))
    assert "张三" not in result.summary
    assert result.personal.name == "张."


# --- every output --------------------------------------------------------------------------------


def _settings(layout: str, privacy: dict) -> RenderSettings:
    """Unsaved settings: the render path reads the fields only, no database needed."""
    return RenderSettings(
        layout=layout,
        privacy=privacy,
        font_style="Arial",
        font_size=10.5,
        line_height=1.3,
        section_spacing=8,
        agency_name="Acme Recruiting",
        agency_website="https://acme.example",
    )


FLAGS = {
    "hideName": True,
    "hideEmail": True,
    "hidePhone": True,
    "hidePhoto": True,
    "hideAddress": True,
    "hideLinks": True,
    "hideBirthDate": True,
    "hideAge": True,
}


def _text_of(fmt: str, data: bytes) -> str:
    if fmt == "pdf":
        return "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages)
    if fmt == "docx":
        doc = Document(io.BytesIO(data))
        parts = [p.text for p in doc.paragraphs]
        parts += [cell.text for table in doc.tables for row in table.rows for cell in row.cells]
        props = doc.core_properties
        return "\n".join([*parts, props.title or "", props.author or ""])
    return data.decode("utf-8")  # html (markup included: attributes must not leak either), txt


@pytest.mark.parametrize("layout", ["modern", "classic", "compact", "creative"])
@pytest.mark.parametrize("fmt", ["pdf", "docx", "html", "txt"])
def test_no_hidden_value_in_any_output(layout, fmt):
    settings_layout.cache_clear()
    data = document_render(
        validate_document(LEAKY),
        render_settings=_settings(layout, FLAGS),
        fmt=fmt,
        seed="cand-1",
        fetch_photo=False,
    )
    text = _text_of(fmt, data)
    _assert_nothing_leaks(text)
    assert "Candidate" in text
    assert "Acme" in text


def test_standard_output_keeps_the_values():
    data = document_render(
        validate_document(LEAKY), render_settings=_settings("modern", {}), fmt="txt", fetch_photo=False
    )
    text = data.decode()
    assert "AMÉLIE DUBOIS-LAURENT" in text
    assert "amelie.dubois@example.com" in text
