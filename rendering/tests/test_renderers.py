"""Every renderer produces a real file of its format, with what is visible and nothing else."""

from __future__ import annotations

import io
from html.parser import HTMLParser

import docx
import pytest
from pypdf import PdfReader

from rendering.context import RenderOptions
from rendering.docx import render_docx
from rendering.html import RenderError, render_html
from rendering.pdf import render_pdf
from rendering.txt import render_txt
from resumes.document import ResumeDocument

MM = 72 / 25.4


def pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def pdf_fonts(data: bytes) -> set[str]:
    names = set()
    for page in PdfReader(io.BytesIO(data)).pages:
        for font in (page["/Resources"].get("/Font") or {}).values():
            names.add(str(font.get_object()["/BaseFont"]))
    return names


def fonts_drawing(data: bytes, needle: str) -> set[str]:
    """The fonts of the text runs that contain ``needle``."""
    found: set[str] = set()

    def visit(text, cm, tm, font_dict, font_size):
        if needle in text and font_dict:
            found.add(str(font_dict["/BaseFont"]))

    for page in PdfReader(io.BytesIO(data)).pages:
        page.extract_text(visitor_text=visit)
    return found


def leftmost_x(data: bytes) -> float:
    xs: list[float] = []

    def visit(text, cm, tm, font_dict, font_size):
        if text.strip():
            xs.append(cm[4] + tm[4] * cm[0])

    PdfReader(io.BytesIO(data)).pages[0].extract_text(visitor_text=visit)
    return min(xs)


def docx_of(data: bytes):
    return docx.Document(io.BytesIO(data))


def docx_text(data: bytes) -> str:
    return "\n".join(p.text for p in docx_of(data).paragraphs)


def html_of(layout, doc, **kw) -> str:
    return render_html(doc, template_source=layout.html_template, css=layout.css_styles, **kw).decode()


def pdf_of(layout, doc, **kw) -> bytes:
    return render_pdf(doc, template_source=layout.html_template, css=layout.css_styles, **kw)


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.text: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self._skip += tag in ("style", "title")

    def handle_endtag(self, tag):
        self._skip -= tag in ("style", "title")

    def handle_data(self, data):
        if not self._skip:
            self.text.append(data)


def parse_html(html: str) -> _Collector:
    collector = _Collector()
    collector.feed(html)
    collector.close()
    return collector


# --- PDF ---------------------------------------------------------------------------------------


def test_each_layout_renders_a_pdf_with_the_resume_text(layout, full_doc):
    data = pdf_of(layout, full_doc)
    reader = PdfReader(io.BytesIO(data))
    text = pdf_text(data)
    assert data.startswith(b"%PDF-")
    assert len(reader.pages) == 2 if layout.slug != "compact" else len(reader.pages) in (1, 2)
    assert "Amélie Dubois-Laurent" in text
    assert "Société Générale" in text
    assert "Designed an idempotent transfer API" in text
    assert reader.metadata.title == "Amélie Dubois-Laurent – Senior Software Engineer"


def test_chinese_name_is_drawn_with_the_embedded_cjk_face(layout, chinese_doc):
    data = pdf_of(layout, chinese_doc)
    text = pdf_text(data)
    assert "张三 Zhang San" in text
    assert "拥有八年经验的后端工程师" in text
    assert "Expérience en systèmes distribués" in text
    assert {name.split("+")[-1] for name in fonts_drawing(data, "张三")} == {"WenQuanYiMicroHei-0"}
    assert all("WenQuanYi" not in name for name in fonts_drawing(data, "Zhang"))


def test_latin_text_uses_the_layouts_embedded_face(modern, full_doc):
    fonts = pdf_fonts(pdf_of(modern, full_doc))
    assert any("LiberationSans" in name for name in fonts), fonts


@pytest.mark.parametrize(
    ("page_size", "width_mm", "height_mm"), [("A4", 210, 297), ("Letter", 215.9, 279.4)]
)
def test_page_size_sets_the_mediabox(modern, full_doc, page_size, width_mm, height_mm):
    data = pdf_of(modern, full_doc, options=RenderOptions(page_size=page_size))
    box = PdfReader(io.BytesIO(data)).pages[0].mediabox
    assert float(box.width) == pytest.approx(width_mm * MM, abs=0.5)
    assert float(box.height) == pytest.approx(height_mm * MM, abs=0.5)


