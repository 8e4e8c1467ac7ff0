"""The Excel round trip that collects results from the units below: a form per unit
(:func:`make_form`) and a filled form read back (:func:`read_form`).

A form names its campaign and unit twice — visibly, and in a hidden sheet with the target
ids in order — so that a form imported against the wrong campaign, or whose rows were
added, removed or renamed, is refused instead of read. Input cells take whole numbers
≥ 0 (Excel's data validation says so while typing); everything else is locked (sheet
protection without a password: it prevents slips, not intent — the reader checks again).

Reading is strict and located: every bad cell is a problem ``form.xlsx!Báo cáo!C7: …``,
and a form with a problem yields no result. No file is written here.
"""

from __future__ import annotations

import io
import zipfile
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from thidua_cli.models import Campaign, Result, Unit
from thidua_cli.vn import dates as vn_dates
from thidua_cli.vn import numbers

SHEET = "Báo cáo"
META = "thidua"
FORM_VERSION = "1"
FIRST_ROW = 10           # the first target row
COLUMNS = ("STT", "Mã chỉ tiêu", "Chỉ tiêu", "Kế hoạch", "Số lượng đạt", "Tổng số (mẫu số)")
WIDTHS = (6, 26, 60, 16, 14, 16)
COUNT, TOTAL = "E", "F"
AS_OF_CELL = "C7"
CAMPAIGN_CELL, UNIT_CELL = "C3", "C5"
#: A filled form is a few kilobytes; past this an .xlsx is not a form (and could be a zip bomb).
MAX_BYTES = 5 << 20
MAX_UNPACKED = 50 << 20
#: An OLE compound file: how Excel saves a password-protected workbook — and an old .xls.
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
#: The stream an encrypted workbook's OLE file holds (its name in UTF-16, as OLE stores it).
_ENCRYPTED_STREAM = "EncryptedPackage".encode("utf-16-le")


def total_name(target_id: str) -> str:
    """The population name a form's total for a share target is imported under."""
    return f"tong-{target_id}"


def file_name(campaign: Campaign, unit: Unit) -> str:
    return f"{campaign.id}-{unit.id}.xlsx"


def print_on_one_page_wide(sheet: Any) -> None:
    """A4 landscape, as wide as one page: what a cadre prints is readable without reassembly."""
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_title_rows = None


def total_names(campaign: Campaign, reports: list[Result]) -> dict[str, str]:
    """The population name each share target's total is imported under: the name the reports
    already on the campaign use most for it (so that the imported figures pool with them),
    else ``tong-<target id>``."""
    names: dict[str, str] = {}
    for target in campaign.targets:
        used = Counter(report.results[target.id].of for report in reports
                       if target.id in report.results and report.results[target.id].of)
        names[target.id] = used.most_common(1)[0][0] if used else total_name(target.id)  # type: ignore[assignment]
    # A target `within` another counts among the same whole (cơ quan đạt văn hóa among the
    # cơ quan that registered: both shares of all cơ quan): one total, so that the form
    # asks the same figure twice consistently and result-within-exceeded can compare them.
    within = {t.id: t.within for t in campaign.targets if t.within is not None}
    for target_id in within:
        outer, seen = target_id, {target_id}
        while outer in within and within[outer] in names and within[outer] not in seen:
            outer = within[outer]
            seen.add(outer)
        names[target_id] = names[outer]
    return names


