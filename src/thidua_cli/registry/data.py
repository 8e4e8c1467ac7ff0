"""The registry as data: what the loader builds and the rules, render and calendar read.

No I/O here and no knowledge of files on disk: :mod:`thidua_cli.registry.loader` fills
these, one :class:`FileResult` per file, through the table of
:mod:`thidua_cli.registry.kinds`.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Generic, TypeVar

from pydantic import BaseModel

from thidua_cli.models import Anniversary, Campaign, Cluster, Result, Unit
from thidua_cli.models.scoring import Scoring
from thidua_cli.problems import Location, Problem, YamlPath
from thidua_cli.registry.directives import Directive

M = TypeVar("M", bound=BaseModel)

#: The cut of a whole entry, one object for all (each ``frozenset()`` is a new one: 200 bytes
#: for each of a province's 18,000 entries).
NOTHING_CUT: frozenset[YamlPath] = frozenset()


@dataclass
class Entry(Generic[M]):
    """A model and where it stands: its file and its path in that file."""

    model: M
    loc: Location
    owner: str | None = None  # for a unit's local anniversary: the unit id
    #: the parts of the entry that failed the schema (paths from ``loc``): each was left
    #: out, or — a required field — holds a stand-in value that means nothing. The rules
    #: check the rest and ask :meth:`intact` before reading a part; nothing is made from it.
    cut: frozenset[YamlPath] = NOTHING_CUT

    @property
    def partial(self) -> bool:
        """Whether a part of the entry failed the schema."""
        return bool(self.cut)

    def intact(self, *parts: str | YamlPath) -> bool:
        """Whether each part (a field name or a path from the entry) loaded as written:
        neither it, nor what holds it, nor anything inside it was cut. A rule asks this of
        every part its finding rests on, so that a cut part makes it silent, never wrong."""
        if not self.cut:
            return True  # the common case: one test per entry
        for part in parts:
            path = (part,) if isinstance(part, str) else part
            for cut in self.cut:
                depth = min(len(cut), len(path))
                if cut[:depth] == path[:depth]:
                    return False
        return True


@dataclass
class Registry:
    root: Path
    files: list[str] = field(default_factory=list)
    paths: dict[str, Path] = field(default_factory=dict)
    anniversaries: list[Entry[Anniversary]] = field(default_factory=list)
    units: list[Entry[Unit]] = field(default_factory=list)
    clusters: list[Entry[Cluster]] = field(default_factory=list)
    campaigns: list[Entry[Campaign]] = field(default_factory=list)
    results: list[Entry[Result]] = field(default_factory=list)
    scorings: list[Entry[Scoring]] = field(default_factory=list)
    #: ids of entries that exist but failed the schema: references to them are
    #: not reported as unknown, since the schema problem already says what is wrong.
    broken_ids: set[str] = field(default_factory=set)
    #: ``# thidua: disable=`` comments by file, for the few files that hold one.
    suppressions: dict[str, list[Directive]] = field(default_factory=dict)
    #: items left out of a partial entry's lists, by file, in the order they were left out:
    #: (the list's path, the item's index then); see :func:`loader.restore_paths`.
    cuts: dict[str, list[tuple[YamlPath, int]]] = field(default_factory=dict)
    #: each file's kind (anniversaries, units, campaigns), by shown name
    kinds: dict[str, str] = field(default_factory=dict)
    #: units and anniversaries files whose entries could not be read at all (a syntax or
    #: encoding error, no top-level key): a reference to an id they hold is a consequence
    unloaded: set[str] = field(default_factory=set)

    def whole(self) -> Registry:
        """The registry less its partial entries (whose cut parts hold stand-ins): what
        may be shown to a reader as the registry says it."""
        if not any(e.cut for entries in (self.anniversaries, self.units, self.clusters,
                                         self.campaigns) for e in entries):
            return self
        return replace(self, anniversaries=[e for e in self.anniversaries if not e.cut],
                       units=[e for e in self.units if not e.cut],
                       clusters=[e for e in self.clusters if not e.cut],
                       campaigns=[e for e in self.campaigns if not e.cut])

    def add(self, name: str, result: FileResult) -> None:
        """Take in what the file shown as ``name`` yields by itself, after the files before it."""
        self.anniversaries.extend(result.anniversaries)
        self.units.extend(result.units)
        self.clusters.extend(result.clusters)
        self.campaigns.extend(result.campaigns)
        self.results.extend(result.results)
        self.scorings.extend(result.scorings)
        self.broken_ids.update(result.broken_ids)
        if result.suppressions is not None:
            self.suppressions[name] = result.suppressions
        if result.cuts:
            self.cuts[name] = list(result.cuts)
        if result.unloaded:
            self.unloaded.add(name)


@dataclass
class FileResult:
    """What one file yields by itself (positions of its problems not yet placed): it
    depends only on the file's bytes, kind and name, so the cache can keep it."""

    problems: list[Problem] = field(default_factory=list)
    anniversaries: list[Any] = field(default_factory=list)
    units: list[Any] = field(default_factory=list)
    clusters: list[Any] = field(default_factory=list)
    campaigns: list[Any] = field(default_factory=list)
    results: list[Any] = field(default_factory=list)
    scorings: list[Any] = field(default_factory=list)
    broken_ids: set[str] = field(default_factory=set)
    suppressions: list[Any] | None = None
    #: list items left out of this file's partial entries: (the list's path, the item's
    #: index then), in the order they were left out
    cuts: list[tuple[YamlPath, int]] = field(default_factory=list)
    #: a units or anniversaries file whose entries could not be read at all
    unloaded: bool = False