def test_margins_move_the_text(modern, full_doc):
    narrow = leftmost_x(pdf_of(modern, full_doc, options=RenderOptions(margin="narrow")))
    wide = leftmost_x(pdf_of(modern, full_doc, options=RenderOptions(margin="wide")))
    assert narrow == pytest.approx(12.7 * MM, abs=1.5)
    assert wide == pytest.approx(25.4 * MM, abs=1.5)


# --- HTML --------------------------------------------------------------------------------------


def test_each_layout_renders_standalone_html(layout, full_doc):
    html = html_of(layout, full_doc)
    parsed = parse_html(html)
    text = " ".join(parsed.text)
    assert html.startswith("<!DOCTYPE html>")
    assert "Amélie Dubois-Laurent" in text
    assert parsed.tags.count("h1") == 1
    assert parsed.tags.count("h2") == 9  # every section of the sample, custom one included
    assert "<link" not in html and "<script" not in html and 'src="http' not in html


def test_color_scheme_overrides_the_layout_accent(modern, full_doc):
    default = html_of(modern, full_doc)
    green = html_of(modern, full_doc, options=RenderOptions(color_scheme="green"))
    assert ".c-accent { color: #2e7d4f; }" in green
    assert "#2e7d4f" not in default


def test_photo_appears_only_when_included(modern, full_doc):
    uri = "data:image/png;base64,iVBORw0KGgo="
    assert f'src="{uri}"' in html_of(modern, full_doc, options=RenderOptions(photo_data_uri=uri))
    without = html_of(modern, full_doc, options=RenderOptions(include_photo=False, photo_data_uri=uri))
    assert uri not in without


# --- DOCX and TXT ------------------------------------------------------------------------------


def test_docx_uses_real_word_styles(modern, full_doc):
    data = render_docx(full_doc, css=modern.css_styles)
    document = docx_of(data)
    styles = [(p.style.name, p.text) for p in document.paragraphs]
    assert styles[0] == ("Title", "Amélie Dubois-Laurent")
    assert ("Heading 1", "Experience") in styles
    assert ("Heading 2", "Lead Backend Engineer — Société Générale\tMar 2021 – Present") in styles
    assert ("List Bullet", "Mentored six engineers; two promoted to senior within 18 months") in styles
    assert document.core_properties.author == "Amélie Dubois-Laurent"
    assert document.core_properties.title == "Amélie Dubois-Laurent – Senior Software Engineer"
    assert document.styles["Normal"].font.name == "Arial"
    assert document.core_properties.last_modified_by == "SmartCV"
    assert document.core_properties.created.year >= 2025


def test_docx_page_size_and_margins_follow_the_options(full_doc):
    data = render_docx(full_doc, options=RenderOptions(page_size="Letter", margin="wide"))
    section = docx_of(data).sections[0]
    assert section.page_width.mm == pytest.approx(215.9, abs=0.1)
    assert section.left_margin.mm == pytest.approx(25.4, abs=0.1)


def test_docx_carries_a_chinese_name(chinese_doc):
    assert "张三 Zhang San" in docx_text(render_docx(chinese_doc))


def test_txt_has_headings_bullets_and_wraps_at_90_columns(full_doc):
    text = render_txt(full_doc).decode()
    lines = text.splitlines()
    assert lines[0] == "AMÉLIE DUBOIS-LAURENT"
    assert "EXPERIENCE\n==========" in text
    assert "- Mentored six engineers; two promoted to senior within 18 months" in lines
    assert "Lead Backend Engineer — Société Générale (Mar 2021 – Present)" in lines
    assert max(len(line) for line in lines) <= 90
    assert "  spot instances" in lines  # a wrapped bullet continues under its text


# --- every format: hidden sections, escaping ---------------------------------------------------

HIDDEN = {"workExperience": False, "skills": False, "personalInfo": False}


def _all_formats(layout, doc, visibility=None) -> dict[str, str]:
    return {
        "pdf": pdf_text(pdf_of(layout, doc, visibility=visibility)),
        "html": html_of(layout, doc, visibility=visibility),
        "docx": docx_text(render_docx(doc, css=layout.css_styles, visibility=visibility)),
        "txt": render_txt(doc, visibility=visibility).decode(),
    }


