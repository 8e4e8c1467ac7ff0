"""Which problems of a registry are a document's own (cli.md, "render"; issue 12, item 12).

A district's plan is not held hostage by another unit's typo: ``render`` refuses only a
document whose own data has errors — its campaign file, the units it names (the issuer, the
superior in its header, a cluster's organizer, leader and members), the campaigns it cites and
the anniversaries it salutes. Errors elsewhere are counted in one line and left aside.

An entry that failed the schema is not in the registry at all (only its id is, among
``broken_ids``): when a document needs an id that did not load, the errors of units and
anniversary files that no loaded entry accounts for are its own too (they are why the id is
missing), so that the user sees what to fix.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

from thidua_cli.models import Campaign
from thidua_cli.problems import Location, Problem, Severity
from thidua_cli.registry.loader import Entry, Registry


@dataclass(frozen=True)
class Scope:
    """What one campaign's documents are made from."""

    files: frozenset[str]               # whole files: its campaign, the campaigns it cites
    entries: tuple[Location, ...]       # units, clusters and anniversaries it names
    missing: bool                       # some id it needs did not load (a broken entry)


class Scoper:
    """The scope of any campaign of one registry (lookups built once)."""

    def __init__(self, registry: Registry) -> None:
        self.registry = registry
        self.units = {e.model.id: e for e in registry.units}
        self.clusters = {e.model.id: e for e in registry.clusters}
        self.campaigns = {e.model.id: e for e in registry.campaigns}
        self.anniversaries: dict[str, Location] = {e.model.id: e.loc for e in registry.anniversaries}
        for unit in registry.units:
            for local in unit.model.anniversaries:
                # A unit's own anniversary lives inside the unit's entry.
                self.anniversaries.setdefault(local.id, unit.loc)
        self.loaded: list[Location] = [
            *(e.loc for e in registry.units), *(e.loc for e in registry.clusters),
            *(e.loc for e in registry.anniversaries)]

    def scope(self, entry: Entry[Campaign]) -> Scope:
        campaign = entry.model
        files = {entry.loc.file}
        entries: list[Location] = []
        missing = False

        def unit(unit_id: str | None) -> None:
            nonlocal missing
            if unit_id is None:
                return
            found = self.units.get(unit_id)
            if found is None:
                missing = True
            else:
                entries.append(found.loc)

        cluster = self.clusters.get(campaign.issuer)
        if cluster is not None:
            entries.append(cluster.loc)
            for member in {cluster.model.organizer, cluster.model.leader, *cluster.model.members}:
                unit(member)
        else:
            unit(campaign.issuer)
            issuer = self.units.get(campaign.issuer)
            unit(issuer.model.parent if issuer is not None else None)
        for _, cited in campaign.cited:
            other = self.campaigns.get(cited)
            if other is None:
                missing = True
            else:
                files.add(other.loc.file)
                # The cited plan's issuer is named in "Thực hiện Kế hoạch số … của …".
                unit(other.model.issuer)
        celebrated = set(campaign.celebrates)
        for phase in campaign.phases:
            celebrated.update(phase.celebrates)
        for anniversary_id in celebrated:
            loc = self.anniversaries.get(anniversary_id)
            if loc is None:
                missing = True
            else:
                entries.append(loc)
        return Scope(frozenset(files), tuple(entries), missing)

    def own(self, scope: Scope, problems: Iterable[Problem]) -> list[Problem]:
        """The errors of ``problems`` that are the scoped document's own."""
        return [p for p in problems if p.severity is Severity.ERROR and self._in(scope, p)]

    def _in(self, scope: Scope, problem: Problem) -> bool:
        loc = problem.location
        if loc.file in scope.files:
            return True
        if any(_within(loc, entry) for entry in scope.entries):
            return True
        if scope.missing and not loc.file.split("/")[-2:-1] == ["campaigns"]:
            # An id it needs did not load: the errors no loaded entry accounts for.
            return not any(_within(loc, entry) for entry in self.loaded)
        return False


def _within(loc: Location, entry: Location) -> bool:
    return (loc.file == entry.file and bool(entry.path)
            and loc.path[:len(entry.path)] == entry.path)


@dataclass(frozen=True)
class Split:
    """The errors of a registry divided between the chosen documents and the rest."""

    refused: dict[str, list[Problem]]   # campaign id → its own errors (only ids that have some)
    elsewhere: int                      # errors that belong to none of the chosen documents


def split(registry: Registry, problems: list[Problem], chosen: Iterable[str]) -> Split:
    """Which of the ``chosen`` campaigns (ids) have errors of their own, and how many errors
    belong to none of them."""
    errors = [p for p in problems if p.severity is Severity.ERROR]
    if not errors:
        return Split({}, 0)
    scoper = Scoper(registry)
    entries = {e.model.id: e for e in registry.campaigns}
    refused: dict[str, list[Problem]] = {}
    counted: set[int] = set()
    for campaign_id in chosen:
        own = scoper.own(scoper.scope(entries[campaign_id]), errors)
        if own:
            refused[campaign_id] = own
        counted.update(id(p) for p in own)
    return Split(refused, sum(1 for p in errors if id(p) not in counted))


def without_errors(registry: Registry, problems: list[Problem]) -> tuple[Registry, int]:
    """The registry less every entry that has an error of its own (a campaign whose file
    has one; a unit, cluster or anniversary whose entry has one), and how many errors that
    leaves aside: what ``calendar`` lists when the registry is not clean (cli.md, v2)."""
    errors = [p for p in problems if p.severity is Severity.ERROR]
    if not errors:
        return registry, 0
    bad_files = {p.location.file for p in errors}

    def clean(loc: Location) -> bool:
        return not any(_within(p.location, loc) or (p.location.file == loc.file
                                                    and not p.location.path) for p in errors)

    kept = replace(
        registry,
        anniversaries=[e for e in registry.anniversaries if clean(e.loc)],
        units=[e for e in registry.units if clean(e.loc)],
        clusters=[e for e in registry.clusters if clean(e.loc)],
        campaigns=[e for e in registry.campaigns if e.loc.file not in bad_files],
    )
    return kept, len(errors)
