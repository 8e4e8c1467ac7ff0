"""``thidua results`` as JSON, CSV and XLSX (bytes and text; the CLI writes them).

JSON and CSV are for scripts: figures as decimal strings with a dot (``"75.01"``), the
verdict as a code (``dat``, ``vuot``, ``khong-dat``, ``tien-do``). XLSX is what a cadre
pastes into the year's report: one sheet per campaign, real numbers in the cells (a
share is a number formatted as a percentage, never text), the header frozen, columns wide
enough for Vietnamese.
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from thidua_cli.results.forms import print_on_one_page_wide
from thidua_cli.results.table import CampaignRows, Row
from thidua_cli.vn import numbers

FIELDS = ("campaign", "unit", "phase", "target", "target_value", "count", "of", "total", "share",
          "verdict", "margin", "covered", "expected", "missing")


def record(row: Row) -> dict[str, Any]:
    """One row as cli.md's JSON object."""
    figure, verdict = row.figure, row.verdict
    share = row.share
    return {
        "campaign": row.campaign.id, "unit": row.unit, "phase": row.phase,
        "target": row.target.id, "target_value": str(row.target.value),
        "count": None if figure is None else figure.count,
        "of": None if figure is None else figure.of,
        "total": None if figure is None else figure.total,
        "share": None if share is None else numbers.decimal_string(share),
        "verdict": None if verdict is None else verdict.kind,
        "margin": None if verdict is None or verdict.margin is None
        else numbers.decimal_string(verdict.margin),
        "covered": 0 if figure is None else len(figure.covered),
        "expected": 0 if figure is None else len(figure.expected),
        "missing": [] if figure is None else list(figure.missing),
    }


def to_json(tables: list[CampaignRows]) -> str:
    return json.dumps({"version": 1, "results": [record(row) for table in tables for row in table.rows]},
                      ensure_ascii=False, indent=2) + "\n"


def to_csv(tables: list[CampaignRows]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=FIELDS, lineterminator="\n")
    writer.writeheader()
    for table in tables:
        for row in table.rows:
            item = record(row)
            item["missing"] = " ".join(item["missing"])
            writer.writerow(item)
    return out.getvalue()


# --------------------------------------------------------------------------- XLSX

HEADERS = ("STT", "Đơn vị", "Chỉ tiêu", "Kế hoạch", "Thực hiện", "Tổng số", "Tỷ lệ", "Đánh giá",
           "Chênh lệch", "Tổng hợp từ", "Chưa báo cáo")
#: Column widths in characters, for Vietnamese text at Excel's default font (measured on
#: the sample registry: target texts wrap within 60, unit names within 40).
WIDTHS = (5, 40, 60, 16, 12, 12, 10, 34, 30, 13, 40)
SHEET_NAME_MAX = 31
_FORBIDDEN = str.maketrans({c: "-" for c in "[]:*?/\\"})


def sheet_names(ids: list[str]) -> list[str]:
    """Excel sheet names from campaign ids: at most 31 characters, unique."""
    names: list[str] = []
    for some_id in ids:
        base = some_id.translate(_FORBIDDEN)[:SHEET_NAME_MAX]
        name, n = base, 2
        while name.lower() in (taken.lower() for taken in names):
            suffix = f"~{n}"
            name = base[:SHEET_NAME_MAX - len(suffix)] + suffix
            n += 1
        names.append(name)
    return names


def to_xlsx(tables: list[CampaignRows], label: dict[str, str]) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    book = Workbook()
    book.remove(book.worksheets[0])  # the empty sheet a new workbook has
    wrap = Alignment(wrap_text=True, vertical="top")
    bold = Font(bold=True)
    for table, name in zip(tables, sheet_names([t.campaign.id for t in tables]), strict=True):
        sheet = book.create_sheet(name)
        sheet.append([table.campaign.title])
        sheet.cell(1, 1).font = Font(bold=True, size=12)
        period = f"Sơ kết đợt {table.phase}" if table.phase is not None else "Tổng kết"
        note = f"{period} — {table.issuer_name} ({table.campaign.id})"
        if table.expected:
            note += f"; {len(table.reported)}/{len(table.expected)} đơn vị đã báo cáo"
        sheet.append([note])
        sheet.append(list(HEADERS))
        for cell in sheet[3]:
            cell.font = bold
            cell.alignment = wrap
        number = 0
        for row in table.rows:
            if row.issuer_row:
                number += 1
            sheet.append(_cells(row, number, label))
            current = sheet.max_row
            for column in (2, 3, 8, 11):
                sheet.cell(current, column).alignment = wrap
            sheet.cell(current, 5).number_format = "#,##0"
            sheet.cell(current, 6).number_format = "#,##0"
            sheet.cell(current, 7).number_format = "0.00%"
            if row.issuer_row:
                for column in range(1, len(HEADERS) + 1):
                    sheet.cell(current, column).font = bold
        sheet.freeze_panes = "A4"
        print_on_one_page_wide(sheet)
        sheet.print_title_rows = "3:3"
        for index, width in enumerate(WIDTHS, 1):
            sheet.column_dimensions[get_column_letter(index)].width = width
    if not tables:
        book.create_sheet("Kết quả").append(["Không có phong trào nào."])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _cells(row: Row, number: int, label: dict[str, str]) -> list[Any]:
    figure, verdict = row.figure, row.verdict
    share = row.share
    margin = ""
    if verdict is not None:
        margin = "; ".join(part for part in (verdict.margin_text(), verdict.plan_text()) if part)
    coverage = ""
    if figure is not None and figure.expected:
        coverage = f"{len(figure.covered)}/{len(figure.expected)}"
    return [
        number if row.issuer_row else None,
        row.unit_name if row.issuer_row else f"   {row.unit_name}",
        row.target.text,
        str(row.target.value),
        None if figure is None else figure.count,
        None if figure is None else figure.total,
        # A real number the cell formats as 75,01% (Excel shows the user's decimal mark).
        float(share / 100) if share is not None and row.target.value.percent else None,
        verdict.label() if verdict is not None else row.verdict_text(),
        margin,
        coverage,
        ", ".join(label.get(unit, unit) for unit in figure.missing) if figure is not None else "",
    ]
