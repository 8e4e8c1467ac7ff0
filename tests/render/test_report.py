"""The Báo cáo tổng kết / sơ kết of a result file: its frame, structure and figures."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli.test_results import A, B
from tests.conftest import REAL_REGISTRY
from tests.rules.test_results import CAMPAIGN, UNITS
from thidua_cli.cli.app import main
from thidua_cli.render import report
from thidua_cli.render.document import Heading, Paragraph, Signature, Table, plain
from thidua_cli.validation import validate

OWN = """\
campaign: ba-dinh-2020
as_of: 2020-12-10
document:
  number: 45/BC-LĐLĐ
  date: 2020-12-14
  signer: {name: Nguyễn Văn A, position: Chủ tịch}
situation: [Quận có 3 công đoàn cơ sở trực thuộc.]
shortcomings: [Một số công đoàn cơ sở gửi báo cáo chậm.]
"""
PHASE = "campaign: ba-dinh-2020\nunit: cdcs-a\nphase: 1\nas_of: 2020-06-30\nresults: {ket-nap-dang: 40}\n"


@pytest.fixture
def root(make_registry) -> Path:
    return make_registry({"units/units.yaml": UNITS, "campaigns/ba-dinh-2020.yaml": CAMPAIGN,
                          "results/a.yaml": A, "results/b.yaml": B, "results/own.yaml": OWN,
                          "results/phase.yaml": PHASE})


def texts(document) -> list[str]:  # type: ignore[no-untyped-def]
    return [plain(b.runs) for b in document.body if isinstance(b, (Heading, Paragraph))]


def built(root: Path, year: int = 2020, **select):  # type: ignore[no-untyped-def]
    registry = validate(root).registry
    [chosen] = report.select(registry, year, **select)
    return report.build(registry, chosen)


def test_the_issuers_report_pools_its_units_and_says_who_is_missing(root):
    doc = built(root, unit_id="ldld-ba-dinh")
    assert doc.stem == "ba-dinh-2020-bao-cao-tong-ket"
    assert (doc.header.number, doc.header.place_date) == ("Số: 45/BC-LĐLĐ", "Hà Nội, ngày 14 tháng 12 năm 2020")
    assert (doc.title, doc.subject) == ("BÁO CÁO", "Tổng kết phong trào thi đua năm 2020")
    assert doc.signatures == (Signature("TM. BAN THƯỜNG VỤ", "CHỦ TỊCH", "Nguyễn Văn A"),)
    assert doc.recipients == ("Liên đoàn Lao động thành phố Hà Nội (để báo cáo)", "Lưu: VT")
    lines = texts(doc)
    assert lines[0] == ("Thực hiện Kế hoạch số …/KH-LĐLĐ ngày … tháng … năm … về phong trào thi đua năm 2020, "
                        "Liên đoàn Lao động quận Ba Đình báo cáo kết quả tổng kết năm 2020 (số liệu tính đến "
                        "ngày 10/12/2020) như sau:")
    assert [line for line in lines if line.isupper() or line.startswith(("I", "V"))][:9] == [
        "PHẦN THỨ NHẤT", "KẾT QUẢ THỰC HIỆN PHONG TRÀO THI ĐUA NĂM 2020", "I. ĐẶC ĐIỂM, TÌNH HÌNH",
        "II. CÔNG TÁC CHỈ ĐẠO, TỔ CHỨC PHÁT ĐỘNG", "III. KẾT QUẢ THỰC HIỆN CÁC NỘI DUNG, CHỈ TIÊU",
        "IV. CÔNG TÁC KHEN THƯỞNG", "V. ĐÁNH GIÁ CHUNG", "PHẦN THỨ HAI", "PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2021"]
    assert "Số liệu tổng hợp từ 2/3 đơn vị; chưa báo cáo: Công đoàn trường C." in lines
    assert ("Trong 2 chỉ tiêu có số liệu, 1 chỉ tiêu đạt và vượt so với kế hoạch đề ra; "
            "2 chỉ tiêu chưa có số liệu.") in lines
    [table] = [b for b in doc.body if isinstance(b, Table)]
    assert [[plain(cell) for cell in row] for row in table.rows] == [
        ["1", "CBCCVCLĐ đạt Lao động tiên tiến", "từ 75% trở lên", "140/200", "70,00%", "không đạt (thiếu 5 điểm %)"],
        ["2", "Đoàn viên được kết nạp Đảng", "trên 200", "220", "", "đạt (vượt 20; đạt 110% kế hoạch)"],
        ["3", "Cơ quan đăng ký cơ quan văn hóa", "100%", "…", "", "chưa có số liệu"],
        ["4", "Cơ quan đạt cơ quan văn hóa", "trên 60%", "…", "", "chưa có số liệu"]]
    # No awards, lessons, proposals, next year's campaign in the registry: visible blanks.
    assert lines.count("…") == 5
    assert lines[-1] == "Trên đây là báo cáo tổng kết phong trào thi đua năm 2020 của Liên đoàn Lao động quận Ba Đình./."


def test_a_unit_below_reports_to_the_issuer_with_the_clerks_blanks(root):
    doc = built(root, unit_id="cdcs-a")
    assert doc.stem == "ba-dinh-2020-cdcs-a-bao-cao-tong-ket"
    assert (doc.header.superior, doc.header.issuer) == ("LIÊN ĐOÀN LAO ĐỘNG QUẬN BA ĐÌNH", "CÔNG ĐOÀN TRƯỜNG A")
    assert (doc.header.number, doc.header.place_date) == ("Số: …/BC-CĐCS", "Hà Nội, ngày … tháng … năm …")
    assert doc.signatures == (Signature("TM. BAN CHẤP HÀNH", "CHỦ TỊCH", None),)
    assert doc.recipients == ("Liên đoàn Lao động quận Ba Đình (để báo cáo)", "Lưu: VT")
    assert texts(doc)[0].startswith("Thực hiện Kế hoạch số …/KH-LĐLĐ ngày … tháng … năm … của Liên đoàn Lao "
                                    "động quận Ba Đình về phong trào thi đua năm 2020, Công đoàn trường A")


def test_a_phase_report_shows_progress_and_the_next_phase(root):
    doc = built(root, unit_id="cdcs-a", phase=1)
    assert doc.subject == "Sơ kết đợt 1 phong trào thi đua năm 2020"
    lines = texts(doc)
    assert "IV. PHƯƠNG HƯỚNG ĐỢT TIẾP THEO" in lines
    assert "Đợt 2 (từ 01/7/2020 đến 31/12/2020)." in lines
    [table] = [b for b in doc.body if isinstance(b, Table)]
    assert [plain(cell) for cell in table.rows[1]] == [
        "2", "Đoàn viên được kết nạp Đảng", "trên 200", "40", "", "tiến độ (thiếu 160; đạt 20% kế hoạch)"]


def test_the_sample_2017_report_of_cdvc_ha_noi_prints_what_seed_003_says():
    doc = built(REAL_REGISTRY, 2017)  # data/ itself, read only: the frozen copy predates 2017
    lines = texts(doc)
    assert "Kế hoạch không đặt chỉ tiêu bằng số." in lines
    assert "01 tập thể được Tổng Liên đoàn Lao động Việt Nam tặng Bằng khen;" in lines
    assert "138 tập thể, cá nhân được Công đoàn Viên chức thành phố tặng Giấy khen." in lines
    assert "Trong năm 2017, đã có 291 đoàn viên ưu tú được kết nạp vào Đảng Cộng sản Việt Nam." in lines
    # Phần thứ hai from the 2018 campaign of the registry.
    assert "Trên 200 đoàn viên ưu tú được giới thiệu và kết nạp vào Đảng." in lines


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_writes_every_report_and_refuses_what_it_cannot(root, capsys, tmp_path):
    out = tmp_path / "out"
    code, _, err = run(capsys, "--registry", str(root), "render", "report", "2020", "-o", str(out))
    assert code == 0
    assert sorted(p.name for p in out.iterdir()) == [
        "ba-dinh-2020-bao-cao-tong-ket.docx", "ba-dinh-2020-cdcs-a-bao-cao-tong-ket.docx",
        "ba-dinh-2020-cdcs-b-bao-cao-tong-ket.docx"]
    assert run(capsys, "--registry", str(root), "render", "report", "2021") == (
        2, "", "thidua: không có tệp kết quả cho phong trào năm 2021 (results/*.yaml)\n")
    code, _, err = run(capsys, "--registry", str(root), "render", "report", "2020", "-f", "md", "-o", "-")
    assert (code, err.split(";")[0]) == (2, "thidua: -o - in một văn bản, nhưng có 3 báo cáo")
    assert run(capsys, "--registry", str(root), "render", "plan", "2020", "--phase", "1") == (
        2, "", "thidua: --phase chỉ dùng với render report\n")
    code, md, _ = run(capsys, "--registry", str(root), "render", "report", "2020", "--unit", "cdcs-b",
                      "-f", "md", "-o", "-")
    assert code == 0 and "| 1 | CBCCVCLĐ đạt Lao động tiên tiến | từ 75% trở lên | 60/100 | 60,00% |" in md


# Scoped refusal (cli.md, render v2): errors refuse only the reports whose own data they are
# in — the result file, its campaign, the units it names and pools, next year's campaign.

LONG_BIEN = """\
id: long-bien-2020
issuer: ldld-long-bien
year: 2020
kind: nam
title: Phát động phong trào thi đua năm 2020
start: 2020-01-01
end: 2020-12-31
celebrates: {khong-co-ngay-nay: null}
"""
NEXT_YEAR = CAMPAIGN.replace("2020", "2021").replace("celebrates", "x") + "celebrates: {khong-co-ngay-nay: null}\n"
WRITTEN = ("Đã ghi {out}/ba-dinh-2020-cdcs-a-bao-cao-tong-ket.md\nĐã ghi {out}/ba-dinh-2020-cdcs-b-bao-cao-tong-ket.md\n"
           "Đã ghi {out}/ba-dinh-2020-bao-cao-tong-ket.md\n")


def rendered(capsys, root: Path, out: Path, *args: str) -> tuple[int, str, list[str]]:  # type: ignore[no-untyped-def]
    code, _, err = run(capsys, "--registry", str(root), "render", "report", "2020", "-f", "md",
                       "-o", str(out), *args)
    # The closing line carries a timing: all but it.
    return code, "\n".join(line for line in err.splitlines()
                            if not (line.startswith("Đã ghi ") and " báo cáo vào " in line)) + "\n", \
        sorted(p.name for p in out.iterdir()) if out.exists() else []


def test_an_error_in_another_units_campaign_does_not_block_the_reports(root, capsys, tmp_path):
    (root / "campaigns" / "long-bien-2020.yaml").write_text(LONG_BIEN, encoding="utf-8")
    out = tmp_path / "out"
    code, err, names = rendered(capsys, root, out)
    assert code == 0
    assert err == ("Bỏ qua 1 lỗi ở nơi khác trong sổ đăng ký, không thuộc báo cáo nào được lập "
                   "(xem: thidua validate).\n" + WRITTEN.format(out=out))
    assert names == ["ba-dinh-2020-bao-cao-tong-ket.md", "ba-dinh-2020-cdcs-a-bao-cao-tong-ket.md",
                     "ba-dinh-2020-cdcs-b-bao-cao-tong-ket.md"]


def test_an_error_in_the_reports_campaign_refuses_every_report_on_it(root, capsys, tmp_path):
    text = (root / "campaigns" / "ba-dinh-2020.yaml").read_text(encoding="utf-8")
    (root / "campaigns" / "ba-dinh-2020.yaml").write_text(text + "celebrates: {khong-co-ngay-nay: null}\n",
                                                        encoding="utf-8")
    out = tmp_path / "out"
    code, err, names = rendered(capsys, root, out)
    assert (code, names) == (1, [])
    assert err == (
        'data/campaigns/ba-dinh-2020.yaml:19:14: error unknown-reference: ngày kỷ niệm '
        '"khong-co-ngay-nay" không có trong sổ đăng ký\n\n'
        "Không lập báo cáo ba-dinh-2020-cdcs-a-bao-cao-tong-ket, ba-dinh-2020-cdcs-b-bao-cao-tong-ket, "
        "ba-dinh-2020-bao-cao-tong-ket: dữ liệu của báo cáo có lỗi (ở trên).\n")


def test_an_error_in_next_years_campaign_refuses_the_year_end_reports_not_a_phase_report(
        root, capsys, tmp_path):
    # "Phương hướng năm sau" prints next year's targets: that campaign is the report's own
    # data (as a cited plan is a plan's), so it refuses rather than print a blank in its place.
    (root / "campaigns" / "ba-dinh-2021.yaml").write_text(NEXT_YEAR, encoding="utf-8")
    out = tmp_path / "out"
    code, err, names = rendered(capsys, root, out, "--unit", "cdcs-a")
    assert (code, names) == (1, [])
    assert err == (
        'data/campaigns/ba-dinh-2021.yaml:19:14: error unknown-reference: ngày kỷ niệm '
        '"khong-co-ngay-nay" không có trong sổ đăng ký\n\n'
        "Không lập báo cáo ba-dinh-2020-cdcs-a-bao-cao-tong-ket: dữ liệu của báo cáo có lỗi (ở trên).\n")
    code, err, names = rendered(capsys, root, out, "--unit", "cdcs-a", "--phase", "1")
    assert (code, names) == (0, ["ba-dinh-2020-cdcs-a-bao-cao-so-ket-dot-1.md"])
    assert err == ("Bỏ qua 1 lỗi ở nơi khác trong sổ đăng ký, không thuộc báo cáo nào được lập "
                   f"(xem: thidua validate).\nĐã ghi {out}/ba-dinh-2020-cdcs-a-bao-cao-so-ket-dot-1.md\n")


def test_a_result_file_that_did_not_load_refuses_the_reports_that_pool_it(root, capsys, tmp_path):
    # Its campaign and unit are unknown: it may be any missing unit's, so the district's report
    # (which pools cdcs-b and cdcs-c, neither loaded) is refused; cdcs-a's does not pool.
    (root / "results" / "b.yaml").write_text(B.replace("ket-nap-dang: 120", "ket-nap-dang: bảy mươi"),
                                             encoding="utf-8")
    out = tmp_path / "out"
    code, err, names = rendered(capsys, root, out)
    assert (code, names) == (1, ["ba-dinh-2020-cdcs-a-bao-cao-tong-ket.md"])
    assert err == (
        'data/results/b.yaml:7:17: error schema: "bảy mươi" không phải là số; hãy viết một số '
        "nguyên ≥ 0, ví dụ 70\n\n"
        "Không lập báo cáo ba-dinh-2020-bao-cao-tong-ket: dữ liệu của báo cáo có lỗi (ở trên).\n"
        f"Đã ghi {out}/ba-dinh-2020-cdcs-a-bao-cao-tong-ket.md\n")


def test_a_campaign_asked_for_that_did_not_load_or_reports_that_did_not_load(make_registry, capsys, tmp_path):
    broken = CAMPAIGN.replace("start: 2020-01-01\n", "start: 2020-13-01\n", 1)
    root = make_registry({"units/units.yaml": UNITS, "campaigns/ba-dinh-2020.yaml": broken, "results/a.yaml": A})
    code, _, err = run(capsys, "--registry", str(root), "render", "report", "2020", "--campaign", "ba-dinh-2020",
                        "-o", str(tmp_path / "out"))
    assert (code, err.splitlines()[-1]) == (
        1, 'Không lập văn bản của "ba-dinh-2020": tệp phong trào có lỗi (ở trên).')
    assert err.splitlines()[0].startswith("data/campaigns/ba-dinh-2020.yaml:6:8: error schema: ")
    # The only result file of the year did not load: its errors, not "no result file".
    root = make_registry({"units/units.yaml": UNITS, "campaigns/ba-dinh-2020.yaml": CAMPAIGN,
                          "results/a.yaml": A.replace("ket-nap-dang: 100", "ket-nap-dang: một trăm")})
    code, _, err = run(capsys, "--registry", str(root), "render", "report", "2020", "-o", str(tmp_path / "out"))
    assert (code, err) == (1, 'data/results/a.yaml:7:17: error schema: "một trăm" không phải là số; hãy viết '
                              "một số nguyên ≥ 0, ví dụ 70\n\nKhông lập báo cáo nào: tệp kết quả có lỗi (ở trên).\n")
    assert not (tmp_path / "out").exists()


def test_a_campaign_file_that_did_not_load_refuses_the_reports_with_units_missing(root, capsys, tmp_path):
    # It may be the own campaign of cdcs-c, who has no report loaded: the district's figures
    # could be missing it. The units' own reports pool nothing and are rendered.
    (root / "campaigns" / "hong.yaml").write_text("id: [hong\n", encoding="utf-8")
    out = tmp_path / "out"
    code, err, names = rendered(capsys, root, out)
    assert (code, names) == (1, ["ba-dinh-2020-cdcs-a-bao-cao-tong-ket.md", "ba-dinh-2020-cdcs-b-bao-cao-tong-ket.md"])
    lines = err.splitlines()
    assert lines[0] == 'data/campaigns/hong.yaml:1:5: error yaml-syntax: YAML không hợp lệ: ngoặc mở ở đây thiếu dấu "]" đóng'
    assert lines[2:] == [
        "Không lập báo cáo ba-dinh-2020-bao-cao-tong-ket: dữ liệu của báo cáo có lỗi (ở trên).",
        f"Đã ghi {out}/ba-dinh-2020-cdcs-a-bao-cao-tong-ket.md",
        f"Đã ghi {out}/ba-dinh-2020-cdcs-b-bao-cao-tong-ket.md"]


def test_an_error_in_an_ancestor_refuses_the_reports_below_it_not_in_another_district(root, capsys, tmp_path):
    units = root / "units" / "units.yaml"
    text = units.read_text(encoding="utf-8")
    # Long Biên is neither an ancestor nor below Ba Đình: elsewhere.
    units.write_text(text.replace("    name: Liên đoàn Lao động quận Long Biên\n    level: tren-co-so\n    parent: ldld-ha-noi",
                                  "    name: Liên đoàn Lao động quận Long Biên\n    level: tren-co-so\n    parent: ldld-ha-noj"),
                     encoding="utf-8")
    out = tmp_path / "out"
    code, err, names = rendered(capsys, root, out, "--unit", "cdcs-a")
    assert (code, names) == (0, ["ba-dinh-2020-cdcs-a-bao-cao-tong-ket.md"])
    assert err.splitlines()[0] == ("Bỏ qua 1 lỗi ở nơi khác trong sổ đăng ký, không thuộc báo cáo nào được lập "
                                   "(xem: thidua validate).")
    # Hà Nội, whose place the date line prints, is an ancestor of every report.
    units.write_text(text.replace("    level: tinh\n    parent: tong-ldld", "    level: tinh\n    parent: tong-ldld-x"),
                     encoding="utf-8")
    code, err, _ = rendered(capsys, root, tmp_path / "out2", "--unit", "cdcs-a")
    assert code == 1
    assert err.splitlines()[1:] == [
        "", "Không lập báo cáo ba-dinh-2020-cdcs-a-bao-cao-tong-ket: dữ liệu của báo cáo có lỗi (ở trên)."]
    assert err.splitlines()[0] == ('data/units/units.yaml:8:13: error unknown-reference: cấp trên trực tiếp '
                                   '"tong-ldld-x" không có trong sổ đăng ký; có phải ý bạn là "tong-ldld"?')
