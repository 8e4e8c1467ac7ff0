"""The progress bar: only on a terminal, only after a second, erased when done."""

from __future__ import annotations

import io

from rich.console import Console

from thidua_cli.cli.common import Settings
from thidua_cli.cli.progress import ProgressBar


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def settings(terminal: bool, lang: str = "vi") -> tuple[Settings, io.StringIO]:
    stream = io.StringIO()
    err = Console(file=stream, force_terminal=terminal, width=100, color_system=None)
    return Settings(lang=lang, registry=None, _err=err), stream  # type: ignore[arg-type]


def test_nothing_on_a_pipe_however_long_it_takes():
    s, stream = settings(terminal=False)
    clock = Clock()
    with ProgressBar(s, clock) as progress:
        clock.now += 60
        for done in range(11):
            progress("read", done, 10)
    assert stream.getvalue() == ""


def test_nothing_for_work_shorter_than_a_second():
    s, stream = settings(terminal=True)
    clock = Clock()
    with ProgressBar(s, clock) as progress:
        for done in range(11):
            clock.now += 0.09
            progress("read", done, 10)
    assert stream.getvalue() == ""


def test_a_bar_per_stage_once_past_a_second_then_erased():
    s, stream = settings(terminal=True)
    clock = Clock()
    with ProgressBar(s, clock) as progress:
        clock.now += 1.5
        for done in range(11):
            progress("read", done, 10)
        progress("check", 10, 10)
    drawn = stream.getvalue()
    assert "Đang đọc tệp" in drawn and "10/10" in drawn
    assert "Đang kiểm tra quy tắc" in drawn
    # One bar for the job: the next stage takes over the same line, never a second bar.
    # Transient: the last thing written moves the cursor back up over the bar's one line
    # and erases it (CSI 1A, CSI 2K), so nothing of it stays on the screen.
    assert drawn.endswith("\n\x1b[?25h\r\x1b[1A\x1b[2K")


def test_english_stage_names():
    s, stream = settings(terminal=True, lang="en")
    clock = Clock()
    with ProgressBar(s, clock) as progress:
        clock.now += 2
        progress("read", 3, 4)
        progress("render", 1, 2)
    assert "Reading files" in stream.getvalue()
    assert "Rendering and writing documents" in stream.getvalue()


def test_updates_are_throttled_but_the_last_one_always_lands():
    s, _ = settings(terminal=True)
    clock = Clock()
    with ProgressBar(s, clock) as progress:
        clock.now += 2
        progress("read", 1, 1000)
        for done in range(2, 1000):
            progress("read", done, 1000)  # within 0.1 s of the first: skipped
        bar = progress._bar
        assert bar is not None and bar.tasks[0].completed == 1
        progress("read", 1000, 1000)
        assert bar.tasks[0].completed == 1000
