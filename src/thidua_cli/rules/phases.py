"""The phases (đợt thi đua) of a campaign: order, bounds, overlaps, gaps, lengths.

Phases are numbered 1..n in date order, lie inside the campaign, share no day,
and (a warning) leave no day of the campaign uncovered. A declared ``days`` is
compared with the real length, both ends included: 01/5–31/7 is 92 days.
"""

from __future__ import annotations

import bisect
from datetime import date

from thidua_cli.models import Campaign, Phase
from thidua_cli.problems import Severity, Text
from thidua_cli.registry.data import Entry
from thidua_cli.rules.base import Check, Context, Finding, Rule
from thidua_cli.vn.dates import short_date

RULES = (
    Rule("phase-order", Severity.ERROR,
         Text("số đợt không theo thứ tự 1..n theo ngày; đợt kết thúc trước khi bắt đầu",
              "phase numbers not 1..n in date order; a phase that ends before it starts"),
         Text("Văn bản gọi đợt theo số (“đợt 2”); số sai thứ tự làm lệch lịch sơ kết.",
              "Documents call phases by number; numbers out of order confuse the review dates."),
         bad="- number: 2\n  start: 2020-01-01\n  ...\n- number: 1\n  start: 2020-05-01",
         good="- number: 1\n  start: 2020-01-01\n  ...\n- number: 2\n  start: 2020-05-01"),
    Rule("phase-outside-campaign", Severity.ERROR,
         Text("đợt nằm ngoài thời gian của phong trào", "a phase not inside the campaign period"),
         Text("Một đợt ngoài khung phong trào thường là gõ nhầm năm.",
              "A phase outside the campaign is usually a mistyped year."),
         bad="end: 2021-04-30   # phong trào năm 2020", good="end: 2020-04-30"),
    Rule("phase-overlap", Severity.ERROR,
         Text("hai đợt của một phong trào trùng nhau ít nhất một ngày",
              "two phases of one campaign sharing a day"),
         Text("Một ngày thuộc hai đợt thì thành tích được tính hai lần.",
              "A day in two phases counts its results twice."),
         bad="- {number: 1, start: 2020-01-01, end: 2020-05-01}\n"
             "- {number: 2, start: 2020-05-01, end: 2020-07-31}",
         good="- {number: 1, start: 2020-01-01, end: 2020-04-30}\n"
              "- {number: 2, start: 2020-05-01, end: 2020-07-31}"),
    Rule("phase-gap", Severity.WARNING,
         Text("có ngày của phong trào không thuộc đợt nào", "days of the campaign covered by no phase"),
         Text("Thường là đánh máy nhầm ngày; nếu cố ý thì có thể tắt quy tắc cho dòng đó.",
              "Usually a typo in a date; if deliberate, suppress the rule on that line."),
         bad="- {number: 1, start: 2020-01-01, end: 2020-04-29}\n"
             "- {number: 2, start: 2020-05-01, end: 2020-12-31}",
         good="- {number: 1, start: 2020-01-01, end: 2020-04-30}\n"
              "- {number: 2, start: 2020-05-01, end: 2020-12-31}"),
    Rule("phase-length", Severity.WARNING,
         Text('"days" khai báo khác độ dài thật của đợt (tính cả hai đầu)',
              'a declared "days" that differs from the real length (inclusive)'),
         Text("Văn bản nêu “đợt cao điểm 90 ngày” phải khớp với ngày bắt đầu và kết thúc.",
              "“A 90-day drive” in the text must match its start and end dates."),
         bad="days: 90\nstart: 2020-05-01\nend: 2020-07-31",
         good="days: 92\nstart: 2020-05-01\nend: 2020-07-31"),
)


def _label(phase: Phase) -> tuple[str, str]:
    return f"đợt {phase.number}", f"phase {phase.number}"


def _span(start: date, end: date) -> str:
    return short_date(start) if start == end else f"{short_date(start)}–{short_date(end)}"


def check(ctx: Context) -> Check:
    for campaign in ctx.registry.campaigns:
        yield from _check_campaign(campaign)


