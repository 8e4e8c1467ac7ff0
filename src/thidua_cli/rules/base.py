"""What every rule family shares: the rule description, findings and the context.

A family module declares its ``RULES`` and one ``check(ctx)`` generator that
yields :class:`Finding` objects; the engine, not the rule, stamps severity (so
that configuration can change it) and turns findings into problems.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property

from thidua_cli.models import Anniversary, Campaign, Cluster, Unit
from thidua_cli.problems import Location, Severity, Text
from thidua_cli.registry.data import Entry, Registry
from thidua_cli.registry.index import RegistryIndex


@dataclass(frozen=True)
class Rule:
    """A rule's public face: its stable name, severity and documentation."""

    name: str
    severity: Severity
    summary: Text          # what it catches, one line
    why: Text              # why it matters to a cadre
    bad: str = ""          # a YAML snippet that triggers it
    good: str = ""         # the same snippet, fixed
    #: a second, lower severity for some of its findings (``Finding.lesser``)
    lesser: Severity | None = None


@dataclass(frozen=True)
class Finding:
    rule: str
    location: Location
    message: Text
    related: Location | None = None
    #: the rule's second severity (``Rule.lesser``), for a rule whose table entry has two
    lesser: bool = False


class Context:
    """The loaded registry and its index, which the rules look things up in; the index
    is built here unless the caller (the validation pipeline) has one already."""

    def __init__(self, registry: Registry, index: RegistryIndex | None = None) -> None:
        self.registry = registry
        self.index = index if index is not None else RegistryIndex.of(registry)

    @property
    def units(self) -> dict[str, Entry[Unit]]:
        return self.index.units

    @property
    def clusters(self) -> dict[str, Entry[Cluster]]:
        return self.index.clusters

    @property
    def anniversaries(self) -> dict[str, Entry[Anniversary]]:
        return self.index.anniversaries

    @property
    def campaigns(self) -> dict[str, Entry[Campaign]]:
        return self.index.campaigns

    @property
    def campaigns_by_issuer(self) -> dict[tuple[str, int, str], list[Entry[Campaign]]]:
        """Campaigns by (issuer, year, kind), in registry order: target-below-parent looks up
        each ancestor's campaigns here instead of scanning them all (quadratic at 6,000)."""
        return self.index.campaigns_by_issuer

    @cached_property
    def subordinates(self) -> dict[str, list[Unit]]:
        """Each unit's direct subordinates, in registry order (who a superior scores)."""
        index: dict[str, list[Unit]] = {}
        for entry in self.registry.units:
            if entry.model.parent is not None:
                index.setdefault(entry.model.parent, []).append(entry.model)
        return index

    @cached_property
    def tree_intact(self) -> bool:
        """Whether the unit tree loaded as written (every ``parent`` and cluster's
        ``members``): who is below whom, who reports to and is scored by whom, rests on it."""
        return (all(e.intact("parent") for e in self.registry.units)
                and all(e.intact("members") for e in self.registry.clusters))

    @cached_property
    def rollup_intact(self) -> bool:
        """Whether everything a roll-up of results rests on loaded as written: the tree, the
        campaigns' issuer, year, kind and targets, every report. Over a cut part, a report
        that only failed the schema would count as missing, or a total as wrong."""
        return (self.tree_intact and all(not e.cut for e in self.registry.results)
                and all(e.intact("issuer", "year", "kind", "targets") for e in self.registry.campaigns))

    def ancestors(self, unit_id: str) -> tuple[str, ...]:
        """Parent, grandparent … of a unit, nearest first; stops at a cycle."""
        return self.index.ancestors(unit_id)

    def name_of(self, some_id: str) -> str:
        return self.index.name_of(some_id)


Check = Iterator[Finding]
