"""Scorings (chấm điểm thi đua): the criteria table adds up, every score is in range and
present, every change has its reason, the vote and the proposals name scored units.

References (``by``, ``campaign``, scored units, item, bonus and deduction ids, a criterion's
``target``) are ``unknown-reference`` problems and repeated ids ``duplicate-id`` problems,
as everywhere in the registry; the rest are this family's own rules.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from decimal import Decimal

from thidua_cli.hints import did_you_mean
from thidua_cli.models.scoring import Extras, Item, Scoring, UnitScores
from thidua_cli.problems import Location, Severity, Text
from thidua_cli.registry.data import Entry
from thidua_cli.results.rollup import RollUp
from thidua_cli.rules.base import Check, Context, Finding, Rule
from thidua_cli.scoring import compute, scored
from thidua_cli.vn.targets import format_number

RULES = (
    Rule("criteria-max-mismatch", Severity.ERROR,
         Text("nhóm tiêu chí có điểm tối đa khác tổng điểm tối đa các tiêu chí của nó",
              "a criteria group whose items' maxima do not add up to its own max"),
         Text("Biểu điểm 100 điểm chỉ đúng khi mỗi nhóm bằng tổng các tiêu chí của nó.",
              "A 100-point table only adds up when each group is the sum of its items."),
         bad='- id: "1"\n  name: Nhóm 1\n  max: 50\n'
             '  items: [{id: "1.1", name: Tiêu chí 1.1, max: 30}, {id: "1.2", name: Tiêu chí 1.2, max: 15}]',
         good='- id: "1"\n  name: Nhóm 1\n  max: 50\n'
              '  items: ['
              '{id: "1.1", name: Tiêu chí 1.1, max: 30}, {id: "1.2", name: Tiêu chí 1.2, max: 20}]'),
    Rule("score-out-of-range", Severity.ERROR,
         Text("điểm nhỏ hơn 0 hoặc lớn hơn điểm tối đa của tiêu chí; "
              "số lần thưởng/trừ không phải số nguyên ≥ 0",
              "a score below 0 or above its item's max; "
              "a bonus/deduction count that is not a whole number ≥ 0"),
         Text("Điểm vượt khung làm sai tổng và thứ hạng của cả cụm.",
              "A score beyond its item's max skews the totals and the whole ranking."),
         bad='self: {"1.1": 32, "1.2": 20}  # tối đa 30', good='self: {"1.1": 30, "1.2": 20}  # tối đa 30'),
    Rule("score-missing", Severity.ERROR,
         Text("đơn vị được chấm thiếu điểm một tiêu chí (0 cũng là một điểm) mà kết quả không cho được",
              "a scored unit without a score for an item (0 is a score) that cannot come from a result"),
         Text("Ô trống không phải là 0: người chấm phải ghi rõ điểm, kể cả điểm 0.",
              "An empty cell is not a 0: the scorer writes every score, 0 included."),
         bad='self: {"1.1": 30}  # thiếu 1.2', good='self: {"1.1": 30, "1.2": 0}'),
    Rule("score-change-without-reason", Severity.ERROR,
         Text("điểm thẩm định khác điểm tự chấm mà không ghi lý do",
              "a final score different from the self-score without a reason"),
         Text("Mỗi thay đổi so với điểm tự chấm phải có lý do để đơn vị được chấm biết và đối chiếu.",
              "Every change from a self-score carries a reason, so the unit can see and check it."),
         bad='self: {"1.1": 30, "1.2": 18}\nfinal: {"1.2": 17}',
         good='self: {"1.1": 30, "1.2": 18}\nfinal: {"1.2": 17}\n'
              'reasons: {"1.2": "Số kết nạp mới là 212, không phải 230"}'),
    Rule("score-contradicts-result", Severity.WARNING,
         Text("tiêu chí gắn chỉ tiêu được chấm trên 0 khi kết quả không đạt, "
              "hoặc dưới tối đa khi kết quả đạt",
              "an item linked to a target scored above 0 while the result is không đạt, "
              "or below max while it is đạt"),
         Text("Điểm và báo cáo kết quả phải nói cùng một điều.",
              "The score and the results report must say the same thing."),
         bad='# kết quả: không đạt\nself: {"1.1": 10, "1.2": 20}',
         good='# kết quả: không đạt\nself: {"1.1": 0, "1.2": 20}'),
    Rule("classes-order", Severity.ERROR,
         Text("mức điểm xếp loại không giảm dần, hoặc có loại đứng sau loại không có mức điểm",
              "class minima that do not strictly fall, or a class after the one without a min"),
         Text("Xếp loại lấy loại đầu tiên mà tổng điểm đạt: thứ tự sai thì xếp loại sai.",
              "The class is the first whose min the total reaches: out of order, classes are wrong."),
         bad="- {name: Tốt, min: 85}\n- {name: Xuất sắc, min: 95}",
         good="- {name: Xuất sắc, min: 95}\n- {name: Tốt, min: 85}"),
    Rule("vote-count", Severity.ERROR,
         Text("một đơn vị được nhiều phiếu hơn số phiếu hợp lệ; số phiếu thu về, hợp lệ vượt số phát ra",
              "a unit with more votes than there are valid ballots; "
              "more ballots returned or valid than issued"),
         Text("Biên bản kiểm phiếu sai số học sẽ bị trả lại.",
              "Minutes whose ballot count does not add up are sent back."),
         bad="vote: {ballots: 5, votes: {ldld-a: 6}}", good="vote: {ballots: 5, votes: {ldld-a: 4}}"),
    Rule("rank-tie", Severity.WARNING,
         Text("các đơn vị cùng xếp thứ nhất mà không có bình xét nào phân định",
              "units tied at rank 1 that no vote parts"),
         Text("Chỉ một đơn vị được suy tôn dẫn đầu và đề nghị Cờ thi đua: hội nghị cần bỏ phiếu.",
              "Only one unit is acclaimed and proposed for the Cờ thi đua: the meeting must vote."),
         bad="# ldld-a và ldld-b cùng 50 điểm\nvote: {ballots: 5, votes: {ldld-a: 2, ldld-b: 2}}",
         good="# ldld-a và ldld-b cùng 50 điểm\nvote: {ballots: 5, votes: {ldld-a: 4, ldld-b: 1}}"),
    Rule("proposal-unit", Severity.ERROR,
         Text("đề nghị khen thưởng cho một đơn vị không được chấm điểm",
              "an award proposal for a unit that was not scored"),
         Text("Tờ trình chỉ đề nghị cho đơn vị có kết quả chấm điểm kèm theo.",
              "A proposal can only name a unit whose scores it attaches."),
         bad="proposals: [{unit: ldld-khong-cham, award: Bằng khen}]",
         good="proposals: [{unit: ldld-a, award: Bằng khen}]"),
)


def _n(value: Decimal) -> str:
    return format_number(value)


def _en(value: Decimal) -> str:
    return format(value.normalize(), "f") if value == value.to_integral() else str(value)


def check(ctx: Context) -> Check:
    first: dict[tuple[str, int], Entry[Scoring]] = {}
    for entry in ctx.registry.scorings:
        model = entry.model
        if not entry.intact("by", "year"):
            continue  # whose table, of which year, is not known: the schema problem says why
        key = (model.by, model.year)
        if key in first:
            yield Finding("duplicate-id", entry.loc.child("by"), Text(
                f'đã có một bảng chấm điểm của "{model.by}" năm {model.year} ở {{related}}; '
                "mỗi đơn vị chấm một bảng mỗi năm: hãy gộp hai tệp",
                f'"{model.by}" already has a scoring for {model.year} at {{related}}; '
                "one scoring a scorer and year: merge the two files"),
                related=first[key].loc.child("by"))
        else:
            first[key] = entry
        yield from _check_scoring(ctx, entry)


def _check_scoring(ctx: Context, entry: Entry[Scoring]) -> Check:
    model, loc = entry.model, entry.loc
    table = entry.intact("criteria", "bonus", "deductions")  # else an item may be left out
    yield from _check_references(ctx, model, loc, table)
    if table:
        yield from _check_table(model, loc)
    if entry.intact("classes"):
        yield from _check_classes(model, loc)
    known = ctx.clusters.keys() | ctx.units.keys()
    if model.by not in known or not ctx.rollup_intact or not table \
            or not entry.intact("units", "campaign"):
        # Unknown-reference above, or a part of the tree, of the results or of the table
        # failed the schema: who is scored, on what items and figures, cannot be known.
        return
    clusters = {key: e.model for key, e in ctx.clusters.items()}
    allowed = scored.eligible(model, clusters, ctx.subordinates)
    units = scored.scored(model, clusters, ctx.subordinates)
    yield from _check_units(ctx, model, loc, allowed)
    campaign_entry = ctx.campaigns.get(model.campaign) if model.campaign else None
    campaign = campaign_entry.model if campaign_entry is not None else None
    verdicts = scored.verdicts(model, campaign, units, _rollup(ctx))
    complete = True
    items = model.items()
    by_id = {item.id: item for item in items}
    for unit in units:
        if not entry.intact(("scores", unit)):
            complete = False  # its scores failed the schema: nothing is said of them, no rank
            continue
        findings = list(_check_unit(model, loc, unit, items, by_id, verdicts))
        complete = complete and not any(f.rule == "score-missing" for f in findings)
        yield from findings
    if entry.intact("vote"):
        yield from _check_vote(model, loc, set(units))
    else:
        complete = False
    if entry.intact("proposals"):
        yield from _check_proposals(ctx, model, loc, set(units))
    if complete and units:
        ranking = compute.compute(model, units, verdicts)
        if ranking.tied:
            yield _tie(ctx, model, loc, ranking.tied)


def _rollup(ctx: Context) -> RollUp:
    """One roll-up of the registry's results for every scoring (its figures are memoised)."""
    cached: RollUp | None = ctx.__dict__.get("_scoring_rollup")
    if cached is None:
        cached = ctx.__dict__["_scoring_rollup"] = RollUp(
            (e.model for e in ctx.registry.units), (e.model for e in ctx.registry.clusters),
            (e.model for e in ctx.registry.campaigns), (e.model for e in ctx.registry.results))
    return cached


