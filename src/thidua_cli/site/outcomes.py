"""Results and scoring as the site shows them: computed once for the whole site, read by
every page.

Nothing is computed here that the results and scoring modules already compute: the figures
and verdicts are :func:`thidua_cli.results.table.rows` (the rows of ``thidua results``, one
call per period for every campaign at once, on one :class:`RollUp`), the rankings are
:func:`thidua_cli.scoring.sheet.sheets` (those of ``thidua scores``). This module only says
which of them belongs to which page, and what a unit still owes.

- A campaign "has results" for a period when its issuer has a figure on some target (its own
  report or its subordinates' pooled) or some unit reported on it.
- A unit owes a report when it is one of those who report to a campaign's issuer (a cluster's
  members, the issuer's direct subordinates), the campaign's deadline for the period
  (``reporting``) is before today, and the unit neither reported nor is counted in the
  roll-up of that period (the same "chưa báo cáo" as ``thidua results``).
- A scoring is shown only when its own data (the files ``thidua scores`` would check) is free
  of errors; otherwise the page says it has errors, as the command refuses it.

Pure: built from the loaded registry, the day and the files with errors.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from thidua_cli.models import Campaign, Result
from thidua_cli.problems import Problem
from thidua_cli.registry.data import Registry
from thidua_cli.results import table as result_table
from thidua_cli.results.rollup import RollUp, judge
from thidua_cli.results.table import CampaignRows
from thidua_cli.scoring.sheet import Sheet


def period(phase: int | None) -> str:
    """``tổng kết`` or ``sơ kết đợt 2``: the period a report covers."""
    return "tổng kết" if phase is None else f"sơ kết đợt {phase}"


@dataclass(frozen=True)
class Owed:
    """A report a unit has not sent, its deadline passed."""

    campaign: Campaign
    phase: int | None
    due: date


@dataclass(frozen=True)
class Reported:
    """A report a unit sent (a result file), and how its targets are judged."""

    result: Result
    campaign: Campaign
    kinds: tuple[str | None, ...]   # per target: the verdict's kind, None (nothing to judge)


@dataclass(frozen=True)
class Scored:
    """A year's scoring by a cluster or unit: computed, or blocked by errors in its data."""

    by: str
    year: int
    file: str
    sheet: Sheet | None             # None: its data has errors (``thidua scores`` refuses it)


@dataclass
class Outcomes:
    rollup: RollUp
    #: (campaign id, phase) → the rows of ``thidua results`` for a period that has results
    tables: dict[tuple[str, int | None], CampaignRows] = field(default_factory=dict)
    reports: dict[str, list[Reported]] = field(default_factory=dict)   # reporter id → reports
    owed: dict[str, list[Owed]] = field(default_factory=dict)          # unit id → reports owed
    scorings: dict[str, list[Scored]] = field(default_factory=dict)    # scorer id → newest first
    scored_in: dict[str, list[Scored]] = field(default_factory=dict)   # unit id → scorings of it

    @classmethod
    def of(cls, registry: Registry, campaigns: Iterable[Campaign], today: date,
           errors: list[Problem]) -> Outcomes:
        campaigns = list(campaigns)
        found = cls(result_table.book(registry))
        found._tables(registry, campaigns)
        found._reports(registry)
        found._owed(registry, campaigns, today)
        found._scorings(registry, errors)
        return found

    def periods(self, campaign_id: str, campaign: Campaign) -> list[CampaignRows]:
        """The campaign's periods with results: the phases in order, then the whole."""
        found = [self.tables[(campaign_id, p.number)] for p in campaign.phases
                 if (campaign_id, p.number) in self.tables]
        whole = self.tables.get((campaign_id, None))
        return found + ([whole] if whole is not None else [])

    # ----------------------------------------------------------------------- building

    def _tables(self, registry: Registry, campaigns: list[Campaign]) -> None:
        by_id = {c.id: c for c in campaigns}
        phases = sorted({r.model.phase for r in registry.results if r.model.phase is not None})
        for phase in [None, *phases]:
            chosen = campaigns if phase is None else [
                c for c in campaigns if any(p.number == phase for p in c.phases)]
            for rows in result_table.rows(registry, chosen, phase, rollup=self.rollup):
                if any(row.figure is not None or not row.issuer_row for row in rows.rows):
                    self.tables[(rows.campaign.id, phase)] = rows
        # A report on a campaign without targets (cdvc-ha-noi-2017) is a result too.
        for entry in registry.results:
            model = entry.model
            campaign = by_id.get(model.campaign)
            if campaign is not None and (campaign.id, model.phase) not in self.tables:
                self.tables[(campaign.id, model.phase)] = result_table.rows(
                    registry, [campaign], model.phase, rollup=self.rollup)[0]

    def _reports(self, registry: Registry) -> None:
        campaigns = {c.id: c for c in self.rollup.campaigns.values()}
        for entry in registry.results:
            result = entry.model
            campaign = campaigns.get(result.campaign)
            if campaign is None:
                continue
            reporter = result.unit or campaign.issuer
            rows = self.tables.get((campaign.id, result.phase))
            kinds: list[str | None] = []
            if reporter == campaign.issuer and rows is not None:
                # The issuer's own report: its rows are judged already.
                kinds = [None if row.verdict is None else row.verdict.kind
                         for row in rows.rows if row.issuer_row]
            else:
                for target in campaign.targets:
                    verdict = judge(target, self.rollup.figure(campaign, reporter, target,
                                                               result.phase), phase=result.phase)
                    kinds.append(None if verdict is None else verdict.kind)
            self.reports.setdefault(reporter, []).append(Reported(result, campaign, tuple(kinds)))

    def _owed(self, registry: Registry, campaigns: list[Campaign], today: date) -> None:
        sent = {(r.model.campaign, r.model.unit or "", r.model.phase) for r in registry.results}
        for campaign in campaigns:
            for entry in campaign.reporting:
                if entry.due >= today:
                    continue
                rows = self.tables.get((campaign.id, entry.phase))
                reported = set(rows.reported) if rows is not None else set()
                for unit in self.rollup.expected(campaign.issuer, campaign):
                    if unit not in reported and (campaign.id, unit, entry.phase) not in sent:
                        self.owed.setdefault(unit, []).append(Owed(campaign, entry.phase, entry.due))
        for owed in self.owed.values():
            owed.sort(key=lambda o: (o.due, o.campaign.id))

    def _scorings(self, registry: Registry, errors: list[Problem]) -> None:
        from thidua_cli.scope import Scoper  # what `thidua scores` checks
        from thidua_cli.scoring.sheet import sheets

        scoper = Scoper(registry)

        for year in sorted({e.model.year for e in registry.scorings}, reverse=True):
            computed = {id(s.entry): s for s in sheets(registry, year)}
            for entry in registry.scorings:
                model = entry.model
                if model.year != year:
                    continue
                blocked = bool(scoper.own(scoper.scoring_scope(entry), errors))
                sheet = None if blocked else computed.get(id(entry))
                scored = Scored(model.by, year, entry.loc.file, sheet)
                self.scorings.setdefault(model.by, []).append(scored)
                if sheet is not None:
                    for total in sheet.ranking.units:
                        self.scored_in.setdefault(total.unit, []).append(scored)
