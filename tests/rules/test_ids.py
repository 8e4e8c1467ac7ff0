"""duplicate-id."""

from __future__ import annotations

from tests.conftest import BASE_UNITS, campaign, found, messages


def test_duplicate_unit_across_files_names_the_first(make_registry):
    other = "units:\n  - id: ldld-ba-dinh\n    name: X\n    level: tren-co-so\n    parent: ldld-ha-noi\n"
    root = make_registry({"units/z.yaml": other})
    assert found(root) == [("duplicate-id", "data/units/z.yaml", 2, 9)]
    assert messages(root, "duplicate-id", "en") == [
        'id "ldld-ba-dinh" is already used by another unit or cluster at data/units/units.yaml:10:9; '
        "choose another id"]


def test_cluster_shares_the_unit_namespace(make_registry):
    units = BASE_UNITS + ("clusters:\n  - id: cdcs-a\n    name: Cụm\n    organizer: ldld-ha-noi\n"
                          "    leader: ldld-ba-dinh\n    members: [ldld-ba-dinh]\n")
    root = make_registry({"units/units.yaml": units})
    assert found(root) == [("duplicate-id", "data/units/units.yaml", 19, 9)]


def test_duplicate_campaign_and_target(make_registry):
    twice = campaign() + "  - id: lao-dong-tien-tien\n    text: lần hai\n    value: 100%\n"
    root = make_registry({"campaigns/a.yaml": campaign(), "campaigns/b.yaml": twice})
    assert found(root) == [("duplicate-id", "data/campaigns/b.yaml", 1, 5),
                           ("duplicate-id", "data/campaigns/b.yaml", 23, 9)]


def test_local_anniversary_shares_the_anniversary_namespace(make_registry):
    units = BASE_UNITS + ("    anniversaries:\n      - id: thanh-lap-dang\n        name: X\n"
                          "        date: 2014-04-01\n")
    root = make_registry({"units/units.yaml": units})
    assert found(root) == [("duplicate-id", "data/units/units.yaml", 19, 13)]
