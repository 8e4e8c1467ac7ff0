"""campaign-period."""

from __future__ import annotations

from thidua_cli.problems import Severity
from thidua_cli.validation import validate
from tests.conftest import campaign, found

F = "data/campaigns/c.yaml"


def test_end_before_start_is_an_error(make_registry):
    text = campaign(**{"end: 2020-12-31\nphases": "end: 2019-12-31\nphases"})
    root = make_registry({"campaigns/c.yaml": text})
    assert ("campaign-period", F, 7, 6) in found(root)


def test_yearly_campaign_outside_its_year_is_a_warning(make_registry):
    root = make_registry({"campaigns/c.yaml": campaign(**{"year: 2020": "year: 2021"})})
    problems = [p for p in validate(root).problems if p.rule == "campaign-period"]
    assert [(p.line, p.column, p.severity) for p in problems] == [(6, 8, Severity.WARNING)]


def test_peak_drive_may_cross_years(make_registry):
    text = campaign(**{"kind: nam": "kind: cao-diem", "year: 2020": "year: 2019"})
    assert found(make_registry({"campaigns/c.yaml": text}), "campaign-period") == []
