"""unit-cycle agrees with a brute-force walk: a unit is in a cycle when following its
parents for as many steps as there are units comes back to it."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from tests.properties.strategies import deterministic
from thidua_cli.models import Unit
from thidua_cli.problems import Location
from thidua_cli.registry.data import Entry, Registry
from thidua_cli.rules import units as unit_rules
from thidua_cli.rules.base import Context

IDS = [f"u{i}" for i in range(8)]


def brute_force(parents: dict[str, str | None]) -> set[str]:
    in_cycle = set()
    for start in parents:
        current = parents.get(start)
        for _ in range(len(parents) + 1):
            if current is None or current not in parents:
                break
            if current == start:
                in_cycle.add(start)
                break
            current = parents[current]
    return in_cycle


# Each unit's parent: another unit, itself, a missing id or none. Ids may repeat: the
# first unit of an id is the one references reach, as in the rule's index.
trees = st.lists(st.tuples(st.sampled_from(IDS), st.none() | st.sampled_from([*IDS, "x"])),
                 min_size=1, max_size=10)


@given(trees)
@deterministic(max_examples=200)
def test_cycles_agree_with_a_brute_force_walk(tree: list[tuple[str, str | None]]) -> None:
    registry = Registry(root=Path("data"))
    for index, (unit_id, parent) in enumerate(tree):
        unit = Unit(id=unit_id, name="Đơn vị", level="co-so", parent=parent)
        registry.units.append(Entry(unit, Location("data/units/u.yaml", ("units", index))))
    first: dict[str, str | None] = {}
    for unit_id, parent in tree:
        first.setdefault(unit_id, parent)
    expected = brute_force(first)
    found = [f for f in unit_rules.check(Context(registry)) if f.rule == "unit-cycle"]
    assert {f.location.path[1] for f in found} == {
        index for index, (unit_id, _) in enumerate(tree) if unit_id in expected}
