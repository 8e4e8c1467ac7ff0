"""What the year at a glance shows, before any drawing."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from tests.conftest import MakeRegistry, campaign
from thidua_cli.registry.data import Registry
from thidua_cli.registry.index import RegistryIndex
from thidua_cli.registry.loader import load
from thidua_cli.site import glance
from thidua_cli.site.tree import UnitTree

UNITS = """\
units:
  - id: tong-ldld
    name: Tổng Liên đoàn Lao động Việt Nam
    level: tong-lien-doan
  - id: ldld-ha-noi
    name: Liên đoàn Lao động thành phố Hà Nội
    level: tinh
    parent: tong-ldld
  - id: ldld-ba-dinh
    name: Liên đoàn Lao động quận Ba Đình
    short: LĐLĐ quận Ba Đình
    level: tren-co-so
    parent: ldld-ha-noi
    anniversaries:
      - id: thanh-lap-ba-dinh
        name: Ngày thành lập quận Ba Đình
        date: 1945-03-01
  - id: cdcs-a
    name: Công đoàn trường A
    level: co-so
    parent: ldld-ba-dinh
  - id: cdcs-b
    name: Công đoàn trường B
    level: co-so
    parent: ldld-ba-dinh
"""


def _registry(make_registry: MakeRegistry) -> tuple[Registry, UnitTree]:
    files = {"units/units.yaml": UNITS, "campaigns/ba-dinh-2020.yaml": campaign()}
    for unit in ("cdcs-a", "cdcs-b"):
        files[f"campaigns/{unit}-2020.yaml"] = campaign(**{
            "id: ba-dinh-2020": f"id: {unit}-2020", "issuer: ldld-ba-dinh": f"issuer: {unit}"})
    root: Path = make_registry(files)
    registry, problems = load(root)
    assert problems == []
    return registry, UnitTree.of(RegistryIndex.of(registry))


def test_phases_become_bars_with_their_own_dates(make_registry: MakeRegistry) -> None:
    registry, tree = _registry(make_registry)
    g = glance.glance(tree, [e.model for e in registry.campaigns], date(2020, 1, 1),
                      date(2020, 12, 31), [], None)
    row = g.rows[0]
    assert (row.campaign, row.issuer_name, row.depth, row.kind_label) == (
        "ba-dinh-2020", "LĐLĐ quận Ba Đình", 0, "Phong trào thi đua năm")
    assert [(b.number, b.start, b.end, b.label) for b in row.bars] == [
        (1, date(2020, 1, 1), date(2020, 6, 30), "Đợt 1"),
        (2, date(2020, 7, 1), date(2020, 12, 31), "Đợt 2")]
    assert [(r.campaign, r.depth) for r in g.rows] == [
        ("ba-dinh-2020", 0), ("cdcs-a-2020", 1), ("cdcs-b-2020", 1)]


def test_levels_are_drawn_from_the_top_while_they_fit(make_registry: MakeRegistry) -> None:
    registry, tree = _registry(make_registry)
    campaigns = [e.model for e in registry.campaigns]
    assert [c.id for c in glance.pick(campaigns, tree, limit=3)] == [
        "ba-dinh-2020", "cdcs-a-2020", "cdcs-b-2020"]
    assert [c.id for c in glance.pick(campaigns, tree, limit=2)] == ["ba-dinh-2020"]
    g = glance.glance(tree, campaigns, date(2020, 1, 1), date(2020, 12, 31), [], None, limit=2)
    assert (len(g.rows), g.hidden) == (1, 2)


def test_a_campaign_without_phases_is_one_bar_and_a_school_year_is_cut(make_registry: MakeRegistry) -> None:
    registry, _ = _registry(make_registry)
    base = registry.campaigns[0].model
    drive = base.model_copy(update={"phases": [], "kind": "cao-diem", "start": date(2020, 4, 1),
                                    "end": date(2020, 6, 30)})
    assert [(b.number, b.label, b.cut_end) for b in glance.bars(drive, date(2020, 1, 1), date(2020, 12, 31))] == [
        (None, "Cả đợt", False)]
    school = base.model_copy(update={"phases": [], "kind": "nam-hoc", "start": date(2020, 9, 5),
                                     "end": date(2021, 5, 31)})
    assert [(b.label, b.start, b.end, b.cut_end) for b in glance.bars(school, date(2020, 1, 1), date(2020, 12, 31))] == [
        ("Cả năm học", date(2020, 9, 5), date(2021, 5, 31), True)]


def test_local_anniversaries_only_with_their_unit(make_registry: MakeRegistry) -> None:
    registry, tree = _registry(make_registry)
    marks = glance.marks_in(registry, date(2020, 1, 1), date(2020, 12, 31))
    assert [(owner, m.day, m.anniversary, m.ordinal, m.round) for owner, m in marks] == [
        (None, date(2020, 2, 3), "thanh-lap-dang", 90, "major"),
        ("ldld-ba-dinh", date(2020, 3, 1), "thanh-lap-ba-dinh", 75, "minor"),
        (None, date(2020, 4, 2), "gio-to-hung-vuong", None, None),
        (None, date(2020, 5, 1), "quoc-te-lao-dong", 134, None),
        (None, date(2020, 7, 28), "cong-doan-viet-nam", 91, None),
    ]
    school = [e.model for e in registry.campaigns if e.model.issuer == "cdcs-a"]
    g = glance.glance(tree, school, date(2020, 1, 1), date(2020, 12, 31), marks, date(2020, 6, 15))
    assert [m.anniversary for m in g.marks] == [
        "thanh-lap-dang", "gio-to-hung-vuong", "quoc-te-lao-dong", "cong-doan-viet-nam"]
    assert g.today == date(2020, 6, 15)
    g = glance.glance(tree, school, date(2020, 1, 1), date(2020, 12, 31), marks, date(2021, 1, 1))
    assert g.today is None
