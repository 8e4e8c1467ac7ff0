"""``thidua site`` through the real command: what it says, when it refuses."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import SAMPLE_REGISTRY, MakeRegistry, campaign
from thidua_cli.cli import site as site_cli
from thidua_cli.cli.app import main

SAMPLE = ("--registry", str(SAMPLE_REGISTRY))


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(autouse=True)
def fixed_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    """Two seconds between start and end, and a fixed today: exact output."""
    ticks: Iterator[float] = iter([100.0, 102.0])
    monkeypatch.setattr(site_cli, "perf_counter", lambda: next(ticks))
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1592179200")


def test_builds_and_says_where(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    out = tmp_path / "site"
    code, stdout, err = run(capsys, *SAMPLE, "site", "-o", str(out), "--year", "2020")
    assert (code, stdout) == (0, "")
    assert err == (f"Đã lập trang web trong {out}/: 45 tệp trong 2,0 giây (22 tệp mỗi giây); "
                   f"mở {out}/index.html\n")
    assert (out / "index.html").is_file()


def test_english(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    out = tmp_path / "site"
    code, _, err = run(capsys, *SAMPLE, "--lang", "en", "site", "-o", str(out))
    assert code == 0
    assert err == f"Built the site in {out}/: 45 files in 2.0 s (22 files per second); open {out}/index.html\n"


def test_refuses_an_existing_site_without_force(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    out = tmp_path / "site"
    out.mkdir()
    (out / ".thidua-site").write_text("", encoding="utf-8")
    (out / "old.html").write_text("", encoding="utf-8")
    code, _, err = run(capsys, *SAMPLE, "site", "-o", str(out))
    assert (code, err) == (2, f"thidua: trang web đã có, không ghi đè: {out} (dùng --force để thay thế)\n")
    assert (out / "old.html").is_file()


def test_never_replaces_a_folder_of_other_things(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("keep", encoding="utf-8")
    code, _, err = run(capsys, *SAMPLE, "site", "-o", str(tmp_path), "--force")
    assert (code, err) == (2, (
        f"thidua: {tmp_path} đã có và không phải trang web do thidua lập (không có tệp .thidua-site): "
        "không thay thế, kể cả với --force; hãy chọn một thư mục khác hoặc một thư mục trống\n"))
    assert [p.name for p in tmp_path.iterdir()] == ["notes.txt"]


def test_a_year_without_campaigns(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run(capsys, *SAMPLE, "site", "-o", str(tmp_path / "s"), "--year", "2019")
    assert (code, err) == (2, "thidua: không có phong trào nào năm 2019 trong sổ đăng ký "
                              "(các năm có: 2018, 2020, 2021)\n")
    assert not (tmp_path / "s").exists()


def test_a_registry_with_errors_builds_from_what_is_valid(capsys: pytest.CaptureFixture[str],
                                                          make_registry: MakeRegistry, tmp_path: Path) -> None:
    root = make_registry({"campaigns/ba-dinh-2020.yaml": campaign(**{"issuer: ldld-ba-dinh": "issuer: ldld-khong-co"})})
    out = tmp_path / "site"
    code, _, err = run(capsys, "--registry", str(root), "site", "-o", str(out))
    assert code == 0
    assert err == (
        "Đã kiểm tra 3 tệp: 1 lỗi, 0 cảnh báo\n"
        f"Sổ đăng ký có lỗi: trang web được lập từ phần hợp lệ; các vấn đề ở {out}/problems.html "
        "(chạy thidua validate để xem vị trí).\n"
        f"Đã lập trang web trong {out}/: 14 tệp trong 2,0 giây (7 tệp mỗi giây); mở {out}/index.html\n")
    page = (out / "campaigns" / "ba-dinh-2020.html").read_text(encoding="utf-8")
    assert "<dt>Đơn vị ban hành</dt><dd>ldld-khong-co</dd>" in page
