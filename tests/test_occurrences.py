"""Which occurrence a period celebrates: one answer for validate, render and ``new campaign``.

School-year campaigns cross the new year, so a phase may salute a day that falls in the
calendar year after the campaign's ``year``, or just outside the phase: the three
commands must agree on the ordinal, because all three ask :func:`celebrated`.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from tests.conftest import MakeRegistry
from thidua_cli.authoring.new_campaign import next_year
from thidua_cli.models import Anniversary
from thidua_cli.occurrences import Occurrence, celebrated
from thidua_cli.render.view import document_view
from thidua_cli.validation import validate

UNION_DAY = Anniversary(id="cong-doan-viet-nam", name="Ngày thành lập Công đoàn Việt Nam",
                        date=date(1929, 7, 28))
PARTY_DAY = Anniversary(id="thanh-lap-dang", name="Ngày thành lập Đảng Cộng sản Việt Nam",
                        date=date(1930, 2, 3))


def test_the_occurrence_inside_the_period_first() -> None:
    assert celebrated(UNION_DAY, date(2020, 7, 1), date(2020, 12, 31)) == Occurrence(date(2020, 7, 28), 91)


def test_a_phase_after_new_year_celebrates_the_day_its_school_year_holds() -> None:
    # The case: nam-hoc 2020, phase 04/02–31/5/2021 saluting 28/7 — 92 years
    # (28/7/2021), not 91 (28/7/2020, before the school year began).
    school_year = (date(2020, 9, 1), date(2021, 8, 31))
    assert celebrated(UNION_DAY, date(2021, 2, 4), date(2021, 5, 31), school_year) == Occurrence(
        date(2021, 7, 28), 92)
    # Outside the campaign too (a school year ending 31/5): the nearer one, after the phase.
    assert celebrated(UNION_DAY, date(2021, 2, 4), date(2021, 5, 31),
                      (date(2020, 9, 1), date(2021, 5, 31))) == Occurrence(date(2021, 7, 28), 92)


def test_a_phase_before_new_year_celebrates_the_day_inside_its_campaign() -> None:
    # Phase 01/9–31/12/2020 saluting 3/2: the campaign holds 3/2/2021 (91), not 3/2/2020.
    assert celebrated(PARTY_DAY, date(2020, 9, 1), date(2020, 12, 31),
                      (date(2020, 9, 1), date(2021, 5, 31))) == Occurrence(date(2021, 2, 3), 91)


def test_nearest_day_outside_campaign_and_phase() -> None:
    # 28/7/2020 is 35 days before the phase, 28/7/2021 far after: the earlier one.
    assert celebrated(UNION_DAY, date(2020, 9, 1), date(2021, 1, 31),
                      (date(2020, 9, 1), date(2021, 5, 31))) == Occurrence(date(2020, 7, 28), 91)
    # An equal distance either side: the later one (a phase leads up to the day it salutes).
    assert celebrated(UNION_DAY, date(2021, 1, 27), date(2021, 1, 27)) == Occurrence(date(2021, 7, 28), 92)


def test_never_near_the_period() -> None:
    founded_later = Anniversary(id="a", name="Ngày thành lập", date=date(2030, 1, 1))
    assert celebrated(founded_later, date(2020, 1, 1), date(2020, 12, 31)) is None


# Phases of a school year that cross the new year, and what each salutes.
PHASES = (
    ((9, 1, 0), (1, 31, 1), ("thanh-lap-dang", "cong-doan-viet-nam", "quoc-te-lao-dong")),
    ((2, 4, 1), (5, 31, 1), ("cong-doan-viet-nam", "thanh-lap-dang", "quoc-te-lao-dong")),
)


def school_year_campaign(year: int, ordinals: dict[tuple[int, str], int]) -> str:
    lines = [f"id: ba-dinh-{year}", "issuer: ldld-ba-dinh", f"year: {year}", "kind: nam-hoc",
             f"title: Phát động phong trào thi đua năm học {year} - {year + 1}",
             f"start: {year}-09-01", f"end: {year + 1}-05-31", "phases:"]
    for number, ((m1, d1, y1), (m2, d2, y2), saluted) in enumerate(PHASES, 1):
        lines += [f"  - number: {number}", f"    start: {year + y1}-{m1:02}-{d1:02}",
                  f"    end: {year + y2}-{m2:02}-{d2:02}", "    celebrates:"]
        lines += [f"      {key}: {ordinals[number, key]}" for key in saluted]
    return "\n".join(lines) + "\n"


def expected_ordinals(year: int, anniversaries: dict[str, Anniversary]) -> dict[tuple[int, str], int]:
    campaign = (date(year, 9, 1), date(year + 1, 5, 31))
    expected = {}
    for number, ((m1, d1, y1), (m2, d2, y2), saluted) in enumerate(PHASES, 1):
        for key in saluted:
            occurrence = celebrated(anniversaries[key], date(year + y1, m1, d1),
                                    date(year + y2, m2, d2), campaign)
            assert occurrence is not None and occurrence.ordinal is not None
            expected[number, key] = occurrence.ordinal
    return expected


def stated_ordinals(root: Path, campaign_id: str) -> dict[tuple[int, str], int | None]:
    registry = validate(root).registry
    campaign = next(e.model for e in registry.campaigns if e.model.id == campaign_id)
    return {(phase.number, key): value for phase in campaign.phases
            for key, value in phase.celebrates.items()}


@pytest.mark.parametrize("year", [2019, 2020, 2021, 2023, 2024])
def test_validate_render_and_new_campaign_agree_on_school_years(make_registry: MakeRegistry,
                                                                 year: int) -> None:
    root = make_registry({})
    registry = validate(root).registry
    anniversaries = {e.model.id: e.model for e in registry.anniversaries}
    right = expected_ordinals(year, anniversaries)
    assert right[2, "cong-doan-viet-nam"] == year + 1 - 1929  # 92 for the school year 2020

    # validate: the computed ordinals pass; each one off by one is named with the right one.
    path = root / "campaigns" / f"ba-dinh-{year}.yaml"
    path.parent.mkdir(exist_ok=True)
    path.write_text(school_year_campaign(year, {k: v + 1 for k, v in right.items()}), encoding="utf-8")
    said = sorted(p.text("en").rsplit("write ", 1)[1] for p in validate(root).problems
                  if p.rule == "anniversary-ordinal")
    assert said == sorted(str(v) for v in right.values())
    path.write_text(school_year_campaign(year, right), encoding="utf-8")
    result = validate(root)
    assert [p.rule for p in result.problems if p.rule == "anniversary-ordinal"] == []

    # render: the plan prints the same numbers.
    campaign = next(e.model for e in result.registry.campaigns if e.model.id == f"ba-dinh-{year}")
    view = document_view(result.registry, campaign)
    printed = {(phase.number, c.id): c.ordinal for phase in view.phases for c in phase.celebrates}
    assert printed == right

    # new campaign: next school year's numbers, computed for the moved phases.
    moved = next_year(path.read_text(encoding="utf-8"), year + 1, None, anniversaries)
    path.unlink()
    (root / "campaigns" / f"{moved.new_id}.yaml").write_text(moved.text, encoding="utf-8")
    assert stated_ordinals(root, moved.new_id) == expected_ordinals(year + 1, anniversaries)
    assert [p.rule for p in validate(root).problems if p.rule == "anniversary-ordinal"] == []
