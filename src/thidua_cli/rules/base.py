"""What every rule family shares: the rule description, findings and the context.

A family module declares its ``RULES`` and one ``check(ctx)`` generator that
yields :class:`Finding` objects; the engine, not the rule, stamps severity (so
that configuration can change it) and turns findings into problems.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cached_property

from thidua_cli.models import Anniversary, Campaign, Cluster, Unit
from thidua_cli.problems import Location, Severity, Text
from thidua_cli.registry.loader import Entry, Registry


@dataclass(frozen=True)
class Rule:
    """A rule's public face: its stable name, severity and documentation."""

    name: str
    severity: Severity
    summary: Text          # what it catches, one line
    why: Text              # why it matters to a cadre
    bad: str = ""          # a YAML snippet that triggers it
    good: str = ""         # the same snippet, fixed


@dataclass(frozen=True)
class Finding:
    rule: str
    location: Location
    message: Text
    related: Location | None = None
    #: for a rule whose table entry has two severities (campaign-period)
    severity: Severity | None = None


@dataclass
class Context:
    """The loaded registry with the indexes the rules look things up in."""

    registry: Registry
    _first: dict[str, dict[str, Entry]] = field(default_factory=dict)  # type: ignore[type-arg]

    def _index(self, kind: str, entries: Iterable[Entry]) -> dict[str, Entry]:  # type: ignore[type-arg]
        if kind not in self._first:
            index: dict[str, Entry] = {}  # type: ignore[type-arg]
            for entry in entries:
                index.setdefault(entry.model.id, entry)
            self._first[kind] = index
        return self._first[kind]

    @cached_property
    def units(self) -> dict[str, Entry[Unit]]:
        return self._index("units", self.registry.units)

    @cached_property
    def clusters(self) -> dict[str, Entry[Cluster]]:
        return self._index("clusters", self.registry.clusters)

    @cached_property
    def anniversaries(self) -> dict[str, Entry[Anniversary]]:
        return self._index("anniversaries", self.registry.anniversaries)

    @cached_property
    def campaigns(self) -> dict[str, Entry[Campaign]]:
        return self._index("campaigns", self.registry.campaigns)

    @cached_property
    def campaigns_by_issuer(self) -> dict[tuple[str, int, str], list[Entry[Campaign]]]:
        """Campaigns by (issuer, year, kind), in registry order: target-below-parent looks up
        each ancestor's campaigns here instead of scanning them all (quadratic at 6,000)."""
        index: dict[tuple[str, int, str], list[Entry[Campaign]]] = {}
        for entry in self.registry.campaigns:
            model = entry.model
            index.setdefault((model.issuer, model.year, model.kind), []).append(entry)
        return index

    def ancestors(self, unit_id: str) -> list[str]:
        """Parent, grandparent … of a unit, nearest first; stops at a cycle."""
        chain: list[str] = []
        seen = {unit_id}
        current = self.units.get(unit_id)
        while current is not None and current.model.parent is not None:
            parent = current.model.parent
            if parent in seen:
                break
            chain.append(parent)
            seen.add(parent)
            current = self.units.get(parent)
        return chain

    def name_of(self, some_id: str) -> str:
        entry = self.units.get(some_id) or self.clusters.get(some_id)
        return entry.model.display if entry is not None else some_id


def closest(word: str, choices: Iterable[str], names: Mapping[str, str] | None = None) -> str | None:
    """The id a mistyped ``word`` most likely means: a close spelling of an id; else the one
    id that holds the word whole (``tet`` → ``tet-nguyen-dan``); else, by Vietnamese name
    with diacritics folded, the one id whose name holds it (``Tết`` or ``ba dinh`` →
    ``ldld-ba-dinh``)."""
    from thidua_cli.vn.slug import slugify

    ids = list(choices)
    matches = difflib.get_close_matches(word, ids, n=1, cutoff=0.6)
    if matches:
        return matches[0]
    folded = slugify(word)
    if not folded:
        return None
    matches = difflib.get_close_matches(folded, ids, n=1, cutoff=0.6)
    if matches:
        return matches[0]
    whole = re.compile(rf"(?:^|-){re.escape(folded)}(?:-|$)")
    holding = [i for i in ids if whole.search(i)]
    if len(holding) == 1:
        return holding[0]
    if names:
        named = [i for i in ids if i in names and whole.search(slugify(names[i]))]
        if len(named) == 1:
            return named[0]
    return None


def suggest(word: str, choices: Iterable[str], names: Mapping[str, str] | None = None
            ) -> tuple[str, str]:
    """The "did you mean" tail of a message, in both languages ("" when nothing is close);
    see :func:`closest`."""
    match = closest(word, choices, names)
    if match is None:
        return "", ""
    return f'; có phải ý bạn là "{match}"?', f'; did you mean "{match}"?'


Check = Iterator[Finding]
