"""Each unit's value for a target: its own report, or its subordinates' counts pooled.

The value of unit U for target T of campaign C is U's own result if it has one; otherwise
the sum over U's direct subordinates V (for a cluster: its members) of V's value, where V's
value comes from V's result on C or, failing that, on V's own campaign of the same year and
kind that has a target with the same id — the cascade ``target-below-parent`` follows.
Shares pool as Σ counts / Σ totals of the same name, never as an average of percentages,
and every figure says how many of how many units it covers.

Pure: built from models, no I/O.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from fractions import Fraction

from thidua_cli.models import Achieved, Campaign, Cluster, Result, Target, Unit
from thidua_cli.results.judge import Verdict, share, verdict
from thidua_cli.vn import numbers


@dataclass(frozen=True)
class Figure:
    """What a unit achieved for one target: counts (``count`` of ``total`` named ``of``), or
    only a stated share; and, for a unit with subordinates, whom the figure covers."""

    count: int | None = None
    total: int | None = None
    of: str | None = None
    stated: Decimal | None = None    # a share known only as a percentage (``value``)
    own: bool = True                 # from the unit's own report (False: pooled)
    covered: tuple[str, ...] = ()    # subordinates with a value
    expected: tuple[str, ...] = ()   # subordinates (or members) expected to report
    needs_counts: tuple[str, ...] = ()  # subordinates that gave only a share: not pooled
    other_base: tuple[str, ...] = ()    # subordinates whose total has another name: not pooled

    @property
    def missing(self) -> tuple[str, ...]:
        """Expected units that sent nothing (one that sent figures that cannot be pooled did
        report)."""
        reported = set(self.covered) | set(self.needs_counts) | set(self.other_base)
        return tuple(unit for unit in self.expected if unit not in reported)

    @property
    def share(self) -> Fraction | None:
        """The exact share in percent: count/total, else the stated share."""
        if self.count is not None and self.total is not None:
            return share(self.count, self.total)
        if self.stated is not None:
            return Fraction(self.stated)
        return None

    def value(self, target: Target) -> Fraction | None:
        """The value the target is judged on: a share for a percentage target, a count for
        a count target."""
        if target.value.percent:
            return self.share if self.of is not None or self.stated is not None else None
        return None if self.count is None or self.of is not None else Fraction(self.count)

    def coverage_text(self, lang: str = "vi") -> str:
        """``tổng hợp từ 58/65 đơn vị`` (pooled), "" for a unit's own report."""
        if self.own or not self.expected:
            return ""
        covered, expected = numbers.count(len(self.covered)), numbers.count(len(self.expected))
        if lang == "en":
            return f"pooled from {numbers.english(covered)}/{numbers.english(expected)} units"
        return f"tổng hợp từ {covered}/{expected} đơn vị"


def figure_of(achieved: Achieved, population: Mapping[str, int]) -> Figure:
    """A report's own figure: count of the named total, a count, or a stated share."""
    if achieved.value is not None:
        return Figure(stated=achieved.stated_share)
    total = population.get(achieved.of) if achieved.of is not None else None
    if achieved.of is not None and total is None:
        return Figure()  # an `of` that names nothing: unknown-reference says so
    return Figure(count=achieved.count, total=total, of=achieved.of)


def judge(target: Target, figure: Figure | None, *, phase: int | None = None) -> Verdict | None:
    """The verdict of a figure on its target (progress for a phase report); ``None`` when
    nothing can be judged (nothing reported, or a shape that does not fit the target)."""
    value = None if figure is None else figure.value(target)
    if value is None:
        return None
    return verdict(target.value, value, progress=phase is not None)


