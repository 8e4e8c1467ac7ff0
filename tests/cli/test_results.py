"""``thidua results``: a district with three CĐCS, two of which reported (figures by hand:
140/200 = 70,00% against "từ 75% trở lên"; 100 + 120 = 220 against "trên 200")."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.rules.test_results import CAMPAIGN, UNITS
from thidua_cli.cli.app import main

A = ("campaign: ba-dinh-2020\nunit: cdcs-a\nas_of: 2020-12-10\npopulation: {cbccvcld: 100}\n"
     "results:\n  lao-dong-tien-tien: {count: 80, of: cbccvcld}\n  ket-nap-dang: 100\n")
B = A.replace("cdcs-a", "cdcs-b").replace("count: 80", "count: 60").replace("dang: 100", "dang: 120")


@pytest.fixture
def root(make_registry) -> Path:
    return make_registry({"units/units.yaml": UNITS, "campaigns/ba-dinh-2020.yaml": CAMPAIGN,
                          "results/a.yaml": A, "results/b.yaml": B})


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


TABLE = """\
Phát động phong trào thi đua năm 2020 (ba-dinh-2020) — Liên đoàn Lao động quận Ba Đình, tổng kết
Đã báo cáo: 2/3 đơn vị; chưa báo cáo: Công đoàn trường C
STT   Chỉ tiêu / đơn vị                           Kế hoạch         Thực hiện    Tỷ lệ   Đánh giá
────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────
  1   CBCCVCLĐ đạt Lao động tiên tiến (tổng hợp   từ 75% trở lên     140/200   70,00%   không đạt (thiếu 5 điểm %)
      từ 2/3 đơn vị)
      └ Công đoàn trường A                                            80/100   80,00%   vượt (vượt 5 điểm %)
      └ Công đoàn trường B                                            60/100   60,00%   không đạt (thiếu 15 điểm %)
  2   đoàn viên được kết nạp Đảng (tổng hợp từ    trên 200               220            đạt (vượt 20; đạt 110% kế hoạch)
      2/3 đơn vị)
      └ Công đoàn trường A                                               100
      └ Công đoàn trường B                                               120
  3   cơ quan đăng ký cơ quan văn hóa             100%                     —            chưa báo cáo
      └ Công đoàn trường A                                                 —            chưa báo cáo
      └ Công đoàn trường B                                                 —            chưa báo cáo
  4   cơ quan đạt cơ quan văn hóa                 trên 60%                 —            chưa báo cáo
      └ Công đoàn trường A                                                 —            chưa báo cáo
      └ Công đoàn trường B                                                 —            chưa báo cáo
