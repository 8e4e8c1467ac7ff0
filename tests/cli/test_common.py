"""The consoles every command prints through (cli/common.py)."""

from __future__ import annotations

import io

from rich.console import Console

from thidua_cli.cli.common import _wrapping

LINE = ("Đã báo cáo: 0/2 đơn vị; chưa báo cáo: Công đoàn Cơ quan Đảng ủy Khối các Cơ quan "
        "Thành phố, Công đoàn Sở Tư pháp Thành phố")


def test_a_message_wraps_at_words_on_a_terminal():
    # The terminal's own wrap would cut at column 80: "… Khối các Cơ quan" / " Thành phố".
    console = _wrapping(Console(file=io.StringIO(), force_terminal=True, width=80, color_system=None))
    console.print(LINE, markup=False)
    assert console.file.getvalue() == (
        "Đã báo cáo: 0/2 đơn vị; chưa báo cáo: Công đoàn Cơ quan Đảng ủy Khối các Cơ quan\n"
        "Thành phố, Công đoàn Sở Tư pháp Thành phố\n")


def test_a_message_stays_one_line_in_a_pipe():
    console = _wrapping(Console(file=io.StringIO(), force_terminal=False, width=80))
    console.print(LINE, markup=False)
    assert console.file.getvalue() == LINE + "\n"
