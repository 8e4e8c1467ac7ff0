"""Inline suppressions: ``# thidua: disable=RULE[,RULE]`` at the end of a line.

```yaml
    days: 90   # thidua: disable=phase-length  (đợt nghỉ Tết không tính)
```

silences those rules for the problems reported on that line. The comment is found in
the bytes the loader has already read (:func:`scan`, called only for a file holding
``thidua:``), without a second YAML parse: a cheap regular expression over the text. A
suppression that silences nothing is an ``unused-suppression`` warning, a rule name that
does not exist an ``unknown-rule`` error at the column of the name (with "did you mean"),
so that a typo never passes for a reviewed exception.

Known limit: a ``#`` after a space inside a quoted string (``title: "a # thidua: …"``) is
taken for a comment too; such a "suppression" then shows as unused.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass, field

from thidua_cli.problems import UNSTAMPED, Location, Problem, Text

MARKER = b"thidua:"
_BOM = "\ufeff"
# YAML comments begin with "#" at the start of a line or after a space; both parsers
# count \r\n, \r, \n, NEL, LS and PS as line breaks, so lines are counted the same way.
_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")
_COMMENT = re.compile(r"(?:^|(?<=[ \t]))#[ \t]*thidua[ \t]*:(?P<body>[^\r\n\x85\u2028\u2029]*)",
                      re.MULTILINE)
_DISABLE = re.compile(r"[ \t]*disable[ \t]*=[ \t]*")
_NAME = re.compile(r"[^\s,#]+")
_SEPARATOR = re.compile(r"[ \t]*,[ \t]*")


@dataclass
class Directive:
    """One ``# thidua:`` comment: its line, the rule names with their columns, and
    whether it stands alone on its line (then it can silence nothing)."""

    line: int
    column: int
    names: list[tuple[str, int]] = field(default_factory=list)
    alone: bool = False
    valid: bool = True


def scan(raw: bytes) -> list[Directive]:
    """Every ``# thidua:`` comment of a file's bytes, 1-based lines and columns in the
    file's NFC text (as the problems are placed). A file that is not UTF-8 has none: its
    encoding problem is the one to fix."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return []
    text = unicodedata.normalize("NFC", text.removeprefix(_BOM))
    breaks = [m.end() for m in _BREAK.finditer(text)]
    directives = []
    for match in _COMMENT.finditer(text):
        start = match.start()
        line = _count_le(breaks, start) + 1
        line_start = breaks[line - 2] if line > 1 else 0
        directive = Directive(line, start - line_start + 1,
                              alone=not text[line_start:start].strip())
        body_at = match.start("body")
        body = match.group("body")
        disable = _DISABLE.match(body)
        if disable is None:
            directive.valid = False
        else:
            at = disable.end()
            while True:
                name = _NAME.match(body, at)
                if name is None:
                    break
                directive.names.append((name.group(), body_at + name.start() - line_start + 1))
                separator = _SEPARATOR.match(body, name.end())
                if separator is None:
                    break  # the rest is the reason, in free words
                at = separator.end()
            directive.valid = bool(directive.names)
        directives.append(directive)
    return directives


def _count_le(breaks: list[int], offset: int) -> int:
    """How many line breaks end at or before ``offset``."""
    return bisect_right(breaks, offset)


def _problem(rule: str, file: str, line: int, column: int, vi: str, en: str) -> Problem:
    return Problem(rule, UNSTAMPED, Location(file, line=line, column=column), Text(vi, en),
                   line=line, column=column)


def apply(found: dict[str, list[Directive]], problems: list[Problem]) -> list[Problem]:
    """The problems left once the suppressed ones are dropped, then the problems of the
    suppressions themselves. ``found`` maps a file's shown name to its directives; the
    problems must be placed already."""
    if not found:
        return problems
    from thidua_cli.hints import did_you_mean
    from thidua_cli.rules import RULES

    on_line: dict[tuple[str, int], set[str]] = {}
    for file, directives in found.items():
        for directive in directives:
            on_line.setdefault((file, directive.line), set()).update(
                name for name, _ in directive.names)
    used: set[tuple[str, int, str]] = set()
    kept = []
    for problem in problems:
        names = on_line.get((problem.file, problem.line))
        if names and problem.rule in names:
            used.add((problem.file, problem.line, problem.rule))
            continue
        kept.append(problem)
    for file, directives in found.items():
        for d in directives:
            if not d.valid:
                kept.append(_problem(
                    "unused-suppression", file, d.line, d.column,
                    'chú thích "# thidua:" không hiểu được nên không tắt gì; '
                    'hãy viết "# thidua: disable=TÊN-QUY-TẮC" ở cuối dòng có lỗi',
                    'the "# thidua:" comment is not understood and silences nothing; '
                    'write "# thidua: disable=RULE-NAME" at the end of the line with the problem'))
                continue
            for name, column in d.names:
                if name not in RULES:
                    hint_vi, hint_en = did_you_mean(name, RULES)
                    kept.append(_problem(
                        "unknown-rule", file, d.line, column,
                        f'không có quy tắc "{name}" nên chú thích không tắt được gì'
                        + (hint_vi or "; xem danh sách bằng `thidua rules`"),
                        f'there is no rule "{name}", so the comment silences nothing'
                        + (hint_en or "; see the list with `thidua rules`")))
                elif (file, d.line, name) not in used:
                    where_vi = ("; chú thích phải ở cuối chính dòng có lỗi" if d.alone
                                else "; nếu lỗi đã được sửa, hãy xóa chú thích")
                    where_en = ("; the comment must end the very line with the problem" if d.alone
                                else "; if the problem was fixed, remove the comment")
                    kept.append(_problem(
                        "unused-suppression", file, d.line, column,
                        f'"disable={name}" không tắt lỗi nào: dòng {d.line} không có lỗi {name}'
                        + where_vi,
                        f'"disable={name}" silences nothing: line {d.line} has no {name} problem'
                        + where_en))
    return kept
