"""``thidua init`` through the real command: output, exit codes, refusals."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from thidua_cli.authoring.init import default_year
from thidua_cli.cli.app import main
from thidua_cli.validation import validate


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_creates_a_registry_that_validates(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = tmp_path / "so-dang-ky"
    code, out, err = run(capsys, "init", str(root), "--year", "2026")
    assert (code, out) == (0, "")
    assert err == "".join(f"Đã ghi {root}/{name}\n" for name in (
        "anniversaries.yaml", "units/don-vi.yaml", "campaigns/cd-phuong-ba-dinh-2026.yaml",
        "results/cd-phuong-ba-dinh-2026.yaml", "schema/anniversaries.schema.json",
        "schema/units.schema.json", "schema/campaign.schema.json", "schema/result.schema.json",
        "schema/scoring.schema.json", ".gitignore")) + (
        f"Đã tạo sổ đăng ký mới trong {root}. Các bước tiếp theo:\n"
        f"  1. Sửa các tệp ví dụ cho đúng đơn vị của mình: {root}/units/don-vi.yaml, "
        f"{root}/campaigns/cd-phuong-ba-dinh-2026.yaml\n"
        f"  2. Kiểm tra: thidua validate {root}\n"
        f"  3. Lập kế hoạch: thidua --registry {root} render plan 2026\n")
    assert validate(root).problems == []
    assert run(capsys, "--registry", str(root), "validate") == (
        0, "Đã kiểm tra 4 tệp: 0 lỗi, 0 cảnh báo\n", "")


def test_default_folder_is_the_registry(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("THIDUA_REGISTRY", raising=False)
    code, out, err = run(capsys, "--lang", "en", "init")
    assert (code, out) == (0, "")
    assert err.splitlines()[0] == "Wrote data/anniversaries.yaml"
    assert err.splitlines()[-2:] == ["  2. Check it: thidua validate",
                                     f"  3. Make the plan: thidua render plan {default_year(date.today())}"]
    code, _, err = run(capsys, "--registry", "elsewhere", "init")
    assert (code, err.splitlines()[0]) == (0, "Đã ghi elsewhere/anniversaries.yaml")


def test_the_default_year(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from datetime import date

    year = default_year(date.today())
    code, _, _ = run(capsys, "init", str(tmp_path / "d"))
    assert code == 0
    assert (tmp_path / "d" / "campaigns" / f"cd-phuong-ba-dinh-{year}.yaml").is_file()


def test_refuses_a_folder_that_holds_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = tmp_path / "data"
    (root / "units").mkdir(parents=True)
    (root / "anniversaries.yaml").write_text("anniversaries: []\n", encoding="utf-8")
    code, out, err = run(capsys, "init", str(root))
    assert (code, out) == (2, "")
    assert err == (f"thidua: thư mục {root} đã có tệp (anniversaries.yaml, units); thidua init "
                   "chỉ tạo sổ đăng ký trong thư mục trống hoặc chưa có: hãy chọn thư mục khác, "
                   "ví dụ `thidua init so-dang-ky`\n")
    assert (root / "anniversaries.yaml").read_text(encoding="utf-8") == "anniversaries: []\n"
    assert sorted(p.name for p in root.rglob("*")) == ["anniversaries.yaml", "units"]


def test_refusal_in_english_lists_at_most_five(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for name in "abcdefg":
        (tmp_path / name).write_text("", encoding="utf-8")
    code, out, err = run(capsys, "--lang", "en", "init", str(tmp_path))
    assert (code, out) == (2, "")
    assert err == (f"thidua: folder {tmp_path} already holds files (a, b, c, d, e, …); thidua init "
                   "only creates a registry in an empty or new folder: choose another, "
                   "e.g. `thidua init registry`\n")


def test_a_file_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "data"
    target.write_text("x", encoding="utf-8")
    assert run(capsys, "init", str(target)) == (
        2, "", f"thidua: {target} là một tệp, không phải thư mục\n")
    assert target.read_text(encoding="utf-8") == "x"


def test_unwritable_parent_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import os

    if os.geteuid() == 0:
        # root writes anywhere: make the parent a file instead, which fails for everyone.
        (tmp_path / "blocked").write_text("", encoding="utf-8")
        target = tmp_path / "blocked" / "data"
    else:
        (tmp_path / "blocked").mkdir(mode=0o500)
        target = tmp_path / "blocked" / "data"
    code, out, err = run(capsys, "--lang", "en", "init", str(target))
    assert (code, out) == (2, "")
    assert err.startswith(f"thidua: cannot write into {target}: ")
    assert err.count("\n") == 1



def test_next_year_from_october():
    assert [default_year(date(2026, m, 1)) for m in (1, 9, 10, 12)] == [2026, 2026, 2027, 2027]


def test_a_fresh_clone_with_a_readme_and_its_own_gitignore(tmp_path: Path,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    root = tmp_path / "kho thi dua"
    root.mkdir()
    (root / "README.md").write_text("# Sổ thi đua\n", encoding="utf-8")
    (root / ".gitignore").write_text("*.bak\n", encoding="utf-8")
    code, out, err = run(capsys, "init", str(root), "--year", "2027")
    assert (code, out) == (0, "")
    assert (root / ".gitignore").read_text(encoding="utf-8") == "*.bak\n"  # left as it was
    assert err.splitlines()[-4:] == [
        f'Đã tạo sổ đăng ký mới trong "{root}". Các bước tiếp theo:',
        f'  1. Sửa các tệp ví dụ cho đúng đơn vị của mình: "{root}/units/don-vi.yaml", '
        f'"{root}/campaigns/cd-phuong-ba-dinh-2027.yaml"',
        f'  2. Kiểm tra: thidua validate "{root}"',
        f'  3. Lập kế hoạch: thidua --registry "{root}" render plan 2027']


def test_what_init_writes_passes_yamllint_defaults(tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    from yamllint import linter
    from yamllint.config import YamlLintConfig

    root = tmp_path / "data"
    assert run(capsys, "init", str(root), "--year", "2027")[0] == 0
    config = YamlLintConfig("extends: default")
    found = {path.relative_to(root).as_posix(): [f"{p.line}:{p.column} {p.message}" for p in
                                                 linter.run(path.read_text(encoding="utf-8"), config)]
             for path in sorted(root.rglob("*.yaml"))}
    assert found == {"anniversaries.yaml": [], "units/don-vi.yaml": [],
                     "campaigns/cd-phuong-ba-dinh-2027.yaml": [],
                     "results/cd-phuong-ba-dinh-2027.yaml": []}
    assert (root / ".gitignore").read_text(encoding="utf-8").endswith("\nout/\n")
