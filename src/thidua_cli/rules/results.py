"""Results (``results/*.yaml``) and the campaigns' reporting deadlines.

A result that misses its target is a fact to report, not a problem: these rules catch
inconsistencies — a name that names nothing, a count over its total, a printed share
that is not what the counts give or that reads as meeting a target the exact value
misses, a roll-up that does not add up.
"""

from __future__ import annotations

from collections.abc import Iterator
from fractions import Fraction

from thidua_cli.hints import did_you_mean
from thidua_cli.models import Achieved, Campaign, Result, Target
from thidua_cli.problems import Location, Severity, Text
from thidua_cli.registry.data import Entry
from thidua_cli.results import rollup
from thidua_cli.results.judge import reads_as, share
from thidua_cli.rules.base import Check, Context, Finding, Rule
from thidua_cli.vn import numbers
from thidua_cli.vn.dates import short_date

RULES = (
    Rule("result-unit", Severity.ERROR,
         Text("đơn vị báo cáo không phải đơn vị ban hành, không ở dưới nó, cũng không là thành viên cụm "
              "(giao ước)",
              "a reporting unit that is neither the issuer, below it, nor (for a covenant) a member"),
         Text("Chỉ đơn vị ban hành và các đơn vị cấp dưới (hoặc thành viên cụm) báo cáo kết quả phong trào.",
              "Only the issuer and the units below it (or a cluster's members) report on a campaign."),
         bad="campaign: ba-dinh-2020\nunit: ldld-ha-noi",
         good="campaign: ba-dinh-2020\nunit: cdcs-a"),
    Rule("result-shape", Severity.ERROR,
         Text("chỉ tiêu tỉ lệ được báo cáo bằng một số lượng (thiếu of), hoặc chỉ tiêu số lượng báo cáo "
              "bằng tỉ lệ",
              "a share target reported as a bare count (no `of`), or a count target reported as a share"),
         Text("Tỉ lệ cần mẫu số để tính và cộng dồn; số lượng thì không có mẫu số.",
              "A share needs its denominator to be computed and pooled; a count has none."),
         bad="lao-dong-tien-tien: 7620   # chỉ tiêu: từ 75% trở lên",
         good="lao-dong-tien-tien: {count: 7620, of: cbccvcld}"),
    Rule("result-count-over-total", Severity.ERROR,
         Text("số lượng lớn hơn tổng số mà nó là một phần", "a count larger than its named total"),
         Text("Không thể có 70 trên 65 CĐCS đạt vững mạnh: thường là gõ nhầm hoặc sai mẫu số.",
              "70 of 65 CĐCS cannot be rated strong: usually a typo or the wrong total."),
         bad="population: {cdcs: 65}\nresults: {cdcs-vung-manh: {count: 70, of: cdcs}}",
         good="population: {cdcs: 65}\nresults: {cdcs-vung-manh: {count: 60, of: cdcs}}"),
    Rule("result-stated-mismatch", Severity.ERROR,
         Text("tỉ lệ ghi (stated) khác count/of làm tròn đến đúng số chữ số thập phân đã ghi",
              "a `stated` share that is not count/of at the precision it is printed with"),
         Text("Báo cáo in tỉ lệ bên cạnh số lượng; hai con số phải khớp nhau.",
              "A report prints the share beside the counts; the two must agree."),
         bad='lao-dong-tien-tien: {count: 7620, of: cbccvcld, stated: "75,10%"}',
         good='lao-dong-tien-tien: {count: 7620, of: cbccvcld, stated: "75,01%"}'),
    Rule("result-within-exceeded", Severity.ERROR,
         Text("kết quả vượt quá kết quả của chỉ tiêu “within” chứa nó (cơ quan văn hóa đạt > đăng ký)",
              "a result above what its `within` target's result allows (more units reached than registered)"),
         Text("Chỉ cơ quan đã đăng ký mới có thể đạt danh hiệu.",
              "Only units that registered can reach the title."),
         bad="co-quan-van-hoa-dang-ky: {count: 60, of: cdcs}\nco-quan-van-hoa-dat: {count: 62, of: cdcs}",
         good="co-quan-van-hoa-dang-ky: {count: 65, of: cdcs}\nco-quan-van-hoa-dat: {count: 62, of: cdcs}"),
    Rule("result-period", Severity.ERROR,
         Text("as_of trước ngày bắt đầu phong trào (đợt), hoặc văn bản báo cáo ký trước as_of",
              "`as_of` before the campaign's (phase's) start, or a report document dated before `as_of`"),
         Text("Số liệu không thể có trước khi phong trào bắt đầu; "
              "báo cáo không thể ký trước ngày chốt số liệu.",
              "Figures cannot stand before the campaign starts; a report cannot be signed before its "
              "numbers."),
         bad="as_of: 2020-12-12\ndocument: {date: 2020-12-10}",
         good="as_of: 2020-12-12\ndocument: {date: 2020-12-14}"),
    Rule("result-late", Severity.WARNING,
         Text("văn bản báo cáo ký sau hạn báo cáo (reporting) của phong trào cho kỳ đó",
              "a report document dated after the campaign's `reporting` due date for that period"),
         Text("Nộp báo cáo chậm thường bị trừ điểm thi đua.",
              "A late report usually costs emulation points."),
         bad="# reporting: [{due: 2020-12-15}]\ndocument: {date: 2020-12-20}",
         good="# reporting: [{due: 2020-12-15}]\ndocument: {date: 2020-12-14}"),
    Rule("result-rounding-misleads", Severity.WARNING,
         Text("tỉ lệ in ra (làm tròn) trông như đạt chỉ tiêu trong khi giá trị chính xác không đạt",
              "a printed share that reads as meeting the target while the exact value does not"),
         Text("7.619/10.159 in ra “75,00%” nhưng chưa đạt “từ 75% trở lên”: đánh giá theo số chính xác.",
              "7,619/10,159 prints “75.00%” but does not meet “at least 75%”: judge on the exact value."),
         bad="lao-dong-tien-tien: {count: 7619, of: cbccvcld}   # 10.159, chỉ tiêu: từ 75% trở lên",
         good="lao-dong-tien-tien: {count: 7620, of: cbccvcld}   # 75,01%"),
    Rule("rollup-mismatch", Severity.WARNING,
         Text("số liệu của đơn vị khác tổng của các đơn vị cấp dưới khi mọi đơn vị cấp dưới đều đã báo cáo",
              "a unit's own count that differs from the sum of its subordinates' when every subordinate "
              "reported"),
         Text("Số tổng hợp của cấp trên phải bằng tổng số liệu cấp dưới báo cáo.",
              "A superior's total must equal the sum of what the units below reported."),
         bad="# cdcs-a báo cáo 30\nket-nap-dang: 31", good="# cdcs-a báo cáo 30\nket-nap-dang: 30"),
    Rule("rollup-incomplete", Severity.WARNING,
         Text("một số đơn vị cấp dưới đã báo cáo về phong trào, một số chưa (nêu tên đơn vị còn thiếu)",
              "some of a unit's subordinates reported on a campaign and others did not (names the "
              "missing ones)"),
         Text("Số tổng hợp chỉ đúng khi biết nó gồm những đơn vị nào.",
              "A pooled figure is only meaningful when one knows whom it covers."),
         bad="# báo cáo: cdcs-a; chưa báo cáo: cdcs-b", good="# báo cáo: cdcs-a, cdcs-b"),
    Rule("rollup-needs-counts", Severity.WARNING,
         Text("một tỉ lệ cần cộng dồn nhưng đơn vị cấp dưới chỉ ghi value (không có số lượng)",
              "a share that must be rolled up but a subordinate gave only `value`"),
         Text("Không được lấy trung bình các tỉ lệ; cần số lượng và tổng số để cộng dồn.",
              "Percentages are never averaged; pooling needs the counts and totals."),
         bad='gia-dinh-van-hoa: {value: "95,2%"}', good="gia-dinh-van-hoa: {count: 952, of: gia-dinh}"),
)


