"""``thidua scores`` through the real command, on the Cụm thi đua số 3 fixture."""

from __future__ import annotations

import io
import json

from tests.scoring.fixtures import files
from thidua_cli.cli.app import main


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def registry(make_registry, **replace: str) -> tuple[str, str]:
    return ("--registry", str(make_registry(files(**replace))))


TABLE = (
    "Kết quả chấm điểm năm 2020 — Cụm thi đua số 3 (5 đơn vị)\n"
    "\n"
    "Hạng  Đơn vị                    Nhóm 1  Nhóm 2  Thưởng  Trừ  Tổng  Xếp loại  Phiếu\n"
    "----  ------------------------  ------  ------  ------  ---  ----  --------  -----\n"
    "   1  LĐLĐ thành phố Hà Giang       47    49,5       5  1,5   100  Xuất sắc      4\n"
    "   2  Công đoàn Viên chức tỉnh      50    49,5       1  0,5   100  Xuất sắc      1\n"
    "   3  LĐLĐ huyện Bắc Mê             50    36,5     2,5    0    89  Tốt           0\n"
    "   4  Công đoàn ngành Giáo dục      25      43       0    0    68  Khá           0\n"
    "   4  Công đoàn ngành Y tế          40    28,5       0  0,5    68  Khá           0\n")


def test_plain_table_on_a_pipe(capsys, make_registry):
    assert run(capsys, *registry(make_registry), "scores", "2020") == (0, TABLE, "")


def test_plain_table_in_english(capsys, make_registry):
    code, out, err = run(capsys, *registry(make_registry), "--lang", "en", "scores", "2020", "--by",
                         "cum-3-ha-giang")
    assert (code, err) == (0, "")
    assert out.splitlines()[0] == "Scores 2020 — Cụm thi đua số 3 (5 units)"
    assert out.splitlines()[4] == "   1  LĐLĐ thành phố Hà Giang        47     49.5      5      1.5    100  Xuất sắc      4"


def test_a_tie_no_vote_parts_is_said_under_the_table(capsys, make_registry):
    code, out, err = run(capsys, *registry(make_registry, **{
        "  votes: {ldld-tp-ha-giang: 4, cd-vien-chuc-ha-giang: 1}\n": ""}), "scores", "2020")
    assert code == 0
    assert out.splitlines()[4:6] == [
        "   1  LĐLĐ thành phố Hà Giang       47    49,5       5  1,5   100  Xuất sắc      0",
        "   1  Công đoàn Viên chức tỉnh      50    49,5       1  0,5   100  Xuất sắc      0"]
    assert out.splitlines()[-1] == ("Đồng hạng nhất, chưa có bình xét phân định: LĐLĐ thành phố Hà Giang, "
                                    "Công đoàn Viên chức tỉnh.")
    assert err.splitlines()[0] == (
        "data/scoring/cum-3-ha-giang-2020.yaml:53:3: warning rank-tie: các đơn vị ldld-tp-ha-giang, "
        "cd-vien-chuc-ha-giang cùng xếp thứ nhất; số phiếu bình xét cũng bằng nhau")


def test_json(capsys, make_registry):
    code, out, err = run(capsys, *registry(make_registry), "scores", "2020", "--format", "json")
    assert (code, err) == (0, "")
    document = json.loads(out)
    assert document["version"] == 1
    [scoring] = document["scorings"]
    assert (scoring["by"], scoring["year"]) == ("cum-3-ha-giang", 2020)
    assert scoring["units"][0] == {
        "unit": "ldld-tp-ha-giang", "groups": {"1": "47.0", "2": "49.5"}, "bonus": "5.0",
        "deductions": "1.5", "total": "100.0", "class": "Xuất sắc", "rank": 1, "votes": 4}
    assert [(u["unit"], u["total"], u["rank"]) for u in scoring["units"]] == [
        ("ldld-tp-ha-giang", "100.0", 1), ("cd-vien-chuc-ha-giang", "100.0", 2), ("ldld-bac-me", "89.0", 3),
        ("cd-nganh-giao-duc", "68.0", 4), ("cd-nganh-y-te", "68.0", 4)]


def test_csv(capsys, make_registry):
    code, out, err = run(capsys, *registry(make_registry), "scores", "2020", "-f", "csv")
    assert (code, err) == (0, "")
    assert out.splitlines()[:3] == [
        "by,year,unit,name,group_1,group_2,self,base,bonus,deductions,total,class,rank,votes",
        "cum-3-ha-giang,2020,ldld-tp-ha-giang,Liên đoàn Lao động thành phố Hà Giang,47.0,49.5,97.5,96.5,5.0,1.5,100.0,Xuất sắc,1,4",
        "cum-3-ha-giang,2020,cd-vien-chuc-ha-giang,Công đoàn Viên chức tỉnh Hà Giang,50.0,49.5,99.5,99.5,1.0,0.5,100.0,Xuất sắc,2,1"]