def _check_references(ctx: Context, model: Scoring, loc: Location, table: bool = True) -> Check:
    if model.by not in ctx.clusters and model.by not in ctx.units \
            and model.by not in ctx.registry.broken_ids:
        hint_vi, hint_en = did_you_mean(model.by, [*ctx.clusters, *ctx.units])
        yield Finding("unknown-reference", loc.child("by"), Text(
            f'người chấm "{model.by}" không phải cụm thi đua hay đơn vị nào trong sổ đăng ký{hint_vi}',
            f'scorer "{model.by}" is no cluster or unit in the registry{hint_en}'))
    campaign = None
    if model.campaign is not None:
        found = ctx.campaigns.get(model.campaign)
        if found is None and model.campaign not in ctx.registry.broken_ids:
            hint_vi, hint_en = did_you_mean(model.campaign, ctx.campaigns)
            yield Finding("unknown-reference", loc.child("campaign"), Text(
                f'phong trào "{model.campaign}" không có trong sổ đăng ký{hint_vi}',
                f'campaign "{model.campaign}" is not in the registry{hint_en}'))
        campaign = found.model if found is not None and found.intact("targets") else None
    targets = [target.id for target in campaign.targets] if campaign is not None else []
    for g, group in enumerate(model.criteria if table else ()):
        for i, item in enumerate(group.items):
            if item.target is None:
                continue
            where = loc.child("criteria", g, "items", i, "target")
            if model.campaign is None:
                yield Finding("unknown-reference", where, Text(
                    f'tiêu chí "{item.id}" gắn chỉ tiêu "{item.target}" nhưng bảng chấm điểm không '
                    'nêu phong trào; hãy thêm "campaign: MÃ" (bản giao ước có chỉ tiêu đó)',
                    f'item "{item.id}" names target "{item.target}" but the scoring names no '
                    'campaign; add "campaign: ID" (the covenant that has that target)'))
            elif campaign is not None and item.target not in targets:
                hint_vi, hint_en = did_you_mean(item.target, targets)
                yield Finding("unknown-reference", where, Text(
                    f'phong trào "{campaign.id}" không có chỉ tiêu "{item.target}"{hint_vi}',
                    f'campaign "{campaign.id}" has no target "{item.target}"{hint_en}'))


