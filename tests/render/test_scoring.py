"""The documents of a scoring: the three golden files of the Cụm thi đua số 3 fixture, the
blanks a clerk fills, Cụm/Khối trưởng, the landscape page and the command."""

from __future__ import annotations

import io

import pytest
from docx import Document as open_docx
from docx.enum.section import WD_ORIENT
from docx.shared import Mm

from tests.render.golden_files import check_golden
from tests.scoring.fixtures import UNITS, files
from thidua_cli.cli.app import main
from thidua_cli.render.docx import to_docx
from thidua_cli.render.markdown import to_markdown
from thidua_cli.render.scoring import build
from thidua_cli.scoring.sheet import sheets
from thidua_cli.validation import validate


def sheet(make_registry, chosen: dict[str, str] | None = None, **replace: str):
    result = validate(make_registry(chosen or files(**replace)))
    assert [p.rule for p in result.problems if p.severity.value == "error"] == []
    return sheets(result.registry, 2020)[0]


@pytest.mark.parametrize("kind", ["scores", "minutes", "proposal"])
def test_golden(request, make_registry, kind):
    check_golden(request, f"cum-3-2020-{kind}.md", to_markdown(build(sheet(make_registry), kind)))


def body(make_registry, kind: str, **replace: str) -> list[str]:
    return to_markdown(build(sheet(make_registry, **replace), kind)).splitlines()


def test_minutes_without_a_meeting_leave_blanks(make_registry):
    scoring = files()["scoring/cum-3-ha-giang-2020.yaml"]
    chosen = files(scoring[:scoring.index("meeting:")])
    lines = to_markdown(build(sheet(make_registry, chosen), "minutes")).splitlines()
    assert lines[6] == "*Hà Giang, ngày … tháng … năm …*"
    assert lines[12] == ("Hôm nay, vào hồi … giờ …, ngày … tháng … năm …, tại …, Cụm thi đua số 3 tổ chức "
                         "Hội nghị tổng kết công tác thi đua năm 2020, chấm điểm và bình xét thi đua.")
    assert lines[16:24] == ["- Chủ trì: ….", "", "- Thư ký: ….", "",
                            "- Đại biểu Liên đoàn Lao động tỉnh Hà Giang: …", "",
                            "- Các đơn vị thành viên có mặt: …/5 đơn vị.", ""]
    assert lines[-4:] == ["", "**THƯ KÝ**", "", "**CHỦ TRÌ**"]


def test_members_absent_are_named(make_registry):
    lines = body(make_registry, "minutes", **{
        "present: [ldld-tp-ha-giang, cd-vien-chuc-ha-giang, ldld-bac-me, cd-nganh-giao-duc, cd-nganh-y-te]":
        "present: [ldld-tp-ha-giang, cd-vien-chuc-ha-giang, ldld-bac-me, cd-nganh-giao-duc]"})
    assert "- Các đơn vị thành viên có mặt: 4/5 đơn vị (vắng: Công đoàn ngành Y tế tỉnh Hà Giang)." in lines


def test_a_khoi_is_signed_by_its_khoi_truong(make_registry):
    chosen = files()
    chosen["units/units.yaml"] = UNITS.replace("name: Cụm thi đua số 3", "name: Khối thi đua số 3")
    lines = to_markdown(build(sheet(make_registry, chosen), "proposal")).splitlines()
    assert lines[-7:] == ["**TM. KHỐI THI ĐUA SỐ 3**  ", "**KHỐI TRƯỞNG**", "", "***Nơi nhận:***  ",
                          "\\- Như Kính gửi;  ", "\\- Các đơn vị thành viên Khối thi đua số 3;  ",
                          "\\- Lưu: VT, Khối trưởng."]


def test_a_tie_the_vote_does_not_part_is_said(make_registry):
    lines = body(make_registry, "minutes", **{"ldld-tp-ha-giang: 4, cd-vien-chuc-ha-giang: 1":
                                               "ldld-tp-ha-giang: 2, cd-vien-chuc-ha-giang: 2"})
    assert ("Các đơn vị LĐLĐ thành phố Hà Giang, Công đoàn Viên chức tỉnh bằng điểm và bằng số phiếu: "
            "hội nghị chưa phân định được đơn vị dẫn đầu.") in lines


