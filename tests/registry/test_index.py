"""RegistryIndex: the one set of lookups the rules, render and calendar share."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import MakeRegistry, campaign
from thidua_cli.registry import loader
from thidua_cli.registry.index import RegistryIndex

MORE_UNITS = """\
units:
  - id: cdcs-b
    name: Công đoàn trường B
    level: co-so
    parent: ldld-ba-dinh
  - id: to-cd-1
    name: Tổ công đoàn 1
    level: bo-phan
    parent: cdcs-a
    anniversaries:
      - id: thanh-lap-truong-a
        name: Ngày thành lập trường A
        date: 1960-09-05
  - id: vong-1
    name: Vòng 1
    level: co-so
    parent: vong-2
  - id: vong-2
    name: Vòng 2
    level: co-so
    parent: vong-1
  - id: cdcs-a
    name: Công đoàn trường A (trùng mã)
    level: co-so
clusters:
  - id: cum-1
    name: Cụm thi đua số 1
    short: Cụm 1
    organizer: ldld-ba-dinh
    leader: cdcs-a
    members: [cdcs-a, cdcs-b]
  - id: cum-2
    name: Cụm thi đua số 2
    organizer: ldld-ba-dinh
    leader: cdcs-b
    members: [cdcs-b]
"""


def index_of(make_registry: MakeRegistry) -> RegistryIndex:
    root = make_registry({
        "units/z-more.yaml": MORE_UNITS,
        "campaigns/a.yaml": campaign(),
        "campaigns/b.yaml": campaign(**{"id: ba-dinh-2020": "id: ba-dinh-2020-cao-diem",
                                        "kind: nam": "kind: cao-diem"}),
        "campaigns/c.yaml": campaign(**{"id: ba-dinh-2020": "id: ba-dinh-2021",
                                        "year: 2020": "year: 2021"}),
    })
    registry, _ = loader.load(root)
    return RegistryIndex.of(registry)


def test_ids_lead_to_the_first_entry_of_each(make_registry: MakeRegistry) -> None:
    index = index_of(make_registry)
    assert list(index.units) == ["tong-ldld", "ldld-ha-noi", "ldld-ba-dinh", "cdcs-a", "cdcs-b",
                                 "to-cd-1", "vong-1", "vong-2"]
    assert index.units["cdcs-a"].model.name == "Công đoàn trường A"
    assert index.units["cdcs-a"].loc.file == "data/units/units.yaml"
    assert list(index.clusters) == ["cum-1", "cum-2"]
    assert list(index.anniversaries) == ["thanh-lap-dang", "quoc-te-lao-dong", "cong-doan-viet-nam",
                                         "gio-to-hung-vuong", "thanh-lap-truong-a"]
    assert index.anniversaries["thanh-lap-truong-a"].owner == "to-cd-1"
    assert list(index.campaigns) == ["ba-dinh-2020", "ba-dinh-2020-cao-diem", "ba-dinh-2021"]


def test_the_unit_tree(make_registry: MakeRegistry) -> None:
    index = index_of(make_registry)
    assert index.children == {"tong-ldld": ["ldld-ha-noi"], "ldld-ha-noi": ["ldld-ba-dinh"],
                              "ldld-ba-dinh": ["cdcs-a", "cdcs-b"], "cdcs-a": ["to-cd-1"],
                              "vong-2": ["vong-1"], "vong-1": ["vong-2"]}
    assert index.ancestors("to-cd-1") == ("cdcs-a", "ldld-ba-dinh", "ldld-ha-noi", "tong-ldld")
    assert index.ancestors("tong-ldld") == ()
    assert index.ancestors("vong-1") == ("vong-2",)    # stops at the cycle
    assert index.ancestors("khong-co") == ()
    assert index.descendants("ldld-ba-dinh") == {"cdcs-a", "cdcs-b", "to-cd-1"}
    assert index.descendants("vong-1") == {"vong-2"}   # never itself
    assert index.clusters_by_member == {"cdcs-a": ["cum-1"], "cdcs-b": ["cum-1", "cum-2"]}


def test_names_and_campaigns_by_issuer(make_registry: MakeRegistry) -> None:
    index = index_of(make_registry)
    assert [index.name_of(i) for i in ("ldld-ba-dinh", "cum-1", "khong-co")] == [
        "Liên đoàn Lao động quận Ba Đình", "Cụm 1", "khong-co"]
    assert {key: [e.model.id for e in found] for key, found in index.campaigns_by_issuer.items()} == {
        ("ldld-ba-dinh", 2020, "nam"): ["ba-dinh-2020"],
        ("ldld-ba-dinh", 2020, "cao-diem"): ["ba-dinh-2020-cao-diem"],
        ("ldld-ba-dinh", 2021, "nam"): ["ba-dinh-2021"],
    }
    assert {key: [e.model.id for e in found]
            for key, found in index.campaigns_by_issuer_year.items()} == {
        ("ldld-ba-dinh", 2020): ["ba-dinh-2020", "ba-dinh-2020-cao-diem"],
        ("ldld-ba-dinh", 2021): ["ba-dinh-2021"],
    }


def test_an_empty_registry() -> None:
    from thidua_cli.registry.data import Registry

    index = RegistryIndex.of(Registry(root=Path("data")))
    assert (index.units, index.children, index.campaigns_by_issuer) == ({}, {}, {})
