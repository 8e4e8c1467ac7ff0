"""``thidua new campaign`` through the real command, on a copy of data/ (never data/ itself)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from thidua_cli.cli.app import main
from thidua_cli.validation import validate
from tests.conftest import SAMPLE_REGISTRY


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
        2, "", 'thidua: đã có phong trào mã "bac-tu-liem-2021"; chọn mã khác bằng --id\n')
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
  number:              # số của năm trước
  date:
celebrates: {thanh-lap-dang: 91}
"""
    assert "  document.number: 01/KH-LĐLĐ → (để trống cho văn thư ghi)" in err.splitlines()


def test_english_and_a_new_file_with_errors_exits_1(registry: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    # Bắc Từ Liêm's district union was dissolved on 01/7/2025: a 2026 campaign is written,
    # then its problem is shown and the exit code says so.
    code, out, err = run(capsys, "--registry", str(registry), "--lang", "en", "new", "campaign",
                         "--from", "bac-tu-liem-2020", "--year", "2026")
    assert (code, out) == (1, "")
    lines = err.splitlines()
    assert lines[0] == f"Wrote {registry}/campaigns/bac-tu-liem-2026.yaml"
    assert "  anniversary 91 → 97 years: Ngày thành lập Công đoàn Việt Nam" in lines
    assert "Not changed (free text, read it again):" in lines
    assert any(" error unit-level: " in line for line in lines)
    assert (registry / "campaigns" / "bac-tu-liem-2026.yaml").is_file()
