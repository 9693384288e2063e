"""Builders for the small documents the extraction tests feed in.

Generated at test time (reportlab, python-docx, Pillow, pypdf) rather than stored, so every
test shows exactly what its input holds; nothing here comes from the shared corpus.
"""

from __future__ import annotations

import io
import zipfile

import pypdfium2 as pdfium
from docx import Document
from pypdf import PdfWriter
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen import canvas

WIDTH, HEIGHT = A4


def pdf_from_lines(pages: list[list[tuple[float, float, str, float]]]) -> bytes:
    """A text PDF; each page is a list of (x, y-from-top, text, font size)."""
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    for page in pages:
        for x, y, text, size in page:
            c.setFont("Helvetica", size)
            c.drawString(x, HEIGHT - y, text)
        c.showPage()
    c.save()
    return buf.getvalue()


def one_column_pdf() -> bytes:
    return pdf_from_lines(
        [
            [
                (72, 72, "Maria Lopez", 20),
                (72, 96, "maria.lopez@example.com | +34 612 345 678", 10),
                (72, 140, "EXPERIENCE", 13),
                (72, 160, "Data Engineer, Acme Analytics", 10),
                (72, 174, "2019 - 2023", 10),
                (72, 218, "EDUCATION", 13),
                (72, 238, "MSc Computer Science, University of Granada", 10),
            ]
        ]
    )


def two_column_pdf() -> bytes:
    """A sidebar CV: name across the top, a left sidebar and a main column whose lines do not
    share baselines, drawn sidebar-heading-first like Chromium CV builders do."""
    header = [(200, 60, "Sam Okafor", 22), (60, 90, "sam@example.org    +44 20 7946 0000    London", 10)]
    left_x, right_x = 40, 230
    sidebar = [(left_x, 130, "SKILLS", 13)] + [
        (left_x, 150 + 17 * i, s, 10)
        for i, s in enumerate(["Python", "Kubernetes", "PostgreSQL", "Terraform"])
    ]
    sidebar += [
        (left_x, 240, "LANGUAGES", 13),
        (left_x, 260, "English (native)", 10),
        (left_x, 277, "French (B2)", 10),
    ]
    main = [(right_x, 130, "EXPERIENCE", 13)] + [
        (right_x, 152 + 13 * i, s, 9)
        for i, s in enumerate(
            [
                "Platform Engineer, Northwind Ltd",
                "March 2020 - Present",
                "Runs the deployment platform for forty services.",
                "Backend Developer, Contoso plc",
                "June 2016 - February 2020",
                "Built the billing API and its reporting jobs.",
            ]
        )
    ]
    main += [
        (right_x, 260, "EDUCATION", 13),
        (right_x, 282, "BSc Physics, University of Leeds, 2016", 9),
    ]
    # Headings first, then bodies: drawing order must not decide reading order.
    headings = [sidebar[0], main[0], sidebar[5], main[7]]
    ordered = [*header, *headings, *sidebar[1:5], *sidebar[6:], *main[1:7], *main[8:]]
    return pdf_from_lines([ordered])


def date_column_pdf() -> bytes:
    """moderncv-style: right-aligned dates in a narrow left column beside each entry."""
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    c.setFont("Helvetica", 10)
    rows = [
        ("2021 - 2024", "Site Reliability Engineer, Fabrikam"),
        ("2018 - 2021", "Systems Administrator, Tailspin Toys"),
        ("2015 - 2018", "IT Technician, Wingtip"),
        ("2011 - 2015", "BSc Computing, Open University"),
        ("2009 - 2011", "A levels, Leeds College"),
    ]
    for i, (date, what) in enumerate(rows):
        y = HEIGHT - 100 - 40 * i
        c.drawRightString(140, y, date)
        c.drawString(160, y, what)
        c.drawString(160, y - 13, "Details of the role and its main achievements.")
    c.showPage()
    c.save()
    return buf.getvalue()


def blank_pdf(pages: int) -> bytes:
    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=200, height=200)
    buf = io.BytesIO()
    writer.write(buf)
    return buf.getvalue()


