"""Writes nobody asked for (issue 14, items 10–13; issue 13 item 6).

Every command writes through one writer: files get the user's umask, only a regular
file (or a link to one, the link replaced) is ever replaced, and a set of files is
written all or nothing. A full disk is made with RLIMIT_FSIZE (writes then fail with
EFBIG, as they would with ENOSPC), never with a real device.
"""

from __future__ import annotations

import os
import stat
import subprocess
from pathlib import Path

import pytest

from tests.hostile.commands import files_under, thidua

NOT_REGULAR = ("not replacing {}: it is not a regular file (a pipe, device, folder or broken "
               "link); choose another file name")



@pytest.fixture
def umask_027() -> object:
    before = os.umask(0o027)
    yield
    os.umask(before)


def test_files_follow_the_umask(tmp_path: Path, umask_027: object) -> None:
    result = thidua(tmp_path, "init", "reg", "--year", "2026")
    assert result.returncode == 0, result.stderr
    result = thidua(tmp_path, "schema", "-o", "schemas")
    assert result.returncode == 0, result.stderr
    result = thidua(tmp_path, "--registry", "reg", "calendar", "--year", "2026", "-f", "ics",
                    "-o", "lich.ics")
    assert result.returncode == 0, result.stderr
    written = [p for p in tmp_path.rglob("*") if p.is_file()]
    assert len(written) == 16  # init: 4 files (.gitignore included) and 5 schemas; schema: 5; the calendar
    assert {stat.S_IMODE(p.stat().st_mode) for p in written} == {0o640}


@pytest.mark.parametrize("command", [
    ("calendar", "--year", "2026", "-f", "ics", "-o", "{}", "--force"),
    ("render", "plan", "2026", "-f", "md", "-o", "{}", "--force"),
], ids=["calendar", "render"])
def test_force_never_replaces_a_fifo_or_a_link_to_one(tmp_path: Path,
                                                      command: tuple[str, ...]) -> None:
    assert thidua(tmp_path, "init", "reg", "--year", "2026").returncode == 0
    (tmp_path / "out").mkdir()
    fifo = tmp_path / "out" / "fifo"
    os.mkfifo(fifo)
    target = tmp_path / "out" / "cd-phuong-ba-dinh-2026-ke-hoach.md"
    for name in ("out/fifo", "out/link"):
        where = tmp_path / name
        if command[0] == "render":
            where = target
            if target.is_symlink():
                target.unlink()
            target.symlink_to("fifo")
        elif name == "out/link":
            where.symlink_to("fifo")
        folder = "out" if command[0] == "render" else name
        args = [arg.replace("{}", folder) for arg in command]
        result = thidua(tmp_path, "--registry", "reg", *args)
        shown = str(where.relative_to(tmp_path))
        assert (result.returncode, result.stderr) == (2, "thidua: " + NOT_REGULAR.format(shown)
                                                      + "\n"), args
        assert stat.S_ISFIFO(os.stat(where).st_mode)
    assert files_under(tmp_path / "out") == (
        ["fifo", "link"] if command[0] == "calendar" else [target.name, "fifo"])


def test_force_replaces_a_link_to_a_regular_file_by_a_file(tmp_path: Path) -> None:
    assert thidua(tmp_path, "init", "reg", "--year", "2026").returncode == 0
    (tmp_path / "kept.ics").write_text("kept\n", encoding="utf-8")
    (tmp_path / "lich.ics").symlink_to("kept.ics")
    result = thidua(tmp_path, "--registry", "reg", "calendar", "--year", "2026", "-f", "ics",
                    "-o", "lich.ics", "--force")
    assert result.returncode == 0, result.stderr
    assert not (tmp_path / "lich.ics").is_symlink()
    assert (tmp_path / "kept.ics").read_text(encoding="utf-8") == "kept\n"


def test_force_never_replaces_a_folder_with_schema(tmp_path: Path) -> None:
    (tmp_path / "s" / "campaign.schema.json").mkdir(parents=True)
    result = thidua(tmp_path, "schema", "-o", "s", "--force")
    assert (result.returncode, result.stderr) == (
        2, "thidua: " + NOT_REGULAR.format("s/campaign.schema.json") + "\n")
    assert files_under(tmp_path / "s") == ["campaign.schema.json"]


def run_with_full_disk(cwd: Path, *args: str, limit: int) -> subprocess.CompletedProcess[str]:
    """``thidua ARGS`` where no file may grow past ``limit`` bytes: a disk that fills up."""
    return thidua(cwd, *args, file_size=limit)


def test_init_on_a_full_disk_leaves_nothing_and_can_be_retried(tmp_path: Path) -> None:
    # The example campaign is larger than 4 KiB: the first files fit, it does not.
    result = run_with_full_disk(tmp_path, "init", "reg", "--year", "2026", limit=4096)
    assert (result.returncode, result.stderr) == (
        2, "thidua: cannot write into reg: File too large\n")
    assert files_under(tmp_path) == []
    result = thidua(tmp_path, "init", "reg", "--year", "2026")
    assert result.returncode == 0, result.stderr


def test_init_into_an_existing_empty_folder_keeps_the_folder(tmp_path: Path) -> None:
    (tmp_path / "reg").mkdir()
    result = run_with_full_disk(tmp_path, "init", "reg", "--year", "2026", limit=4096)
    assert result.returncode == 2
    assert files_under(tmp_path) == ["reg"]


def test_schema_on_a_full_disk_leaves_nothing(tmp_path: Path) -> None:
    result = run_with_full_disk(tmp_path, "schema", "-o", "s", limit=3000)
    assert result.returncode == 2
    assert result.stderr.startswith("thidua: cannot write s/") \
        and result.stderr.endswith(": File too large\n")
    assert files_under(tmp_path) == []


def test_schema_to_stdout_with_dash(tmp_path: Path) -> None:
    dash = thidua(tmp_path, "schema", "-o", "-")
    plain = thidua(tmp_path, "schema")
    assert (dash.returncode, dash.stderr) == (0, "")
    assert dash.stdout == plain.stdout and dash.stdout.startswith("{\n")
    assert files_under(tmp_path) == []


def test_init_hint_is_quoted_for_the_shell(tmp_path: Path) -> None:
    result = thidua(tmp_path, "init", "Sổ đăng ký", "--year", "2026")
    assert result.returncode == 0
    assert result.stderr.splitlines()[-2:] == [
        '  2. Check it: thidua validate "Sổ đăng ký"',
        '  3. Make the plan: thidua --registry "Sổ đăng ký" render plan 2026']
