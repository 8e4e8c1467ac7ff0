"""The Vietnamese user guide (docs/huong-dan.md) walked from an empty folder to a rendered
plan: every ``thidua`` command of its code blocks runs, in order, as a cadre would type it,
and every option it names in the text exists."""

from __future__ import annotations

import re
import shlex

import pytest

from tests.conftest import REPO
from thidua_cli.cli.app import main

GUIDE = REPO / "docs" / "huong-dan.md"


def block_commands(text: str) -> list[str]:
    """The ``thidua …`` lines of the guide's ```bash blocks, in order."""
    commands = []
    for block in re.findall(r"```bash\n(.*?)```", text, re.DOTALL):
        commands += [line.strip() for line in block.splitlines() if line.strip().startswith("thidua ")]
    return commands


def inline_commands(text: str) -> list[str]:
    """The ``thidua …`` commands quoted in the guide's prose (a quote may span a line)."""
    return [" ".join(code.split()) for code in re.findall(r"`(thidua [^`]+)`", text)]


def test_the_guide_links_the_readme_and_the_readme_the_guide():
    assert "](../README.md)" in GUIDE.read_text(encoding="utf-8")
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert "](docs/huong-dan.md)" in readme
    # The two commands stay at the very top of the README.
    assert readme.startswith("# thidua\n\n```bash\npip install . && thidua validate\n"
                             "pip install '.[test]' && python -m pytest\n```\n")


def test_the_guide_walks_from_an_empty_folder_to_a_rendered_plan(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("THIDUA_REGISTRY", raising=False)
    monkeypatch.delenv("THIDUA_LANG", raising=False)
    commands = block_commands(GUIDE.read_text(encoding="utf-8"))
    assert commands[:2] == ["thidua --version", "thidua init --year 2026"]
    for command in commands:
        args = shlex.split(command)[1:]
        if ">" in args:  # "thidua schema > x.json": the redirection is the shell's
            args = args[:args.index(">")]
        code = main(args)
        out, err = capsys.readouterr()
        assert code == 0, f"{command}\n{out}{err}"
        assert "Traceback" not in out + err
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        "cd-phuong-ba-dinh-2026-ke-hoach.docx", "cd-phuong-ba-dinh-2027-ke-hoach.docx"]
    assert (tmp_path / "lich-2026.ics").read_bytes().startswith(b"BEGIN:VCALENDAR\r\n")


def help_of(words: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    assert main([*words, "--help"]) == 0
    return capsys.readouterr().out


def test_every_command_and_option_the_guide_names_is_real(capsys):
    text = GUIDE.read_text(encoding="utf-8")
    named = inline_commands(text) + block_commands(text)
    assert len(named) >= 15
    for command in named:
        words = shlex.split(command)[1:]
        path = []
        for word in words:  # the command path: words up to the first option or argument
            if word.startswith("-") or path[-1:] in (["render"], ["rules"], ["validate"], ["init"]):
                break
            path.append(word)
        page = help_of(path, capsys) if path else help_of([], capsys)
        for word in words:
            if word.startswith("--") or re.fullmatch(r"-[a-z]", word):
                option = word.split("=", 1)[0]
                assert re.search(rf"(?<![\w-]){re.escape(option)}(?![\w-])", page), (command, option)


def test_the_kinds_the_guide_names_are_accepted(capsys):
    text = GUIDE.read_text(encoding="utf-8")
    for kind in ("ke-hoach", "loi-phat-dong", "giao-uoc"):
        assert f"`{kind}`" in text
        assert kind in help_of(["render"], capsys)