def text_pages_pdf(pages: int) -> bytes:
    return pdf_from_lines(
        [[(72, 72, f"Page number {i + 1} of the long document", 12)] for i in range(pages)]
    )


def encrypted_pdf(*, user_password: str, owner_password: str) -> bytes:
    from pypdf import PdfReader

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(one_column_pdf())))
    writer.encrypt(user_password=user_password, owner_password=owner_password, algorithm="AES-128")
    buf = io.BytesIO()
    writer.write(buf)
    return buf.getvalue()


def text_image(lines: list[str], *, fmt: str = "PNG") -> bytes:
    """A 'scan': the text rendered by reportlab and rasterised at 200 dpi, as PNG/JPEG/TIFF."""
    pdf = pdf_from_lines([[(72, 100 + 40 * i, line, 20) for i, line in enumerate(lines)]])
    image = pdfium.PdfDocument(pdf)[0].render(scale=200 / 72, grayscale=True).to_pil()
    buf = io.BytesIO()
    image.save(buf, format=fmt)
    return buf.getvalue()


def blank_image() -> bytes:
    from PIL import Image

    buf = io.BytesIO()
    Image.new("L", (1200, 1600), color=255).save(buf, format="PNG")
    return buf.getvalue()


def scanned_pdf(lines: list[str]) -> bytes:
    png = text_image(lines)
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    c.drawImage(ImageReader(io.BytesIO(png)), 0, 0, width=WIDTH, height=HEIGHT)
    c.showPage()
    c.save()
    return buf.getvalue()


def sample_docx() -> bytes:
    doc = Document()
    doc.sections[0].header.paragraphs[0].text = "Curriculum Vitae - Jane Roe"
    doc.sections[0].footer.paragraphs[0].text = "jane.roe@example.com"
    doc.add_paragraph("Jane Roe")
    doc.add_paragraph("Experience")
    doc.add_paragraph("Led the migration to PostgreSQL", style="List Bullet")
    doc.add_paragraph("Mentored two junior engineers", style="List Bullet")
    table = doc.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "2020 - 2024"
    table.cell(0, 1).text = "Senior Analyst, Globex"
    table.cell(1, 0).text = "2016 - 2020"
    table.cell(1, 1).text = "Analyst, Initech"
    doc.add_paragraph("Skills: SQL, Python, Tableau")
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def _rezip(docx: bytes, extra: dict[str, bytes], replace: dict[str, bytes] | None = None) -> bytes:
    replace = replace or {}
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(docx)) as src,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst,
    ):
        for info in src.infolist():
            dst.writestr(info.filename, replace.get(info.filename, src.read(info.filename)))
        for name, data in extra.items():
            dst.writestr(name, data)
    return out.getvalue()


def docx_zip_bomb() -> bytes:
    """A valid DOCX carrying a 300 MB member of zeros (~300 KB compressed)."""
    return _rezip(sample_docx(), {"word/media/bomb.xml": b"\0" * (300 * 1024 * 1024)})


def docx_ratio_bomb() -> bytes:
    """Below the absolute size caps but compressed ~1000:1."""
    return _rezip(sample_docx(), {"word/media/pad.bin": b"\0" * (20 * 1024 * 1024)})


def docx_billion_laughs() -> bytes:
    entities = '<!ENTITY lol0 "lol">' + "".join(
        f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10}">' for i in range(1, 10)
    )
    xml = (
        f'<?xml version="1.0"?>\n<!DOCTYPE lolz [{entities}]>\n'
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        "<w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>"
    )
    return _rezip(sample_docx(), {}, replace={"word/document.xml": xml.encode()})


def xlsx_like_zip() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("xl/workbook.xml", "<workbook/>")
    return out.getvalue()


def rtf_sample() -> bytes:
    return (
        b"{\\rtf1\\ansi\\ansicpg1252\\deff0{\\fonttbl{\\f0 Arial;}}\n"
        b"\\pard Jos\\'e9 Garc\\'eda\\par\n"
        b"\\pard Salary expectation: 50\\'80 per hour\\par\n"
        b"\\pard Price \\u8364? and caf\\u233?\\par\n}"
    )
