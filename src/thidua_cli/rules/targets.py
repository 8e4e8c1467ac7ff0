"""Targets (chỉ tiêu): percentages that can be met, ranges in order, and no
target weaker than the one the superior assigned.

Bounds come from :mod:`thidua_cli.vn.targets`: ``trên 75%`` is a strict lower
bound of 75, ``từ 75% trở lên`` a non-strict one, so the former is stricter.
"""

from __future__ import annotations

from decimal import Decimal

from thidua_cli.models import Campaign, Target
from thidua_cli.problems import Location, Severity, Text
from thidua_cli.registry.data import Entry
from thidua_cli.rules.base import Check, Context, Finding, Rule
from thidua_cli.vn.targets import Bound, TargetValue, share_of_a_plan

RULES = (
    Rule("target-percent-range", Severity.ERROR,
         Text("tỉ lệ phần trăm ngoài 0–100, hoặc một cận không thể đạt (trên 100%, dưới 0%)",
              "a percentage outside 0–100, or an impossible bound (trên 100%, dưới 0%)"),
         Text("Không đơn vị nào đạt được hơn 100% số đoàn viên của mình.",
              "No unit can reach more than 100% of its members."),
         bad="value: trên 100%", good="value: 100%"),
    Rule("target-range-order", Severity.ERROR,
         Text("khoảng có đầu dưới lớn hơn đầu trên", "a range whose low end exceeds its high end"),
         Text("“90-85%” thường là viết ngược “85-90%”.", "“90-85%” is usually “85-90%” written backwards."),
         bad="value: 90-85%", good="value: 85-90%"),
    Rule("target-infeasible", Severity.ERROR,
         Text("chỉ tiêu không thể đạt vì chỉ tiêu “within” của nó",
              "a target that its `within` target makes impossible"),
         Text("Số cơ quan đạt danh hiệu không thể vượt số cơ quan đăng ký.",
              "Units that reach a title cannot outnumber the units that registered for it."),
         bad="- {id: dang-ky, text: cơ quan đăng ký, value: 50%}\n"
             "- {id: dat, text: cơ quan đạt, value: trên 60%, within: dang-ky}",
         good="- {id: dang-ky, text: cơ quan đăng ký, value: 100%}\n"
              "- {id: dat, text: cơ quan đạt, value: trên 60%, within: dang-ky}"),
    Rule("target-below-parent", Severity.ERROR,
         Text("chỉ tiêu thấp hơn chỉ tiêu cùng mã của đơn vị cấp trên (cùng năm, cùng loại phong trào)",
              "a target weaker than the same target id in an ancestor unit's campaign "
              "of the same year and kind"),
         Text("Chỉ tiêu cấp dưới không được thấp hơn chỉ tiêu cấp trên đã giao.",
              "A lower unit's target may not be weaker than the one its superior assigned."),
         bad="# cấp trên: trên 75%\nvalue: từ 75% trở lên", good="# cấp trên: trên 75%\nvalue: trên 80%"),
)

_HUNDRED = Decimal(100)


def _feasible(value: TargetValue) -> bool:
    lower, upper = value.lower, value.upper
    if lower is None or upper is None:
        return True
    return lower.value < upper.value or (lower.value == upper.value
                                         and not lower.strict and not upper.strict)


def _upper_allowed(value: TargetValue) -> Bound | None:
    """The most a target allows: its upper bound, or 100% for a percentage."""
    if value.upper is not None:
        return value.upper
    return Bound(_HUNDRED, False) if value.percent else None


def _exceeds(lower: Bound, upper: Bound) -> bool:
    return lower.value > upper.value or (lower.value == upper.value and (lower.strict or upper.strict))


def _at_least_as_strict_lower(child: Bound, parent: Bound) -> bool:
    return child.value > parent.value or (child.value == parent.value
                                          and (child.strict or not parent.strict))


def _at_least_as_strict_upper(child: Bound, parent: Bound) -> bool:
    return child.value < parent.value or (child.value == parent.value
                                          and (child.strict or not parent.strict))


def check(ctx: Context) -> Check:
    for campaign in ctx.registry.campaigns:
        model = campaign.model
        by_id = {target.id: target for target in model.targets}
        for index, target in enumerate(model.targets):
            loc = campaign.loc.child("targets", index, "value")
            yield from _check_value(target.value, loc, target.text)
            if target.within is not None and target.within in by_id:
                yield from _check_within(target, by_id[target.within], loc)
        yield from _check_parent(ctx, campaign)