def _check_campaign(campaign: Entry[Campaign]) -> Check:
    model, loc = campaign.model, campaign.loc
    phases = model.phases
    if not phases:
        return
    here = [loc.child("phases", index) for index in range(len(phases))]
    # A phase whose number or dates failed the schema holds stand-ins: it is left out of
    # every check, and the checks that need all phases (order, gaps) are not made.
    whole = dated = [True] * len(phases)
    if campaign.cut:
        whole = [campaign.intact(("phases", i, "start"), ("phases", i, "end"),
                                 ("phases", i, "number")) for i in range(len(phases))]
        dated = [campaign.intact(("phases", i, "start"), ("phases", i, "end"))
                 for i in range(len(phases))]
    bounds = campaign.intact("start", "end")
    # Overlaps name the phases by number; gaps need only their dates.
    valid = [i for i, phase in enumerate(phases) if whole[i] and phase.end >= phase.start]
    spans = [i for i, phase in enumerate(phases) if dated[i] and phase.end >= phase.start]
    for index, phase in enumerate(phases):
        if not whole[index]:
            yield from _check_ends(campaign, index, bounds)
            continue
        vi, en = _label(phase)
        if phase.end < phase.start:
            yield Finding("phase-order", here[index].child("end"), Text(
                f"{vi} kết thúc ({short_date(phase.end)}) trước khi bắt đầu ({short_date(phase.start)})",
                f"{en} ends ({phase.end.isoformat()}) before it starts ({phase.start.isoformat()})"))
            continue
        if phase.days is not None and phase.days != phase.length \
                and campaign.intact(("phases", index, "days")):
            yield Finding("phase-length", here[index].child("days"), Text(
                f"{vi} ghi {phase.days} ngày nhưng từ {short_date(phase.start)} đến "
                f"{short_date(phase.end)} là {phase.length} ngày (tính cả hai đầu); "
                f'hãy sửa "days" hoặc ngày kết thúc',
                f"{en} declares {phase.days} days but {phase.start.isoformat()} to "
                f"{phase.end.isoformat()} is {phase.length} days (both ends included); "
                'fix "days" or the end date'))
        if bounds and model.end >= model.start:
            if phase.start < model.start:
                yield Finding("phase-outside-campaign", here[index].child("start"), Text(
                    f"{vi} bắt đầu ({short_date(phase.start)}) trước phong trào ({short_date(model.start)})",
                    f"{en} starts ({phase.start.isoformat()}) before the campaign "
                    f"({model.start.isoformat()})"))
            if phase.end > model.end:
                yield Finding("phase-outside-campaign", here[index].child("end"), Text(
                    f"{vi} kết thúc ({short_date(phase.end)}) sau phong trào ({short_date(model.end)})",
                    f"{en} ends ({phase.end.isoformat()}) after the campaign ({model.end.isoformat()})"))
    # Numbers 1..n in date order: of all the phases, so not when one of them is not known.
    by_date = sorted(range(len(phases)), key=lambda i: (phases[i].start, i)) if all(whole) else []
    for position, index in enumerate(by_date, start=1):
        phase = phases[index]
        if phase.number != position:
            yield Finding("phase-order", here[index].child("number"), Text(
                f"đợt bắt đầu ngày {short_date(phase.start)} là đợt thứ {position} theo ngày nhưng "
                f"được đánh số {phase.number}; hãy đánh số các đợt 1..{len(phases)} theo thứ tự ngày",
                f"the phase starting {phase.start.isoformat()} is number {position} by date but is "
                f"numbered {phase.number}; number the phases 1..{len(phases)} in date order"))
            break
    # Overlaps: reported once at each phase that overlaps an earlier-listed one, naming
    # that one. Once, not per pair: 1,000 identical phases (59 KB) made half a million
    # problems, 50 s and 1.2 GB.
    for later, earlier in _first_overlaps([(phases[i].start, phases[i].end) for i in valid]):
        a, b = phases[valid[earlier]], phases[valid[later]]
        first_day, last_day = max(a.start, b.start), min(a.end, b.end)
        yield Finding("phase-overlap", here[valid[later]].child("start"), Text(
            f"đợt {b.number} trùng với đợt {a.number} ({{related}}) trong "
            f"{_span(first_day, last_day)}; một ngày chỉ thuộc một đợt",
            f"phase {b.number} overlaps phase {a.number} ({{related}}) on "
            f"{first_day.isoformat()}–{last_day.isoformat()}; a day belongs to one phase"),
            related=here[valid[earlier]].child("start"))
    if bounds and all(dated) and model.end >= model.start:
        # Each gap where a suppression comment can name it: at the start of the phase that
        # opens after it, or at the end of the last phase for a gap at the campaign's end.
        by_start = sorted(spans, key=lambda i: phases[i].start)
        for s, e in _uncovered(model.start, model.end, [(phases[i].start, phases[i].end) for i in spans]):
            after = next((i for i in by_start if phases[i].start > e), None)
            if after is not None:
                place = here[after].child("start")
            elif spans:
                place = here[max(spans, key=lambda i: phases[i].end)].child("end")
            else:  # no phase holds a day: the list itself
                place = loc.child("phases", anchor="key")
            days = (e - s).days + 1
            yield Finding("phase-gap", place, Text(
                f"{days} ngày của phong trào không thuộc đợt nào: {_span(s, e)}",
                f"{days} days of the campaign are covered by no phase: "
                + (s.isoformat() if s == e else f"{s.isoformat()}–{e.isoformat()}")))


