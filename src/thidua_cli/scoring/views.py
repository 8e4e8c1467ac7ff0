"""The ranking as JSON, CSV and plain text (``thidua scores``) — pure: sheets in, text out.

JSON follows ``cli.md``: ``{"version": 1, "scorings": [{"by", "year", "units": [{"unit",
"groups", "bonus", "deductions", "total", "class", "rank", "votes"}]}]}``, figures as decimal
strings with one decimal (``"96.5"``, ``"100.0"``) so that no reader meets a float. CSV has
one row a unit (of every scoring chosen), figures likewise. The plain table is what a pipe
gets: aligned columns, Vietnamese numbers (``96,5``).
"""

from __future__ import annotations

import csv
import io
import json
import unicodedata
from collections.abc import Sequence

from thidua_cli.scoring.sheet import Sheet, decimal_string, points


def to_json(chosen: Sequence[Sheet]) -> str:
    return json.dumps({"version": 1, "scorings": [
        {"by": sheet.scoring.by, "year": sheet.scoring.year, "units": [
            {"unit": row.unit,
             "groups": {group: decimal_string(value) for group, value in row.groups.items()},
             "bonus": decimal_string(row.bonus), "deductions": decimal_string(row.deductions),
             "total": decimal_string(row.total), "class": row.klass, "rank": row.rank,
             "votes": row.votes}
            for row in sheet.ranking.units]}
        for sheet in chosen]}, ensure_ascii=False, indent=2) + "\n"


def headers(sheet: Sheet, lang: str) -> list[str]:
    """Column titles of the table: rank, unit, one column a group, then the totals."""
    vi = lang != "en"
    groups = [f"{'Nhóm' if vi else 'Group'} {group.id}" for group in sheet.scoring.criteria]
    return ["Hạng" if vi else "Rank", "Đơn vị" if vi else "Unit", *groups,
            "Thưởng" if vi else "Bonus", "Trừ" if vi else "Deduct.", "Tổng" if vi else "Total",
            "Xếp loại" if vi else "Class", "Phiếu" if vi else "Votes"]


def cells(sheet: Sheet, lang: str) -> list[list[str]]:
    """One row of printed cells a unit, by rank."""
    rows = []
    for row in sheet.ranking.units:
        rows.append([str(row.rank), sheet.short(row.unit),
                     *(points(value, lang) for value in row.groups.values()),
                     points(row.bonus, lang), points(row.deductions, lang), points(row.total, lang),
                     row.klass or "", "" if row.votes is None else str(row.votes)])
    return rows


def title(sheet: Sheet, lang: str) -> str:
    if lang == "en":
        return f"Scores {sheet.scoring.year} — {sheet.by_name} ({len(sheet.ranking.units)} units)"
    return f"Kết quả chấm điểm năm {sheet.scoring.year} — {sheet.by_name} ({len(sheet.ranking.units)} đơn vị)"


def tie_note(sheet: Sheet, lang: str) -> str:
    """The line under a table whose rank 1 no vote parts ("" otherwise)."""
    if not sheet.ranking.tied:
        return ""
    names = ", ".join(sheet.short(unit) for unit in sheet.ranking.tied)
    if lang == "en":
        return f"Tied at rank 1, not parted by a vote: {names}."
    return f"Đồng hạng nhất, chưa có bình xét phân định: {names}."


def width(text: str) -> int:
    """Columns a text takes in a terminal (a combining mark takes none)."""
    return sum(0 if unicodedata.combining(ch) else 2 if unicodedata.east_asian_width(ch) in "WF" else 1
               for ch in text)


def to_plain(chosen: Sequence[Sheet], lang: str) -> str:
    """Aligned columns, numbers on the right, one table a scoring."""
    return "\n\n".join(_plain(sheet, lang) for sheet in chosen) + "\n"


def _plain(sheet: Sheet, lang: str) -> str:
    head = headers(sheet, lang)
    rows = cells(sheet, lang)
    sizes = [max(width(line[i]) for line in [head, *rows]) for i in range(len(head))]
    text_columns = {1, len(head) - 2}  # unit and class: left-aligned

    def line(values: list[str]) -> str:
        parts = []
        for i, value in enumerate(values):
            pad = " " * (sizes[i] - width(value))
            parts.append(value + pad if i in text_columns else pad + value)
        return "  ".join(parts).rstrip()

    lines = [title(sheet, lang), "", line(head), line(["-" * size for size in sizes])]
    lines += [line(row) for row in rows]
    note = tie_note(sheet, lang)
    if note:
        lines += ["", note]
    return "\n".join(lines)


def to_csv(chosen: Sequence[Sheet]) -> str:
    """One row a unit of every scoring chosen; figures as decimal strings. The column names
    are fixed like JSON keys (a script reads them), whatever the language."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    group_ids = list(dict.fromkeys(g.id for sheet in chosen for g in sheet.scoring.criteria))
    writer.writerow(["by", "year", "unit", "name", *[f"group_{g}" for g in group_ids], "self", "base",
                     "bonus", "deductions", "total", "class", "rank", "votes"])
    for sheet in chosen:
        for row in sheet.ranking.units:
            writer.writerow([sheet.scoring.by, sheet.scoring.year, row.unit, sheet.name(row.unit),
                             *[decimal_string(row.groups[g]) if g in row.groups else "" for g in group_ids],
                             decimal_string(row.self_base), decimal_string(row.base),
                             decimal_string(row.bonus), decimal_string(row.deductions),
                             decimal_string(row.total), row.klass or "", row.rank,
                             "" if row.votes is None else row.votes])
    return out.getvalue()
