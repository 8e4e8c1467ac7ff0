"""Inline suppressions: ``# thidua: disable=RULE[,RULE]`` at the end of a line.

```yaml
    days: 90   # thidua: disable=phase-length  (đợt nghỉ Tết không tính)
```

silences those rules for the problems reported on that line. The comment is found in
the bytes the loader has already read (:func:`thidua_cli.registry.directives.scan`). A
suppression that silences nothing is an ``unused-suppression`` warning, a rule name that
does not exist an ``unknown-rule`` error at the column of the name (with "did you mean"),
so that a typo never passes for a reviewed exception.
"""

from __future__ import annotations

from thidua_cli.hints import did_you_mean
from thidua_cli.problems import UNSTAMPED, Location, Problem, Text
from thidua_cli.registry.directives import Directive
from thidua_cli.rules import RULES


def _problem(rule: str, file: str, line: int, column: int, vi: str, en: str) -> Problem:
    return Problem(rule, UNSTAMPED, Location(file, line=line, column=column), Text(vi, en),
                   line=line, column=column)


def apply(found: dict[str, list[Directive]], problems: list[Problem]) -> list[Problem]:
    """The problems left once the suppressed ones are dropped, then the problems of the
    suppressions themselves. ``found`` maps a file's shown name to its directives; the
    problems must be placed already."""
    if not found:
        return problems
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