def _check_table(model: Scoring, loc: Location) -> Check:
    seen: dict[str, Location] = {}
    for g, group in enumerate(model.criteria):
        yield from _unique(group.id, loc.child("criteria", g, "id"), seen, "tiêu chí", "criterion")
        for i, item in enumerate(group.items):
            yield from _unique(item.id, loc.child("criteria", g, "items", i, "id"), seen,
                               "tiêu chí", "criterion")
        total = sum((item.max for item in group.items), Decimal(0))
        if total != group.max:
            yield Finding("criteria-max-mismatch", loc.child("criteria", g, "max"), Text(
                f'nhóm "{group.id}" có tối đa {_n(group.max)} điểm nhưng các tiêu chí của nó cộng lại '
                f'{_n(total)} điểm; hãy sửa "max" của nhóm hoặc của các tiêu chí',
                f'group "{group.id}" has a max of {_en(group.max)} points but its items add up to '
                f'{_en(total)}; fix the group\'s or the items\' "max"'))
    for key in ("bonus", "deductions"):
        extras: Extras | None = getattr(model, key)
        if extras is None:
            continue
        ids: dict[str, Location] = {}
        for i, extra in enumerate(extras.items):
            yield from _unique(extra.id, loc.child(key, "items", i, "id"), ids,
                               "mục điểm thưởng" if key == "bonus" else "mục điểm trừ",
                               "bonus item" if key == "bonus" else "deduction item")


