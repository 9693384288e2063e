"""Extraction per format, through the public (isolated) extract()."""

import codecs

import pytest

from parsing.extract import ExtractionError, extract
from parsing.extract.textnorm import clean_line, clean_text, looks_garbled
from parsing.tests.data import extract_samples as samples


def _lines(text):
    return [line for line in text.split("\n") if line.strip()]


def test_text_pdf_keeps_one_visual_line_per_line_and_blank_lines_between_blocks():
    result = extract(samples.one_column_pdf(), filename="cv.pdf")
    assert (result.kind, result.method, result.pages) == ("pdf", "pdfium", 1)
    assert result.text == (
        "Maria Lopez\n"
        "maria.lopez@example.com | +34 612 345 678\n"
        "\n"
        "EXPERIENCE\n"
        "Data Engineer, Acme Analytics\n"
        "2019 - 2023\n"
        "\n"
        "EDUCATION\n"
        "MSc Computer Science, University of Granada"
    )


def test_two_column_pdf_reads_header_then_sidebar_then_main_column():
    lines = _lines(extract(samples.two_column_pdf()).text)
    assert lines[0] == "Sam Okafor"
    assert lines[1].split("\t") == ["sam@example.org", "+44 20 7946 0000", "London"]
    assert lines[2:10] == [
        "SKILLS",
        "Python",
        "Kubernetes",
        "PostgreSQL",
        "Terraform",
        "LANGUAGES",
        "English (native)",
        "French (B2)",
    ]
    assert lines[10:] == [
        "EXPERIENCE",
        "Platform Engineer, Northwind Ltd",
        "March 2020 - Present",
        "Runs the deployment platform for forty services.",
        "Backend Developer, Contoso plc",
        "June 2016 - February 2020",
        "Built the billing API and its reporting jobs.",
        "EDUCATION",
        "BSc Physics, University of Leeds, 2016",
    ]


def test_date_column_stays_on_the_row_of_its_entry():
    lines = _lines(extract(samples.date_column_pdf()).text)
    assert lines[:4] == [
        "2021 - 2024\tSite Reliability Engineer, Fabrikam",
        "Details of the role and its main achievements.",
        "2018 - 2021\tSystems Administrator, Tailspin Toys",
        "Details of the role and its main achievements.",
    ]


def test_owner_only_encrypted_pdf_opens_with_the_empty_password():
    result = extract(samples.encrypted_pdf(user_password="", owner_password="owner-secret"))
    assert _lines(result.text)[0] == "Maria Lopez"


def test_docx_reads_header_body_bullets_table_rows_and_footer_once():
    result = extract(samples.sample_docx(), filename="cv.docx")
    assert (result.kind, result.method) == ("docx", "docx2python")
    assert _lines(result.text) == [
        "Curriculum Vitae - Jane Roe",
        "Jane Roe",
        "Experience",
        "• Led the migration to PostgreSQL",
        "• Mentored two junior engineers",
        "2020 - 2024\tSenior Analyst, Globex",
        "2016 - 2020\tAnalyst, Initech",
        "Skills: SQL, Python, Tableau",
        "jane.roe@example.com",
    ]


def test_rtf_decodes_code_page_and_unicode_escapes():
    result = extract(samples.rtf_sample(), filename="cv.rtf")
    assert (result.kind, result.method) == ("rtf", "rtf")
    assert _lines(result.text) == ["José García", "Salary expectation: 50€ per hour", "Price € and café"]


@pytest.mark.parametrize(
    ("data", "first_line"),
    [
        (codecs.BOM_UTF16_LE + "Zoë Müller\r\nIngenieurin\r\n".encode("utf-16-le"), "Zoë Müller"),
        ("José Núñez – Ingeniero\r\nMadrid\r\n".encode("cp1252"), "José Núñez – Ingeniero"),
        ("张伟\n软件工程师\n教育背景\n上海交通大学\n".encode("gb18030"), "张伟"),
    ],
    ids=["utf16-bom", "cp1252", "gb18030"],
)
def test_txt_is_decoded_and_newlines_normalised(data, first_line):
    result = extract(data, filename="cv.txt")
    assert result.kind == "txt"
    assert result.text.split("\n")[0] == first_line
    assert "\r" not in result.text


def test_chinese_text_gets_a_zh_language_hint():
    result = extract("张伟\n软件工程师\n教育背景\n上海交通大学\n".encode("gb18030"))
    assert result.language_hint == "zh"


def test_png_scan_is_read_by_ocr():
    result = extract(samples.text_image(["Olivia Chen", "Senior Accountant", "olivia.chen@example.com"]))
    assert (result.kind, result.method) == ("png", "ocr")
    assert _lines(result.text) == ["Olivia Chen", "Senior Accountant", "olivia.chen@example.com"]


def test_scanned_pdf_without_text_layer_is_read_by_ocr():
    result = extract(samples.scanned_pdf(["Kenji Watanabe", "Mechanical Engineer"]))
    assert (result.kind, result.method, result.pages) == ("pdf", "ocr", 1)
    assert _lines(result.text) == ["Kenji Watanabe", "Mechanical Engineer"]


