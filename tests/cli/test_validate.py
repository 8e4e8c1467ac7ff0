"""``thidua validate`` through the real command: formats, exit codes, languages."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.conftest import campaign
from thidua_cli.cli.app import main

BAD = campaign(**{"cong-doan-viet-nam: 91": "cong-doan-viet-nam: 90", "start: 2020-07-01": "start: 2020-07-03"})


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_clean_registry_exits_0(make_registry, capsys):
    root = make_registry({"campaigns/c.yaml": campaign()})
    assert run(capsys, "--registry", str(root), "validate") == (0, "Đã kiểm tra 3 tệp: 0 lỗi, 0 cảnh báo\n", "")


def test_text_format_exact(make_registry, capsys):
    root = make_registry({"campaigns/c.yaml": BAD})
    code, out, err = run(capsys, "validate", "--registry", str(root), "--lang", "en")
    assert code == 1 and err == ""
    assert out == (
        "data/campaigns/c.yaml:15:12: warning phase-gap: 2 days of the campaign are covered by no phase: "
        "2020-07-01–2020-07-02\n"
        "data/campaigns/c.yaml:18:27: error anniversary-ordinal: 2020 marks 91 years of Ngày thành lập "
        "Công đoàn Việt Nam (1929-07-28 – 2020-07-28), not 90; write 91\n"
        "\n"
        "3 files checked: 1 error, 1 warning\n")


def test_json_format(make_registry, capsys):
    root = make_registry({"campaigns/c.yaml": BAD})
    code, out, _ = run(capsys, "--registry", str(root), "validate", "--format", "json")
    assert code == 1
    document = json.loads(out)
    assert document["version"] == 1
    assert document["summary"] == {"files": 3, "errors": 1, "warnings": 1}
    assert document["problems"][1] == {
        "rule": "anniversary-ordinal", "severity": "error", "file": "data/campaigns/c.yaml",
        "line": 18, "column": 27,
        "message": "năm 2020 là kỷ niệm 91 năm Ngày thành lập Công đoàn Việt Nam (28/7/1929 – 28/7/2020), "
                   "không phải 90 năm; hãy ghi 91"}


def test_github_format(make_registry, capsys):
    root = make_registry({"campaigns/c.yaml": BAD})
    code, out, _ = run(capsys, "--registry", str(root), "--lang", "en", "validate", "--format", "github")
    assert code == 1
    assert out.splitlines()[0] == (
        "::warning file=data/campaigns/c.yaml,line=15,col=12,title=phase-gap::2 days of the campaign are "
        "covered by no phase: 2020-07-01–2020-07-02")
    assert out.splitlines()[1].startswith(
        "::error file=data/campaigns/c.yaml,line=18,col=27,title=anniversary-ordinal::2020 marks 91 years")


def test_strict_turns_warnings_into_failure(make_registry, capsys):
    root = make_registry({"campaigns/c.yaml": campaign(**{"start: 2020-07-01": "start: 2020-07-03"})})
    assert run(capsys, "--registry", str(root), "validate")[0] == 0
    assert run(capsys, "--registry", str(root), "validate", "--strict")[0] == 1


def test_missing_registry_exits_2_with_one_line(tmp_path, capsys):
    code, out, err = run(capsys, "--registry", str(tmp_path / "nowhere"), "validate")
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and err.startswith("thidua: không tìm thấy sổ đăng ký")


def test_bad_option_exits_2(capsys):
    code, _, err = run(capsys, "validate", "--format", "xml")
    assert code == 2 and "xml" in err


def test_env_registry_and_lang(make_registry, capsys, monkeypatch):
    root = make_registry({"campaigns/c.yaml": campaign()})
    monkeypatch.setenv("THIDUA_REGISTRY", str(root))
    monkeypatch.setenv("THIDUA_LANG", "en")
    assert run(capsys, "validate") == (0, "3 files checked: 0 errors, 0 warnings\n", "")


def test_version(capsys):
    from thidua_cli import __version__
    assert run(capsys, "--version") == (0, f"thidua {__version__}\n", "")


@pytest.mark.parametrize("args", [["validate"], ["--version"]])
def test_module_entry_point_never_shows_a_traceback(tmp_path, args):
    garbage = tmp_path / "data"
    (garbage / "campaigns").mkdir(parents=True)
    (garbage / "campaigns" / "x.yaml").write_bytes(bytes(range(256)) * 100)
    result = subprocess.run([sys.executable, "-m", "thidua_cli", "--registry", str(garbage), *args],
                            capture_output=True, text=True, timeout=60)
    assert "Traceback" not in result.stderr + result.stdout
    assert result.returncode in (0, 1)


# ----------------------------------------------------------------------- no false green

@pytest.mark.parametrize("fmt", ["text", "json", "github", "sarif"])
def test_a_folder_without_a_registry_exits_2_in_every_format(tmp_path, capsys, fmt):
    (tmp_path / "empty").mkdir()
    code, out, err = run(capsys, "--registry", str(tmp_path / "empty"), "validate", "--format", fmt)
    assert (code, out) == (2, "")
    assert err == (f"thidua: thư mục {tmp_path / 'empty'} không chứa sổ đăng ký: cần có "
                   "anniversaries.yaml, thư mục units/ hoặc campaigns/ (tạo sổ đăng ký mới "
                   "bằng `thidua init`)\n")


def test_the_folder_above_a_registry_names_the_registry(make_registry, capsys, monkeypatch):
    root = make_registry({"campaigns/c.yaml": BAD})
    monkeypatch.chdir(root.parent)
    code, out, err = run(capsys, "--registry", ".", "--lang", "en", "validate")
    assert (code, out) == (2, "")
    assert err == ('thidua: folder . holds no registry: expected anniversaries.yaml, a units/ or a '
                   'campaigns/ folder; the registry is in "data": use --registry "data"\n')


def test_a_folder_inside_a_registry_names_the_registry(make_registry, capsys, monkeypatch):
    root = make_registry({"campaigns/c.yaml": BAD})
    monkeypatch.chdir(root.parent)
    code, out, err = run(capsys, "--registry", "data/campaigns", "validate")
    assert (code, out) == (2, "")
    assert err == ("thidua: thư mục data/campaigns không chứa sổ đăng ký: cần có anniversaries.yaml, "
                   'thư mục units/ hoặc campaigns/; sổ đăng ký ở "data": dùng --registry "data"\n')


# ----------------------------------------------------------------------- no silent skips

def test_subfolders_are_read_and_lookalike_files_reported(make_registry, capsys):
    root = make_registry({
        "campaigns/2027/c.yaml": BAD,          # a by-year folder: read
        "campaigns/d.YAML": "id: d",           # saved by a tool that upper-cases
        "campaigns/e.yaml.txt": "id: e",       # Notepad's .txt
        "campaign/f.yaml": "id: f",            # a singular folder
        "g.yml": "id: g",                      # a file at the root
        "anniversaries.yaml.txt": "",
        "README.md": "not a registry file",    # not reported
        "campaigns/.h.yaml.swp": "",           # hidden: not reported
    })
    code, out, _ = run(capsys, "--registry", str(root), "--lang", "en", "validate")
    assert code == 1
    assert out == (
        'data/anniversaries.yaml.txt:1:1: error file-ignored: the name does not end in ".yaml", so '
        'the file is not read; rename it to "anniversaries.yaml" (Notepad: choose "Save as type: '
        'All files")\n\n'
        'data/campaign/:1:1: error file-ignored: this folder (1 YAML file) is not read; did you mean '
        '"campaigns/"? rename the folder\n\n'
        'data/campaigns/d.YAML:1:1: error file-ignored: the name does not end in ".yaml", so the file '
        'is not read; rename it to "d.yaml" (Notepad: choose "Save as type: All files")\n\n'
        'data/campaigns/e.yaml.txt:1:1: error file-ignored: the name does not end in ".yaml", so the '
        'file is not read; rename it to "e.yaml" (Notepad: choose "Save as type: All files")\n\n'
        "data/g.yml:1:1: error file-ignored: the file sits at the registry's root and is not read; "
        "move a campaign file into campaigns/ and a units file into units/\n\n"
        # causes before consequences: what is not read comes first
        "data/campaigns/2027/c.yaml:15:12: warning phase-gap: 2 days of the campaign are covered by no "
        "phase: 2020-07-01–2020-07-02\n"
        "data/campaigns/2027/c.yaml:18:27: error anniversary-ordinal: 2020 marks 91 years of Ngày "
        "thành lập Công đoàn Việt Nam (1929-07-28 – 2020-07-28), not 90; write 91\n\n"
        "3 files checked: 6 errors, 1 warning\n")


def test_on_a_terminal_lines_wrap_at_words_with_indented_continuations_and_no_color_means_plain(
        make_registry):
    import io
    from pathlib import Path as P

    from rich.console import Console

    from thidua_cli.cli import validate as command
    from thidua_cli.cli.common import Settings

    root = make_registry({"campaigns/c.yaml": BAD})
    settings = Settings(lang="vi", registry=P(root), color=False)
    # The console made from the settings' own choices: no colour, no style at all.
    assert settings.out.color_system is None
    buffer = io.StringIO()
    settings._out = Console(file=buffer, force_terminal=True, width=80, color_system=None,
                            highlight=False, soft_wrap=True)
    assert command.run(settings, "text", False) == 1
    assert buffer.getvalue() == (
        "data/campaigns/c.yaml:15:12: warning phase-gap: 2 ngày của phong trào không\n"
        "    thuộc đợt nào: 01/7/2020–02/7/2020\n"
        "data/campaigns/c.yaml:18:27: error anniversary-ordinal: năm 2020 là kỷ niệm\n"
        "    91 năm Ngày thành lập Công đoàn Việt Nam (28/7/1929 – 28/7/2020), không phải\n"
        "    90 năm; hãy ghi 91\n"
        "\n"
        "Đã kiểm tra 3 tệp: 1 lỗi, 1 cảnh báo\n")