def _unique(item_id: str, where: Location, seen: dict[str, Location], what_vi: str,
            what_en: str) -> Check:
    if item_id in seen:
        yield Finding("duplicate-id", where, Text(
            f'{what_vi} "{item_id}" đã có ở {{related}}; mỗi mã chỉ dùng một lần',
            f'{what_en} "{item_id}" already exists at {{related}}; each id is used once'),
            related=seen[item_id])
    else:
        seen[item_id] = where


def _check_classes(model: Scoring, loc: Location) -> Check:
    previous: Decimal | None = None
    open_ended: str | None = None
    for c, klass in enumerate(model.classes):
        where = loc.child("classes", c, "min") if klass.min is not None else loc.child("classes", c)
        if open_ended is not None:
            yield Finding("classes-order", where, Text(
                f'loại "{klass.name}" đứng sau loại "{open_ended}" không có mức điểm (nhận mọi tổng '
                f'điểm còn lại), nên không bao giờ được xếp; hãy đưa "{open_ended}" xuống cuối',
                f'class "{klass.name}" follows "{open_ended}", which has no min (it takes every '
                f'total left), so it can never be given; move "{open_ended}" to the end'))
        elif klass.min is None:
            open_ended = klass.name
        elif previous is not None and klass.min >= previous:
            yield Finding("classes-order", where, Text(
                f'mức điểm của loại "{klass.name}" ({_n(klass.min)}) phải thấp hơn loại đứng trước '
                f'({_n(previous)}); xếp các loại từ cao xuống thấp',
                f'the min of class "{klass.name}" ({_en(klass.min)}) must be below the class before '
                f'it ({_en(previous)}); list classes from highest to lowest'))
        if klass.min is not None:
            previous = klass.min


def _check_units(ctx: Context, model: Scoring, loc: Location, allowed: list[str]) -> Check:
    known = set(allowed)
    whose_vi, whose_en = _whose(ctx, model)
    listed: Iterable[tuple[Location, str]] = [
        (loc.child("units", i), unit) for i, unit in enumerate(model.units or ())]
    keyed = [(loc.child("scores", unit, anchor="key"), unit) for unit in model.scores]
    for where, unit in [*listed, *keyed]:
        if unit in known:
            continue
        if unit in ctx.registry.broken_ids:
            continue
        if unit in ctx.units:
            yield Finding("unknown-reference", where, Text(
                f'đơn vị "{unit}" không phải {whose_vi}; chỉ chấm điểm {whose_vi}',
                f'unit "{unit}" is not {whose_en}; only {whose_en} are scored'))
        else:
            hint_vi, hint_en = did_you_mean(unit, allowed)
            yield Finding("unknown-reference", where, Text(
                f'đơn vị được chấm "{unit}" không có trong sổ đăng ký{hint_vi}',
                f'scored unit "{unit}" is not in the registry{hint_en}'))
    if model.units is not None:
        chosen = set(model.units)
        for unit in model.scores:
            if unit in known and unit not in chosen:
                yield Finding("unknown-reference", loc.child("scores", unit, anchor="key"), Text(
                    f'đơn vị "{unit}" có điểm nhưng không có trong danh sách "units"; hãy thêm vào '
                    'danh sách hoặc xóa điểm của nó',
                    f'unit "{unit}" has scores but is not in the "units" list; add it to the list '
                    'or remove its scores'))


def _whose(ctx: Context, model: Scoring) -> tuple[str, str]:
    cluster = ctx.clusters.get(model.by)
    if cluster is not None:
        return (f"thành viên của {cluster.model.display}", f"a member of {cluster.model.display}")
    return (f"đơn vị trực thuộc {ctx.name_of(model.by)}",
            f"a direct subordinate of {ctx.name_of(model.by)}")