def test_the_law_in_force_that_year(make_registry):
    chosen = {name: text.replace("2020", "2024").replace("2021", "2025") for name, text in files().items()}
    result = validate(make_registry(chosen))
    [made] = sheets(result.registry, 2024)
    lines = to_markdown(build(made, "proposal")).splitlines()
    assert "Căn cứ Luật Thi đua, khen thưởng năm 2022;" in lines


def test_the_score_table_is_landscape_and_the_minutes_portrait(make_registry):
    made = sheet(make_registry)
    wide = open_docx(io.BytesIO(to_docx(build(made, "scores")))).sections[0]
    assert (wide.orientation, round(wide.page_width.mm), round(wide.page_height.mm)) == (
        WD_ORIENT.LANDSCAPE, 297, 210)
    tall = open_docx(io.BytesIO(to_docx(build(made, "minutes")))).sections[0]
    assert (tall.orientation, round(tall.page_width.mm)) == (WD_ORIENT.PORTRAIT, 210)


def test_landscape_tables_fill_the_wider_line(make_registry):
    doc = open_docx(io.BytesIO(to_docx(build(sheet(make_registry), "scores"))))
    section = doc.sections[0]
    text = section.page_width - section.left_margin - section.right_margin
    for table in doc.tables:
        total = sum(int(col.w) for col in table._tbl.tblGrid.gridCol_lst)
        assert abs(total - text) < Mm(0.1), total


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_render_writes_one_document_each(capsys, make_registry, tmp_path):
    root = make_registry(files())
    out = tmp_path / "out"
    for kind, stem in (("scores", "bang-diem"), ("minutes", "bien-ban"), ("proposal", "to-trinh")):
        code, stdout, err = run(capsys, "--registry", str(root), "render", kind, "2020", "--out", str(out))
        assert (code, stdout, err) == (0, "", f"Đã ghi {out}/cum-3-ha-giang-2020-{stem}.docx\n")
    code, _, err = run(capsys, "--registry", str(root), "render", "scores", "2020", "--out", str(out))
    assert (code, err) == (2, f"thidua: tệp đã có, không ghi đè: {out}/cum-3-ha-giang-2020-bang-diem.docx "
                              "(dùng --force để ghi đè)\n")


def test_render_to_stdout(capsys, make_registry, request):
    code, out, err = run(capsys, "--registry", str(make_registry(files())), "render", "proposal", "2020",
                         "--by", "cum-3-ha-giang", "--format", "md", "-o", "-")
    assert (code, err) == (0, "")
    check_golden(request, "cum-3-2020-proposal.md", out)


def test_render_refuses_a_scoring_with_errors(capsys, make_registry, tmp_path):
    root = make_registry(files(**{"proposals:\n  - {unit: ldld-tp-ha-giang": "proposals:\n  - {unit: ldld-ha-giang"}))
    code, out, err = run(capsys, "--registry", str(root), "render", "proposal", "2020", "--out", str(tmp_path))
    assert (code, out) == (1, "")
    assert err.splitlines()[0] == ('data/scoring/cum-3-ha-giang-2020.yaml:58:12: error proposal-unit: đề nghị '
                                   'khen thưởng cho "ldld-ha-giang", đơn vị không được chấm điểm trong bảng này')
    assert err.splitlines()[-1] == "Bảng chấm điểm có lỗi: không lập tờ trình nào."
    assert list(tmp_path.glob("*.docx")) == []


def test_render_options_of_a_plan_do_not_apply(capsys, make_registry):
    assert run(capsys, "--registry", str(make_registry(files())), "render", "scores", "2020", "--unit",
               "ldld-bac-me") == (2, "", "thidua: scores lập từ bảng chấm điểm: dùng --by ID thay cho "
                                         "--campaign/--unit\n")
    assert run(capsys, "--registry", str(make_registry(files())), "render", "plan", "2020", "--by",
               "cum-3-ha-giang") == (2, "", "thidua: --by chỉ dùng cho scores, minutes và proposal\n")


def test_the_score_table_in_html_is_landscape_too(make_registry):
    from thidua_cli.render.html import LANDSCAPE_CSS, to_html

    made = sheet(make_registry)
    assert f"{LANDSCAPE_CSS}</style>" in to_html(build(made, "scores"))
    assert LANDSCAPE_CSS not in to_html(build(made, "minutes"))
