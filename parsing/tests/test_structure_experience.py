"""Work history entries and years of experience from merged intervals."""

import datetime as dt

from parsing.structure.experience import WorkEntry, parse_experience, years_of_experience
from parsing.structure.text import to_lines


def _entries(text):
    return [
        (e.company, e.title, e.start_date, e.end_date, e.is_current)
        for e in parse_experience(to_lines(text))
    ]


def test_title_company_dates_on_one_line():
    text = (
        "Senior Software Engineer | TechCorp Inc. | Jan 2020 - Present\n"
        "- Built the payment API\n"
        "Software Engineer | StartupXYZ | 2015 – 2017\n"
        "- Wrote tests"
    )
    assert _entries(text) == [
        ("TechCorp Inc.", "Senior Software Engineer", "2020-01", "present", True),
        ("StartupXYZ", "Software Engineer", "2015", "2017", False),
    ]


def test_company_line_above_title_and_dates():
    text = "Dunamu Inc.\tSeoul, S.Korea\nDevOps Engineer\tSep. 2023 Mar. 2024\n• Led research"
    assert _entries(text) == [("Dunamu Inc.", "DevOps Engineer", "2023-09", "2024-03", False)]


def test_german_and_french_entries():
    assert _entries("03/2019 – heute\tSoftwareentwickler, Muster GmbH, Berlin") == [
        ("Muster GmbH", "Softwareentwickler", "2019-03", "present", True)
    ]
    assert _entries(
        "Déc. 2023— Développeur full-stack, Resilio, Paris\nAujourd’hui\tTravail sur l’API."
    ) == [("Resilio", "Développeur full-stack", "2023-12", "present", True)]


def test_chinese_entry():
    assert _entries("2018年9月 - 至今 黑科技公司 软件工程师")[0][2:] == ("2018-09", "present", True)


def test_description_collects_the_lines_under_an_entry():
    (entry,) = parse_experience(
        to_lines("Analyst, Acme Ltd, 2019 - 2020\n- Built reports\n- Automated ETL")
    )
    assert entry.description == "Built reports\nAutomated ETL"


def _work(start, end):
    return WorkEntry(
        company="x",
        title="y",
        start_date=start,
        end_date=end,
        is_current=end == "present",
        description="",
    )


def test_overlapping_intervals_are_counted_once():
    entries = [_work("2015-01", "2017-12"), _work("2016-06", "2018-12"), _work("2020-01", "2020-12")]
    assert years_of_experience(entries, today=dt.date(2024, 1, 1)) == 5.0


def test_present_counts_until_today():
    assert years_of_experience([_work("2022-01", "present")], today=dt.date(2024, 1, 15)) == 2.1


def test_bare_years_cover_whole_years_and_bad_dates_are_ignored():
    entries = [_work("2018", "2019"), _work("", "2020"), _work("2021", "2019")]
    assert years_of_experience(entries, today=dt.date(2024, 1, 1)) == 2.0


def test_months_printed_under_the_years_are_attached():
    text = "2004 – 2005\tTechnologies GmbH\tStadt\nAugust\tFebruar\nErstes Praxissemester\n"
    assert _entries(text) == [
        ("Technologies GmbH", "Erstes Praxissemester", "2004-08", "2005-02", False)
    ]


def test_since_means_ongoing():
    assert _entries("seit 2006\tFirma AG – Architekt")[0][1:] == ("Architekt", "2006", "present", True)