def make_form(campaign: Campaign, unit: Unit, issuer_name: str,
              totals: dict[str, str] | None = None) -> bytes:
    """One unit's form for one campaign (the whole campaign, not a phase); ``totals`` names
    each share target's total (:func:`total_names`)."""
    totals = totals or {t.id: total_name(t.id) for t in campaign.targets}
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill, Protection
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    book = Workbook()
    sheet = book.worksheets[0]  # the one sheet a new workbook has
    sheet.title = SHEET
    bold = Font(bold=True)
    wrap = Alignment(wrap_text=True, vertical="top")
    fill = PatternFill("solid", fgColor="FFF2CC")
    unlocked = Protection(locked=False)
    sheet["A1"] = "BIỂU MẪU BÁO CÁO KẾT QUẢ THỰC HIỆN CHỈ TIÊU THI ĐUA"
    sheet["A1"].font = Font(bold=True, size=13)
    rows = [("Phong trào:", campaign.title), ("Mã phong trào:", campaign.id),
            ("Đơn vị báo cáo:", unit.name), ("Mã đơn vị:", unit.id),
            ("Gửi về:", issuer_name)]
    for offset, (label, value) in enumerate(rows, 2):
        sheet.cell(offset, 2, label).font = bold
        sheet.cell(offset, 3, value)
    sheet["B7"] = "Ngày chốt số liệu:"
    sheet["B7"].font = bold
    sheet[AS_OF_CELL].number_format = "DD/MM/YYYY"
    sheet[AS_OF_CELL].protection = unlocked
    sheet[AS_OF_CELL].fill = fill
    sheet["D7"] = "(ngày/tháng/năm, ví dụ 15/12/" + str(campaign.year) + ")"
    sheet["A8"] = ("Hướng dẫn: điền SỐ LƯỢNG vào các ô màu vàng (số nguyên, không ghi %); với chỉ tiêu "
                   "tỉ lệ, điền cả tổng số làm mẫu số. Không thêm, bớt hay sửa các dòng chỉ tiêu.")
    sheet["A8"].alignment = Alignment(wrap_text=False)
    for column, title in enumerate(COLUMNS, 1):
        cell = sheet.cell(FIRST_ROW - 1, column, title)
        cell.font = bold
        cell.alignment = wrap
    whole = DataValidation(type="whole", operator="greaterThanOrEqual", formula1="0", allow_blank=True,
                           showErrorMessage=True, errorTitle="Không phải số",
                           error="Hãy nhập một số nguyên từ 0 trở lên.")
    when = DataValidation(type="date", operator="greaterThan", formula1="1", allow_blank=True,
                          showErrorMessage=True, errorTitle="Không phải ngày",
                          error="Hãy nhập một ngày, ví dụ 15/12/2020.")
    sheet.add_data_validation(whole)
    sheet.add_data_validation(when)
    when.add(AS_OF_CELL)
    for index, target in enumerate(campaign.targets):
        row = FIRST_ROW + index
        values: tuple[int | str, ...] = (index + 1, target.id, target.text, str(target.value))
        for column, content in enumerate(values, 1):
            sheet.cell(row, column, content).alignment = wrap
        inputs = (COUNT, TOTAL) if target.value.percent else (COUNT,)
        for column_letter in inputs:
            cell = sheet[f"{column_letter}{row}"]
            cell.protection = unlocked
            cell.fill = fill
            cell.number_format = "#,##0"
            whole.add(cell.coordinate)
        if not target.value.percent:
            sheet[f"{TOTAL}{row}"] = "—"
    for index, width in enumerate(WIDTHS, 1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = f"A{FIRST_ROW}"
    print_on_one_page_wide(sheet)
    sheet.protection.sheet = True
    sheet.protection.formatColumns = False  # widths may still be changed to read long texts
    meta = book.create_sheet(META)
    for row_values in (("version", FORM_VERSION), ("campaign", campaign.id), ("unit", unit.id),
                       ("targets", *[t.id for t in campaign.targets]),
                       ("totals", *[totals.get(t.id, total_name(t.id)) for t in campaign.targets])):
        meta.append(list(row_values))
    meta.sheet_state = "veryHidden"
    meta.protection.sheet = True
    book.security.lockStructure = True  # no sheet added, removed or renamed
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


# --------------------------------------------------------------------------- reading back

@dataclass
class FormProblem:
    """A located problem of a form: ``where`` is ``Sheet!C7`` (or "" for the whole file)."""

    file: str
    where: str
    vi: str
    en: str

    def text(self, lang: str) -> str:
        place = f"{self.file}!{self.where}" if self.where else self.file
        return f"{place}: {self.en if lang == 'en' else self.vi}"


@dataclass
class FilledForm:
    campaign: str
    unit: str
    as_of: date | None = None
    population: dict[str, int] = field(default_factory=dict)
    results: dict[str, dict[str, Any] | int] = field(default_factory=dict)


def too_large(name: str, size: int) -> FormProblem:
    """A file past :data:`MAX_BYTES` (its whole size, though only the first bytes were read)."""
    mib = size / (1 << 20)
    return FormProblem(name, "", f"tệp lớn {numbers.fixed(mib, 1)} MiB, quá lớn cho một biểu mẫu "
                       f"(tối đa {MAX_BYTES >> 20} MiB); đây không phải biểu mẫu của thidua",
                       f"the file is {mib:.1f} MiB, too large for a form "
                       f"(at most {MAX_BYTES >> 20} MiB); it is not a thidua form")


def _open(data: bytes, name: str) -> tuple[Any, list[FormProblem]]:
    def whole(vi: str, en: str) -> tuple[None, list[FormProblem]]:
        return None, [FormProblem(name, "", vi, en)]

    if data.startswith(_OLE) and _ENCRYPTED_STREAM in data:
        return whole("tệp Excel được đặt mật khẩu (mã hóa); hãy lưu lại không có mật khẩu rồi nhập",
                     "the Excel file is password-protected (encrypted); "
                     "save it without a password and import it")
    if data.startswith(_OLE):
        return whole("tệp Excel 97-2003 (.xls), không phải .xlsx; hãy điền vào biểu mẫu .xlsx gốc "
                     "do `thidua form` tạo",
                     "an Excel 97-2003 file (.xls), not .xlsx; fill in the original .xlsx form "
                     "made by `thidua form`")
    if len(data) > MAX_BYTES:
        return None, [too_large(name, len(data))]
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, ValueError, OSError):
        return whole("không đọc được: không phải tệp Excel .xlsx hoặc tệp đã hỏng",
                     "cannot be read: not an Excel .xlsx file, or the file is damaged")
    if unpacked > MAX_UNPACKED:
        return whole("tệp giải nén ra quá lớn cho một biểu mẫu; đây không phải biểu mẫu của thidua",
                     "the file unpacks to far more than a form; it is not a thidua form")
    from openpyxl import load_workbook

    try:
        return load_workbook(io.BytesIO(data), data_only=False), []
    except Exception:
        return whole("không đọc được: tệp Excel đã hỏng hoặc không đúng định dạng .xlsx",
                     "cannot be read: the Excel file is damaged or not in .xlsx format")


