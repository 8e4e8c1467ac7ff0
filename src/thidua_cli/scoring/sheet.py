"""A scoring file and the registry around it → what the tables and documents print — pure.

One :class:`Sheet` per scoring: the scorer, the criteria, each unit's computed points and
rank, and the names to print. ``thidua scores`` and ``thidua render scores|minutes|proposal``
all start here, so every view shows the same figures.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from thidua_cli.models import Campaign, Cluster, Unit
from thidua_cli.models.scoring import Scoring
from thidua_cli.registry.data import Entry, Registry
from thidua_cli.results.rollup import RollUp
from thidua_cli.scoring import compute, scored
from thidua_cli.vn.targets import format_number


@dataclass(frozen=True)
class Sheet:
    entry: Entry[Scoring]
    cluster: Cluster | None        # the scorer, when it is a cluster
    scorer: Unit | None            # the scorer, when it is a unit
    campaign: Campaign | None
    ranking: compute.Ranking
    units: dict[str, Unit]         # every unit of the registry, by id (names, parents)

    @property
    def scoring(self) -> Scoring:
        return self.entry.model

    @property
    def file(self) -> str:
        return self.entry.loc.file

    @property
    def by_name(self) -> str:
        if self.cluster is not None:
            return self.cluster.name
        return self.scorer.name if self.scorer is not None else self.scoring.by

    def name(self, unit_id: str) -> str:
        unit = self.units.get(unit_id)
        return unit.name if unit is not None else unit_id

    def short(self, unit_id: str) -> str:
        unit = self.units.get(unit_id)
        return unit.display if unit is not None else unit_id


def sheets(registry: Registry, year: int, by: str | None = None) -> list[Sheet]:
    """The scorings of ``year`` (of ``by`` only, when given), in file order, computed."""
    chosen = [entry for entry in registry.scorings  # never a partial one: nothing is made from it
              if not entry.cut and entry.model.year == year and (by is None or entry.model.by == by)]
    if not chosen:
        return []
    clusters: dict[str, Cluster] = {}
    for cluster in registry.clusters:
        clusters.setdefault(cluster.model.id, cluster.model)
    units: dict[str, Unit] = {}
    children: dict[str, list[Unit]] = {}
    for unit_entry in registry.units:
        unit = unit_entry.model
        units.setdefault(unit.id, unit)
        if unit.parent is not None:
            children.setdefault(unit.parent, []).append(unit)
    campaigns: dict[str, Campaign] = {}
    for campaign_entry in registry.campaigns:
        campaigns.setdefault(campaign_entry.model.id, campaign_entry.model)
    rollup = RollUp(units.values(), clusters.values(), campaigns.values(),
                    (e.model for e in registry.results))
    made = []
    for entry in chosen:
        model = entry.model
        who = scored.scored(model, clusters, children)
        campaign = campaigns.get(model.campaign) if model.campaign else None
        verdicts = scored.verdicts(model, campaign, who, rollup)
        made.append(Sheet(entry, clusters.get(model.by), units.get(model.by), campaign,
                          compute.compute(model, who, verdicts), units))
    return made


def points(value: Decimal, lang: str = "vi") -> str:
    """A score as people write it: ``96,5``, ``100`` (``96.5`` in English)."""
    text = format_number(value)
    return text.translate(str.maketrans(".,", ",.")) if lang == "en" else text


def decimal_string(value: Decimal) -> str:
    """A score for machines (JSON, CSV): a dot and one decimal (``96.5``, ``100.0``)."""
    return f"{value:.1f}"
