"""Name, e-mail, phone, location and links."""

from parsing.structure.contact import find_contact, normalise_phone, to_e164
from parsing.structure.sections import split_sections
from parsing.structure.text import to_lines


def _contact(text, language="en"):
    lines = to_lines(text)
    return find_contact(split_sections(lines), lines, language=language)


def test_header_contact_details():
    contact = _contact(
        "JOHN DOE\nSoftware Engineer\njohn.doe@example.com | +1 (415) 555-0142 | San Francisco, CA\n"
        "linkedin.com/in/johndoe — github.com/johndoe\n\nEXPERIENCE\nEngineer, Acme, 2019 - 2021"
    )
    assert contact.name == "John Doe"
    assert contact.email == "john.doe@example.com"
    assert contact.phone == "+1 415-555-0142"
    assert contact.location == "San Francisco, CA"
    assert contact.linkedin == "https://linkedin.com/in/johndoe"
    assert contact.github == "https://github.com/johndoe"


def test_phone_in_e164_and_national_formats():
    assert to_e164("+33 6 42 89 41 43") == "+33642894143"
    assert to_e164("06 42 89 41 43", region="FR") == "+33642894143"
    assert to_e164("(415) 555-0142", region="US") == "+14155550142"
    assert normalise_phone("0049 30 901820", region="DE") == "+49 30 901820"
    assert normalise_phone("030 901820", region="DE") == "+49 30 901820"


def test_ambiguous_or_fictional_numbers_stay_as_printed():
    assert normalise_phone("+00 (0)00 000 0000") == "+00 (0)00 000 0000"
    assert normalise_phone("(+86) 131-221-87xxx") == "(+86) 131-221-87xxx"
    assert normalise_phone("(123) 456-7890", region="US") == "(123) 456-7890"


def test_date_ranges_are_not_phone_numbers():
    contact = _contact("Jane Roe\njane@example.com\n\nEducation\n2010-2014 PhD, Awesome University")
    assert contact.phone == ""


def test_name_skips_a_location_line_and_honorifics():
    assert (
        _contact("Silicon Valley, CA, USA\nAlfred Pennyworth\na@example.com").name == "Alfred Pennyworth"
    )
    assert _contact("Dr. Max Mustermann\nmax@example.de").name == "Max Mustermann"


def test_masked_name_is_not_returned():
    assert _contact("****************\nJava developer\nphone**********").name == ""


def test_chinese_name_with_gender():
    assert _contact("# 简历\n- 胶布帝/男/1990\n- 本科/计算机", language="zh").name == "胶布帝"


def test_labelled_location_and_handles():
    contact = _contact("Ana García\nDirección: Madrid, España\nGitHub: @anag | LinkedIn: /in/ana-garcia")
    assert contact.location == "Madrid, España"
    assert contact.github == "https://github.com/anag"
    assert contact.linkedin == "https://linkedin.com/in/ana-garcia"