def read_form(data: bytes, name: str, campaigns: dict[str, Campaign]) -> tuple[FilledForm | None,
                                                                              list[FormProblem]]:
    """A filled form → what it reports, or the located problems that stop it (then ``None``)."""
    book, problems = _open(data, name)
    if book is None:
        return None, problems
    if META not in book.sheetnames or SHEET not in book.sheetnames:
        return None, [FormProblem(name, "", "không phải biểu mẫu của thidua (thiếu trang "
                                  f'"{SHEET}" hoặc thông tin nhận dạng); '
                                  "hãy dùng biểu mẫu do `thidua form` tạo",
                                  f'not a thidua form (no "{SHEET}" sheet or no identification); '
                                  "use a form made by `thidua form`")]
    meta = {row[0].value: [c.value for c in row[1:]]
            for row in book[META].iter_rows() if row and row[0].value}
    sheet = book[SHEET]
    campaign_id = (meta.get("campaign") or [None])[0]
    unit_id = (meta.get("unit") or [None])[0]
    ids = [value for value in meta.get("targets", []) if value is not None]
    totals = dict(zip(ids, meta.get("totals", []), strict=False))

    def cell_problem(cell: str, vi: str, en: str) -> None:
        problems.append(FormProblem(name, f"{SHEET}!{cell}", vi, en))

    if sheet[CAMPAIGN_CELL].value != campaign_id or sheet[UNIT_CELL].value != unit_id:
        cell_problem(CAMPAIGN_CELL,
                     "mã phong trào hoặc mã đơn vị trên biểu mẫu đã bị sửa; hãy dùng lại biểu mẫu gốc",
                     "the campaign or unit id on the form was changed; use the original form")
        return None, problems
    campaign = campaigns.get(str(campaign_id))
    if campaign is None:
        cell_problem(CAMPAIGN_CELL, f'biểu mẫu của phong trào "{campaign_id}", không có trong sổ đăng ký',
                     f'the form is for campaign "{campaign_id}", which is not in the registry')
        return None, problems
    expected = [t.id for t in campaign.targets]
    if ids != expected:
        problems.append(FormProblem(name, "", "biểu mẫu làm cho danh sách chỉ tiêu khác với phong trào "
                                    f'"{campaign.id}" hiện nay; hãy tạo lại biểu mẫu bằng `thidua form`',
                                    "the form was made for another target list than campaign "
                                    f'"{campaign.id}" '
                                    "has now; make the form again with `thidua form`"))
        return None, problems
    filled = FilledForm(campaign.id, str(unit_id))
    for index, target in enumerate(campaign.targets):
        row = FIRST_ROW + index
        if sheet[f"B{row}"].value != target.id:
            cell_problem(f"B{row}", f'dòng {row} phải là chỉ tiêu "{target.id}" nhưng đã bị sửa thành '
                         f'"{sheet[f"B{row}"].value}"; không thêm, bớt hay sửa dòng chỉ tiêu',
                         f'row {row} must hold target "{target.id}" but was changed to '
                         f'"{sheet[f"B{row}"].value}"; do not add, remove or edit target rows')
    extra_row = FIRST_ROW + len(campaign.targets)
    if any(sheet.cell(extra_row, column).value not in (None, "") for column in range(1, 7)):
        cell_problem(f"A{extra_row}", "có dòng được thêm dưới danh sách chỉ tiêu; hãy xóa nó",
                     "a row was added below the target list; remove it")
    if problems:
        return None, problems
    filled.as_of = _date(sheet[AS_OF_CELL].value, cell_problem)
    for index, target in enumerate(campaign.targets):
        row = FIRST_ROW + index
        before = len(problems)
        count = _whole(sheet[f"{COUNT}{row}"].value, f"{COUNT}{row}", cell_problem)
        total = _whole(sheet[f"{TOTAL}{row}"].value, f"{TOTAL}{row}", cell_problem) \
            if target.value.percent else None
        if len(problems) > before or (count is None and total is None):
            continue  # a bad cell (its cause told, not its consequence), or not reported
        if target.value.percent:
            if count is None or total is None:
                missing = f"{COUNT}{row}" if count is None else f"{TOTAL}{row}"
                cell_problem(missing, f'chỉ tiêu "{target.id}" là tỉ lệ: cần cả số lượng đạt và tổng số',
                             f'target "{target.id}" is a share: give both the count and the total')
                continue
            if count > total:
                cell_problem(f"{COUNT}{row}", f"số lượng đạt {count} lớn hơn tổng số {total}",
                             f"the count {count} is more than the total {total}")
                continue
            of = str(totals.get(target.id) or total_name(target.id))
            if of in filled.population and filled.population[of] != total:
                cell_problem(f"{TOTAL}{row}", f"tổng số {total} khác tổng số {filled.population[of]} đã ghi "
                             f'cho cùng mẫu số "{of}" ở dòng trên',
                             f'the total {total} differs from {filled.population[of]} given above for '
                             f'the same total "{of}"')
                continue
            filled.population[of] = total
            filled.results[target.id] = {"count": count, "of": of}
        elif count is not None:
            filled.results[target.id] = count
    if not problems and campaign.targets and not filled.results:
        # A form sent back blank would write a report that says nothing: a silent pass.
        cell_problem(f"{COUNT}{FIRST_ROW}", "biểu mẫu chưa có số liệu nào; hãy điền số của ít nhất "
                     "một chỉ tiêu", "the form holds no figure; fill in at least one target")
    if problems:
        return None, problems
    return filled, []