def test_xlsx_has_the_summary_and_the_units_by_criteria(capsys, make_registry, tmp_path):
    from openpyxl import load_workbook

    target = tmp_path / "bang-diem.xlsx"
    code, out, err = run(capsys, *registry(make_registry), "scores", "2020", "-f", "xlsx", "-o", str(target))
    assert (code, out, err) == (0, "", f"Đã ghi {target} (5 đơn vị)\n")
    book = load_workbook(io.BytesIO(target.read_bytes()))
    assert book.sheetnames == ["Tổng hợp", "Chi tiết"]
    summary = [list(row) for row in book["Tổng hợp"].iter_rows(min_row=3, values_only=True)]
    assert summary[0] == ["TT", "Đơn vị", "Điểm tự chấm", "Điểm thẩm định", "Nhóm 1 (tối đa 50)",
                          "Nhóm 2 (tối đa 50)", "Điểm thưởng", "Điểm trừ", "Tổng điểm", "Xếp hạng",
                          "Xếp loại", "Phiếu bình xét", "Ghi chú"]
    assert summary[1] == [1, "Liên đoàn Lao động thành phố Hà Giang", 97.5, 96.5, 47, 49.5, 5, 1.5, 100, 1,
                          "Xuất sắc", 4, None]
    details = [list(row) for row in book["Chi tiết"].iter_rows(min_row=3, values_only=True)]
    assert details[0][:6] == ["Mã", "Tiêu chí", "Điểm tối đa", "Liên đoàn Lao động thành phố Hà Giang", None,
                              "Công đoàn Viên chức tỉnh Hà Giang"]
    assert details[1][3:7] == ["Tự chấm", "Thẩm định", "Tự chấm", "Thẩm định"]
    rows = {row[0]: row for row in details[2:] if row[0]}
    assert rows["1.1"][:7] == ["1.1", "Đổi thẻ cho 100% đoàn viên", 10, 10, 10, None, 10]  # 10 from the result
    assert rows["1.3"][:5] == ["1.3", "Hoàn thành chỉ tiêu phát triển đoàn viên", 20, 18, 17]
    assert details[-1][1:5] == ["Tổng điểm", None, None, 100]


def test_xlsx_is_not_printed_on_a_terminal(capsys, make_registry, monkeypatch):
    monkeypatch.setattr("sys.stdout.isatty", lambda: True)
    code, out, err = run(capsys, *registry(make_registry), "scores", "2020", "-f", "xlsx")
    assert (code, out) == (2, "")
    assert err == "thidua: XLSX là tệp nhị phân: hãy ghi vào tệp bằng -o TỆP.xlsx\n"


def test_xlsx_goes_down_a_pipe(capfdbinary, make_registry):
    # ``thidua scores 2020 -f xlsx > diem.xlsx``: the shell makes the file, stdout is not a terminal.
    code = main([*registry(make_registry), "scores", "2020", "-f", "xlsx"])
    out, err = capfdbinary.readouterr()
    assert (code, err) == (0, b"")
    assert out[:2] == b"PK"
    from openpyxl import load_workbook

    assert load_workbook(io.BytesIO(out)).sheetnames == ["Tổng hợp", "Chi tiết"]


def test_an_existing_file_is_kept(capsys, make_registry, tmp_path):
    target = tmp_path / "diem.csv"
    target.write_text("cũ", encoding="utf-8")
    code, _, err = run(capsys, *registry(make_registry), "scores", "2020", "-f", "csv", "-o", str(target))
    assert code == 2
    assert err == f"thidua: tệp đã có, không ghi đè: {target} (dùng --force để ghi đè)\n"
    assert target.read_text(encoding="utf-8") == "cũ"


def test_a_year_without_scores(capsys, make_registry):
    assert run(capsys, *registry(make_registry), "scores", "2021") == (
        2, "", "thidua: không có bảng chấm điểm nào năm 2021 (có các năm: 2020)\n")


def test_an_unknown_scorer(capsys, make_registry):
    assert run(capsys, *registry(make_registry), "scores", "2020", "--by", "cum-3-ha-giag") == (
        2, "", 'thidua: "cum-3-ha-giag" không có bảng chấm điểm nào trong sổ đăng ký; '
               'có phải ý bạn là "cum-3-ha-giang"?\n')


def test_errors_in_the_scoring_block_it(capsys, make_registry):
    code, out, err = run(capsys, *registry(make_registry, **{'"2.3": 14.5}': '"2.3": 15.5}'}), "scores", "2020")
    assert (code, out) == (1, "")
    assert err.splitlines() == [
        "data/scoring/cum-3-ha-giang-2020.yaml:35:74: error score-out-of-range: "
        'điểm 15,5 của tiêu chí "2.3" phải từ 0 đến 15',
        "",
        "Đã kiểm tra 8 tệp: 1 lỗi, 0 cảnh báo",
        "Bảng chấm điểm có lỗi: không lập bảng điểm."]


def test_errors_elsewhere_do_not(capsys, make_registry):
    chosen = files()
    chosen["campaigns/khac.yaml"] = "id: khac\nissuer: ldld-khong-co\n"
    code, out, err = run(capsys, "--registry", str(make_registry(chosen)), "scores", "2020")
    assert (code, out) == (0, TABLE)
    # five missing fields and, no longer hidden by them, the unknown issuer
    assert err == ("Lưu ý: sổ đăng ký còn 6 lỗi ở 1 tệp khác, không liên quan đến bảng chấm điểm này "
                   "(xem bằng thidua validate).\n")


def test_the_readme_shows_this_table():
    from tests.conftest import REPO

    readme = (REPO / "README.md").read_text(encoding="utf-8")
    shown = readme.split("`thidua scores 2020` then prints", 1)[1].split("```\n", 2)[1]
    assert shown == TABLE
