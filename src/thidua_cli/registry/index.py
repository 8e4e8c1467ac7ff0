"""One index of a loaded registry: every lookup the rules, render and calendar make.

Built once per run (:meth:`RegistryIndex.of`) and shared: before it, the unit tree and
the id tables were rebuilt by the rules, by the calendar, by ``render`` and — once per
document — by the template context, whose search for the superior's plan also scanned
every campaign for every document (at 6,000 plans, tens of seconds of lookups alone).

Pure: no I/O. On an invalid registry an id may appear twice: the index keeps the first,
as ``duplicate-id`` reports the second.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TypeVar

from thidua_cli.models import Anniversary, Campaign, Cluster, Unit
from thidua_cli.registry.data import Entry, Registry

Identified = TypeVar("Identified", Anniversary, Campaign, Cluster, Unit)


@dataclass(frozen=True)
class RegistryIndex:
    registry: Registry
    units: dict[str, Entry[Unit]]
    clusters: dict[str, Entry[Cluster]]
    #: national anniversaries and the units' own, by id
    anniversaries: dict[str, Entry[Anniversary]]
    campaigns: dict[str, Entry[Campaign]]
    #: a unit's children, in registry order
    children: dict[str, list[str]]
    #: the clusters a unit is a member of, in registry order
    clusters_by_member: dict[str, list[str]]
    #: campaigns by (issuer, year, kind), in registry order
    campaigns_by_issuer: dict[tuple[str, int, str], list[Entry[Campaign]]]
    #: campaigns by (issuer, year), in registry order
    campaigns_by_issuer_year: dict[tuple[str, int], list[Entry[Campaign]]]
    _ancestors: dict[str, tuple[str, ...]] = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def of(cls, registry: Registry) -> RegistryIndex:
        children: dict[str, list[str]] = {}
        for entry in registry.units:
            if entry.model.parent is not None:
                children.setdefault(entry.model.parent, []).append(entry.model.id)
        clusters_by_member: dict[str, list[str]] = {}
        for cluster in registry.clusters:
            for member in cluster.model.members:
                clusters_by_member.setdefault(member, []).append(cluster.model.id)
        by_kind: dict[tuple[str, int, str], list[Entry[Campaign]]] = {}
        by_year: dict[tuple[str, int], list[Entry[Campaign]]] = {}
        for campaign in registry.campaigns:
            model = campaign.model
            if not campaign.intact("issuer", "year", "kind"):
                continue  # filed under stand-ins, it would pass for another unit's or year's
            by_kind.setdefault((model.issuer, model.year, model.kind), []).append(campaign)
            by_year.setdefault((model.issuer, model.year), []).append(campaign)
        return cls(registry=registry, units=_first(registry.units),
                   clusters=_first(registry.clusters), anniversaries=_first(registry.anniversaries),
                   campaigns=_first(registry.campaigns), children=children,
                   clusters_by_member=clusters_by_member, campaigns_by_issuer=by_kind,
                   campaigns_by_issuer_year=by_year)

    def ancestors(self, unit_id: str) -> tuple[str, ...]:
        """Parent, grandparent … of a unit, nearest first; stops at a cycle (``unit-cycle``
        reports it). A parent that is not a unit ends the chain, itself included."""
        chain = self._ancestors.get(unit_id)
        if chain is None:
            found: list[str] = []
            seen = {unit_id}
            current = self.units.get(unit_id)
            while current is not None and current.model.parent is not None:
                parent = current.model.parent
                if parent in seen:
                    break
                found.append(parent)
                seen.add(parent)
                current = self.units.get(parent)
            chain = self._ancestors[unit_id] = tuple(found)
        return chain

    def descendants(self, unit_id: str) -> set[str]:
        """Children, grandchildren … of a unit (never the unit itself, even in a cycle)."""
        found: set[str] = set()
        stack = [unit_id]
        while stack:
            for child in self.children.get(stack.pop(), ()):
                if child not in found and child != unit_id:
                    found.add(child)
                    stack.append(child)
        return found

    def name_of(self, some_id: str) -> str:
        """A unit's or cluster's short name, else the id itself."""
        entry = self.units.get(some_id) or self.clusters.get(some_id)
        if entry is None or not entry.intact("name", "short"):
            return some_id  # a name that failed the schema holds a stand-in
        return entry.model.display

    def unit(self, unit_id: str | None) -> Unit | None:
        entry = self.units.get(unit_id) if unit_id is not None else None
        return entry.model if entry is not None else None


def _first(entries: list[Entry[Identified]]) -> dict[str, Entry[Identified]]:
    index: dict[str, Entry[Identified]] = {}
    for entry in entries:
        index.setdefault(entry.model.id, entry)
    return index
