"""The year at a glance as one SVG drawing, made here (no charting library, no script).

Months run across, one row per campaign; phases are bars labelled by number and theme,
anniversaries are marks in the band above the rows (round years larger, in red, with a guide
line down through the rows and their number of years), a diamond marks a launch, a red
triangle a reporting deadline, a blue line today. Every element carries its facts as
``data-*`` attributes and a ``<title>`` (the tooltip), and the page prints the same facts as
tables: the drawing is never the only place a fact is.

Every text is escaped here (registry text is data); the result is :class:`markupsafe.Markup`
so that the page template inserts it as it is.

Geometry: a day is a slice of the chart's width, ``x(day) = CHART_X + (day − start) ×
CHART_W / days``; a bar covers its first day to the end of its last day. Sizes are in the
viewBox's units; the page scales the drawing to its width (and scrolls it sideways on a
phone rather than shrink the text past reading).
"""

from __future__ import annotations

from datetime import date, timedelta
from html import escape

from markupsafe import Markup

from thidua_cli.site.glance import Bar, Due, Glance, Mark, Row
from thidua_cli.vn.dates import day_month, short_date

WIDTH = 1200
LABEL_X = 8
CHART_X = 270.0
CHART_W = 910.0
MONTHS_H = 28
LANE_H = 18
LANES = 3
BAND_H = MONTHS_H + LANES * LANE_H + 18   # month names, label lanes, the marks
ROW_H = 50
FOOT_H = 34

#: Approximate advance of one character, for cutting labels to their bar (sans-serif).
#: DejaVu Sans (the widest of the usual fallbacks) sets the pace.
CHAR_W = {13: 7.6, 14: 8.2, 15: 8.8, 16: 9.4}
BOLD_W = 8.5  # 13 px bold (the month names); measured in Chromium: 'Tháng 11' is 67.6

PHASE_FILLS = ("#cfe2f3", "#d9ead3", "#fff2cc", "#f4cccc", "#e4d7f5", "#d0f0ef")
RED = "#a61c1c"        # round anniversaries, deadlines: 7.3:1 on white
BLUE = "#0b4f8a"       # today: 8.6:1 on white
INK = "#1a1a1a"
MUTED = "#4d4d4d"      # 8.5:1 on white, 7.9:1 on the row stripe


def x_of(glance: Glance, day: date) -> float:
    """The x position of the start of ``day``."""
    return CHART_X + (day - glance.start).days * CHART_W / glance.days


def _f(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".")


def _fit(text: str, width: float, size: int) -> str:
    """``text`` cut with "…" to about ``width`` units at font ``size``."""
    room = int(width / CHAR_W[size])
    if len(text) <= room:
        return text
    if room < 2:
        return ""
    return text[:room - 1].rstrip(" ·,") + "…"


def height(glance: Glance) -> int:
    return BAND_H + max(len(glance.rows), 1) * ROW_H + FOOT_H


def draw(glance: Glance, title: str, root: str, table_id: str,
         parts: dict[object, list[str]] | None = None) -> Markup:
    """The drawing; ``root`` leads from the page to the site's root (links to campaigns);
    ``table_id`` is the id of the table that says the same in text; ``parts`` keeps the
    month grid and the anniversary band for the next drawing of the same range and rows."""
    h = height(glance)
    rows_top, rows_end = BAND_H, BAND_H + max(len(glance.rows), 1) * ROW_H
    out = [f'<svg class="glance" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {h}" '
           f'width="{WIDTH}" height="{h}" aria-labelledby="glance-title glance-desc" '
           f'data-chart-x="{_f(CHART_X)}" data-chart-width="{_f(CHART_W)}" '
           f'data-start="{glance.start.isoformat()}" data-end="{glance.end.isoformat()}">',
           f'<title id="glance-title">{escape(title)}</title>',
           f'<desc id="glance-desc">Cùng các thông tin này có trong bảng ngay dưới hình '
           f'(#{escape(table_id)}).</desc>']
    key = (glance.start, glance.end, glance.marks, len(glance.rows))
    band = parts.get(key) if parts is not None else None
    if band is None:
        band = _stripes(glance, rows_top) + _months(glance, rows_end) + _marks(glance, rows_top, rows_end)
        if parts is not None:
            parts[key] = band
    out += band
    for index, row in enumerate(glance.rows):
        out += _row(glance, row, rows_top + index * ROW_H, root)
    if not glance.rows:
        out.append(f'<text x="{_f(CHART_X + 8)}" y="{rows_top + 27}" font-size="15" fill="{MUTED}">'
                   "Không có phong trào nào trong khoảng này.</text>")
    if glance.today is not None:
        out += _today(glance, glance.today, rows_top, rows_end)
    out.append("</svg>")
    return Markup("\n".join(out))


