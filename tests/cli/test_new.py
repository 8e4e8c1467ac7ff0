"""``thidua new campaign`` through the real command, on a copy of data/ (never data/ itself)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import SAMPLE_REGISTRY
from thidua_cli.cli.app import main
from thidua_cli.validation import validate


@pytest.fixture
def registry(tmp_path: Path) -> Path:
    root = tmp_path / "data"
    shutil.copytree(SAMPLE_REGISTRY, root)
    return root


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def snapshot(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def test_bac_tu_liem_2021(registry: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "--registry", str(registry), "new", "campaign",
                         "--from", "bac-tu-liem-2020", "--year", "2021")
    assert (code, out) == (0, "")
    lines = err.splitlines()
    assert lines[0] == f"Đã ghi {registry}/campaigns/bac-tu-liem-2021.yaml"
    assert "  kỷ niệm 91 năm → 92 năm Ngày thành lập Công đoàn Việt Nam" in lines
    assert "  đợt 1: kỷ niệm 90 năm → 91 năm Ngày thành lập Đảng Cộng sản Việt Nam" in lines
    assert "  start: 2020-01-01 → 2021-01-01" in lines
    assert "  đợt 2.end: 2020-07-31 → 2021-07-31" in lines
    assert "  aims[1]: chưa đổi \"2020, 91 năm\" trong văn bản" in lines
    assert lines[-1] == "Đã kiểm tra 1 tệp: 0 lỗi, 1 cảnh báo"  # phase-length, as in 2020
    text = (registry / "campaigns" / "bac-tu-liem-2021.yaml").read_text(encoding="utf-8")
    assert "# Seed 000: \"Công đoàn trường mầm non Xuân Đỉnh B tham gia lễ phát động" in text
    assert "      thanh-lap-dang: 91                # 2021 - 1930\n" in text
    assert "      ngay-sinh-chu-tich-ho-chi-minh: 131   # 2021 - 1890\n" in text
    result = validate(registry)
    assert result.errors == 0
    new = next(c.model for c in result.registry.campaigns if c.model.id == "bac-tu-liem-2021")
    old = next(c.model for c in result.registry.campaigns if c.model.id == "bac-tu-liem-2020")
    for new_phase, old_phase in zip(new.phases, old.phases, strict=True):
        assert {k: v + 1 for k, v in old_phase.celebrates.items()} == new_phase.celebrates
    assert new.celebrates == {"cong-doan-viet-nam": 92}


def test_refuses_an_existing_year_and_damages_nothing(registry: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    args = ("--registry", str(registry), "new", "campaign", "--from", "bac-tu-liem-2020",
            "--year", "2021")
    assert run(capsys, *args)[0] == 0
    before = snapshot(registry)
    assert run(capsys, *args) == (
        2, "", 'thidua: đã có phong trào mã "bac-tu-liem-2021" (data/campaigns/bac-tu-liem-2021.yaml); '
        "năm gần nhất chưa có là 2022: --year 2022, hoặc chọn mã khác bằng --id\n")
    code, _, err = run(capsys, *args[:-2], "--year", "2021", "--id", "btl-khac-2021")
    assert code == 2
    assert err == ('thidua: ldld-bac-tu-liem đã có phong trào loại nam năm 2021: "bac-tu-liem-2021" '
                   "(data/campaigns/bac-tu-liem-2021.yaml)\n")
    assert snapshot(registry) == before


def test_unknown_id_suggests(registry: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = snapshot(registry)
    assert run(capsys, "--registry", str(registry), "--lang", "en", "new", "campaign",
               "--from", "bac-tu-liem-202", "--year", "2021") == (
        2, "", 'thidua: no campaign with id "bac-tu-liem-202"; did you mean "bac-tu-liem-2020"?\n')
    assert snapshot(registry) == before


def test_bad_new_id(registry: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "--registry", str(registry), "new", "campaign", "--from",
               "long-bien-2018", "--year", "2019", "--id", "Long Biên 2019") == (
        2, "", 'thidua: mã "Long Biên 2019" không hợp lệ; có phải ý bạn là "long-bien-2019"?\n')


def test_registry_with_errors_is_refused(registry: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = registry / "campaigns" / "long-bien-2018.yaml"
    source.write_text(source.read_text(encoding="utf-8").replace(
        "loi-keu-goi-thi-dua-ai-quoc: 70", "loi-keu-goi-thi-dua-ai-quoc: 69"), encoding="utf-8")
    before = snapshot(registry)
    code, out, err = run(capsys, "--registry", str(registry), "new", "campaign",
                         "--from", "long-bien-2018", "--year", "2019")
    assert (code, out) == (1, "")
    assert "error anniversary-ordinal" in err
    assert err.endswith("Sổ đăng ký có lỗi: không tạo phong trào mới. Hãy sửa các lỗi trên trước.\n")
    assert snapshot(registry) == before


def test_leap_day_and_document_cleared(tmp_path: Path, make_registry,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    root = make_registry({"campaigns/ba-dinh-2020.yaml": """\
        id: ba-dinh-2020
        issuer: ldld-ba-dinh
        year: 2020
        kind: cao-diem
        title: Đợt thi đua năm 2020
        start: 01/01/2020
        end: '29/02/2020'
        document:
          number: 01/KH-LĐLĐ   # số của năm trước
          date: "2020-01-03"
        celebrates: {thanh-lap-dang: 90}
        """})
    code, _, err = run(capsys, "--registry", str(root), "new", "campaign", "--from",
                       "ba-dinh-2020", "--year", "2021")
    assert code == 0, err
    assert (root / "campaigns" / "ba-dinh-2021.yaml").read_text(encoding="utf-8") == """\
