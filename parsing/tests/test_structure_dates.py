"""Date ranges as CVs print them, in the five CV languages."""

import pytest

from parsing.structure.dates import find_ranges


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("Jan 2020 - Present", "2020-01", "present"),
        ("03/2019 – heute", "2019-03", "present"),
        ("2018年9月 - 至今", "2018-09", "present"),
        ("2015 – 2017", "2015", "2017"),
        ("Déc. 2023 — Aujourd’hui", "2023-12", "present"),
        ("septembre 2019 à actuel", "2019-09", "present"),
        ("Mayo 2015 - Actualidad", "2015-05", "present"),
        ("enero de 2014 - ahora", "2014-01", "present"),
        ("Oct. 2021 – Current", "2021-10", "present"),
        ("2012.09 ~ 2014.09", "2012-09", "2014-09"),
        ("2021-03 to 2022-11", "2021-03", "2022-11"),
        ("seit März 2019", "2019-03", "present"),
        ("Sep. 2023 Mar. 2024", "2023-09", "2024-03"),
        ("2016年3月 - 2017年6月", "2016-03", "2017-06"),
    ],
)
def test_ranges_are_normalised(text, start, end):
    (found,) = find_ranges(text)
    assert (found.start, found.end) == (start, end)


def test_present_ranges_are_current():
    assert find_ranges("2019 - now")[0].is_current is True
    assert find_ranges("2019 - 2020")[0].is_current is False


def test_a_backwards_pair_of_years_is_not_a_range():
    assert find_ranges("Team of 2019 2012 people") == []


def test_text_without_years_has_no_ranges():
    assert find_ranges("Senior Software Engineer, Acme") == []