def _check_unit(model: Scoring, loc: Location, unit: str, table: list[Item], by_id: dict[str, Item],
                verdicts: Mapping[tuple[str, str], compute.Verdict]) -> Check:
    scores = model.scores.get(unit)
    here = loc.child("scores", unit)
    missing = []
    for item in table:
        if scores is not None and (item.id in scores.self_ or item.id in scores.final) \
                and (item.target is None or not verdicts):
            continue  # scored, and no result to compare with: the common case, kept cheap
        verdict = verdicts.get((unit, item.target)) if item.target is not None else None
        result = compute.item_score(scores, item.id, item.max, verdict)
        if result.source == "missing":
            missing.append(item.id)
        elif verdict in ("dat", "vuot", "khong-dat") and result.source != "result":
            assert scores is not None
            yield from _contradiction(here, item.id, item.max, result, verdict,
                                      "final" if result.source == "final" else "self")
    if missing:
        where = here.child("self") if scores is not None and scores.self_ else (
            loc.child("scores", unit, anchor="key") if scores is not None
            else loc.child("scores", anchor="key"))
        listed = ", ".join(missing)
        yield Finding("score-missing", where, Text(
            f'đơn vị "{unit}" chưa có điểm tiêu chí {listed}; hãy ghi điểm (kể cả 0) vào "self"',
            f'unit "{unit}" has no score for item {listed}; write a score (0 included) under "self"'))
    if scores is None:
        return
    yield from _check_scores(scores, here, by_id)
    yield from _check_times(scores.bonus, here.child("bonus"), model.bonus, "điểm thưởng", "bonus")
    yield from _check_times(scores.deductions, here.child("deductions"), model.deductions,
                            "điểm trừ", "deduction")


def _check_scores(scores: UnitScores, here: Location, items: dict[str, Item]) -> Check:
    for key, mapping in (("self", scores.self_), ("final", scores.final), ("reasons", scores.reasons)):
        for item_id, value in mapping.items():
            item = items.get(item_id)
            if item is None:
                hint_vi, hint_en = did_you_mean(item_id, items)
                yield Finding("unknown-reference", here.child(key, item_id, anchor="key"), Text(
                    f'không có tiêu chí "{item_id}" trong bảng chấm điểm{hint_vi}',
                    f'there is no item "{item_id}" in the criteria table{hint_en}'))
                continue
            if key == "reasons" or not isinstance(value, Decimal):
                continue
            if value < 0 or value > item.max:
                yield Finding("score-out-of-range", here.child(key, item_id), Text(
                    f'điểm {_n(value)} của tiêu chí "{item_id}" phải từ 0 đến {_n(item.max)}',
                    f'score {_en(value)} of item "{item_id}" must be between 0 and {_en(item.max)}'))
    for item_id, final in scores.final.items():
        if item_id not in items or item_id in scores.reasons:
            continue
        own = scores.self_.get(item_id)
        if own == final:
            continue
        before_vi = f"tự chấm {_n(own)}" if own is not None else "không có điểm tự chấm"
        before_en = f"self-score {_en(own)}" if own is not None else "no self-score"
        yield Finding("score-change-without-reason", here.child("final", item_id), Text(
            f'điểm thẩm định {_n(final)} của tiêu chí "{item_id}" ({before_vi}) chưa có lý do; '
            f'hãy ghi vào reasons: {{"{item_id}": …}}',
            f'final score {_en(final)} of item "{item_id}" ({before_en}) has no reason; '
            f'write one under reasons: {{"{item_id}": …}}'))


def _check_times(times: Mapping[str, Decimal], here: Location, extras: Extras | None,
                 what_vi: str, what_en: str) -> Check:
    ids = [extra.id for extra in extras.items] if extras is not None else []
    for key, count in times.items():
        if key not in ids:
            hint_vi, hint_en = did_you_mean(key, ids)
            yield Finding("unknown-reference", here.child(key, anchor="key"), Text(
                f'không có mục {what_vi} "{key}" trong bảng chấm điểm{hint_vi}',
                f'there is no {what_en} item "{key}" in the criteria table{hint_en}'))
        elif count < 0 or count != count.to_integral_value():
            yield Finding("score-out-of-range", here.child(key), Text(
                f'số lần {what_vi} "{key}" là {_n(count)}; phải là số nguyên từ 0 trở lên',
                f'the count of {what_en} "{key}" is {_en(count)}; it must be a whole number ≥ 0'))