class RollUp:
    """Figures of units on a campaign's targets, own or pooled, computed once each."""

    def __init__(self, units: Iterable[Unit], clusters: Iterable[Cluster],
                 campaigns: Iterable[Campaign], results: Iterable[Result]) -> None:
        self.units: dict[str, Unit] = {}
        for unit in units:
            self.units.setdefault(unit.id, unit)
        self.clusters: dict[str, Cluster] = {}
        for cluster in clusters:
            self.clusters.setdefault(cluster.id, cluster)
        self.campaigns: dict[str, Campaign] = {}
        self.by_issuer: dict[tuple[str, int, str], list[Campaign]] = {}
        #: each campaign's target ids: own() asks, for every unit and target, whether a
        #: unit's own campaign has the target
        self.target_ids: dict[str, frozenset[str]] = {}
        for campaign in campaigns:
            if campaign.id in self.campaigns:
                continue
            self.campaigns[campaign.id] = campaign
            self.target_ids[campaign.id] = frozenset(t.id for t in campaign.targets)
            key = (campaign.issuer, campaign.year, campaign.kind)
            self.by_issuer.setdefault(key, []).append(campaign)
        self.results: dict[tuple[str, str, int | None], Result] = {}
        for result in results:
            reporter = result.unit or self._issuer(result.campaign)
            if reporter is not None:
                self.results.setdefault((result.campaign, reporter, result.phase), result)
        self.children: dict[str, list[Unit]] = {}
        for unit in self.units.values():
            if unit.parent is not None:
                self.children.setdefault(unit.parent, []).append(unit)
        self._memo: dict[tuple[str, str, str, int | None], Figure | None] = {}

    def _issuer(self, campaign_id: str) -> str | None:
        campaign = self.campaigns.get(campaign_id)
        return None if campaign is None else campaign.issuer

    def expected(self, unit_id: str, campaign: Campaign) -> tuple[str, ...]:
        """Who reports to a unit on a campaign: a cluster's members, or the unit's direct
        subordinates not dissolved by the campaign's start."""
        cluster = self.clusters.get(unit_id)
        if cluster is not None:
            return tuple(cluster.members)
        return tuple(child.id for child in self.children.get(unit_id, ())
                     if child.dissolved is None or child.dissolved > campaign.start)

    def own(self, campaign: Campaign, unit_id: str, target_id: str, phase: int | None
            ) -> tuple[Result, Achieved] | None:
        """The unit's own report on the target: on the campaign, else on its own campaign of
        the same year and kind that has the target."""
        result = self.results.get((campaign.id, unit_id, phase))
        if result is not None and target_id in result.results:
            return result, result.results[target_id]
        for other in self.by_issuer.get((unit_id, campaign.year, campaign.kind), ()):
            if other.id == campaign.id or target_id not in self.target_ids[other.id]:
                continue
            result = self.results.get((other.id, unit_id, phase))
            if result is not None and target_id in result.results:
                return result, result.results[target_id]
        return None

    def figure(self, campaign: Campaign, unit_id: str, target: Target, phase: int | None = None
               ) -> Figure | None:
        """The unit's figure for the target: its own, or pooled (``None``: nothing at all)."""
        key = (campaign.id, unit_id, target.id, phase)
        if key not in self._memo:
            self._memo[key] = self._figure(campaign, unit_id, target, phase, ())
        return self._memo[key]

    def pooled(self, campaign: Campaign, unit_id: str, target: Target, phase: int | None = None
               ) -> Figure:
        """The subordinates' counts pooled, even when the unit has its own figure (to compare
        the two: rollup-mismatch)."""
        return self._pool(campaign, unit_id, target, phase, self.expected(unit_id, campaign), (unit_id,))

    def _figure(self, campaign: Campaign, unit_id: str, target: Target, phase: int | None,
                seen: tuple[str, ...]) -> Figure | None:
        expected = self.expected(unit_id, campaign) if unit_id not in seen else ()
        pooled = self._pool(campaign, unit_id, target, phase, expected, (*seen, unit_id))
        own = self.own(campaign, unit_id, target.id, phase)
        if own is not None:
            mine = figure_of(own[1], own[0].population)
            return Figure(mine.count, mine.total, mine.of, mine.stated, True,
                          pooled.covered, expected, pooled.needs_counts, pooled.other_base)
        return pooled if pooled.covered or pooled.needs_counts or pooled.other_base else None

    def _pool(self, campaign: Campaign, unit_id: str, target: Target, phase: int | None,
              expected: tuple[str, ...], seen: tuple[str, ...]) -> Figure:
        covered: list[str] = []
        needs_counts: list[str] = []
        other_base: list[str] = []
        count = total = 0
        of: str | None = None
        for sub in expected:
            key = (campaign.id, sub, target.id, phase)
            if key in self._memo:
                figure = self._memo[key]
            elif sub in seen:
                figure = None  # a cycle in the tree (unit-cycle reports it)
            else:
                figure = self._memo[key] = self._figure(campaign, sub, target, phase, seen)
            if figure is None:
                continue
            if target.value.percent:
                if figure.count is None or figure.total is None:
                    if figure.stated is not None:
                        needs_counts.append(sub)
                    continue
                if of is None:
                    of = figure.of
                elif figure.of != of:
                    other_base.append(sub)  # another named total cannot be pooled with this one
                    continue
                total += figure.total
            elif figure.count is None or figure.of is not None:
                continue
            count += figure.count
            covered.append(sub)
        return Figure(count=count if covered else None, total=total if of else None, of=of,
                      own=False, covered=tuple(covered), expected=expected,
                      needs_counts=tuple(needs_counts), other_base=tuple(other_base))


def reporting_due(campaign: Campaign, phase: int | None) -> date | None:
    """The campaign's deadline for reports on the period (a phase, or the whole)."""
    for entry in campaign.reporting:
        if entry.phase == phase:
            return entry.due
    return None
