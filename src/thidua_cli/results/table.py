"""The rows of ``thidua results``: per campaign and target, the issuer's figure (its own
report or the roll-up) and each reporting unit's, judged.

Pure: a loaded registry in, rows out; the CLI formats them (terminal, JSON, CSV, XLSX).
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from thidua_cli.models import Campaign, Target
from thidua_cli.registry.data import Registry
from thidua_cli.results.judge import Verdict
from thidua_cli.results.rollup import Figure, RollUp, judge
from thidua_cli.vn import numbers


@dataclass(frozen=True)
class Row:
    campaign: Campaign
    unit: str                 # the issuer (its own or pooled figure) or a reporting unit
    unit_name: str
    issuer_row: bool
    phase: int | None
    target: Target
    figure: Figure | None     # None: nothing reported
    verdict: Verdict | None   # None: nothing to judge

    @property
    def share(self) -> Fraction | None:
        return None if self.figure is None else self.figure.share

    def achieved_text(self, lang: str = "vi") -> str:
        """Thực hiện: ``7.620/10.159``, ``291``, ``—`` (only a share, or nothing)."""
        figure = self.figure
        if figure is None or figure.count is None:
            return "—"
        text = numbers.count(figure.count)
        if figure.total is not None:
            text += f"/{numbers.count(figure.total)}"
        return numbers.english(text) if lang == "en" else text

    def share_text(self, lang: str = "vi") -> str:
        """Tỷ lệ: the share for a percentage target, "" for a count target."""
        if not self.target.value.percent or self.share is None:
            return ""
        text = numbers.percent(self.share)
        return numbers.english(text) if lang == "en" else text

    def verdict_text(self, lang: str = "vi") -> str:
        if self.figure is None:
            return "not reported" if lang == "en" else "chưa báo cáo"
        if self.verdict is None and not self.issuer_row and not self.target.value.percent:
            return ""  # a part of the issuer's count: not judged on its own
        if self.verdict is None:
            return "cannot be judged" if lang == "en" else "không đánh giá được"
        return self.verdict.text(lang)


@dataclass(frozen=True)
class CampaignRows:
    campaign: Campaign
    issuer_name: str
    phase: int | None
    rows: list[Row]
    expected: tuple[str, ...]     # who reports to the issuer
    reported: tuple[str, ...]     # of those, who reported anything on any target
    missing_names: tuple[str, ...] = ()  # the names of those who did not, in order

    @property
    def missing(self) -> tuple[str, ...]:
        reported = set(self.reported)
        return tuple(unit for unit in self.expected if unit not in reported)


def names(registry: Registry, short: bool = False) -> dict[str, str]:
    """Unit and cluster ids → their names (``short``: the short name where there is one)."""
    found: dict[str, str] = {}
    for holder in (registry.units, registry.clusters):
        for entry in holder:
            model = entry.model
            found.setdefault(model.id, model.display if short else model.name)
    return found


def book(registry: Registry) -> RollUp:
    return RollUp((e.model for e in registry.units), (e.model for e in registry.clusters),
                  (e.model for e in registry.campaigns), (e.model for e in registry.results))


def campaigns(registry: Registry, year: int | None, campaign_id: str | None = None,
              unit: str | None = None) -> list[Campaign]:
    """The campaigns asked for, in registry order: of a year, one by id, or those a unit
    issued or reported on."""
    reporters: dict[str, set[str]] = {}
    for result in registry.results:
        reporters.setdefault(result.model.campaign, set()).add(result.model.unit or "")
    chosen = []
    for entry in registry.campaigns:
        model = entry.model
        if year is not None and model.year != year:
            continue
        if campaign_id is not None and model.id != campaign_id:
            continue
        if unit is not None and model.issuer != unit and unit not in reporters.get(model.id, ()):
            continue
        chosen.append(model)
    return chosen


def rows(registry: Registry, chosen: list[Campaign], phase: int | None = None,
         unit: str | None = None, rollup: RollUp | None = None) -> list[CampaignRows]:
    """Per campaign: for each target, the issuer's row then each reporting unit's row (in
    registry order); with ``unit``, only that unit's rows (and the issuer's if it is it)."""
    rollup = rollup or book(registry)
    label = names(registry)
    short = names(registry, short=True)
    reporting: dict[str, list[str]] = {}
    for entry in registry.results:
        model = entry.model
        if model.phase == phase and model.unit is not None:
            reporting.setdefault(model.campaign, []).append(model.unit)
    out = []
    for campaign in chosen:
        issuer = campaign.issuer
        units = [u for u in dict.fromkeys(reporting.get(campaign.id, ())) if u != issuer]
        if unit is not None:
            units = [u for u in units if u == unit]
        expected = rollup.expected(issuer, campaign)
        reported: set[str] = set()
        table: list[Row] = []
        for target in campaign.targets:
            figure = rollup.figure(campaign, issuer, target, phase)
            if figure is not None:
                reported.update(figure.covered)
                reported.update(figure.needs_counts)
                reported.update(figure.other_base)
            if unit is None or unit == issuer:
                table.append(Row(campaign, issuer, label.get(issuer, issuer), True, phase, target,
                                 figure, judge(target, figure, phase=phase)))
            for reporter in units:
                theirs = rollup.figure(campaign, reporter, target, phase)
                # A share target holds for every unit; a count target is the issuer's total,
                # of which a unit's count is a part: it is shown, not judged.
                judged = judge(target, theirs, phase=phase) if target.value.percent else None
                table.append(Row(campaign, reporter, short.get(reporter, reporter), False, phase,
                                 target, theirs, judged))
        out.append(CampaignRows(campaign, label.get(issuer, issuer), phase, table, expected,
                                tuple(u for u in expected if u in reported),
                                tuple(label.get(u, u) for u in expected if u not in reported)))
    return out