def check(ctx: Context) -> Check:
    yield from _check_reporting(ctx)
    if not ctx.registry.results:
        return
    book = rollup.RollUp((e.model for e in ctx.registry.units), (e.model for e in ctx.registry.clusters),
                         (e.model for e in ctx.registry.campaigns), (e.model for e in ctx.registry.results))
    first: dict[tuple[str, str, int | None], Location] = {}
    for entry in ctx.registry.results:
        campaign = ctx.campaigns.get(entry.model.campaign)
        yield from _check_references(ctx, entry, campaign)
        if campaign is None:
            continue
        model, loc = entry.model, entry.loc
        unit = model.unit or campaign.model.issuer
        key = (campaign.model.id, unit, model.phase)
        if key in first:
            yield Finding("duplicate-id", loc.child("campaign"), Text(
                f"đã có một báo cáo của {ctx.name_of(unit)} về phong trào này{_period_vi(model.phase)} "
                "ở {related}; mỗi đơn vị một báo cáo cho mỗi kỳ",
                f"{ctx.name_of(unit)} already reported on this campaign{_period_en(model.phase)} "
                "at {related}; one report per unit and period"), related=first[key])
        else:
            first[key] = loc.child("campaign")
        yield from _check_unit(ctx, entry, campaign.model, unit)
        yield from _check_period(entry, campaign.model)
        yield from _check_figures(entry, campaign.model)
        yield from _check_rollup(ctx, book, entry, campaign.model, unit)
    yield from _check_issuers(ctx, book)