def _stripes(glance: Glance, top: int) -> list[str]:
    return [f'<rect x="0" y="{top + i * ROW_H}" width="{WIDTH}" height="{ROW_H}" fill="#f2f2f2"/>'
            for i in range(1, len(glance.rows), 2)]


def _months(glance: Glance, rows_end: int) -> list[str]:
    out = ['<g class="months">']
    months = glance.months()
    cross_year = glance.start.year != glance.end.year
    spans = []
    for i, first in enumerate(months):
        left = x_of(glance, max(first, glance.start))
        following = months[i + 1] if i + 1 < len(months) else glance.end + timedelta(days=1)
        spans.append((first, left, x_of(glance, following)))
    # One form for every month ("Tháng 10" or "T10"): the long one when each fits its month.
    long_form = all(len(_month_name(first, cross_year)) * BOLD_W + 6 <= right - left
                    for first, left, right in spans
                    if first >= glance.start and right < x_of(glance, glance.end))
    for first, left, right in spans:
        label = _month_name(first, cross_year) if long_form else \
            f"T{first.month}" + (f"/{first.year % 100:02d}" if cross_year else "")
        out.append(f'<line x1="{_f(left)}" y1="4" x2="{_f(left)}" y2="{rows_end}" '
                   'stroke="#b3b3b3" stroke-width="1"/>')
        if (right - left) >= len(label) * BOLD_W * 0.8:  # a sliver of a month stays unnamed
            out.append(f'<text x="{_f((left + right) / 2)}" y="20" font-size="13" '
                       f'text-anchor="middle" fill="{INK}" font-weight="bold">{escape(label)}</text>')
    end = x_of(glance, glance.end + timedelta(days=1))
    out.append(f'<line x1="{_f(end)}" y1="4" x2="{_f(end)}" y2="{rows_end}" stroke="#b3b3b3"/>')
    out.append(f'<line x1="0" y1="{BAND_H}" x2="{WIDTH}" y2="{BAND_H}" stroke="#808080"/>')
    out.append(f'<text x="{LABEL_X}" y="{MONTHS_H + 14}" font-size="14" fill="{MUTED}">'
               "Ngày kỷ niệm</text>")
    out.append(f'<text x="{LABEL_X}" y="{MONTHS_H + 14 + LANE_H}" font-size="13" fill="{MUTED}">'
               "(số năm: năm tròn, năm lẻ 5)</text>")
    out.append("</g>")
    return out


def _month_name(first: date, cross_year: bool) -> str:
    return f"Tháng {first.month}" + (f"/{first.year}" if cross_year else "")


def _mark_label(mark: Mark) -> str:
    return f"{mark.ordinal} năm" if mark.ordinal else ""


