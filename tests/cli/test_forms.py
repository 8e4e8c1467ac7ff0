"""``thidua form`` and ``thidua import``: the Excel round trip, and every bad form a clear
located problem (or one line, exit 2) with nothing written."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook

from tests.cli.test_results import A
from tests.rules.test_results import CAMPAIGN, UNITS
from thidua_cli.cli.app import main


@pytest.fixture
def root(make_registry) -> Path:
    return make_registry({"units/units.yaml": UNITS, "campaigns/ba-dinh-2020.yaml": CAMPAIGN,
                          "results/a.yaml": A})


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def forms(root, capsys, tmp_path) -> Path:
    out = tmp_path / "forms"
    assert run(capsys, "--registry", str(root), "form", "2020", "--campaign", "ba-dinh-2020", "-o", str(out)) == (
        0, "", f"Đã ghi 3 biểu mẫu vào {out}/\n")
    return out


def fill(form: Path, target: Path, cells: dict[str, object]) -> Path:
    book = load_workbook(form)
    sheet = book["Báo cáo"]
    for cell, value in cells.items():
        sheet[cell] = value
    book.save(target)
    return target


def test_a_form_per_unit_identified_validated_and_protected(forms):
    assert sorted(p.name for p in forms.iterdir()) == [
        "ba-dinh-2020-cdcs-a.xlsx", "ba-dinh-2020-cdcs-b.xlsx", "ba-dinh-2020-cdcs-c.xlsx"]
    book = load_workbook(forms / "ba-dinh-2020-cdcs-b.xlsx")
    assert book.sheetnames == ["Báo cáo", "thidua"]
    assert book["thidua"].sheet_state == "veryHidden"
    assert book.security.lockStructure
    sheet = book["Báo cáo"]
    assert (sheet["C3"].value, sheet["C5"].value) == ("ba-dinh-2020", "cdcs-b")
    assert [[c.value for c in row] for row in sheet.iter_rows(min_row=9, max_row=13, max_col=4)] == [
        ["STT", "Mã chỉ tiêu", "Chỉ tiêu", "Kế hoạch"],
        [1, "lao-dong-tien-tien", "CBCCVCLĐ đạt Lao động tiên tiến", "từ 75% trở lên"],
        [2, "ket-nap-dang", "đoàn viên được kết nạp Đảng", "trên 200"],
        [3, "dang-ky", "cơ quan đăng ký cơ quan văn hóa", "100%"],
        [4, "dat", "cơ quan đạt cơ quan văn hóa", "trên 60%"]]
    assert sheet.protection.sheet
    assert not sheet["E10"].protection.locked and sheet["D10"].protection.locked
    assert sheet["F11"].protection.locked and sheet["F11"].value == "—"  # a count target has no total
    whole = [dv for dv in sheet.data_validations.dataValidation if dv.type == "whole"]
    assert [str(dv.sqref) for dv in whole] == ["E10 E11 E12 E13 F10 F12 F13"]
    # The total of a share target takes the name the reports already on the campaign use; a
    # target within another (dat within dang-ky) shares its total.
    assert [c.value for c in book["thidua"]["5"]][1:] == ["cbccvcld", "tong-ket-nap-dang", "tong-dang-ky", "tong-dang-ky"]


def test_import_writes_a_new_result_that_pools_with_the_others(root, forms, capsys, tmp_path):
    form = fill(forms / "ba-dinh-2020-cdcs-b.xlsx", tmp_path / "b.xlsx",
                {"C7": "10/12/2020", "E10": 60, "F10": 100, "E11": 120, "E12": 3, "F12": 3})
    code, out, err = run(capsys, "--registry", str(root), "import", str(form))
    assert (code, out) == (0, "")
    assert err == f"Đã nhập 1/1 biểu mẫu vào {root}/results/\nĐã kiểm tra 5 tệp: 0 lỗi, 0 cảnh báo\n"
    assert (root / "results/ba-dinh-2020-cdcs-b.yaml").read_text(encoding="utf-8") == (
        "# Nhập từ biểu mẫu b.xlsx (thidua import).\n"
        "campaign: ba-dinh-2020\nunit: cdcs-b\nas_of: 2020-12-10\n"
        "population:\n  cbccvcld: 100\n  tong-dang-ky: 3\n"
        "results:\n  lao-dong-tien-tien: {count: 60, of: cbccvcld}\n  ket-nap-dang: 120\n"
        "  dang-ky: {count: 3, of: tong-dang-ky}\n")
    code, out, _ = run(capsys, "--registry", str(root), "results", "2020", "-f", "csv")
    assert out.splitlines()[1].startswith("ba-dinh-2020,ldld-ba-dinh,,lao-dong-tien-tien,từ 75% trở lên,140,cbccvcld,200,70.00,")
    # The same form again: refused without --force, replaced with it.
    assert run(capsys, "--registry", str(root), "import", str(form))[0] == 1
    assert run(capsys, "--registry", str(root), "import", "--force", str(form))[0] == 0


def test_every_bad_cell_is_located_and_nothing_is_written(root, forms, capsys, tmp_path):
    form = fill(forms / "ba-dinh-2020-cdcs-c.xlsx", tmp_path / "c.xlsx",
                {"C7": "31/02/2020", "E10": "bảy mươi", "F10": 100, "E11": "=A1+2", "E12": 5, "F12": 3,
                 "E13": 2.5, "F13": -1})
    code, out, err = run(capsys, "--registry", str(root), "import", str(form))
    assert (code, out) == (1, "")
    assert err.splitlines() == [
        f"{form}!Báo cáo!C7: ngày 31/02/2020 không có thật: tháng 2 năm 2020 chỉ có 29 ngày",
        f'{form}!Báo cáo!E10: "bảy mươi" không phải là số',
        f"{form}!Báo cáo!E11: ô chứa công thức (=A1+2) thay vì số; hãy nhập số (dán giá trị)",
        f"{form}!Báo cáo!E12: số lượng đạt 5 lớn hơn tổng số 3",
        f"{form}!Báo cáo!E13: 2.5 không phải là số nguyên",
        f"{form}!Báo cáo!F13: số lượng không thể âm (-1)",
        f"Đã nhập 0/1 biểu mẫu vào {root}/results/"]
    assert not (root / "results/ba-dinh-2020-cdcs-c.yaml").exists()


def test_edited_forms_are_refused(root, forms, capsys, tmp_path):
    renamed = fill(forms / "ba-dinh-2020-cdcs-c.xlsx", tmp_path / "renamed.xlsx", {"B11": "ket-nap", "C7": "10/12/2020"})
    added = fill(forms / "ba-dinh-2020-cdcs-c.xlsx", tmp_path / "added.xlsx", {"B14": "them", "E14": 5, "C7": "10/12/2020"})
    other = fill(forms / "ba-dinh-2020-cdcs-c.xlsx", tmp_path / "other.xlsx", {"C3": "long-bien-2020"})
    code, _, err = run(capsys, "--registry", str(root), "import", str(renamed), str(added), str(other))
    assert code == 1
    assert err.splitlines() == [
        f'{renamed}!Báo cáo!B11: dòng 11 phải là chỉ tiêu "ket-nap-dang" nhưng đã bị sửa thành "ket-nap"; '
        "không thêm, bớt hay sửa dòng chỉ tiêu",
        f"{added}!Báo cáo!A14: có dòng được thêm dưới danh sách chỉ tiêu; hãy xóa nó",
        f"{other}!Báo cáo!C3: mã phong trào hoặc mã đơn vị trên biểu mẫu đã bị sửa; hãy dùng lại biểu mẫu gốc",
        f"Đã nhập 0/3 biểu mẫu vào {root}/results/"]


def test_a_form_of_another_campaign_or_target_list(root, forms, capsys, tmp_path, make_registry):
    form = fill(forms / "ba-dinh-2020-cdcs-c.xlsx", tmp_path / "c.xlsx", {"C7": "10/12/2020", "E11": 5})
    changed = CAMPAIGN.replace("  - {id: dat,", "  - {id: dat-moi,")
    (root / "campaigns/ba-dinh-2020.yaml").write_text(changed, encoding="utf-8")
    code, _, err = run(capsys, "--registry", str(root), "import", str(form))
    assert (code, err.splitlines()[0]) == (1, (
        f'{form}: biểu mẫu làm cho danh sách chỉ tiêu khác với phong trào "ba-dinh-2020" hiện nay; '
        "hãy tạo lại biểu mẫu bằng `thidua form`"))
    (root / "campaigns/ba-dinh-2020.yaml").unlink()
    (root / "results/a.yaml").unlink()
    code, _, err = run(capsys, "--registry", str(root), "import", str(form))
    assert (code, err.splitlines()[0]) == (
        1, f'{form}!Báo cáo!C3: biểu mẫu của phong trào "ba-dinh-2020", không có trong sổ đăng ký')


def test_corrupted_encrypted_huge_and_foreign_files(root, capsys, tmp_path):
    corrupted = tmp_path / "hong.xlsx"
    corrupted.write_bytes(b"PK\x03\x04 not really a zip")
    encrypted = tmp_path / "mat-khau.xlsx"
    # An OLE compound file holding the EncryptedPackage stream, as Excel writes one with a password.
    encrypted.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512
                          + "EncryptedPackage".encode("utf-16-le") + b"\0" * 64)
    old_excel = tmp_path / "cu.xlsx"  # an .xls renamed: an OLE file without that stream
    old_excel.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512 + "Workbook".encode("utf-16-le"))
    huge = tmp_path / "lon.xlsx"
    huge.write_bytes(b"PK" + b"\0" * (50 << 20))
    foreign = tmp_path / "la.xlsx"
    buffer = io.BytesIO()
    from openpyxl import Workbook
    Workbook().save(buffer)
    foreign.write_bytes(buffer.getvalue())
    code, out, err = run(capsys, "--registry", str(root), "import", str(corrupted), str(encrypted), str(old_excel),
                         str(huge), str(foreign), str(tmp_path / "khong-co.xlsx"), str(tmp_path))
    assert (code, out) == (1, "")
    assert err.splitlines() == [
        f"{corrupted}: không đọc được: không phải tệp Excel .xlsx hoặc tệp đã hỏng",
        f"{encrypted}: tệp Excel được đặt mật khẩu (mã hóa); hãy lưu lại không có mật khẩu rồi nhập",
        f"{old_excel}: tệp Excel 97-2003 (.xls), không phải .xlsx; hãy điền vào biểu mẫu .xlsx gốc do "
        "`thidua form` tạo",
        f"{huge}: tệp lớn 50,0 MiB, quá lớn cho một biểu mẫu (tối đa 5 MiB); đây không phải biểu mẫu của thidua",
        f'{foreign}: không phải biểu mẫu của thidua (thiếu trang "Báo cáo" hoặc thông tin nhận dạng); '
        "hãy dùng biểu mẫu do `thidua form` tạo",
        f"{tmp_path / 'khong-co.xlsx'}: không tồn tại",
        f"{tmp_path}: là một thư mục, không phải biểu mẫu .xlsx",
        f"Đã nhập 0/7 biểu mẫu vào {root}/results/"]
    assert sorted(p.name for p in (root / "results").iterdir()) == ["a.yaml"]


def test_a_zip_bomb_is_not_unpacked(root, capsys, tmp_path):
    bomb = tmp_path / "bom.xlsx"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/sheet1.xml", b"\0" * (60 << 20))
    bomb.write_bytes(buffer.getvalue())
    code, _, err = run(capsys, "--registry", str(root), "import", str(bomb))
    assert (code, err.splitlines()[0]) == (
        1, f"{bomb}: tệp giải nén ra quá lớn cho một biểu mẫu; đây không phải biểu mẫu của thidua")


def test_form_options(root, capsys, tmp_path):
    assert run(capsys, "--registry", str(root), "form", "2020", "--campaign", "ba-dinh-2002") == (
        2, "", 'thidua: không có phong trào "ba-dinh-2002" trong sổ đăng ký; có phải ý bạn là "ba-dinh-2020"?\n')
    assert run(capsys, "--registry", str(root), "form", "2021", "--campaign", "ba-dinh-2020") == (
        2, "", 'thidua: phong trào "ba-dinh-2020" là của năm 2020, không phải 2021\n')
    out = tmp_path / "f"
    assert run(capsys, "--registry", str(root), "form", "2020", "--campaign", "ba-dinh-2020", "-o", str(out))[0] == 0
    code, _, err = run(capsys, "--registry", str(root), "form", "2020", "--campaign", "ba-dinh-2020", "-o", str(out))
    assert code == 2 and err.startswith("thidua: tệp đã có, không ghi đè: ")


def test_two_forms_of_one_unit_are_both_refused(root, forms, capsys, tmp_path):
    # Which of the two is right is the user's call, not the order they were given in.
    first = fill(forms / "ba-dinh-2020-cdcs-b.xlsx", tmp_path / "b.xlsx", {"C7": "10/12/2020", "E11": 120})
    second = fill(forms / "ba-dinh-2020-cdcs-b.xlsx", tmp_path / "b-sua.xlsx", {"C7": "10/12/2020", "E11": 121})
    code, out, err = run(capsys, "--registry", str(root), "import", str(first), str(second))
    assert (code, out) == (1, "")
    assert err.splitlines() == [
        f"{first}: cùng đơn vị và phong trào với {second}; chỉ nhập một biểu mẫu",
        f"{second}: cùng đơn vị và phong trào với {first}; chỉ nhập một biểu mẫu",
        f"Đã nhập 0/2 biểu mẫu vào {root}/results/"]
    assert sorted(p.name for p in (root / "results").iterdir()) == ["a.yaml"]


def test_a_unit_that_reported_is_replaced_in_its_own_file_only_with_force(root, forms, capsys, tmp_path):
    form = fill(forms / "ba-dinh-2020-cdcs-a.xlsx", tmp_path / "a.xlsx", {"C7": "11/12/2020", "E11": 101})
    code, _, err = run(capsys, "--registry", str(root), "import", str(form))
    assert (code, err.splitlines()) == (1, [
        f"{form}: đã có báo cáo của đơn vị này về phong trào này (data/results/a.yaml); dùng --force để thay",
        f"Đã nhập 0/1 biểu mẫu vào {root}/results/"])
    # --force replaces results/a.yaml itself: a second file for cdcs-a would be a duplicate.
    code, _, err = run(capsys, "--registry", str(root), "import", "--force", str(form))
    assert (code, err) == (0, f"Đã nhập 1/1 biểu mẫu vào {root}/results/\nĐã kiểm tra 4 tệp: 0 lỗi, 0 cảnh báo\n")
    assert sorted(p.name for p in (root / "results").iterdir()) == ["a.yaml"]
    assert (root / "results/a.yaml").read_text(encoding="utf-8") == (
        "# Nhập từ biểu mẫu a.xlsx (thidua import).\ncampaign: ba-dinh-2020\nunit: cdcs-a\nas_of: 2020-12-11\n"
        "results:\n  ket-nap-dang: 101\n")


def test_a_blank_form_or_an_edited_hidden_sheet_writes_nothing(root, forms, capsys, tmp_path):
    blank = fill(forms / "ba-dinh-2020-cdcs-c.xlsx", tmp_path / "trong.xlsx", {"C7": "10/12/2020"})
    hidden = fill(forms / "ba-dinh-2020-cdcs-c.xlsx", tmp_path / "an.xlsx", {"C7": "10/12/2020", "E10": 5, "F10": 9})
    book = load_workbook(hidden)
    book["thidua"]["B5"] = "Tổng số CBCCVCLĐ"  # the total's name, which only thidua writes
    book.save(hidden)
    code, _, err = run(capsys, "--registry", str(root), "import", str(blank), str(hidden))
    assert code == 1
    assert err.splitlines() == [
        f"{blank}!Báo cáo!E10: biểu mẫu chưa có số liệu nào; hãy điền số của ít nhất một chỉ tiêu",
        f"{hidden}: biểu mẫu đã bị sửa ngoài các ô được điền; hãy dùng lại biểu mẫu gốc",
        f"Đã nhập 0/2 biểu mẫu vào {root}/results/"]
    assert sorted(p.name for p in (root / "results").iterdir()) == ["a.yaml"]


def test_what_the_rules_would_find_once_written_is_told_at_the_forms_cell(root, forms, capsys, tmp_path):
    # More cơ quan "đạt" than "đăng ký"; and cdcs-c moved to another district since its form was made.
    within = fill(forms / "ba-dinh-2020-cdcs-b.xlsx", tmp_path / "b.xlsx",
                  {"C7": "10/12/2020", "E12": 3, "F12": 5, "E13": 4, "F13": 5})
    moved = fill(forms / "ba-dinh-2020-cdcs-c.xlsx", tmp_path / "c.xlsx", {"C7": "10/12/2020", "E11": 5})
    units = root / "units/units.yaml"
    units.write_text(units.read_text(encoding="utf-8").replace(
        "Công đoàn trường C\n    level: co-so\n    parent: ldld-ba-dinh",
        "Công đoàn trường C\n    level: co-so\n    parent: ldld-long-bien"), encoding="utf-8")
    code, _, err = run(capsys, "--registry", str(root), "import", str(within), str(moved))
    assert code == 1
    assert err.splitlines() == [
        f'{within}!Báo cáo!E13: "dat" (4) lớn hơn kết quả của "dang-ky" (3) mà nó nằm trong',
        f"{moved}!Báo cáo!C5: Công đoàn trường C không trực thuộc Liên đoàn Lao động quận Ba Đình "
        '(đơn vị ban hành), nên không báo cáo về phong trào "ba-dinh-2020"',
        f"Đã nhập 0/2 biểu mẫu vào {root}/results/"]
    assert sorted(p.name for p in (root / "results").iterdir()) == ["a.yaml"]


def test_an_array_formula_a_date_and_a_boolean_where_a_count_belongs(root, forms, capsys, tmp_path):
    from datetime import datetime

    from openpyxl.worksheet.formula import ArrayFormula

    dated = fill(forms / "ba-dinh-2020-cdcs-c.xlsx", tmp_path / "d.xlsx",
                 {"C7": ArrayFormula("C7", "=TODAY()"), "E11": 5})
    code, _, err = run(capsys, "--registry", str(root), "import", str(dated))
    assert (code, err.splitlines()[0]) == (1, f"{dated}!Báo cáo!C7: ô ngày chứa công thức; hãy nhập ngày")
    form = fill(forms / "ba-dinh-2020-cdcs-c.xlsx", tmp_path / "c.xlsx",
                {"C7": "10/12/2020", "E11": ArrayFormula("E11", "=SUM(A1:A2)"),
                 "E12": datetime(2020, 12, 10), "F12": 3, "E13": True, "F13": 3})
    code, _, err = run(capsys, "--registry", str(root), "import", str(form))
    assert (code, err.splitlines()) == (1, [
        f"{form}!Báo cáo!E11: ô chứa công thức (=SUM(A1:A2)) thay vì số; hãy nhập số (dán giá trị)",
        f"{form}!Báo cáo!E12: ô chứa ngày 10/12/2020 thay vì số",
        f'{form}!Báo cáo!E13: "TRUE" không phải là số',
        f"Đã nhập 0/1 biểu mẫu vào {root}/results/"])