def _contradiction(here: Location, item_id: str, item_max: Decimal, result: compute.ItemScore,
                   verdict: compute.Verdict, key: str) -> Check:
    said_vi = {"dat": "đạt", "vuot": "vượt", "khong-dat": "không đạt"}[verdict]
    said_en = {"dat": "met", "vuot": "exceeded", "khong-dat": "not met"}[verdict]
    if verdict == "khong-dat" and result.score > 0:
        want_vi, want_en = "0", "0"
    elif verdict in ("dat", "vuot") and result.score < item_max:
        want_vi, want_en = _n(item_max), _en(item_max)
    else:
        return
    yield Finding("score-contradicts-result", here.child(key, item_id), Text(
        f'tiêu chí "{item_id}" được chấm {_n(result.score)} nhưng kết quả chỉ tiêu là {said_vi} '
        f'(theo bảng điểm là {want_vi}); hãy đối chiếu báo cáo kết quả',
        f'item "{item_id}" is scored {_en(result.score)} but its target\'s result is {said_en} '
        f'(the table gives {want_en}); check the results report'))


def _check_vote(model: Scoring, loc: Location, units: set[str]) -> Check:
    vote = model.vote
    if vote is None:
        return
    here = loc.child("vote")
    if vote.issued is not None:
        for key, count in (("returned", vote.returned), ("ballots", vote.ballots)):
            if count is not None and count > vote.issued:
                yield Finding("vote-count", here.child(key), Text(
                    f'{count} phiếu {"thu về" if key == "returned" else "hợp lệ"} nhiều hơn '
                    f'{vote.issued} phiếu phát ra',
                    f'{count} ballots {key if key == "returned" else "valid"} exceed the '
                    f'{vote.issued} issued'))
    if vote.returned is not None and vote.ballots > vote.returned:
        yield Finding("vote-count", here.child("ballots"), Text(
            f"{vote.ballots} phiếu hợp lệ nhiều hơn {vote.returned} phiếu thu về",
            f"{vote.ballots} valid ballots exceed the {vote.returned} returned"))
    for unit, count in vote.votes.items():
        if unit not in units:
            yield Finding("unknown-reference", here.child("votes", unit, anchor="key"), Text(
                f'đơn vị "{unit}" được bỏ phiếu nhưng không được chấm điểm{did_you_mean(unit, units)[0]}',
                f'unit "{unit}" has votes but is not scored{did_you_mean(unit, units)[1]}'))
        elif count > vote.ballots:
            yield Finding("vote-count", here.child("votes", unit), Text(
                f'đơn vị "{unit}" được {count} phiếu, nhiều hơn {vote.ballots} phiếu hợp lệ',
                f'unit "{unit}" has {count} votes, more than the {vote.ballots} valid ballots'))


def _check_proposals(ctx: Context, model: Scoring, loc: Location, units: set[str]) -> Check:
    for p, proposal in enumerate(model.proposals):
        if proposal.unit not in units:
            # A unit of the registry that is not scored is named as it is; a typo gets a hint.
            hint_vi, hint_en = ("", "") if proposal.unit in ctx.units else did_you_mean(proposal.unit, units)
            yield Finding("proposal-unit", loc.child("proposals", p, "unit"), Text(
                f'đề nghị khen thưởng cho "{proposal.unit}", đơn vị không được chấm điểm trong bảng '
                f'này{hint_vi}',
                f'award proposed for "{proposal.unit}", a unit not scored in this table{hint_en}'))


def _tie(ctx: Context, model: Scoring, loc: Location, tied: tuple[str, ...]) -> Finding:
    names = ", ".join(tied)
    if model.vote is None:
        vi_tail, en_tail = ("; hãy ghi kết quả bình xét (vote) để phân định",
                            "; record the meeting's vote to part them")
        where = loc.child("scores", tied[1], anchor="key")
    else:
        vi_tail, en_tail = ("; số phiếu bình xét cũng bằng nhau", "; the vote is tied too")
        where = loc.child("vote", "votes")
    return Finding("rank-tie", where, Text(
        f"các đơn vị {names} cùng xếp thứ nhất{vi_tail}",
        f"units {names} are tied at rank 1{en_tail}"))