id: ba-dinh-2021
issuer: ldld-ba-dinh
year: 2021
kind: cao-diem
title: Đợt thi đua năm 2021
start: 01/01/2021
end: '28/02/2021'
document:
  number: …/KH-LĐLĐ    # số của năm trước
  date:
celebrates: {thanh-lap-dang: 91}
"""
    # The type and the issuer's code stay: only the number is the clerk's.
    assert "  document.number: 01/KH-LĐLĐ → …/KH-LĐLĐ (số để văn thư ghi)" in err.splitlines()


def test_a_dissolved_issuer_is_refused_before_writing(registry: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    # Bắc Từ Liêm's district union was dissolved on 01/7/2025: no 2026 campaign is written.
    before = snapshot(registry)
    code, out, err = run(capsys, "--registry", str(registry), "--lang", "en", "new", "campaign",
                         "--from", "bac-tu-liem-2020", "--year", "2026")
    assert (code, out) == (2, "")
    assert err == ('thidua: "LĐLĐ quận Bắc Từ Liêm" (ldld-bac-tu-liem) was dissolved on 2025-07-01, '
                   "before the 2026 campaign would be issued (2026-01-03): nothing written. If a "
                   "successor unit issues it, add --issuer SUCCESSOR_ID\n")
    assert snapshot(registry) == before


def test_another_issuer(registry: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "--registry", str(registry), "new", "campaign",
                         "--from", "bac-tu-liem-2020", "--year", "2021", "--issuer", "ldld-ha-noi")
    assert (code, out) == (0, "")
    lines = err.splitlines()
    assert lines[0] == f"Đã ghi {registry}/campaigns/ldld-ha-noi-2021.yaml"
    assert lines[4] == "  issuer: ldld-bac-tu-liem → ldld-ha-noi"
    assert lines[lines.index("Rơi vào ngày nghỉ (hãy xem lại):") + 1] == (
        "  launch.date: 2021-01-03 là Chủ nhật; hãy chọn ngày làm việc")


def test_days_off_and_the_issuer_code_kept(make_registry, capsys: pytest.CaptureFixture[str]) -> None:
    root = make_registry({"campaigns/c.yaml": """\
        id: cdcs-a-2025
        issuer: cdcs-a
        year: 2025
        kind: nam
        title: Phát động phong trào thi đua năm 2025
        start: 2025-01-01
        end: 2025-12-31
        launch: {date: 2025-01-06}
        document:
          number: 01/KH-CĐP
          date: 2025-01-06
          signer: {name: Nguyễn Văn A, position: Chủ tịch}
        events:
          - {name: Gặp mặt đầu xuân, date: 2025-02-12}
          - {name: Hội thao, date: 2025-02-17}
        """})
    code, out, err = run(capsys, "--registry", str(root), "new", "campaign", "--from", "cdcs-a-2025",
                         "--year", "2026")
    assert (code, out) == (0, "")
    lines = err.splitlines()
    assert "  document.number: 01/KH-CĐP → …/KH-CĐP (số để văn thư ghi)" in lines
    assert "  document.date: 2025-01-06 → (để trống cho văn thư ghi)" in lines
    days_off = lines.index("Rơi vào ngày nghỉ (hãy xem lại):")
    assert lines[days_off + 1:days_off + 3] == [
        # Monday 06/01/2025 → Tuesday 06/01/2026: nothing to say; 12/02/2026 is a Thursday
        # but 28 tháng Chạp, no day off; 17/02/2026 is mùng 1 Tết.
        "  events[2].date: 2026-02-17 là dịp nghỉ Tết Nguyên đán; hãy chọn ngày làm việc",
        "Đã kiểm tra 1 tệp: 0 lỗi, 0 cảnh báo"]
    text = (root / "campaigns" / "cdcs-a-2026.yaml").read_text(encoding="utf-8")
    assert "  number: …/KH-CĐP\n" in text and "name: Nguyễn Văn A" in text


def test_english(registry: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "--registry", str(registry), "--lang", "en", "new", "campaign",
                         "--from", "bac-tu-liem-2020", "--year", "2024")
    assert (code, out) == (0, "")
    lines = err.splitlines()
    assert lines[0] == f"Wrote {registry}/campaigns/bac-tu-liem-2024.yaml"
    assert "  anniversary 91 → 95 years: Ngày thành lập Công đoàn Việt Nam" in lines
    assert "Not changed (free text, read it again):" in lines
    assert lines[-1] == "1 file checked: 0 errors, 1 warning"


def test_new_unit_is_appended_to_its_superiors_file_and_nothing_else_moves(
        registry: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = (registry / "units" / "ha-giang.yaml").read_text(encoding="utf-8")
    code, out, err = run(capsys, "--registry", str(registry), "new", "unit", "--id", "cdcs-truong-a",
                         "--name", "Công đoàn trường A", "--level", "cơ sở", "--parent", "ldld-ha-giang")
    assert (code, out) == (0, "")
    assert err == (f'Đã thêm đơn vị "cdcs-truong-a" vào {registry}/units/ha-giang.yaml\n'
                   "Đã kiểm tra 1 tệp: 0 lỗi, 0 cảnh báo\n")
    after = (registry / "units" / "ha-giang.yaml").read_text(encoding="utf-8")
    added = ("  - id: cdcs-truong-a\n    name: Công đoàn trường A\n    level: co-so\n"
             "    parent: ldld-ha-giang\n")
    assert added in after and after.replace(added, "", 1) == before  # nothing else moved


def test_new_unit_refusals(registry: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = snapshot(registry)
    args = ["--registry", str(registry), "--lang", "en", "new", "unit", "--name", "X"]
    assert run(capsys, *args, "--id", "ldld-ha-noi", "--level", "co-so", "--parent", "ldld-ha-noi") == (
        2, "", 'thidua: a unit or cluster with id "ldld-ha-noi" already exists; choose another\n')
    assert run(capsys, *args, "--id", "x", "--level", "co-so", "--parent", "ha-giang") == (
        2, "", 'thidua: no superior unit with id "ha-giang"; did you mean "ldld-ha-giang"?\n')
    assert run(capsys, *args, "--id", "x", "--level", "tinh", "--parent", "ldld-ha-giang") == (
        2, "", 'thidua: "LĐLĐ tỉnh Hà Giang" is on level tinh, not above tinh\n')
    assert snapshot(registry) == before