def _check_value(value: TargetValue, loc: Location, text: str = "") -> Check:
    if value.kind == "between" and value.low is not None and value.high is not None \
            and value.low > value.high:
        yield Finding("target-range-order", loc, Text(
            f'khoảng "{value}" có đầu dưới lớn hơn đầu trên; có phải ý bạn là '
            f'"{TargetValue("between", value.high, value.low, value.percent)}"?',
            f'range "{value}" has its low end above its high end; did you mean '
            f'"{TargetValue("between", value.high, value.low, value.percent)}"?'))
        return
    if not value.percent:
        return
    numbers = [n for n in (value.low, value.high) if n is not None]
    if share_of_a_plan(value, text):
        # "120% dự toán": a share of a plan may exceed 100%.
        return
    if any(n > _HUNDRED or n < 0 for n in numbers):
        yield Finding("target-percent-range", loc, Text(
            f'"{value}" không phải tỉ lệ có thể có: phần trăm phải từ 0% đến 100% (tỉ lệ so với '
            f'kế hoạch, dự toán thì ghi rõ, ví dụ "120% dự toán")',
            f'"{value}" is not a possible share: a percentage lies between 0% and 100% (for a share '
            f'of a plan or budget, say so, e.g. "120% dự toán")'))
    elif value.kind == "more" and value.low == _HUNDRED:
        yield Finding("target-percent-range", loc, Text(
            '"trên 100%" không thể đạt được; có phải ý bạn là "100%"?',
            '"trên 100%" (more than 100%) cannot be reached; did you mean "100%"?'))
    elif value.kind == "less" and value.high == 0:
        yield Finding("target-percent-range", loc, Text(
            '"dưới 0%" không thể đạt được; có phải ý bạn là "0%" hoặc "không có"?',
            '"dưới 0%" (less than 0%) cannot be reached; did you mean "0%" or "không có"?'))


def _check_within(target: Target, outer: Target, loc: Location) -> Check:
    if target.value.percent != outer.value.percent or not _feasible(outer.value):
        return
    lower, allowed = target.value.lower, _upper_allowed(outer.value)
    if lower is not None and allowed is not None and _exceeds(lower, allowed):
        yield Finding("target-infeasible", loc, Text(
            f'chỉ tiêu "{target.id}" ({target.value}) không thể đạt vì nằm trong chỉ tiêu '
            f'"{outer.id}" ({outer.value}); hãy hạ chỉ tiêu này hoặc nâng chỉ tiêu "{outer.id}"',
            f'target "{target.id}" ({target.value}) cannot be met within target '
            f'"{outer.id}" ({outer.value}); lower this one or raise "{outer.id}"'))


def _check_parent(ctx: Context, campaign: Entry[Campaign]) -> Check:
    model = campaign.model
    if model.issuer not in ctx.units or not model.targets \
            or not campaign.intact("issuer", "year", "kind"):
        return
    ancestor_targets: dict[str, tuple[Target, Campaign]] = {}
    for ancestor in ctx.ancestors(model.issuer):  # nearest first: the nearest superior wins
        for other in ctx.campaigns_by_issuer.get((ancestor, model.year, model.kind), ()):
            theirs = other.model
            for target in theirs.targets:
                ancestor_targets.setdefault(target.id, (target, theirs))
    for index, target in enumerate(model.targets):
        if target.id not in ancestor_targets:
            continue
        parent, parent_campaign = ancestor_targets[target.id]
        if parent.value.percent != target.value.percent:
            continue
        mine, theirs_value = target.value, parent.value
        if theirs_value.lower is not None:
            ok = mine.lower is not None and _at_least_as_strict_lower(mine.lower, theirs_value.lower)
        elif theirs_value.upper is not None:
            ok = mine.upper is not None and _at_least_as_strict_upper(mine.upper, theirs_value.upper)
        else:
            ok = True
        if not ok:
            superior = ctx.name_of(parent_campaign.issuer)
            yield Finding("target-below-parent", campaign.loc.child("targets", index, "value"), Text(
                f'chỉ tiêu "{target.id}" ({mine}) thấp hơn chỉ tiêu {superior} giao ({theirs_value}, '
                f'phong trào "{parent_campaign.id}"); chỉ tiêu cấp dưới không được thấp hơn cấp trên',
                f'target "{target.id}" ({mine}) is weaker than the one {superior} assigned '
                f'({theirs_value}, campaign "{parent_campaign.id}"); a lower unit may not aim lower'))