def cell_of(campaign: Campaign, path: tuple[str | int, ...]) -> str:
    """The form's cell that a problem at ``path`` of the result it makes comes from ("" for
    the whole form): a target's count or total, the date, the unit."""
    if path[:1] == ("as_of",):
        return f"{SHEET}!{AS_OF_CELL}"
    if path[:1] == ("unit",):
        return f"{SHEET}!{UNIT_CELL}"
    if path[:1] == ("campaign",):
        return f"{SHEET}!{CAMPAIGN_CELL}"
    if len(path) >= 2 and path[0] == "results":
        for index, target in enumerate(campaign.targets):
            if target.id == path[1]:
                return f"{SHEET}!{COUNT}{FIRST_ROW + index}"
    return ""


def _whole(value: Any, cell: str, problem: Any) -> int | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool):
        shown = "TRUE" if value else "FALSE"  # as Excel shows it
        problem(cell, f'"{shown}" không phải là số', f'"{shown}" is not a number')
        return None
    if isinstance(value, datetime):
        problem(cell, f"ô chứa ngày {vn_dates.short_date(value.date())} thay vì số",
                f"the cell holds a date ({value.date().isoformat()}) instead of a number")
        return None
    if not isinstance(value, (str, int, float)) and isinstance(getattr(value, "text", None), str):
        value = value.text  # an array formula (openpyxl's ArrayFormula): its "=…" text
    if isinstance(value, str) and value.startswith("="):
        problem(cell, f"ô chứa công thức ({value}) thay vì số; hãy nhập số (dán giá trị)",
                f"the cell holds a formula ({value}) instead of a number; type the number (paste values)")
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int):
        if value < 0:
            problem(cell, f"số lượng không thể âm ({value})", f"a count cannot be negative ({value})")
            return None
        return value
    if isinstance(value, str):
        text = value.strip().replace(".", "") if value.strip().replace(".", "").isdigit() else None
        if text is not None:
            return int(text)  # "10.159" typed as text: thousands dots
    if isinstance(value, float):
        problem(cell, f"{value} không phải là số nguyên", f"{value} is not a whole number")
        return None
    problem(cell, f'"{value}" không phải là số', f'"{value}" is not a number')
    return None


