"""campaign-period."""

from __future__ import annotations

import pytest

from tests.conftest import campaign, found
from thidua_cli.problems import Severity
from thidua_cli.validation import validate

F = "data/campaigns/c.yaml"


def test_end_before_start_is_an_error(make_registry):
    text = campaign(**{"end: 2020-12-31\nphases": "end: 2019-12-31\nphases"})
    root = make_registry({"campaigns/c.yaml": text})
    assert ("campaign-period", F, 7, 6) in found(root)


def test_yearly_campaign_spilling_out_of_its_year_is_a_warning(make_registry):
    text = campaign(**{"end: 2020-12-31\nphases": "end: 2021-01-31\nphases",
                       "    end: 2020-12-31\n": "    end: 2021-01-31\n"})
    root = make_registry({"campaigns/c.yaml": text})
    problems = [p for p in validate(root).problems if p.rule == "campaign-period"]
    assert [(p.line, p.column, p.severity) for p in problems] == [(7, 6, Severity.WARNING)]


@pytest.mark.parametrize("kind, year", [("nam", "2021"), ("cao-diem", "2019"), ("chuyen-de", "202"),
                                        ("giao-uoc", "2021")])
def test_a_year_the_period_does_not_touch_is_an_error(make_registry, kind, year):
    text = campaign(**{"kind: nam": f"kind: {kind}", "year: 2020": f"year: {year}"})
    root = make_registry({"campaigns/c.yaml": text})
    problems = [p for p in validate(root).problems if p.rule == "campaign-period"]
    assert [(p.line, p.column, p.severity, p.text("en")) for p in problems] == [
        (3, 7, Severity.ERROR, f"year {year} does not agree with the campaign's period "
                               "(2020-01-01 – 2020-12-31); write 2020 or fix the dates")]


@pytest.mark.parametrize("year", ["2019", "2020"])
def test_peak_drive_may_cross_years(make_registry, year):
    text = campaign(**{"kind: nam": "kind: cao-diem", "year: 2020": f"year: {year}",
                       "start: 2020-01-01\nend": "start: 2019-12-01\nend",
                       "  - number: 1\n    start: 2020-01-01": "  - number: 1\n    start: 2019-12-01"})
    assert found(make_registry({"campaigns/c.yaml": text}), "campaign-period") == []


def test_school_year_goes_by_the_year_it_starts(make_registry):
    text = campaign(**{"kind: nam": "kind: nam-hoc", "year: 2020": "year: 2021",
                       "start: 2020-01-01\nend: 2020-12-31": "start: 2020-09-05\nend: 2021-05-31",
                       "  - number: 1\n    start: 2020-01-01": "  - number: 1\n    start: 2020-09-05",
                       "    end: 2020-12-31\n": "    end: 2021-05-31\n"})
    root = make_registry({"campaigns/c.yaml": text})
    problems = [p for p in validate(root).problems if p.rule == "campaign-period"]
    assert [(p.line, p.column, p.text("en")) for p in problems] == [
        (3, 7, "the school year starts in 2020 (2020-09-05 – 2021-05-31) but year is 2021; a "
               "school-year campaign's year is the year it starts: write 2020 or fix the dates")]
