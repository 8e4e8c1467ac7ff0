"""``# thidua:`` comments found in a file's bytes: their lines, names and columns."""

from __future__ import annotations

from thidua_cli.registry import directives
from thidua_cli.registry.directives import Directive


def test_scan_finds_names_and_their_columns():
    raw = ("a: 1  # thidua: disable=phase-gap,phase-length\n"
           "b: 2 #thidua:disable = schema , not-nfc  vì lý do riêng\n"
           "# thidua: disable=schema\n"
           "c: x#thidua: disable=schema\n"          # no space before '#': not a comment
           "d: 3  # thidua: enable=schema\n").encode()
    assert directives.scan(raw) == [
        Directive(1, 7, [("phase-gap", 25), ("phase-length", 35)]),
        Directive(2, 6, [("schema", 24), ("not-nfc", 33)]),
        Directive(3, 1, [("schema", 19)], alone=True),
        Directive(5, 7, [], valid=False),
    ]


def test_scan_counts_columns_in_nfc_text_and_every_kind_of_line_break():
    decomposed = "Ho\u0300a"  # 5 code points, 4 in NFC ("Hòa")
    raw = ("\ufeffa: 1\r\nb: 2\rname: " + decomposed + "  # thidua: disable=not-nfc\n").encode("utf-8")
    assert directives.scan(raw) == [Directive(3, 12, [("not-nfc", 30)])]
    assert directives.scan("a: 1  # thidua: disable=x\n".encode("utf-16")) == []
    assert directives.scan(b"a: \xff  # thidua: disable=x\n") == []