def _period_vi(phase: int | None) -> str:
    return "" if phase is None else f" (đợt {phase})"


def _period_en(phase: int | None) -> str:
    return "" if phase is None else f" (phase {phase})"


def _check_reporting(ctx: Context) -> Check:
    for entry in ctx.registry.campaigns:
        phases = {phase.number for phase in entry.model.phases}
        seen: dict[int | None, Location] = {}
        for index, item in enumerate(entry.model.reporting):
            loc = entry.loc.child("reporting", index)
            if item.phase is not None and item.phase not in phases:
                yield Finding("unknown-reference", loc.child("phase"), Text(
                    f"phong trào không có đợt {item.phase}" + _phases_vi(phases),
                    f"the campaign has no phase {item.phase}" + _phases_en(phases)))
            if item.phase in seen:
                yield Finding("duplicate-id", loc, Text(
                    f"đã có hạn báo cáo cho kỳ này ở {{related}}{_period_vi(item.phase)}; mỗi kỳ một hạn",
                    f"this period already has a due date at {{related}}{_period_en(item.phase)}; "
                    "one per period"), related=seen[item.phase])
            else:
                seen[item.phase] = loc


def _phases_vi(phases: set[int]) -> str:
    return f" (các đợt: {', '.join(map(str, sorted(phases)))})" if phases else " (phong trào không chia đợt)"


def _phases_en(phases: set[int]) -> str:
    return f" (phases: {', '.join(map(str, sorted(phases)))})" if phases else " (the campaign has no phases)"


def _check_references(ctx: Context, entry: Entry[Result], campaign: Entry[Campaign] | None) -> Check:
    model, loc = entry.model, entry.loc
    if campaign is None:
        if model.campaign not in ctx.registry.broken_ids:
            hint_vi, hint_en = did_you_mean(model.campaign, ctx.campaigns)
            yield Finding("unknown-reference", loc.child("campaign"), Text(
                f'phong trào "{model.campaign}" không có trong sổ đăng ký{hint_vi}',
                f'campaign "{model.campaign}" is not in the registry{hint_en}'))
        return
    if model.unit is not None and model.unit not in ctx.units and model.unit not in ctx.clusters \
            and model.unit not in ctx.registry.broken_ids:
        hint_vi, hint_en = did_you_mean(model.unit, ctx.units)
        yield Finding("unknown-reference", loc.child("unit"), Text(
            f'đơn vị "{model.unit}" không có trong sổ đăng ký{hint_vi}',
            f'unit "{model.unit}" is not in the registry{hint_en}'))
    phases = {phase.number for phase in campaign.model.phases}
    if model.phase is not None and model.phase not in phases:
        yield Finding("unknown-reference", loc.child("phase"), Text(
            f'phong trào "{model.campaign}" không có đợt {model.phase}' + _phases_vi(phases),
            f'campaign "{model.campaign}" has no phase {model.phase}' + _phases_en(phases)))
    targets = [target.id for target in campaign.model.targets]
    for target_id, achieved in model.results.items():
        if target_id not in targets:
            hint_vi, hint_en = did_you_mean(target_id, targets)
            yield Finding("unknown-reference", loc.child("results", target_id, anchor="key"), Text(
                f'phong trào "{model.campaign}" không có chỉ tiêu "{target_id}"{hint_vi}',
                f'campaign "{model.campaign}" has no target "{target_id}"{hint_en}'))
        if achieved.of is not None and achieved.of not in model.population:
            hint_vi, hint_en = did_you_mean(achieved.of, model.population)
            known = ", ".join(model.population) or "—"
            yield Finding("unknown-reference", loc.child("results", target_id, "of"), Text(
                f'tổng số "{achieved.of}" không có trong population{hint_vi or f" (có: {known})"}',
                f'total "{achieved.of}" is not in population{hint_en or f" (there is: {known})"}'))


