"""The ranking as an Excel workbook: the two sheets a meeting prints (``thidua scores
--format xlsx``).

- **Tổng hợp** (summary): TT, đơn vị, điểm tự chấm, điểm thẩm định, one column a criteria
  group, điểm thưởng, điểm trừ, tổng, xếp hạng, xếp loại, phiếu bình xét, ghi chú.
- **Chi tiết** (units × criteria): one row a criterion with its maximum, and for each unit
  two columns, tự chấm and thẩm định (the score that counts); the groups, bonus,
  deductions and total close it.

Scores are numbers in the cells (Excel adds them up), written from exact decimals with one
decimal at most. Several scorings: two sheets each, named after the scorer.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from decimal import Decimal

from openpyxl.utils import get_column_letter

from thidua_cli.scoring.compute import ItemScore
from thidua_cli.scoring.sheet import Sheet

_FORBIDDEN = str.maketrans({c: " " for c in "[]:*?/\\"})


def _number(value: Decimal | None) -> int | float | None:
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


def _sheet_name(base: str, sheet: Sheet, several: bool) -> str:
    name = f"{base} {sheet.scoring.by}" if several else base
    return name.translate(_FORBIDDEN)[:31]


def to_xlsx(chosen: Sequence[Sheet]) -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    book.remove(book.worksheets[0])  # the empty sheet a new workbook has
    several = len(chosen) > 1
    for sheet in chosen:
        summary = book.create_sheet(_sheet_name("Tổng hợp", sheet, several))
        _summary(summary, sheet)
        _printed(summary, header_rows="3:3")
        details = book.create_sheet(_sheet_name("Chi tiết", sheet, several))
        _details(details, sheet)
        _printed(details, header_rows="3:4")
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _printed(ws, header_rows: str) -> None:  # type: ignore[no-untyped-def]
    """A4 landscape, one page wide, the header rows repeated on every page, every cell of the
    table ruled: the sheet prints as the meeting hands it out."""
    from openpyxl.styles import Border, Font, Side

    thin = Side(style="thin")
    first = int(header_rows.split(":")[0])
    for row in ws.iter_rows(min_row=first):
        for cell in row:
            cell.border = Border(top=thin, bottom=thin, left=thin, right=thin)
    for row in ws.iter_rows():
        for cell in row:
            cell.font = Font(name="Times New Roman", size=12, bold=cell.font.bold)
    ws.row_dimensions[1].height = 20
    ws["A1"].font = Font(name="Times New Roman", size=13, bold=True)
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.print_title_rows = header_rows


def _style_header(row: tuple, bold: bool = True) -> None:  # type: ignore[type-arg]
    from openpyxl.styles import Alignment, Border, Font, Side

    thin = Side(style="thin")
    for cell in row:
        cell.font = Font(bold=bold)
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        cell.border = Border(top=thin, bottom=thin, left=thin, right=thin)


def _summary(ws, sheet: Sheet) -> None:  # type: ignore[no-untyped-def]
    scoring = sheet.scoring
    ws.append([f"BẢNG TỔNG HỢP KẾT QUẢ CHẤM ĐIỂM THI ĐUA NĂM {scoring.year} — {sheet.by_name.upper()}"])
    ws.append([])
    header = ["TT", "Đơn vị", "Điểm tự chấm", "Điểm thẩm định",
              *[f"Nhóm {g.id} (tối đa {_text(g.max)})" for g in scoring.criteria],
              "Điểm thưởng", "Điểm trừ", "Tổng điểm", "Xếp hạng", "Xếp loại", "Phiếu bình xét", "Ghi chú"]
    ws.append(header)
    _style_header(ws[ws.max_row])
    for index, row in enumerate(sheet.ranking.units, 1):
        note = scoring.scores[row.unit].note if row.unit in scoring.scores else None
        ws.append([index, sheet.name(row.unit), _number(row.self_base), _number(row.base),
                   *[_number(value) for value in row.groups.values()],
                   _number(row.bonus), _number(row.deductions), _number(row.total), row.rank,
                   row.klass, row.votes, note])
    ws.column_dimensions["B"].width = 40
    ws.row_dimensions[3].height = 48
    for column in range(3, len(header) + 1):
        ws.column_dimensions[get_column_letter(column)].width = 11
    ws.freeze_panes = "C4"


def _details(ws, sheet: Sheet) -> None:  # type: ignore[no-untyped-def]
    scoring = sheet.scoring
    units = sheet.ranking.units
    ws.append([f"KẾT QUẢ CHẤM ĐIỂM TỪNG TIÊU CHÍ NĂM {scoring.year} — {sheet.by_name.upper()}"])
    ws.append([])
    names = [name for row in units for name in (sheet.name(row.unit), None)]
    ws.append(["Mã", "Tiêu chí", "Điểm tối đa", *names])
    top = ws.max_row
    ws.append([None, None, None, *[label for _ in units for label in ("Tự chấm", "Thẩm định")]])
    for column in range(4, 4 + 2 * len(units), 2):
        ws.merge_cells(start_row=top, start_column=column, end_row=top, end_column=column + 1)
    for column in (1, 2, 3):
        ws.merge_cells(start_row=top, start_column=column, end_row=top + 1, end_column=column)
    _style_header(ws[top])
    _style_header(ws[top + 1])
    from openpyxl.styles import Font

    for group in scoring.criteria:
        ws.append([group.id, group.name, _number(group.max),
                   *[value for row in units for value in (None, _number(row.groups[group.id]))]])
        for cell in ws[ws.max_row]:
            cell.font = Font(bold=True)
        for item in group.items:
            ws.append([item.id, item.name, _number(item.max),
                       *[value for row in units for value in _pair(row.items[item.id])]])
    for label, key, limit in (("Điểm thưởng", "bonus", scoring.bonus),
                              ("Điểm trừ", "deductions", scoring.deductions)):
        if limit is not None:
            ws.append([None, f"{label} (tối đa {_text(limit.max)})", _number(limit.max),
                       *[value for row in units for value in (None, _number(getattr(row, key)))]])
    ws.append([None, "Tổng điểm", None, *[value for row in units for value in (None, _number(row.total))]])
    for cell in ws[ws.max_row]:
        cell.font = Font(bold=True)
    ws.column_dimensions["B"].width = 50
    ws.row_dimensions[top].height = 48
    for column in range(4, 4 + 2 * len(units)):
        ws.column_dimensions[get_column_letter(column)].width = 10
    ws.freeze_panes = ws.cell(row=top + 2, column=4)


def _pair(item: ItemScore) -> tuple[int | float | None, int | float | None]:
    """(tự chấm, thẩm định): an item scored from a result has no self-score."""
    return _number(item.self_score), _number(item.score)


def _text(value: Decimal) -> str:
    from thidua_cli.scoring.sheet import points

    return points(value)
