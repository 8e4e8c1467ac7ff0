"""Problems as text, JSON or GitHub Actions workflow commands.

Pure formatting: each function returns the whole output as a string (text
returns Rich markup-free ``Text`` lines so that colour is decided by the console).
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from rich.text import Text as RichText

from thidua_cli.problems import Problem, Severity

FORMAT_VERSION = 1

_SEVERITY = {"vi": {Severity.ERROR: "lỗi", Severity.WARNING: "cảnh báo"},
             "en": {Severity.ERROR: "error", Severity.WARNING: "warning"}}


def summary_line(files: int, errors: int, warnings: int, lang: str) -> str:
    if lang == "en":
        return (f"{files} file{'s' if files != 1 else ''} checked: "
                f"{errors} error{'s' if errors != 1 else ''}, "
                f"{warnings} warning{'s' if warnings != 1 else ''}")
    return f"Đã kiểm tra {files} tệp: {errors} lỗi, {warnings} cảnh báo"


def text_lines(problems: Sequence[Problem], files: int, lang: str) -> list[RichText]:
    """``FILE:LINE:COL: error RULE: message``, a blank line between files, then the summary.

    The severity word stays ``error``/``warning`` in both languages: editors and CI
    tools parse this line, and translating the word would break their matchers.
    """
    lines: list[RichText] = []
    current = None
    for problem in problems:
        if current is not None and problem.file != current:
            lines.append(RichText(""))
        current = problem.file
        style = "bold red" if problem.severity is Severity.ERROR else "yellow"
        line = RichText(f"{problem.file}:{problem.line}:{problem.column}: ", style="bold")
        line.append(problem.severity.value, style=style)
        line.append(f" {problem.rule}", style="cyan")
        line.append(f": {problem.text(lang)}")
        lines.append(line)
    errors = sum(1 for p in problems if p.severity is Severity.ERROR)
    warnings = len(problems) - errors
    if lines:
        lines.append(RichText(""))
    style = "bold red" if errors else ("yellow" if warnings else "bold green")
    lines.append(RichText(summary_line(files, errors, warnings, lang), style=style))
    return lines


def to_json(problems: Sequence[Problem], files: int, lang: str) -> str:
    errors = sum(1 for p in problems if p.severity is Severity.ERROR)
    document = {
        "version": FORMAT_VERSION,
        "problems": [
            {"rule": p.rule, "severity": p.severity.value, "file": p.file, "line": p.line,
             "column": p.column, "message": p.text(lang)}
            for p in problems
        ],
        "summary": {"files": files, "errors": errors, "warnings": len(problems) - errors},
    }
    return json.dumps(document, ensure_ascii=False, indent=2)


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def to_github(problems: Sequence[Problem], files: int, lang: str) -> str:
    """GitHub Actions workflow commands, so that problems show on the pull request's lines."""
    lines = []
    for p in problems:
        command = "error" if p.severity is Severity.ERROR else "warning"
        lines.append(f"::{command} file={_escape_property(p.file)},line={p.line},col={p.column},"
                     f"title={_escape_property(p.rule)}::{_escape_data(p.text(lang))}")
    errors = sum(1 for p in problems if p.severity is Severity.ERROR)
    lines.append(summary_line(files, errors, len(problems) - errors, lang))
    return "\n".join(lines)
