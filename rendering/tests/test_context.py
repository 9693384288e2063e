"""The pure parts: context building, visibility, dates, filenames, fonts."""

from __future__ import annotations

from rendering.context import (
    RenderOptions,
    apply_visibility,
    build_context,
    format_range,
    normalise_color_scheme,
    paragraphs,
    safe_href,
)
from rendering.fonts import available_families, font_face_css, resolve_family, word_family
from rendering.services import export_filename
from resumes.document import SECTIONS, ResumeDocument


def test_dates_read_as_on_a_cv():
    assert format_range("2021-03", "present") == "Mar 2021 – Present"
    assert format_range("2010", "2015") == "2010 – 2015"
    assert format_range("2020-01-15", "") == "Jan 2020"
    assert format_range("", "") == ""


def test_description_lines_become_paragraphs_without_list_markers():
    assert paragraphs("• Led the team\n\n- Shipped v2\n3. Hired four\nPlain line") == [
        "Led the team",
        "Shipped v2",
        "Hired four",
        "Plain line",
    ]


def test_a_section_shows_only_when_visible_and_filled(full_doc):
    ctx = build_context(full_doc, visibility={"projects": False})
    assert ctx["show"]["projects"] is False
    assert ctx["show"]["workExperience"] is True
    empty = build_context(ResumeDocument(personal={"name": "A"}))
    assert [s for s in SECTIONS if empty["show"][s]] == ["personalInfo"]


def test_photo_only_when_asked_for(full_doc):
    uri = "data:image/png;base64,AAAA"
    assert build_context(full_doc, options=RenderOptions(photo_data_uri=uri))["photo"] == uri
    no = RenderOptions(include_photo=False, photo_data_uri=uri)
    assert build_context(full_doc, options=no)["photo"] == ""


def test_control_characters_are_dropped_before_rendering():
    doc = ResumeDocument(personal={"name": "Ann\x00e\x07 Lee"})
    assert build_context(doc)["person"]["name"] == "Anne Lee"


def test_apply_visibility_empties_hidden_sections_only(full_doc):
    doc = apply_visibility(full_doc, {"personalInfo": False, "skills": False})
    assert doc.personal.name == ""
    assert doc.skills == []
    assert doc.work == full_doc.work
    assert full_doc.personal.name == "Amélie Dubois-Laurent"  # the original is untouched


def test_color_scheme_names_are_normalised():
    assert normalise_color_scheme("Blue") == "blue"
    assert normalise_color_scheme("grey") == "gray"
    assert normalise_color_scheme("neon") is None


def test_filename_joins_name_and_title_and_ends_in_resume():
    assert (
        export_filename(name="Zhang San", title="Software Engineer", extension="pdf")
        == "Zhang_San_Software_Engineer_Resume.pdf"
    )
    assert (
        export_filename(name="Zhang San", title="Software Engineer Resume", extension="pdf")
        == "Zhang_San_Software_Engineer_Resume.pdf"
    )


def test_filename_folds_latin_accents_and_keeps_other_scripts():
    assert (
        export_filename(name="Amélie Dubois-Laurent", title="Développeuse", extension="docx")
        == "Amelie_Dubois_Laurent_Developpeuse_Resume.docx"
    )
    assert export_filename(name="张三", title="工程师 CV", extension="txt") == "张三_工程师_CV.txt"
    assert export_filename(name="Jürgen Groß", title="", extension="pdf") == "Jurgen_Gross_Resume.pdf"


def test_filename_is_never_empty():
    assert export_filename(name="", title="", extension="pdf") == "Resume.pdf"
    assert export_filename(name="!!!", title="---", extension="html") == "Resume.html"


def test_requested_fonts_map_to_embedded_faces():
    assert resolve_family("Calibri") == "Carlito"
    assert resolve_family("Arial") == "Liberation Sans"
    assert resolve_family("Times New Roman") == "Liberation Serif"
    assert resolve_family("Comic Sans") == "Liberation Sans"
    assert word_family("Carlito") == "Calibri"
    assert word_family("Liberation Serif") == "Times New Roman"


def test_font_faces_are_declared_for_the_families_a_stylesheet_uses():
    assert {
        "Liberation Sans",
        "Liberation Serif",
        "Carlito",
        "DejaVu Sans",
        "WenQuanYi Micro Hei",
    } <= set(available_families())
    css = font_face_css('body { font-family: Calibri, "Liberation Serif"; }')
    assert 'font-family: "Calibri"; src: url("' in css
    assert "Carlito-Bold.ttf" in css
    assert "LiberationSerif-Italic.ttf" in css
    assert "wqy-microhei.ttc" in css
    assert "LiberationSans" not in css


def test_font_faces_skip_names_after_the_fallbacks_and_repeat_no_file():
    css = font_face_css(
        'body { font-family: "Liberation Sans", "DejaVu Sans", "WenQuanYi Micro Hei", Arial; }'
        " h1 { font-family: Calibri; }"
    )
    assert css.count("wqy-microhei.ttc") == 1
    assert css.count("LiberationSans-") == 4
    assert css.count("Carlito-") == 4
    assert css.count("@font-face") == 13
    assert 'font-family: "Arial"' not in css


def test_only_web_mail_and_phone_links_are_kept():
    assert safe_href("https://x.dev/a") == "https://x.dev/a"
    assert safe_href("amelie.dev") == "https://amelie.dev"
    assert safe_href("mailto:a@b.co") == "mailto:a@b.co"
    assert safe_href("tel:+3361") == "tel:+3361"
    assert safe_href("javascript:alert(1)") == ""
    assert safe_href("data:text/html,hi") == ""
    assert safe_href("//evil.example") == ""
