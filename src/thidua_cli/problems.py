"""Problems: what the validator tells a user, each with its place in a file.

A problem is first raised against a *path* inside a YAML document (``("phases", 1,
"end")``) because the rules work on plain data and models, not on text. The
registry loader turns paths into 1-based line and column only for the files that
have problems, so that the fast path never pays for position tracking.
"""

from __future__ import annotations

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
