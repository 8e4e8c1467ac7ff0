"""unit-cycle, unit-level."""

from __future__ import annotations

from tests.conftest import BASE_UNITS, campaign, found, messages

U = "data/units/units.yaml"


def test_cycle(make_registry):
    units = BASE_UNITS.replace("    parent: tong-ldld\n", "    parent: cdcs-a\n")
    root = make_registry({"units/units.yaml": units})
    assert found(root, "unit-cycle") == [("unit-cycle", U, 8, 13), ("unit-cycle", U, 13, 13),
                                         ("unit-cycle", U, 17, 13)]


def test_parent_on_the_same_level(make_registry):
    units = BASE_UNITS + "  - id: cdcs-b\n    name: B\n    level: co-so\n    parent: cdcs-a\n"
    root = make_registry({"units/units.yaml": units})
    assert found(root) == [("unit-level", U, 21, 13)]


def test_unit_without_parent(make_registry):
    units = BASE_UNITS + "  - id: cdcs-b\n    name: B\n    level: co-so\n"
    assert found(make_registry({"units/units.yaml": units})) == [("unit-level", U, 18, 9)]


def test_leader_not_a_member(make_registry):
    units = BASE_UNITS + ("clusters:\n  - id: cum-1\n    name: Cụm thi đua số 1\n    organizer: ldld-ha-noi\n"
                          "    leader: ldld-ha-noi\n    members: [ldld-ba-dinh]\n")
    root = make_registry({"units/units.yaml": units})
    assert found(root) == [("unit-level", U, 22, 13)]


def test_campaign_after_dissolution(make_registry):
    units = BASE_UNITS.replace("  - id: ldld-ba-dinh\n", "  - id: ldld-ba-dinh\n    dissolved: 2019-07-01\n")
    root = make_registry({"units/units.yaml": units, "campaigns/c.yaml": campaign()})
    assert found(root) == [("unit-level", "data/campaigns/c.yaml", 2, 9)]
    assert messages(root, "unit-level", "en") == [
        '"Liên đoàn Lao động quận Ba Đình" was dissolved on 2019-07-01 and cannot issue a campaign on 2020-01-01']


def test_campaign_before_dissolution_stays_valid(make_registry):
    units = BASE_UNITS.replace("  - id: ldld-ba-dinh\n", "  - id: ldld-ba-dinh\n    dissolved: 2025-07-01\n")
    assert found(make_registry({"units/units.yaml": units, "campaigns/c.yaml": campaign()})) == []
