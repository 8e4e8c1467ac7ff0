"""Who a scoring scores, and how its linked items read the units' results — pure.

A scoring ``by`` a cluster scores the cluster's members; ``by`` a unit, the unit's direct
subordinates that still existed when the year began. ``units:`` narrows and orders that set.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

from thidua_cli.models import Campaign, Cluster, Unit
from thidua_cli.models.scoring import Scoring
from thidua_cli.results.rollup import RollUp, judge
from thidua_cli.scoring.compute import Verdict


def eligible(scoring: Scoring, clusters: Mapping[str, Cluster],
             children: Mapping[str, Sequence[Unit]]) -> list[str]:
    """The units the scorer may score: a cluster's members, or a unit's direct subordinates
    (not dissolved before the year began), in the registry's order."""
    cluster = clusters.get(scoring.by)
    if cluster is not None:
        return list(cluster.members)
    start = date(scoring.year, 1, 1)
    return [unit.id for unit in children.get(scoring.by, ())
            if unit.dissolved is None or unit.dissolved > start]


def scored(scoring: Scoring, clusters: Mapping[str, Cluster],
           children: Mapping[str, Sequence[Unit]]) -> list[str]:
    """Who is scored, in order: ``units:`` when given (those eligible), else every eligible unit."""
    allowed = eligible(scoring, clusters, children)
    if scoring.units is None:
        return allowed
    known = set(allowed)
    return [unit for unit in dict.fromkeys(scoring.units) if unit in known]


def verdicts(scoring: Scoring, campaign: Campaign | None, units: Sequence[str],
             rollup: RollUp) -> dict[tuple[str, str], Verdict]:
    """The verdict of each scored unit's result on each target an item names — the unit's
    own report or its subordinates' pooled counts (:class:`~thidua_cli.results.rollup.RollUp`),
    judged by the verdict table; absent where nothing can be judged."""
    if campaign is None:
        return {}
    names = {item.target for item in scoring.items()}
    linked = [target for target in campaign.targets if target.id in names]
    found: dict[tuple[str, str], Verdict] = {}
    for unit in units:
        for target in linked:
            judged = judge(target, rollup.figure(campaign, unit, target))
            if judged is not None:
                found[(unit, target.id)] = judged.kind
    return found


def leader_title(cluster: Cluster) -> str:
    """"Cụm trưởng" or "Khối trưởng": the cluster's ``kind`` (cum|khoi), read by the model's
    one rule (:attr:`Cluster.is_khoi`: without a kind, a name starting "Khối" is a khối)."""
    return "Khối trưởng" if cluster.is_khoi else "Cụm trưởng"