def _check_unit(ctx: Context, entry: Entry[Result], campaign: Campaign, unit: str) -> Check:
    issuer = campaign.issuer
    if unit == issuer or (unit not in ctx.units and unit not in ctx.clusters):
        return
    cluster = ctx.clusters.get(issuer)
    if cluster is not None:
        if unit in cluster.model.members:
            return
        why_vi = f"không là thành viên của {cluster.model.display}"
        why_en = f"is not a member of {cluster.model.display}"
    elif issuer in ctx.ancestors(unit):
        return
    else:
        why_vi, why_en = (f"không trực thuộc {ctx.name_of(issuer)} (đơn vị ban hành)",
                          f"is not below {ctx.name_of(issuer)} (the issuer)")
    yield Finding("result-unit", entry.loc.child("unit"), Text(
        f'{ctx.name_of(unit)} {why_vi}, nên không báo cáo về phong trào "{campaign.id}"',
        f'{ctx.name_of(unit)} {why_en}, so it does not report on campaign "{campaign.id}"'))


def _check_period(entry: Entry[Result], campaign: Campaign) -> Check:
    model, loc = entry.model, entry.loc
    start, what_vi, what_en = campaign.start, "phong trào", "the campaign"
    for phase in campaign.phases:
        if phase.number == model.phase:
            start, what_vi, what_en = phase.start, f"đợt {phase.number}", f"phase {phase.number}"
    if model.as_of < start:
        yield Finding("result-period", loc.child("as_of"), Text(
            f"ngày chốt số liệu {short_date(model.as_of)} trước khi {what_vi} bắt đầu ({short_date(start)})",
            f"the figures stand at {model.as_of.isoformat()}, before {what_en} starts ({start.isoformat()})"))
    signed = model.document.date if model.document is not None else None
    if signed is None:
        return
    if signed < model.as_of:
        yield Finding("result-period", loc.child("document", "date"), Text(
            f"báo cáo ký ngày {short_date(signed)}, trước ngày chốt số liệu "
            f"{short_date(model.as_of)} (as_of)",
            f"the report is dated {signed.isoformat()}, before its figures stand "
            f"({model.as_of.isoformat()})"))
    due = rollup.reporting_due(campaign, model.phase)
    if due is not None and signed > due:
        late = (signed - due).days
        yield Finding("result-late", loc.child("document", "date"), Text(
            f"báo cáo ký ngày {short_date(signed)}, chậm {late} ngày so với hạn báo cáo {short_date(due)}",
            f"the report is dated {signed.isoformat()}, {late} days after the due date {due.isoformat()}"))


def _check_figures(entry: Entry[Result], campaign: Campaign) -> Check:
    model, loc = entry.model, entry.loc
    targets = {target.id: target for target in campaign.targets}
    for target_id, achieved in model.results.items():
        here = loc.child("results", target_id)
        target = targets.get(target_id)
        total = model.population.get(achieved.of) if achieved.of is not None else None
        if achieved.count is not None and total is not None and achieved.count > total:
            yield Finding("result-count-over-total", here.child("count"), Text(
                f"{numbers.count(achieved.count)} lớn hơn tổng số {achieved.of} "
                f"({numbers.count(total)}); số lượng không thể vượt tổng số",
                f"{numbers.english(numbers.count(achieved.count))} is more than the total {achieved.of} "
                f"({numbers.english(numbers.count(total))}); a count cannot exceed its total"))
            continue
        if achieved.stated is not None and achieved.count is not None and total:
            yield from _check_stated(achieved, share(achieved.count, total), here)
        if target is None:
            continue
        yield from _check_shape(target, achieved, here)
        if target.value.percent:
            yield from _check_rounding(target, achieved, total, here)
        if target.within is not None and target.within in model.results:
            yield from _check_within(target, achieved, model.results[target.within], here)


