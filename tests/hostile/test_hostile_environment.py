"""A hostile environment: signals, outputs that cannot be written, odd terminals, long
path components (issue 14, items 11, 15–17)."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
import unicodedata
from pathlib import Path

import pytest

from tests.conftest import BASE_CAMPAIGN, MakeRegistry
from tests.hostile.commands import files_under, thidua
from tests.hostile.test_hostile_input import HANG_BOUND_SECONDS


def many_campaigns(make_registry: MakeRegistry, count: int) -> Path:
    return make_registry({f"campaigns/c{i}.yaml": BASE_CAMPAIGN.replace("ba-dinh-2020", f"c{i}")
                          for i in range(count)})


# ------------------------------------------------------------------------- item 11: SIGTERM


def written(folder: Path) -> list[str]:
    """The documents in ``folder`` (not the writer's hidden temporary files)."""
    return [name for name in os.listdir(folder) if not name.startswith(".")] \
        if folder.is_dir() else []


def test_sigterm_during_a_parallel_render_cleans_up(make_registry: MakeRegistry) -> None:
    # 60 DOCX plans: made by worker processes. SIGTERM once the first file is written.
    root = many_campaigns(make_registry, 60)
    out = root.parent / "out"
    env = {k: v for k, v in os.environ.items() if k not in ("THIDUA_DEBUG", "COLUMNS")}
    env.update(LC_ALL="C.UTF-8", NO_COLOR="1", PYTHONIOENCODING="utf-8")
    process = subprocess.Popen(
        [sys.executable, "-m", "thidua_cli", "--lang", "en", "render", "plan", "2020"],
        cwd=root.parent, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
        stderr=subprocess.PIPE, text=True)
    # Three times the hang bound: on a loaded machine, starting the workers takes a while.
    deadline = time.monotonic() + 3 * HANG_BOUND_SECONDS
    while not written(out) and time.monotonic() < deadline and process.poll() is None:
        time.sleep(0.02)
    assert process.poll() is None, process.communicate()
    process.send_signal(signal.SIGTERM)
    _, stderr = process.communicate(timeout=HANG_BOUND_SECONDS)
    assert process.returncode == 128 + 15, stderr
    assert "Traceback" not in stderr and "leaked" not in stderr, stderr
    # Whole documents only: no hidden temporary file left in the output folder.
    assert [name for name in os.listdir(out) if name.startswith(".")] == []
    assert all(name.endswith("-ke-hoach.docx") for name in os.listdir(out))
    time.sleep(0.5)  # the workers are gone too
    assert [name for name in files_under(root.parent) if name.endswith(".tmp")] == []


# ------------------------------------------------------- item 15: output that cannot be written


def test_stdout_closed(make_registry: MakeRegistry) -> None:
    root = make_registry({"campaigns/x.yaml": BASE_CAMPAIGN})
    result = thidua(root.parent, "validate", close_stdout=True)
    assert (result.returncode, result.stderr) == (
        2, "thidua: cannot write the output to stdout: Bad file descriptor\n")


def test_stdout_opened_for_reading_only(make_registry: MakeRegistry, tmp_path: Path) -> None:
    root = make_registry({"campaigns/x.yaml": BASE_CAMPAIGN})
    (tmp_path / "read-only").write_text("", encoding="utf-8")
    with open(tmp_path / "read-only", "rb") as stdout:
        result = thidua(root.parent, "calendar", "--year", "2020", stdout=stdout)
    assert (result.returncode, result.stderr) == (
        2, "thidua: cannot write the output to stdout: Bad file descriptor\n")


def test_stdout_on_a_full_disk(make_registry: MakeRegistry, tmp_path: Path) -> None:
    # /dev/full made by the test: a file that may not grow at all, so that every write
    # fails (with a larger bound, the kernel's partial write makes Python drop the rest
    # without an error: not what a full device does).
    root = make_registry({"campaigns/x.yaml": BASE_CAMPAIGN})
    for args in (("validate",), ("calendar", "--year", "2020", "-f", "ics"),
                 ("schema",), ("render", "plan", "2020", "-f", "md", "-o", "-")):
        with open(tmp_path / "full", "wb") as stdout:
            result = thidua(root.parent, *args, stdout=stdout, file_size=0)
        assert (result.returncode, result.stderr) == (
            2, "thidua: cannot write the output to stdout: File too large\n"), args


CALENDAR_TOP = ["Calendar of 2020 (9 entries)", "", "January 2020"]


def test_an_ascii_stdout_gets_the_letters_without_marks(make_registry: MakeRegistry) -> None:
    root = make_registry({"campaigns/x.yaml": BASE_CAMPAIGN})
    result = thidua(root.parent, "--lang", "vi", "calendar", "--year", "2020",
                    env={"PYTHONIOENCODING": "ascii"})
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout.splitlines()[:4] == [
        "Lich thi dua nam 2020 (8 muc)", "", "Thang 1/2020",
        "  01/01  T4  Bat dau dot 1 - Lien doan Lao dong quan Ba Dinh 2020"]


def test_a_windows_1258_stdout_keeps_what_it_can(make_registry: MakeRegistry) -> None:
    root = make_registry({"campaigns/x.yaml": BASE_CAMPAIGN})
    result = thidua(root.parent, "--lang", "vi", "validate", env={"PYTHONIOENCODING": "cp1258"},
                    encoding="cp1258")
    assert (result.returncode, result.stderr) == (0, "")
    # Windows-1258 writes "ệ" as "ê" and a combining dot below, as Vietnamese Windows does.
    assert "ê\u0323".encode("cp1258") in result.stdout.encode("cp1258")
    assert unicodedata.normalize("NFC", result.stdout) == "Đã kiểm tra 3 tệp: 0 lỗi, 0 cảnh báo\n"


def test_stderr_that_cannot_be_written_does_not_fail_a_success(make_registry: MakeRegistry,
                                                               tmp_path: Path) -> None:
    root = make_registry({"campaigns/x.yaml": BASE_CAMPAIGN})
    (tmp_path / "read-only").write_text("", encoding="utf-8")
    with open(tmp_path / "read-only", "rb") as stderr:
        result = thidua(root.parent, "render", "plan", "2020", "-f", "md", stderr=stderr)
    assert result.returncode == 0
    assert written(root.parent / "out") == ["ba-dinh-2020-ke-hoach.md"]


# ----------------------------------------------------------------- item 16: odd terminal widths


def in_a_terminal(cwd: Path, *args: str, columns: str) -> list[str]:
    """``thidua ARGS`` with its stdout on a pseudo-terminal: the lines it shows there."""
    import pty

    leader, follower = pty.openpty()
    try:
        result = thidua(cwd, *args, stdout=follower, env={"COLUMNS": columns})
    finally:
        os.close(follower)
    chunks = []
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # EIO: the terminal's other end is closed, all is read
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(leader)
    assert result.returncode in (0, 1), result.stderr
    text = b"".join(chunks).decode("utf-8").replace("\r\n", "\n")
    return re.sub("\x1b\\[[0-9;]*m", "", text).splitlines()  # bold is styling, not text


@pytest.mark.parametrize("columns", ["0", "abc", "-5"])
def test_an_unusable_columns_never_hides_the_problems(make_registry: MakeRegistry,
                                                      columns: str) -> None:
    root = make_registry({"campaigns/x.yaml": BASE_CAMPAIGN.replace("year: 2020", "year: 2021")})
    expected = ['data/campaigns/x.yaml:3:7: error campaign-period: year 2021 does not agree with '
                "the campaign's period (2020-01-01 – 2020-12-31); write 2020 or fix the dates",
                "", "3 files checked: 1 error, 0 warnings"]
    result = thidua(root.parent, "validate", env={"COLUMNS": columns})
    assert (result.returncode, result.stdout.splitlines()) == (1, expected)
    # On the terminal (a pseudo-terminal of no size: 80 columns) the line wraps at words
    # under its own indentation, all of it shown.
    assert in_a_terminal(root.parent, "validate", columns=columns) == [
        "data/campaigns/x.yaml:3:7: error campaign-period: year 2021 does not agree",
        "    with the campaign's period (2020-01-01 – 2020-12-31); write 2020 or fix the",
        "    dates", *expected[1:]]
    # render refuses the one document whose own data has the error, and shows the error.
    result = thidua(root.parent, "render", "plan", "2021", env={"COLUMNS": columns})
    assert result.stderr.splitlines() == [
        *expected[:2], "No plan rendered for ba-dinh-2020: its own data has errors (above)."]


def test_a_narrow_terminal_gets_plain_calendar_lines(make_registry: MakeRegistry) -> None:
    root = make_registry({"campaigns/x.yaml": BASE_CAMPAIGN})
    lines = in_a_terminal(root.parent, "calendar", "--year", "2020", columns="40")
    assert lines[:4] == ["Calendar of 2020 (8 entries)", "", "January 2020",
                         "  01 Jan Wed Start of phase 1 — Liên đoàn Lao động quận Ba Đình 2020"]


# ------------------------------------------------------------ item 17: path components too long

LONG = "a" * 300
TOO_LONG = "name too long: a part of the path is longer than 255 bytes; use a shorter name"


@pytest.mark.parametrize("args, where", [
    (("--registry", LONG, "validate"), "a" * 40 + "…"),
    (("--registry", LONG, "calendar"), "a" * 40 + "…"),
    (("render", "plan", "2020", "-f", "md", "-o", LONG),
     "a" * 40 + "…/ba-dinh-2020-ke-hoach.md"),
    (("render", "plan", "2020", "--templates", LONG), "a" * 40 + "…"),
    (("calendar", "-o", LONG), "a" * 40 + "…"),
    (("schema", "-o", LONG), "a" * 40 + "…"),
], ids=["validate", "calendar-registry", "render-out", "render-templates", "calendar-out",
        "schema-out"])
def test_a_path_component_over_255_bytes(make_registry: MakeRegistry, args: tuple[str, ...],
                                         where: str) -> None:
    root = make_registry({"campaigns/x.yaml": BASE_CAMPAIGN})
    before = files_under(root.parent)
    result = thidua(root.parent, *args)
    assert (result.returncode, result.stdout, result.stderr) == (
        2, "", f"thidua: {where}: {TOO_LONG}\n")
    assert files_under(root.parent) == before


def test_a_folder_to_make_over_255_bytes(make_registry: MakeRegistry) -> None:
    root = make_registry({"campaigns/x.yaml": BASE_CAMPAIGN})
    result = thidua(root.parent, "calendar", "-o", f"x/{LONG}/lich.ics")
    assert (result.returncode, result.stderr) == (
        2, f"thidua: cannot write x/{'a' * 40}…: File name too long\n")
    assert not (root.parent / "x").exists()


def test_init_into_a_path_component_over_255_bytes(tmp_path: Path) -> None:
    result = thidua(tmp_path, "init", LONG)
    assert (result.returncode, result.stderr) == (
        2, f"thidua: cannot write into {'a' * 40}…: File name too long\n")