def _marks(glance: Glance, rows_top: int, rows_end: int) -> list[str]:
    out = ['<g class="marks">']
    lanes_end = [float("-inf")] * LANES
    y = MONTHS_H + LANES * LANE_H + 9
    for mark in glance.marks:
        x = x_of(glance, mark.day) + CHART_W / glance.days / 2
        tip = f"{mark.title} ({short_date(mark.day)})"
        if mark.round == "major":
            tip += " — năm tròn"
        elif mark.round == "minor":
            tip += " — năm lẻ 5"
        attrs = (f'class="mark" data-date="{mark.day.isoformat()}" '
                 f'data-anniversary="{escape(mark.anniversary)}" data-round="{mark.round or ""}" '
                 f'data-ordinal="{mark.ordinal if mark.ordinal is not None else ""}"')
        out.append(f"<g {attrs}><title>{escape(tip)}</title>")
        if mark.round is not None:
            dash = "" if mark.round == "major" else ' stroke-dasharray="5 4"'
            out.append(f'<line x1="{_f(x)}" y1="{y}" x2="{_f(x)}" y2="{rows_end}" stroke="{RED}" '
                       f'stroke-width="{1.6 if mark.round == "major" else 1.2}"{dash} opacity="0.75"/>')
            label = _mark_label(mark)
            width = len(label) * (9.7 if mark.round == "major" else CHAR_W[14])  # bold is wider
            lane = next((i for i in range(LANES) if lanes_end[i] < x - width / 2 - 4), 0)
            lanes_end[lane] = x + width / 2
            weight = ' font-weight="bold"' if mark.round == "major" else ""
            out.append(f'<text x="{_f(x)}" y="{MONTHS_H + 14 + lane * LANE_H}" font-size="14" '
                       f'text-anchor="middle" fill="{RED}"{weight}>{escape(label)}</text>')
        if mark.round == "major":
            out.append(f'<circle cx="{_f(x)}" cy="{y}" r="7" fill="{RED}" stroke="#fff" stroke-width="1.5"/>')
        elif mark.round == "minor":
            out.append(f'<circle cx="{_f(x)}" cy="{y}" r="6" fill="#fff" stroke="{RED}" stroke-width="2.5"/>')
        else:
            out.append(f'<circle cx="{_f(x)}" cy="{y}" r="3.5" fill="{MUTED}"/>')
        out.append("</g>")
    out.append("</g>")
    return out


def _bar(glance: Glance, bar: Bar, index: int, top: int) -> list[str]:
    left = x_of(glance, max(bar.start, glance.start))
    right = x_of(glance, min(bar.end, glance.end) + timedelta(days=1))
    width = max(right - left - 2, 1)  # a white gap between touching phases
    label = bar.label + (" →" if bar.cut_end else "")
    tip = f"{bar.label} ({short_date(bar.start)} – {short_date(bar.end)})"
    fill = PHASE_FILLS[index % len(PHASE_FILLS)]
    shown = _fit(label, width - 10, 14) or (str(bar.number) if bar.number is not None and width > 12 else "")
    out = [f'<g class="phase" data-campaign="{escape(bar.campaign)}" '
           f'data-phase="{bar.number if bar.number is not None else ""}" '
           f'data-start="{bar.start.isoformat()}" data-end="{bar.end.isoformat()}">',
           f"<title>{escape(tip)}</title>",
           f'<rect x="{_f(left)}" y="{top + 14}" width="{_f(width)}" height="30" rx="3" '
           f'fill="{fill}" stroke="#5f5f5f" stroke-width="1"/>']
    if shown:
        out.append(f'<text x="{_f(left + 6)}" y="{top + 34}" font-size="14" fill="{INK}">'
                   f"{escape(shown)}</text>")
    out.append("</g>")
    return out


def _event(glance: Glance, event: Due, top: int) -> list[str]:
    x = x_of(glance, event.day) + CHART_W / glance.days / 2
    y = top + 12  # on the bar's top edge, clear of its label
    tip = f"{event.title} ({short_date(event.day)})"
    if event.kind == "launch":
        shape = (f'<path d="M{_f(x)},{y - 8} L{_f(x + 7)},{y} L{_f(x)},{y + 8} L{_f(x - 7)},{y} Z" '
                 f'fill="{INK}" stroke="#fff" stroke-width="1.5"/>')
    else:
        shape = (f'<path d="M{_f(x - 8)},{y - 9} L{_f(x + 8)},{y - 9} L{_f(x)},{y + 6} Z" '
                 f'fill="{RED}" stroke="#fff" stroke-width="1.5"/>')
    return [f'<g class="event" data-campaign="{escape(event.campaign)}" data-kind="{event.kind}" '
            f'data-date="{event.day.isoformat()}"><title>{escape(tip)}</title>{shape}</g>']