def _check_stated(achieved: Achieved, exact: Fraction, here: Location) -> Check:
    assert achieved.stated is not None
    stated, places = numbers.parse_share(achieved.stated)
    computed = numbers.round_half_up(exact, places)
    if computed != stated:
        printed = numbers.percent(exact, places)
        yield Finding("result-stated-mismatch", here.child("stated"), Text(
            f'"{achieved.stated}" không khớp {numbers.count(achieved.count or 0)}/{achieved.of}: '
            f'tỉ lệ đúng là {printed}',
            f'"{achieved.stated}" does not match {achieved.count}/{achieved.of}: '
            f'the share is {numbers.english(printed)}'))


def _check_shape(target: Target, achieved: Achieved, here: Location) -> Check:
    if target.value.percent and achieved.value is None and achieved.of is None:
        yield Finding("result-shape", here, Text(
            f'chỉ tiêu "{target.id}" là tỉ lệ ({target.value}): '
            f"hãy ghi {{count: {achieved.count}, of: TỔNG}} "
            "với TỔNG là một mục của population",
            f'target "{target.id}" is a share ({target.value}): write {{count: {achieved.count}, of: TOTAL}} '
            "with TOTAL one of population"))
    elif not target.value.percent and (achieved.of is not None or achieved.value is not None):
        yield Finding("result-shape", here, Text(
            f'chỉ tiêu "{target.id}" là số lượng ({target.value}), không phải tỉ lệ: hãy ghi một số nguyên',
            f'target "{target.id}" is a count ({target.value}), not a share: write a whole number'))


def _check_rounding(target: Target, achieved: Achieved, total: int | None, here: Location) -> Check:
    if achieved.count is None or total is None or not total:
        return
    exact = share(achieved.count, total)
    if reads_as(exact, target.value):
        return  # met: however it is printed, it misleads no one
    if achieved.stated is not None:
        printed_value, places = numbers.parse_share(achieved.stated)
        printed_share = Fraction(printed_value)
    else:
        # Printed at two decimals, rounded half up, in integers (validate rounds every share
        # it reads): 100·count/total·10² = quotient + remainder/total.
        places = 2
        scaled, remainder = divmod(achieved.count * 10 ** (places + 2), total)
        if not remainder:
            return  # printed exactly as it is: it cannot read otherwise
        printed_share = Fraction(scaled + (2 * remainder >= total), 10 ** places)
    if reads_as(printed_share, target.value):
        printed = numbers.percent(printed_share, places)
        yield Finding("result-rounding-misleads", here, Text(
            f"{numbers.count(achieved.count)}/{numbers.count(total)} in ra {printed} trông như đạt "
            f'"{target.value}", nhưng giá trị chính xác ({numbers.percent(exact, 4)}) không đạt; '
            "hãy ghi rõ là chưa đạt",
            f"{achieved.count}/{total} prints {numbers.english(printed)}, which reads as meeting "
            f'"{target.value}", but the exact value ({numbers.english(numbers.percent(exact, 4))}) does not'))


def _check_within(target: Target, achieved: Achieved, outer: Achieved, here: Location) -> Check:
    if achieved.count is None or outer.count is None or achieved.of != outer.of:
        return
    if achieved.count > outer.count:
        yield Finding("result-within-exceeded", here.child("count"), Text(
            f'"{target.id}" ({numbers.count(achieved.count)}) lớn hơn kết quả của "{target.within}" '
            f"({numbers.count(outer.count)}) mà nó nằm trong",
            f'"{target.id}" ({achieved.count}) is more than the result of "{target.within}" '
            f"({outer.count}) it lies within"))


def _names(ctx: Context, ids: tuple[str, ...], limit: int = 10) -> str:
    shown = ", ".join(ctx.name_of(unit) for unit in ids[:limit])
    return shown + (f" … (+{len(ids) - limit})" if len(ids) > limit else "")