def _date(value: Any, problem: Any) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if not isinstance(value, (str, int, float)) and isinstance(getattr(value, "text", None), str):
        value = value.text  # an array formula: its "=…" text
    if isinstance(value, bool):
        value = "TRUE" if value else "FALSE"  # as Excel shows it
    if isinstance(value, str) and value.strip():
        if value.startswith("="):
            problem(AS_OF_CELL, "ô ngày chứa công thức; hãy nhập ngày",
                    "the date cell holds a formula; type the date")
            return None
        try:
            return vn_dates.parse_date(value.strip())
        except vn_dates.DateSyntaxError as exc:
            problem(AS_OF_CELL, exc.vi, exc.en)
            return None
    if value in (None, ""):
        problem(AS_OF_CELL, "chưa điền ngày chốt số liệu", "the day the figures stand at is not filled in")
        return None
    problem(AS_OF_CELL, f'"{value}" không phải là ngày', f'"{value}" is not a date')
    return None


def result_yaml(form: FilledForm, source: str) -> str:
    """The results file a filled form becomes (a new file, written whole)."""
    lines = [f"# Nhập từ biểu mẫu {source} (thidua import).",
             f"campaign: {form.campaign}", f"unit: {form.unit}"]
    if form.as_of is not None:
        lines.append(f"as_of: {form.as_of.isoformat()}")
    if form.population:
        lines.append("population:")
        lines += [f"  {key}: {value}" for key, value in form.population.items()]
    if form.results:
        lines.append("results:")
        for key, value in form.results.items():
            if isinstance(value, dict):
                lines.append(f"  {key}: {{count: {value['count']}, of: {value['of']}}}")
            else:
                lines.append(f"  {key}: {value}")
    else:
        lines.append("results: {}")
    return "\n".join(lines) + "\n"
