"""The verdict table: đạt, vượt or không đạt, and by how much.

Every value is an exact :class:`~fractions.Fraction` — a share as a percentage
(7.620/10.159 is ``Fraction(762000, 10159)``), a count as itself — and is compared with
the target's bounds exactly; nothing is rounded before the comparison.

| target                                   | đạt when          | vượt when        |
|------------------------------------------|-------------------|------------------|
| ``trên X``                               | v > X             | —                |
| ``từ X trở lên``, a bare ``X%`` ≠ 100%   | v ≥ X             | v > X            |
| ``X-Y``                                  | X ≤ v ≤ Y         | v > Y            |
| ``100%``                                 | v = 100%          | —                |
| ``0``, ``không có``                      | v = 0             | —                |
| ``dưới X`` / ``không quá X``             | v < X / v ≤ X     | —                |
| a count ``trên N`` / ``N``               | v > N / v ≥ N     | v > N (for ``N``) |
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from functools import lru_cache
from typing import Literal

from thidua_cli.vn import numbers
from thidua_cli.vn.targets import TargetValue

Kind = Literal["dat", "vuot", "khong-dat", "tien-do"]

_LABELS: dict[Kind, tuple[str, str]] = {
    "dat": ("đạt", "met"), "vuot": ("vượt", "exceeded"),
    "khong-dat": ("không đạt", "not met"), "tien-do": ("tiến độ", "progress"),
}
_HUNDRED = Fraction(100)


@dataclass(frozen=True)
class Verdict:
    """A judged value: the verdict, the signed margin to the bound that decided it (in
    percentage points for a share, in units for a count), and for a count target the
    share of the plan achieved (``145,5`` for "đạt 145,5% kế hoạch")."""

    kind: Kind
    margin: Fraction | None
    #: "lower": the target asks for at least/more (a positive margin is good);
    #: "upper": at most/less/none (a positive margin is over the limit).
    side: Literal["lower", "upper"]
    percent: bool
    of_plan: Fraction | None = None

    def label(self, lang: str = "vi") -> str:
        vi, en = _LABELS[self.kind]
        return en if lang == "en" else vi

    def margin_text(self, lang: str = "vi") -> str:
        """``vượt 1,2 điểm %``, ``thiếu 1,28 điểm %``, ``vượt 91`` …; "" when there is none."""
        if self.margin is None or self.margin == 0:
            return ""
        size = numbers.number(abs(self.margin))
        if size == "0":  # 7.619/10.159 is 0,0025 points short: never print "thiếu 0"
            size_vi, size_en = "dưới 0,01", "less than 0.01"
        else:
            size_vi, size_en = size, numbers.english(size)
        unit_vi, unit_en = (" điểm %", " percentage points") if self.percent else ("", "")
        if self.side == "lower":
            word_vi, word_en = ("vượt", "above by") if self.margin > 0 else ("thiếu", "short by")
        else:
            word_vi, word_en = (("quá", "over by") if self.margin > 0
                                else ("dưới mức tối đa", "under the limit by"))
        return f"{word_en} {size_en}{unit_en}" if lang == "en" else f"{word_vi} {size_vi}{unit_vi}"

    def plan_text(self, lang: str = "vi") -> str:
        """``đạt 145,5% kế hoạch`` for a count target; "" otherwise."""
        if self.of_plan is None:
            return ""
        share = numbers.number(self.of_plan, 1)
        return f"{share}% of plan" if lang == "en" else f"đạt {share}% kế hoạch"

    def text(self, lang: str = "vi") -> str:
        """The Đánh giá cell: ``vượt (vượt 1,2 điểm %)``, ``đạt (đạt 145,5% kế hoạch)``."""
        details = [part for part in (self.margin_text(lang), self.plan_text(lang)) if part]
        return self.label(lang) + (f" ({'; '.join(details)})" if details else "")


def verdict(target: TargetValue, value: Fraction, *, progress: bool = False) -> Verdict:
    """How ``value`` (a percentage for a share target, a count for a count target) stands
    against ``target``. ``progress``: a phase report of a year target — not judged, only
    measured (kind ``tien-do``)."""
    kind, margin, side = _judge(target, value)
    of_plan = None
    if not target.percent and target.low is not None and target.low > 0:
        of_plan = value * 100 / Fraction(target.low)
    return Verdict("tien-do" if progress else kind, margin, side, target.percent, of_plan)


@lru_cache(maxsize=4096)
def _bounds(target: TargetValue) -> tuple[Fraction | None, Fraction | None]:
    """A target's ends as fractions, computed once per distinct target (validate judges
    every share of every result file against a few dozen distinct targets)."""
    return (None if target.low is None else Fraction(target.low),
            None if target.high is None else Fraction(target.high))


def _is(bound: Fraction | None, whole: int) -> bool:
    """``bound == whole``, by its parts: ``Fraction == Fraction`` goes through an ABC check."""
    return bound is not None and bound.denominator == 1 and bound.numerator == whole


def _judge(target: TargetValue, v: Fraction) -> tuple[Kind, Fraction | None, Literal["lower", "upper"]]:
    low, high = _bounds(target)
    if target.kind == "exact" and _is(low, 0):
        return ("dat" if v == 0 else "khong-dat"), v, "upper"
    if target.kind == "exact" and target.percent and _is(low, 100):
        return ("dat" if v == _HUNDRED else "khong-dat"), v - _HUNDRED, "lower"
    if target.kind == "more":
        assert low is not None
        return ("dat" if v > low else "khong-dat"), v - low, "lower"
    if target.kind in ("at_least", "exact"):  # a bare X% or a count N reads as "at least"
        assert low is not None
        return _at_least(v, low), v - low, "lower"
    if target.kind == "between":
        assert low is not None and high is not None
        if v > high:
            return "vuot", v - high, "lower"
        if v < low:
            return "khong-dat", v - low, "lower"
        return "dat", None, "lower"
    assert high is not None
    met = v < high if target.kind == "less" else v <= high
    return ("dat" if met else "khong-dat"), v - high, "upper"


def _at_least(v: Fraction, low: Fraction) -> Kind:
    if v > low:
        return "vuot"
    return "dat" if v == low else "khong-dat"


def share(count: int, total: int) -> Fraction:
    """count/total as an exact percentage (0 of 0 is 0%: nothing to achieve, nothing achieved)."""
    return Fraction(100 * count, total) if total else Fraction(0)


def reads_as(stated: Fraction, target: TargetValue) -> bool:
    """Whether a share reads as meeting the target (đạt or vượt): the verdict table's "đạt
    when" column alone, without the margin. Validate asks this of every share it reads, so
    it compares numerators and denominators as integers (a Fraction comparison goes through
    the numbers.Rational ABC check each time)."""
    low, high = _bounds(target)
    kind = target.kind

    def above(bound: Fraction | None) -> int:  # the sign of stated − bound
        assert bound is not None
        diff = stated.numerator * bound.denominator - bound.numerator * stated.denominator
        return (diff > 0) - (diff < 0)

    if kind == "exact" and _is(low, 0):
        return stated.numerator == 0
    if kind == "exact" and target.percent and _is(low, 100):
        return above(low) == 0
    if kind == "more":
        return above(low) > 0
    if kind in ("at_least", "exact", "between"):  # between: above its top is vượt
        return above(low) >= 0
    return above(high) < 0 if kind == "less" else above(high) <= 0