def _check_ends(campaign: Entry[Campaign], index: int, bounds: bool) -> Check:
    """The one end of a phase that loaded, against the campaign's period, when its other
    end or its number failed the schema."""
    model, phase = campaign.model, campaign.model.phases[index]
    if not bounds or model.end < model.start:
        return
    here = campaign.loc.child("phases", index)
    vi, en = (f"đợt {phase.number}", f"phase {phase.number}") \
        if campaign.intact(("phases", index, "number")) else ("đợt", "the phase")
    if campaign.intact(("phases", index, "start")) and phase.start < model.start:
        yield Finding("phase-outside-campaign", here.child("start"), Text(
            f"{vi} bắt đầu ({short_date(phase.start)}) trước phong trào ({short_date(model.start)})",
            f"{en} starts ({phase.start.isoformat()}) before the campaign ({model.start.isoformat()})"))
    if campaign.intact(("phases", index, "end")) and phase.end > model.end:
        yield Finding("phase-outside-campaign", here.child("end"), Text(
            f"{vi} kết thúc ({short_date(phase.end)}) sau phong trào ({short_date(model.end)})",
            f"{en} ends ({phase.end.isoformat()}) after the campaign ({model.end.isoformat()})"))


def _first_overlaps(spans: list[tuple[date, date]]) -> list[tuple[int, int]]:
    """(later, earlier) for each span that shares a day with an earlier-listed one: the
    earlier one reaching furthest among those starting by the later one's end.

    In O(n log n): the spans are added in listed order to a Fenwick tree over their
    start dates that keeps, for each prefix of starts, the furthest end and whose it is.
    """
    starts = sorted({start for start, _ in spans})
    rank = {start: number for number, start in enumerate(starts, 1)}
    best: list[tuple[date, int] | None] = [None] * (len(starts) + 1)
    found = []
    for index, (start, end) in enumerate(spans):
        # The furthest-reaching earlier span among those starting on or before ``end``.
        position = bisect.bisect_right(starts, end)
        reach: tuple[date, int] | None = None
        while position > 0:
            here = best[position]
            if here is not None and (reach is None or here[0] > reach[0]):
                reach = here
            position -= position & -position
        if reach is not None and reach[0] >= start:
            found.append((index, reach[1]))
        position = rank[start]
        while position < len(best):
            here = best[position]
            if here is None or end > here[0]:
                best[position] = (end, index)
            position += position & -position
    return found


def _uncovered(start: date, end: date, spans: list[tuple[date, date]]) -> list[tuple[date, date]]:
    """The runs of days in [start, end] that no span covers."""
    # Day numbers, not dates: the day after a phase ending 9999-12-31 is no date.
    gaps: list[tuple[int, int]] = []
    cursor, last = start.toordinal(), end.toordinal()
    for span_start, span_end in sorted((s.toordinal(), e.toordinal()) for s, e in spans):
        if span_start > cursor:
            gaps.append((cursor, min(span_start - 1, last)))
        cursor = max(cursor, span_end + 1)
        if cursor > last:
            break
    if cursor <= last:
        gaps.append((cursor, last))
    return [(date.fromordinal(s), date.fromordinal(e)) for s, e in gaps if s <= e]