def _row(glance: Glance, row: Row, top: int, root: str) -> list[str]:
    indent = LABEL_X + min(row.depth, 4) * 14
    room = CHART_X - indent - 10
    name, kind = _fit(row.issuer_name, room, 15), _fit(row.kind_label, room, 13)
    out = [f'<g class="row" data-campaign="{escape(row.campaign)}">',
           f'<a href="{escape(root)}campaigns/{escape(row.campaign)}.html">'
           f"<title>{escape(row.title)} — {escape(row.issuer_name)}</title>",
           f'<text x="{indent}" y="{top + 22}" font-size="15" font-weight="bold" fill="{INK}">'
           f"{escape(name)}</text>",
           f'<text x="{indent}" y="{top + 40}" font-size="13" fill="{MUTED}">{escape(kind)}</text>',
           "</a>"]
    for index, bar in enumerate(row.bars):
        out += _bar(glance, bar, index, top)
    for event in row.events:
        out += _event(glance, event, top)
    out.append("</g>")
    return out


def _today(glance: Glance, today: date, rows_top: int, rows_end: int) -> list[str]:
    x = x_of(glance, today) + CHART_W / glance.days / 2
    label = f"Hôm nay {day_month(today)}"
    anchor = "end" if x > CHART_X + CHART_W - 120 else "start"
    shift = -4 if anchor == "end" else 4
    return [f'<g class="today" data-date="{today.isoformat()}">',
            f'<line x1="{_f(x)}" y1="{rows_top - 6}" x2="{_f(x)}" y2="{rows_end + 6}" stroke="{BLUE}" '
            'stroke-width="2.5"/>',
            f'<text x="{_f(x + shift)}" y="{rows_end + 24}" font-size="15" font-weight="bold" '
            f'text-anchor="{anchor}" fill="{BLUE}">{escape(label)}</text>',
            "</g>"]


def legend(glance: Glance) -> Markup:
    """The key of the drawing, as small inline drawings beside their words: only the signs
    the drawing holds."""
    shown = {"phase"} if glance.rows else set()
    shown |= {event.kind for row in glance.rows for event in row.events}
    shown |= {mark.round or "other" for mark in glance.marks}
    if glance.today is not None:
        shown.add("today")
    items = [
        ("phase", f'<rect x="1" y="3" width="30" height="14" rx="3" fill="{PHASE_FILLS[0]}" '
                  'stroke="#5f5f5f"/>', "một đợt thi đua (số đợt và chủ đề)"),
        ("launch", f'<path d="M16,2 L24,10 L16,18 L8,10 Z" fill="{INK}"/>', "ngày phát động"),
        ("report-due", f'<path d="M8,2 L24,2 L16,18 Z" fill="{RED}"/>', "hạn báo cáo"),
        ("major", f'<circle cx="16" cy="10" r="7" fill="{RED}"/>', "kỷ niệm năm tròn (số năm chẵn chục)"),
        ("minor", f'<circle cx="16" cy="10" r="6" fill="#fff" stroke="{RED}" stroke-width="2.5"/>',
         "kỷ niệm năm lẻ 5"),
        ("other", f'<circle cx="16" cy="10" r="3.5" fill="{MUTED}"/>', "ngày kỷ niệm khác"),
        ("today", f'<line x1="16" y1="0" x2="16" y2="20" stroke="{BLUE}" stroke-width="2.5"/>', "hôm nay"),
    ]
    lines = ['<ul class="legend">']
    for kind, shape, words in items:
        if kind in shown:
            lines.append('<li><svg width="32" height="20" viewBox="0 0 32 20" aria-hidden="true">'
                         f"{shape}</svg> {escape(words)}</li>")
    lines.append("</ul>")
    return Markup("".join(lines))
