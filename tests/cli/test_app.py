"""The command line feels native: the framework's own words in Vietnamese, English with
--lang en, --version, shell completion (fast), NO_COLOR, stdout for output, stderr for messages."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys

import pytest
import typer

from tests.conftest import campaign
from thidua_cli import __version__
from thidua_cli.cli import native
from thidua_cli.cli.app import main


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(autouse=True)
def _plain_terminal(monkeypatch):
    # Help is wrapped to the terminal width; the language comes from THIDUA_LANG when set.
    monkeypatch.setenv("COLUMNS", "80")
    monkeypatch.delenv("THIDUA_LANG", raising=False)
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("FORCE_COLOR", raising=False)


def small_app() -> typer.Typer:
    app = typer.Typer(add_completion=False, rich_markup_mode=None,
                      context_settings={"help_option_names": ["-h", "--help"]})

    @app.command("go", help="Đi.")
    def go(year: int = typer.Argument(..., help="Năm."),
           mode: str = typer.Option("nhanh", "--mode", help="Cách đi.")) -> None:
        pass

    @app.command("stay", help="Ở lại.")
    def stay() -> None:
        pass

    return app


def help_of(lang: str, *args: str) -> None:
    command = typer.main.get_command(small_app())
    native.localize(command, lang)
    command.main(args=[*args, "--help"], prog_name="thidua", standalone_mode=False)


def test_help_page_words_in_vietnamese(capsys):
    help_of("vi", "go")
    assert capsys.readouterr().out == (
        "Cách dùng: thidua go [TÙY-CHỌN] {year}\n"
        "\n"
        "  Đi.\n"
        "\n"
        "Tham số:\n"
        "  year <số>  Năm.  [bắt buộc]\n"
        "\n"
        "Tùy chọn:\n"
        "  --mode <chữ>  Cách đi.  [mặc định: nhanh]\n"
        "  -h, --help    Hiện trợ giúp này rồi thoát.\n")
    help_of("vi")
    assert capsys.readouterr().out == (
        "Cách dùng: thidua [TÙY-CHỌN] LỆNH [THAM-SỐ]...\n"
        "\n"
        "Tùy chọn:\n"
        "  -h, --help  Hiện trợ giúp này rồi thoát.\n"
        "\n"
        "Lệnh:\n"
        "  go    Đi.\n"
        "  stay  Ở lại.\n")


def test_help_page_words_stay_english_in_english(capsys):
    help_of("en", "go")
    assert capsys.readouterr().out == (
        "Usage: thidua go [OPTIONS] {year}\n"
        "\n"
        "  Đi.\n"
        "\n"
        "Arguments:\n"
        "  year <int>  Năm.  [required]\n"
        "\n"
        "Options:\n"
        "  --mode <str>  Cách đi.  [default: nhanh]\n"
        "  -h, --help    Show this message and exit.\n")


def test_real_help_is_vietnamese_by_default_and_english_on_request(capsys, monkeypatch):
    code, out, err = run(capsys, "--help")
    assert (code, err) == (0, "")
    assert out.startswith("Cách dùng: thidua [TÙY-CHỌN] LỆNH [THAM-SỐ]...\n")
    assert "\nTùy chọn:\n" in out and "\nLệnh:\n" in out
    # (the column width follows the longest option, which other commands' options may change)
    assert re.search(r"\n  -h, --help +Hiện trợ giúp này rồi thoát\.\n", out)
    assert re.search(r"\n  --install-completion +Cài tự động hoàn thành lệnh cho shell đang dùng\.\n", out)
    assert re.search(r"\n  --registry <đường-dẫn> +Thư mục sổ đăng ký", out)
    assert "Usage" not in out and "Options" not in out and "Show this" not in out

    code, out, err = run(capsys, "--lang", "en", "--help")
    assert out.startswith("Usage: thidua [OPTIONS] COMMAND [ARGS]...\n")
    assert "\nOptions:\n" in out and "\nCommands:\n" in out
    assert re.search(r"\n  -h, --help +Show this message and exit\.\n", out)

    monkeypatch.setenv("THIDUA_LANG", "en")
    assert run(capsys, "validate", "--help")[1].startswith("Usage: thidua validate [OPTIONS] [REGISTRY]\n")


def test_bad_option_in_vietnamese_on_stderr(capsys):
    assert run(capsys, "validate", "--bogus") == (2, "", (
        "Cách dùng: thidua validate [TÙY-CHỌN] [SỔ_ĐĂNG_KÝ]\n"
        "Thử 'thidua validate -h' để xem trợ giúp.\n"
        "\n"
        "Lỗi: Không có tùy chọn --bogus\n"))
    assert run(capsys, "--lang", "en", "validate", "--bogus") == (2, "", (
        "Usage: thidua validate [OPTIONS] [REGISTRY]\n"
        "Try 'thidua validate -h' for help.\n"
        "\n"
        "Error: No such option: --bogus\n"))


def test_unknown_command_and_bad_choice(capsys):
    assert run(capsys, "valdate") == (2, "", (
        "Cách dùng: thidua [TÙY-CHỌN] LỆNH [THAM-SỐ]...\n"
        "Thử 'thidua -h' để xem trợ giúp.\n"
        "\n"
        "Lỗi: Không có lệnh 'valdate'; có phải ý bạn là 'validate'?\n"))
    code, out, err = run(capsys, "validate", "--format", "xml")
    assert (code, out) == (2, "")
    assert err.endswith("Lỗi: Giá trị không hợp lệ cho '--format' / '-f': 'xml' không phải là một trong "
                        "'text', 'json', 'github', 'sarif'\n")


@pytest.mark.parametrize("english, vietnamese", [
    ("No such option: --x (Possible options: --force, --format)",
     "Không có tùy chọn --x (có phải ý bạn là: --force, --format)"),
    ("No such command 'x'.", "Không có lệnh 'x'"),
    ("Missing command.", "Thiếu lệnh"),
    ("Missing argument 'KIND'. Choose from:\n\tplan,\n\tkickoff",
     "Thiếu tham số 'KIND'; chọn một trong:\n\tplan,\n\tkickoff"),
    ("Missing argument 'YEAR'.", "Thiếu tham số 'YEAR'"),
    ("Missing option '--year'.", "Thiếu tùy chọn '--year'"),
    ("Option '--days' requires an argument.", "Tùy chọn '--days' cần một giá trị"),
    ("Option '--strict' does not take a value.", "Tùy chọn '--strict' không nhận giá trị"),
    ("Got unexpected extra argument(s) (a b)", "Thừa tham số (a b)"),
    ("Invalid value for '--days': Input should be a valid integer, unable to parse string as an integer",
     "Giá trị không hợp lệ cho '--days': cần một số nguyên"),
    ("Invalid value for '--year': Input should be greater than or equal to 1000",
     "Giá trị không hợp lệ cho '--year': cần một số từ 1000 trở lên"),
    ("Invalid value for '--remind': Input should be less than or equal to 60",
     "Giá trị không hợp lệ cho '--remind': cần một số không quá 60"),
    ("Invalid value for 'YEAR': something new", "Giá trị không hợp lệ cho 'YEAR': something new"),
    ("A message Click may add one day", "A message Click may add one day"),
])
def test_click_messages_in_vietnamese(english, vietnamese):
    assert native.error_message(english, "vi") == vietnamese
    assert native.error_message(english, "en") == english


def test_version_on_stdout(capsys):
    assert run(capsys, "--version") == (0, f"thidua {__version__}\n", "")


def test_machine_output_on_stdout_messages_on_stderr(make_registry, capsys, tmp_path):
    root = make_registry({"campaigns/c.yaml": campaign()})
    code, out, err = run(capsys, "--registry", str(root), "validate", "--format", "json")
    assert (code, err) == (0, "")
    assert json.loads(out)["summary"] == {"files": 3, "errors": 0, "warnings": 0}
    code, out, err = run(capsys, "--registry", str(tmp_path / "none"), "validate", "--format", "json")
    assert (code, out) == (2, "")
    assert err.startswith("thidua: không tìm thấy sổ đăng ký: thư mục ")


def test_no_color(make_registry, capsys, monkeypatch):
    root = make_registry({"campaigns/c.yaml": campaign(**{"value: trên 75%": "value: trên 175%"})})
    monkeypatch.setenv("FORCE_COLOR", "1")  # as on a terminal
    out = run(capsys, "--registry", str(root), "validate")[1]
    assert "\x1b[1;31merror\x1b[0m" in out
    monkeypatch.setenv("NO_COLOR", "1")
    out = run(capsys, "--registry", str(root), "validate")[1]
    assert "\x1b" not in out and " error target-percent-range: " in out  # no bold either
    monkeypatch.delenv("NO_COLOR")
    out = run(capsys, "--registry", str(root), "validate", "--no-color")[1]
    assert "\x1b" not in out and " error target-percent-range: " in out


def complete(words: str, *python_flags: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "_THIDUA_COMPLETE": "complete_bash", "COMP_WORDS": words,
           "COMP_CWORD": str(len(words.split()) - (0 if words.endswith(" ") else 1))}
    return subprocess.run([sys.executable, *python_flags, "-m", "thidua_cli"], env=env,
                          capture_output=True, text=True, timeout=60)


def test_completion_of_commands_and_choices():
    assert complete("thidua val").stdout == "validate\n"
    assert complete("thidua validate --f").stdout == "--format\n"
    assert complete("thidua validate --format ").stdout == "text\njson\ngithub\nsarif\n"


def test_completion_imports_nothing_heavy():
    # -X importtime lists every module imported, on stderr.
    result = complete("thidua validate --format j", "-X", "importtime")
    assert result.stdout == "json\n"
    imported = {line.rsplit("|", 1)[-1].strip() for line in result.stderr.splitlines()}
    assert "thidua_cli.cli.app" in imported
    heavy = {name for name in imported if name.split(".")[0] in ("pydantic", "yaml", "jinja2", "rich")}
    assert heavy == set()


def test_show_completion_script():
    result = subprocess.run([sys.executable, "-m", "thidua_cli", "--show-completion", "bash"],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0
    assert "_THIDUA_COMPLETE=complete_bash" in result.stdout
    assert "complete -o default -F _thidua_completion thidua" in result.stdout


def test_install_completion_reports_in_vietnamese(tmp_path):
    env = {**os.environ, "HOME": str(tmp_path)}
    env.pop("THIDUA_LANG", None)
    result = subprocess.run([sys.executable, "-m", "thidua_cli", "--install-completion", "bash"],
                            env=env, capture_output=True, text=True, timeout=60)
    script = tmp_path / ".bash_completions" / "thidua.sh"
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout == (f"Đã cài tự động hoàn thành lệnh cho bash vào {script}\n"
                             "Mở lại cửa sổ dòng lệnh để bắt đầu dùng.\n")
    assert "_THIDUA_COMPLETE=complete_bash" in script.read_text()
    assert (tmp_path / ".bashrc").read_text() == f"\nsource '{script}'\n"


def test_option_table_has_no_english_placeholders(capsys):
    assert main(["new", "campaign", "--help"]) == 0
    out = capsys.readouterr().out
    assert "  --year NĂM" in out and "[1000<=x<=9999; bắt buộc]" in out
    assert "<int range>" not in out and "required" not in out


@pytest.mark.parametrize("command", [["validate"], ["render"], ["calendar"], ["init"],
                                     ["new", "campaign"], ["schema"], ["rules"]])
def test_every_help_page_shows_examples(capsys, command):
    assert main([*command, "--help"]) == 0
    out = capsys.readouterr().out
    assert "\n  Ví dụ:\n\n    thidua " in out
    assert main(["--lang", "en", *command, "--help"]) == 0
    assert "\n  Examples:\n\n    thidua " in capsys.readouterr().out


def test_help_names_are_consistent_and_aliases_kept(capsys):
    assert main(["--lang", "en", "--help"]) == 0
    assert "[default: en]" not in capsys.readouterr().out
    assert main(["render", "--help"]) == 0
    out = capsys.readouterr().out
    assert "Cách dùng: thidua render [TÙY-CHỌN] {LOẠI} {NĂM}" in out
    assert "--campaign MÃ" in out and " ID " not in out and " DIR" not in out
    for command in ("calendar", "results", "scores"):  # one -o in every command that prints a list
        assert main([command, "--help"]) == 0
        assert "-o, --output, --out TỆP" in capsys.readouterr().out
    assert main(["new", "campaign", "--help"]) == 0
    assert "--campaign, --from MÃ" in capsys.readouterr().out


def test_thidua_lang_is_refused_like_the_option(capsys, monkeypatch):
    monkeypatch.setenv("THIDUA_LANG", "fr")
    assert main(["validate"]) == 2
    assert capsys.readouterr().err == (
        'thidua: biến THIDUA_LANG="fr" không hợp lệ; chọn vi hoặc en (THIDUA_LANG="fr" is not '
        'supported; choose vi or en)\n')
    assert main(["--lang", "en", "--version"]) == 0  # the option wins over the variable