def _check_rollup(ctx: Context, book: rollup.RollUp, entry: Entry[Result], campaign: Campaign,
                  unit: str) -> Check:
    """A unit's own figures against its subordinates': mismatch, incomplete, only shares."""
    model = entry.model
    if not book.expected(unit, campaign):
        return  # no one reports to this unit (a CĐCS: most reports): nothing to compare
    targets = {target.id: target for target in campaign.targets}
    incomplete_told = False
    for target_id, achieved in model.results.items():
        target = targets.get(target_id)
        if target is None:
            continue
        figure = book.figure(campaign, unit, target, model.phase)
        if figure is None or not figure.expected or \
                not (figure.covered or figure.needs_counts or figure.other_base):
            continue
        here = entry.loc.child("results", target_id)
        yield from _needs_counts(ctx, figure, target, here)
        missing = figure.missing
        if missing and not incomplete_told:
            incomplete_told = True
            yield _incomplete(ctx, figure, entry.loc.child("unit" if model.unit else "campaign"))
        if missing or achieved.count is None:
            continue
        pooled = book.pooled(campaign, unit, target, model.phase)
        if pooled.count is not None and pooled.count != achieved.count and \
                len(pooled.covered) == len(figure.expected):
            yield Finding("rollup-mismatch", here, Text(
                f"{numbers.count(achieved.count)} khác tổng {numbers.count(pooled.count)} mà "
                f"{len(pooled.covered)} đơn vị cấp dưới báo cáo",
                f"{achieved.count} differs from the total {pooled.count} the "
                f"{len(pooled.covered)} units below reported"))


def _needs_counts(ctx: Context, figure: rollup.Figure, target: Target, here: Location) -> Iterator[Finding]:
    if figure.other_base and target.value.percent:
        yield Finding("rollup-needs-counts", here, Text(
            f"không cộng dồn được tỉ lệ của {_names(ctx, figure.other_base)}: tổng số (of) mang tên khác "
            f'"{figure.of}" của các đơn vị còn lại; hãy dùng cùng một tên tổng số',
            f"the share of {_names(ctx, figure.other_base)} cannot be pooled: its total (of) has another "
            f'name than "{figure.of}" used by the others; use one name for the total'))
    if figure.needs_counts and target.value.percent:
        yield Finding("rollup-needs-counts", here, Text(
            f"không cộng dồn được tỉ lệ của {_names(ctx, figure.needs_counts)}: đơn vị chỉ ghi value; "
            "cần {count, of} để tính chung",
            f"the share of {_names(ctx, figure.needs_counts)} cannot be pooled: only `value` was given; "
            "pooling needs {count, of}"))


def _incomplete(ctx: Context, figure: rollup.Figure, loc: Location) -> Finding:
    missing = figure.missing
    return Finding("rollup-incomplete", loc, Text(
        f"{len(figure.covered)}/{len(figure.expected)} đơn vị cấp dưới đã báo cáo; "
        f"còn thiếu: {_names(ctx, missing)}",
        f"{len(figure.covered)}/{len(figure.expected)} units below reported; "
        f"missing: {_names(ctx, missing)}"))


def _check_issuers(ctx: Context, book: rollup.RollUp) -> Check:
    """An issuer's pooled figures (the targets its own report, if any, does not state) whose
    units below reported in part, or in a way that cannot be pooled."""
    reported = {key[0] for key in book.results}
    for entry in ctx.registry.campaigns:
        campaign = entry.model
        if not campaign.targets:
            continue
        own = book.results.get((campaign.id, campaign.issuer, None))
        if campaign.id not in reported and not _below_reported(book, campaign):
            continue
        told = False
        for index, target in enumerate(campaign.targets):
            if own is not None and target.id in own.results:
                continue  # checked with the issuer's report (_check_rollup)
            figure = book.figure(campaign, campaign.issuer, target)
            if figure is None:
                continue
            if figure.missing and not told:
                told = True
                yield _incomplete(ctx, figure, entry.loc.child("id"))
            yield from _needs_counts(ctx, figure, target, entry.loc.child("targets", index))


def _below_reported(book: rollup.RollUp, campaign: Campaign) -> bool:
    """Whether a subordinate reported on its own campaign of the same year and kind."""
    for child in book.expected(campaign.issuer, campaign):
        for theirs in book.by_issuer.get((child, campaign.year, campaign.kind), ()):
            if (theirs.id, child, None) in book.results:
                return True
    return False