def test_hidden_sections_are_absent_from_every_format(layout, full_doc):
    for fmt, text in _all_formats(layout, full_doc, HIDDEN).items():
        assert "Société Générale" not in text, fmt
        assert "Terraform" not in text, fmt
        assert "Dubois" not in text, fmt
        assert "amelie@example.com" not in text, fmt
        assert "INSA Lyon" in text, fmt  # a visible section still is there
        assert "Experience" not in text and "EXPERIENCE" not in text, fmt


def test_script_in_a_field_is_text_everywhere(modern):
    doc = ResumeDocument(
        personal={"name": "Eve <script>alert(1)</script>"},
        summary='Breaks "quotes" & <b>tags</b>',
    )
    html = html_of(modern, doc)
    assert "<script>alert(1)</script>" not in html
    assert "Eve &lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;b&gt;tags&lt;/b&gt;" in html
    assert "Eve <script>alert(1)</script>" in pdf_text(pdf_of(modern, doc))
    assert 'Breaks "quotes" & <b>tags</b>' in render_txt(doc).decode()


def test_a_broken_layout_is_a_render_error(full_doc):
    with pytest.raises(RenderError):
        render_html(full_doc, template_source="{% if %}", css="")
    with pytest.raises(RenderError):
        render_html(full_doc, template_source="{% include 'base.html' %}", css="")


def test_long_chinese_text_wraps_inside_the_page(modern):
    sentence = "拥有八年经验的后端工程师，专注于分布式系统、高并发服务与云原生架构设计。"
    doc = ResumeDocument(personal={"name": "张三"}, summary=sentence * 6)
    text = pdf_text(pdf_of(modern, doc))
    lines = [line for line in text.splitlines() if line and line[0] in sentence]
    # 174 mm of 10 pt text holds ~49 CJK characters; unwrapped it would be one 216-char line.
    assert len(lines) >= 4
    assert max(len(line) for line in lines) <= 52
    assert "".join(lines) == sentence * 6


def test_an_unbreakable_string_is_split_rather_than_run_off_the_page(modern):
    url = "https://example.com/" + "a" * 300
    doc = ResumeDocument(personal={"name": "Ann", "links": [{"label": "x", "url": url}]})
    text = pdf_text(pdf_of(modern, doc))
    assert "".join(text.split()).count("a" * 300) == 1
    assert max(len(line) for line in text.splitlines()) < 200


def pdf_links(data: bytes) -> set[str]:
    links = set()
    for page in PdfReader(io.BytesIO(data)).pages:
        for annot in page.get("/Annots") or []:
            action = annot.get_object().get("/A")
            if action and "/URI" in action:
                links.add(str(action["/URI"]))
    return links


def test_contacts_are_clickable_in_pdf_and_html(layout, full_doc):
    links = pdf_links(pdf_of(layout, full_doc))
    assert {
        "mailto:amelie@example.com",
        "https://www.linkedin.com/in/amelie",
        "https://github.com/amelie",
    } <= links
    assert '<a href="tel:+33612345678">+33 6 12 34 56 78</a>' in html_of(layout, full_doc)


def test_script_urls_never_become_links(modern):
    doc = ResumeDocument(personal={"name": "Eve", "website": "javascript:alert(1)"})
    html = html_of(modern, doc)
    assert 'href="javascript' not in html
    assert "javascript:alert(1)" in html  # still printed, as text
    assert not any(link.startswith("javascript") for link in pdf_links(pdf_of(modern, doc)))


def test_a_layout_cannot_make_the_pdf_renderer_fetch_or_read_anything(full_doc, receiver, tmp_path):
    from PIL import Image

    Image.new("RGB", (8, 8), "#ff0000").save(tmp_path / "local.png")
    template = (
        f'<h1>{{{{ person.name }}}}</h1><img src="{receiver.url("/pixel.png")}">'
        f'<img src="file://{tmp_path}/local.png"><img src="{tmp_path}/local.png">'
    )
    css = f'@import url("{receiver.url("/style.css")}");'
    data = render_pdf(full_doc, template_source=template, css=css)
    assert "Amélie Dubois-Laurent" in pdf_text(data)
    assert receiver.received == []  # no request left the renderer
    assert not PdfReader(io.BytesIO(data)).pages[0].images  # the local file was not read
