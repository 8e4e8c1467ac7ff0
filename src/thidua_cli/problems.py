"""Problems: what the validator tells a user, each with its place in a file.

A problem is first raised against a *path* inside a YAML document (``("phases", 1,
"end")``) because the rules work on plain data and models, not on text. The
registry loader turns paths into 1-based line and column only for the files that
have problems, so that the fast path never pays for position tracking.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import Enum
from typing import Literal

YamlPath = tuple[str | int, ...]
#: ``key`` points at a mapping key (a missing or unknown field), ``value`` at its value.
Anchor = Literal["key", "value"]


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"


#: The severity a problem made outside the rule engine carries until the engine stamps
#: every problem with its rule's severity from the one table (:func:`thidua_cli.rules.stamp`):
#: reading, suppressions and ``thidua.yaml`` are below the rules and cannot see the table.
UNSTAMPED = Severity.ERROR


@dataclass(frozen=True)
class Text:
    """A user-facing sentence in both languages, already filled in.

    ``{related}`` in either sentence is replaced by the ``file:line:col`` of the
    problem's related place once positions are known.
    """

    vi: str
    en: str

    def get(self, lang: str) -> str:
        return self.en if lang == "en" else self.vi


@dataclass(frozen=True)
class Location:
    """A place in the registry: a file (relative to the registry's parent) and a
    path in its YAML document, or an explicit line/column when the fault is in
    the text itself (syntax, encoding)."""

    file: str
    path: YamlPath = ()
    anchor: Anchor = "value"
    line: int | None = None
    column: int | None = None

    def child(self, *keys: str | int, anchor: Anchor = "value") -> Location:
        return Location(self.file, self.path + keys, anchor)


@dataclass
class Problem:
    rule: str
    severity: Severity
    location: Location
    message: Text
    related: Location | None = None
    # Filled in by the registry's position finder:
    line: int = 0
    column: int = 0
    suppressed: bool = field(default=False, compare=False)
    #: the second severity the rule's table entry declares (campaign-period's yearly check)
    lesser: bool = field(default=False, compare=False)

    @property
    def file(self) -> str:
        return self.location.file

    def text(self, lang: str) -> str:
        return self.message.get(lang)

    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.file, self.line, self.column, self.rule)


#: Characters that must not reach a terminal or a log as they are: C0 controls but Tab,
#: DEL, C1 controls (U+009B is a one-byte CSI), the Unicode line and paragraph separators,
#: the bidirectional overrides that make text read differently from what it is, and the
#: lone surrogates a file name that is not UTF-8 decodes to.
_UNPRINTABLE = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e"
                          "\u2066-\u2069\ud800-\udfff]")


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    named = {"\n": "\\n", "\r": "\\r"}.get(char)
    if named:
        return named
    if 0xDC80 <= ord(char) <= 0xDCFF:  # a byte that was not UTF-8 (surrogateescape)
        return f"\\x{ord(char) - 0xDC00:02x}"
    return f"\\x{ord(char):02x}" if ord(char) < 0x100 else f"\\u{ord(char):04x}"


def printable(text: str) -> str:
    """``text`` on one line with every unprintable character visibly escaped (``\\x1b``,
    ``\\n``): a value or a file name can then neither clear a reviewer's terminal, move
    the cursor nor add lines to a CI log."""
    return _UNPRINTABLE.sub(_escape, text)
