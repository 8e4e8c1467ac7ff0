"""item → group → base → capped bonus and deductions → total → class → rank.

Every figure is a :class:`~decimal.Decimal` made from scores with at most one decimal, and
only added and multiplied by whole numbers: the arithmetic is exact (0.5 × 3 is 1.5, and
0.1 + 0.2 is 0.3), so two totals that print the same are the same and ties are real ties.

An item's score is its ``final`` (thẩm định) if given, else its ``self`` (tự chấm); an item
linked to a target with neither takes its points from the unit's result: the item's full
``max`` when the result is đạt or vượt, 0 when it is không đạt. An item with no score at all
counts 0 here (the validator reports it as ``score-missing``).

Ranking is competition ranking by total, highest first (1, 1, 3). Units tied at rank 1 are
parted by the meeting's vote when there is one (more votes first, still competition ranking);
those the vote does not part stay tied and are listed in :attr:`Ranking.tied`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from thidua_cli.models.scoring import Extras, Scoring, UnitScores

ZERO = Decimal(0)

#: Where an item's score comes from.
Source = Literal["final", "self", "result", "missing"]
#: A result's verdict on a target, as :mod:`thidua_cli.results.judge` names it.
Verdict = Literal["dat", "vuot", "khong-dat", "tien-do"]


@dataclass(frozen=True)
class ItemScore:
    self_score: Decimal | None    # tự chấm, as written
    final: Decimal | None         # thẩm định, as written (only when it changed)
    score: Decimal                # the score that counts
    source: Source


@dataclass(frozen=True)
class UnitTotal:
    unit: str
    items: dict[str, ItemScore]
    groups: dict[str, Decimal]
    self_base: Decimal            # the sum of the self-scores (results where none): điểm tự chấm
    base: Decimal                 # the sum of the groups: điểm thẩm định
    bonus: Decimal                # capped
    deductions: Decimal           # capped
    total: Decimal
    klass: str | None
    rank: int
    votes: int | None


@dataclass(frozen=True)
class Ranking:
    units: tuple[UnitTotal, ...]  # by rank, ties in the file's order
    tied: tuple[str, ...]         # units still tied at rank 1 (empty when rank 1 is one unit)


def item_score(scores: UnitScores | None, item_id: str, item_max: Decimal,
               verdict: Verdict | None) -> ItemScore:
    own = scores.self_.get(item_id) if scores is not None else None
    final = scores.final.get(item_id) if scores is not None else None
    if final is not None:
        return ItemScore(own, final, final, "final")
    if own is not None:
        return ItemScore(own, None, own, "self")
    if verdict in ("dat", "vuot"):
        return ItemScore(None, None, item_max, "result")
    if verdict == "khong-dat":
        return ItemScore(None, None, ZERO, "result")
    return ItemScore(None, None, ZERO, "missing")


def capped(extras: Extras | None, times: Mapping[str, Decimal]) -> Decimal:
    """Σ points × times over the bonus (or deduction) items, at most ``extras.max``."""
    if extras is None:
        return ZERO
    points = {extra.id: extra.points for extra in extras.items}
    raw = sum((points[key] * count for key, count in times.items() if key in points), ZERO)
    return min(raw, extras.max)


def class_of(scoring: Scoring, total: Decimal) -> str | None:
    """The first class (highest first) whose ``min`` the total reaches; one without ``min``
    takes every total that reaches it."""
    for klass in scoring.classes:
        if klass.min is None or total >= klass.min:
            return klass.name
    return None


def compute(scoring: Scoring, units: Sequence[str],
            verdicts: Mapping[tuple[str, str], Verdict] | None = None) -> Ranking:
    """Every scored unit's points, class and rank. ``verdicts[(unit, target)]`` is the verdict
    of the unit's result on a linked item's target, where it has one."""
    verdicts = verdicts or {}
    totals = []
    for unit in units:
        scores = scoring.scores.get(unit)
        items: dict[str, ItemScore] = {}
        groups: dict[str, Decimal] = {}
        self_base = ZERO
        for group in scoring.criteria:
            group_sum = ZERO
            for item in group.items:
                verdict = verdicts.get((unit, item.target)) if item.target is not None else None
                scored = item_score(scores, item.id, item.max, verdict)
                items[item.id] = scored
                group_sum += scored.score
                if scored.self_score is not None:
                    self_base += scored.self_score
                elif scored.source == "result":
                    self_base += scored.score
            groups[group.id] = group_sum
        base = sum(groups.values(), ZERO)
        bonus = capped(scoring.bonus, scores.bonus if scores is not None else {})
        deductions = capped(scoring.deductions, scores.deductions if scores is not None else {})
        total = base + bonus - deductions
        votes = scoring.vote.votes.get(unit, 0) if scoring.vote is not None else None
        totals.append(UnitTotal(unit, items, groups, self_base, base, bonus, deductions, total,
                                class_of(scoring, total), 0, votes))
    ranks, tied = rank([(t.unit, t.total) for t in totals],
                       scoring.vote.votes if scoring.vote is not None else None)
    ranked = [UnitTotal(**{**t.__dict__, "rank": ranks[t.unit]}) for t in totals]
    order = {t.unit: index for index, t in enumerate(totals)}
    ranked.sort(key=lambda t: (t.rank, order[t.unit]))
    return Ranking(tuple(ranked), tuple(tied))


def rank(totals: Sequence[tuple[str, Decimal]],
         votes: Mapping[str, int] | None) -> tuple[dict[str, int], list[str]]:
    """Competition ranks by total (1, 1, 3); a tie at rank 1 parted by ``votes`` when given.
    Returns the ranks and the units still tied at rank 1 (in the given order)."""
    ranks = _competition(totals)
    first = [unit for unit, _ in totals if ranks[unit] == 1]
    if len(first) < 2:
        return ranks, []
    if votes is not None:
        ranks.update(_competition([(unit, votes.get(unit, 0)) for unit in first]))
    tied = [unit for unit in first if ranks[unit] == 1]
    return ranks, tied if len(tied) > 1 else []


def _competition(values: Sequence[tuple[str, Decimal | int]]) -> dict[str, int]:
    """1 + how many have more, for each: one sort, not a comparison of every pair (a
    superior ranks 6,000 CĐCS)."""
    ordered = sorted(values, key=lambda pair: pair[1], reverse=True)
    ranks: dict[str, int] = {}
    for position, (unit, value) in enumerate(ordered):
        if position and value == ordered[position - 1][1]:
            ranks[unit] = ranks[ordered[position - 1][0]]
        else:
            ranks[unit] = position + 1
    return ranks
