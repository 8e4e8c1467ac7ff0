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

from thidua_cli.models import Campaign, Result
from thidua_cli.problems import Location, Problem, Severity
from thidua_cli.registry.loader import Entry, Registry


@dataclass(frozen=True)
class Scope:
    """What one campaign's documents are made from."""

    files: frozenset[str]               # whole files: its campaign, the campaigns it cites
    entries: tuple[Location, ...]       # units, clusters and anniversaries it names
    missing: bool                       # some id it needs did not load (a broken entry)
    #: a report that pools figures from units some of which have no report loaded: a result
    #: file that did not load may be one of theirs, or a campaign file that did not load
    #: their own campaign (what such a file holds is unknown)
    pools_gaps: bool = False


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
        self.loaded_files = {e.loc.file for e in registry.campaigns} | {
            e.loc.file for e in registry.results}
        # What a report's roll-up reads (thidua_cli/results/rollup.py): who is below whom,
        # the reports by campaign, unit and period, the campaigns by issuer, year and kind.
        self.children: dict[str, list[str]] = {}
        for unit_entry in registry.units:
            if unit_entry.model.parent is not None:
                self.children.setdefault(unit_entry.model.parent, []).append(unit_entry.model.id)
        self.reports: dict[tuple[str, str, int | None], list[Entry[Result]]] = {}
        for result in registry.results:
            campaign_entry = self.campaigns.get(result.model.campaign)
            who = result.model.unit or (campaign_entry.model.issuer if campaign_entry else None)
            if who is not None:
                self.reports.setdefault((result.model.campaign, who, result.model.phase),
                                        []).append(result)
        self.by_issuer: dict[tuple[str, int, str], list[Entry[Campaign]]] = {}
        for campaign_entry in registry.campaigns:
            model = campaign_entry.model
            self.by_issuer.setdefault((model.issuer, model.year, model.kind), []).append(campaign_entry)

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

    def report_scope(self, entry: Entry[Result]) -> Scope:
        """What a Báo cáo of the result file ``entry`` is made from: its campaign's scope;
        the result file; the reporting unit and its ancestors (the superior in the header,
        the place in the date line); every unit below it whose figures the roll-up pools, with
        their reports on the campaign (or on their own campaign of the same year and kind)
        for the same period; and, for a year-end report, next year's campaign of the issuer
        ("Phương hướng năm sau" prints its targets)."""
        result = entry.model
        campaign = self.campaigns[result.campaign]
        base = self.scope(campaign)
        files = set(base.files) | {entry.loc.file}
        entries = list(base.entries)
        missing = base.missing
        model = campaign.model
        who = result.unit or model.issuer
        seen: set[str] = set()
        current: str | None = who
        while current is not None and current not in seen:
            seen.add(current)
            found = self.units.get(current)
            if found is None:
                missing = missing or current not in self.clusters
                break
            entries.append(found.loc)
            current = found.model.parent
        gaps = False
        below = list(self._below(who))
        walked = {who}
        while below:
            sub = below.pop()
            if sub in walked:
                continue
            walked.add(sub)
            found = self.units.get(sub)
            if found is None:
                missing = True
                continue
            entries.append(found.loc)
            reported = False
            for source in (campaign, *self.by_issuer.get((sub, model.year, model.kind), ())):
                for report in self.reports.get((source.model.id, sub, result.phase), ()):
                    files.update((report.loc.file, source.loc.file))
                    reported = True
            gaps = gaps or not reported
            below.extend(self._below(sub))
        next_year = [] if result.phase is not None else \
            self.by_issuer.get((model.issuer, model.year + 1, model.kind), [])
        files.update(e.loc.file for e in next_year)
        # A next year's campaign that did not load at all cannot be told from any other
        # broken campaign file: the report prints its visible blank ("…") there, and the
        # error is counted in the closing line rather than holding every report hostage.
        return Scope(frozenset(files), tuple(entries), missing, pools_gaps=gaps)

    def _below(self, unit_id: str) -> list[str]:
        """Who reports to a unit: a cluster's members, or the unit's direct subordinates."""
        cluster = self.clusters.get(unit_id)
        if cluster is not None:
            return list(cluster.model.members)
        return self.children.get(unit_id, [])

    def own(self, scope: Scope, problems: Iterable[Problem]) -> list[Problem]:
        """The errors of ``problems`` that are the scoped document's own."""
        return [p for p in problems if p.severity is Severity.ERROR and self._in(scope, p)]

    def _in(self, scope: Scope, problem: Problem) -> bool:
        loc = problem.location
        if loc.file in scope.files:
            return True
        if any(_within(loc, entry) for entry in scope.entries):
            return True
        if scope.pools_gaps and loc.file not in self.loaded_files and \
                self.registry.kinds.get(loc.file) in ("results", "campaigns"):
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


def split_reports(registry: Registry, problems: list[Problem],
                  chosen: Iterable[Entry[Result]]) -> Split:
    """:func:`split` for the Báo cáo of result files: keyed by the result file's name."""
    errors = [p for p in problems if p.severity is Severity.ERROR]
    if not errors:
        return Split({}, 0)
    scoper = Scoper(registry)
    refused: dict[str, list[Problem]] = {}
    counted: set[int] = set()
    for entry in chosen:
        own = scoper.own(scoper.report_scope(entry), errors)
        if own:
            refused[entry.loc.file] = own
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