"""


def test_plain_table_on_a_pipe(root, capsys):
    assert run(capsys, "--registry", str(root), "results", "2020") == (0, TABLE, "")


def test_json_as_cli_md_says(root, capsys):
    code, out, err = run(capsys, "--registry", str(root), "results", "--format", "json")
    assert (code, err) == (0, "")
    data = json.loads(out)
    assert data["version"] == 1
    assert data["results"][0] == {
        "campaign": "ba-dinh-2020", "unit": "ldld-ba-dinh", "phase": None, "target": "lao-dong-tien-tien",
        "target_value": "từ 75% trở lên", "count": 140, "of": "cbccvcld", "total": 200, "share": "70.00",
        "verdict": "khong-dat", "margin": "-5.00", "covered": 2, "expected": 3, "missing": ["cdcs-c"]}
    assert [(r["unit"], r["target"], r["count"], r["verdict"]) for r in data["results"][3:6]] == [
        ("ldld-ba-dinh", "ket-nap-dang", 220, "dat"), ("cdcs-a", "ket-nap-dang", 100, None),
        ("cdcs-b", "ket-nap-dang", 120, None)]
    assert data["results"][6]["verdict"] is None and data["results"][6]["count"] is None


def test_csv(root, capsys):
    code, out, _ = run(capsys, "--registry", str(root), "results", "2020", "-f", "csv")
    assert code == 0
    assert out.splitlines()[:4] == [
        "campaign,unit,phase,target,target_value,count,of,total,share,verdict,margin,covered,expected,missing",
        "ba-dinh-2020,ldld-ba-dinh,,lao-dong-tien-tien,từ 75% trở lên,140,cbccvcld,200,70.00,khong-dat,-5.00,2,3,cdcs-c",
        "ba-dinh-2020,cdcs-a,,lao-dong-tien-tien,từ 75% trở lên,80,cbccvcld,100,80.00,vuot,5.00,0,0,",
        "ba-dinh-2020,cdcs-b,,lao-dong-tien-tien,từ 75% trở lên,60,cbccvcld,100,60.00,khong-dat,-15.00,0,0,"]


def test_xlsx_is_not_printed_on_a_terminal(root, capsys, monkeypatch):
    monkeypatch.setattr("sys.stdout.isatty", lambda: True)
    assert run(capsys, "--registry", str(root), "results", "2020", "-f", "xlsx") == (
        2, "", "thidua: XLSX là tệp nhị phân: hãy ghi vào tệp bằng -o TỆP.xlsx\n")


def test_xlsx_has_real_numbers_percent_formats_and_a_frozen_header(root, capsys, tmp_path):
    from openpyxl import load_workbook

    target = tmp_path / "ket-qua.xlsx"
    assert run(capsys, "--registry", str(root), "results", "2020", "-f", "xlsx", "-o", str(target)) == (
        0, "", f"Đã ghi {target} (1 phong trào, 12 dòng)\n")
    sheet = load_workbook(target)["ba-dinh-2020"]
    assert sheet.freeze_panes == "A4"
    assert [cell.value for cell in sheet[3]] == [
        "STT", "Đơn vị", "Chỉ tiêu", "Kế hoạch", "Thực hiện", "Tổng số", "Tỷ lệ", "Đánh giá", "Chênh lệch",
        "Tổng hợp từ", "Chưa báo cáo"]
    assert [cell.value for cell in sheet[4]] == [
        1, "Liên đoàn Lao động quận Ba Đình", "CBCCVCLĐ đạt Lao động tiên tiến", "từ 75% trở lên", 140, 200, 0.7,
        "không đạt", "thiếu 5 điểm %", "2/3", "Công đoàn trường C"]
    assert sheet["G4"].number_format == "0.00%" and sheet["E4"].number_format == "#,##0"
    assert sheet.column_dimensions["C"].width == 60
    assert [cell.value for cell in sheet[7]][:9] == [
        2, "Liên đoàn Lao động quận Ba Đình", "đoàn viên được kết nạp Đảng", "trên 200", 220, None, None, "đạt",
        "vượt 20; đạt 110% kế hoạch"]
    # Never overwritten without --force.
    code, out, err = run(capsys, "--registry", str(root), "results", "-f", "xlsx", "-o", str(target))
    assert (code, out, err) == (2, "", f"thidua: tệp đã có, không ghi đè: {target} (dùng --force để ghi đè)\n")


def test_one_unit_and_english(root, capsys):
    code, out, _ = run(capsys, "--registry", str(root), "--lang", "en", "results", "2020", "--unit", "cdcs-a")
    assert code == 0
    assert out.splitlines()[4:6] == [
        "  1   CBCCVCLĐ đạt Lao động tiên tiến —      từ 75% trở lên     80/100   80.00%   exceeded (above by 5 percentage",
        "      Công đoàn trường A                                                          points)"]


@pytest.mark.parametrize(("args", "message"), [
    (("--campaign", "ba-dinh-2002"), 'không có phong trào "ba-dinh-2002" trong sổ đăng ký; có phải ý bạn là "ba-dinh-2020"?'),
    (("--unit", "cdcs-x"), 'không có đơn vị hay cụm "cdcs-x" trong sổ đăng ký; có phải ý bạn là "cdcs-c"?'),
    (("--campaign", "a", "--unit", "b"), "chỉ dùng một trong hai: --campaign hoặc --unit"),
    (("--phase", "0"), "--phase 0: số đợt bắt đầu từ 1"),
])
def test_bad_options_are_one_line_and_exit_2(root, capsys, args, message):
    assert run(capsys, "--registry", str(root), "results", *args) == (2, "", f"thidua: {message}\n")


def test_nothing_that_year(root, capsys):
    assert run(capsys, "--registry", str(root), "results", "2030") == (0, "Không có phong trào nào năm 2030.\n", "")


def test_a_registry_with_errors_is_refused(make_registry, capsys):
    root = make_registry({"units/units.yaml": UNITS, "campaigns/ba-dinh-2020.yaml": CAMPAIGN,
                          "results/a.yaml": A.replace("count: 80", "count: 180")})
    code, out, err = run(capsys, "--registry", str(root), "results")
    assert (code, out) == (1, "")
    assert err.splitlines()[-1] == "Sổ đăng ký có lỗi: không tính kết quả."


def test_on_an_80_column_terminal_the_columns_share_the_width(root):
    # Wider than the terminal, the table gives the target's text the most room and the plan
    # enough for "từ 75%" / "trở lên", instead of squeezing each column from its widest cell.
    import io

    from rich.console import Console

    from thidua_cli.cli import results as command
    from thidua_cli.cli.common import Settings

    settings = Settings(lang="vi", registry=root, color=False)
    buffer = io.StringIO()
    settings._out = Console(file=buffer, force_terminal=True, width=80, color_system=None, highlight=False)
    assert command.run(settings, 2020, None, None, None, "table", None, False) == 0
    lines = [line.rstrip() for line in buffer.getvalue().splitlines()]
    assert lines[3:13] == [
        "STT   Chỉ tiêu / đơn vị          Kế hoạch    Thực hiện    Tỷ lệ   Đánh giá",
        "─" * 80,
        "  1   CBCCVCLĐ đạt Lao động      từ 75%        140/200   70,00%   không đạt",
        "      tiên tiến (tổng hợp từ     trở lên                          (thiếu 5 điểm",
        "      2/3 đơn vị)                                                 %)",
        "      └ Công đoàn trường A                      80/100   80,00%   vượt (vượt 5",
        "                                                                  điểm %)",
        "      └ Công đoàn trường B                      60/100   60,00%   không đạt",
        "                                                                  (thiếu 15 điểm",
        "                                                                  %)",
    ]