def test_image_without_any_text_is_no_text_never_invented():
    with pytest.raises(ExtractionError) as err:
        extract(samples.blank_image())
    assert err.value.code == "no_text"


def test_icon_font_glyphs_are_removed_and_symbol_bullets_become_bullets():
    assert clean_line("\uf0e0 jane@example.com \uf095 +1 555 0100") == "jane@example.com +1 555 0100"
    assert clean_line("\uf0b7\tManaged a team of five") == "• Managed a team of five"
    assert clean_line("▪ Budgeting") == "• Budgeting"


def test_ligatures_are_folded():
    assert clean_line("Certiﬁcations and proﬁles, ﬂuent") == "Certifications and profiles, fluent"


def test_letter_spaced_capitals_are_joined():
    assert clean_line("J O H N   D O E") == "JOHN DOE"
    assert clean_line("A B C") == "ABC"
    assert clean_line("I am a developer") == "I am a developer"


def test_line_end_hyphenation_is_kept():
    assert clean_text("Develop-\nment of tools") == "Develop-\nment of tools"


def test_glyph_soup_from_fonts_without_unicode_map_is_detected():
    soup = "\u0b46֥ն\u0b00 ഈࢌݚ๙ն࿐ ༆ν\u05c8ሰ॓\u082fն࿐ ٳ҃ൔ॓࿐ഈຩረ൝ ྩگਔ৵ࢤໃᆞӈܱо֝ᇁ ൌགྷਔ"
    assert looks_garbled(soup) is True
    assert looks_garbled("上海交通大学 Software Engineer Zoë Müller Москва Αθήνα") is False


def test_letter_spaced_pdf_heading_reads_as_words():
    from io import BytesIO

    from reportlab.pdfgen import canvas

    buf = BytesIO()
    c = canvas.Canvas(buf)
    heading = c.beginText(72, 760)
    heading.setFont("Helvetica", 18)
    heading.setCharSpace(8)
    heading.textLine("JOHN DOE")
    c.drawText(heading)
    body = c.beginText(72, 730)
    body.setFont("Helvetica", 10)
    body.setCharSpace(0)
    body.textLine("Acme Corp")
    c.drawText(body)
    dates = c.beginText(400, 730)
    dates.setFont("Helvetica", 10)
    dates.textLine("2019 - 2021")
    c.drawText(dates)
    c.showPage()
    c.save()
    assert extract(buf.getvalue()).text == "JOHN DOE\nAcme Corp\t2019 - 2021"


def test_running_footer_on_every_page_is_kept_once():
    pages = [
        [
            (72, 72, f"Section {n}", 12),
            (72, 800, "Jane Roe - jane@example.com - +1 555 0100", 9),
            (500, 800, f"{n}/3", 9),
        ]
        for n in (1, 2, 3)
    ]
    text = extract(samples.pdf_from_lines(pages)).text
    assert text.count("jane@example.com") == 1
    assert _lines(text) == [
        "Section 1",
        "Jane Roe - jane@example.com - +1 555 0100\t1/3",
        "Section 2",
        "Section 3",
    ]


def test_dingbat_glyph_starting_a_line_is_a_bullet_and_elsewhere_a_dropped_separator():
    from io import BytesIO

    from reportlab.pdfgen import canvas

    buf = BytesIO()
    c = canvas.Canvas(buf)
    for y, prefix, text in [(760, "l", "Managed budgets"), (744, "l", "Hired a team of five")]:
        c.setFont("ZapfDingbats", 10)
        c.drawString(72, y, prefix)
        c.setFont("Helvetica", 10)
        c.drawString(84, y, text)
    c.setFont("Helvetica", 10)
    c.drawString(72, 720, "Phone")
    c.setFont("ZapfDingbats", 10)
    c.drawString(104, 720, "%")
    c.setFont("Helvetica", 10)
    c.drawString(114, 720, "+1 555 0100")
    c.showPage()
    c.save()
    assert _lines(extract(buf.getvalue()).text) == [
        "• Managed budgets",
        "• Hired a team of five",
        "Phone\t+1 555 0100",
    ]


def test_scanned_page_with_a_few_typed_words_is_ocrd_too():
    from io import BytesIO

    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    png = samples.text_image(["Amelia Torres", "Quality Engineer"])
    buf = BytesIO()
    c = canvas.Canvas(buf, pagesize=(samples.WIDTH, samples.HEIGHT))
    c.drawImage(ImageReader(BytesIO(png)), 0, 0, width=samples.WIDTH, height=samples.HEIGHT)
    c.setFont("Helvetica", 8)
    c.drawString(20, 20, "Scanned 2024")
    c.showPage()
    c.save()
    result = extract(buf.getvalue())
    assert result.method == "ocr"  # the page's text now comes from OCR (it read more)
    assert _lines(result.text)[:2] == ["Amelia Torres", "Quality Engineer"]
