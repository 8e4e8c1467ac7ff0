"""Problems as text, JSON, GitHub Actions workflow commands or SARIF.

Pure formatting: each function returns the whole output as a string (text
returns Rich markup-free ``Text`` lines so that colour is decided by the console).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from rich.text import Text as RichText

from thidua_cli.problems import Problem, Severity, printable
from thidua_cli.vn import numbers

if TYPE_CHECKING:
    from thidua_cli.rules.base import Rule

FORMAT_VERSION = 1

_SEVERITY = {"vi": {Severity.ERROR: "lỗi", Severity.WARNING: "cảnh báo"},
             "en": {Severity.ERROR: "error", Severity.WARNING: "warning"}}


def summary_line(files: int, errors: int, warnings: int, lang: str) -> str:
    if lang == "en":
        return (f"{files:,} file{'s' if files != 1 else ''} checked: "
                f"{errors:,} error{'s' if errors != 1 else ''}, "
                f"{warnings:,} warning{'s' if warnings != 1 else ''}")
    # Vietnamese groups thousands with a dot: "6.084 tệp".
    files_vi, errors_vi, warnings_vi = (numbers.fixed(n) for n in (files, errors, warnings))
    return f"Đã kiểm tra {files_vi} tệp: {errors_vi} lỗi, {warnings_vi} cảnh báo"


def _one_line(text: str) -> str:
    # A value quoted in a message ("kind: |" block, an id with "\n") or a file name may hold
    # a line break; one problem must stay one line for the editors and CI that parse it.
    # Control characters (a terminal escape in a value or a file name) are shown escaped.
    return printable(text)


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
        place = f"{_one_line(problem.file)}:{problem.line}:{problem.column}: "
        line = RichText(place, style="bold")
        line.append(problem.severity.value, style=style)
        line.append(f" {problem.rule}", style="cyan")
        line.append(f": {_one_line(problem.text(lang))}")
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
    # Line breaks as the workflow-command encoding wants them; any other control
    # character (a terminal escape in a value) visibly escaped, never raw in the CI log.
    return printable(text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _shown(path: str) -> str:
    # As the loader shows names: bytes that are not UTF-8 as \xNN, so output stays UTF-8.
    return path.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def github_annotations(problems: Sequence[Problem], lang: str,
                       paths: Mapping[str, str] | None = None) -> list[str]:
    """One ``::error file=…,line=…,col=…,title=RULE::message`` workflow command a problem.

    ``paths`` maps a problem's file (as shown) to its path from the repository root,
    which is what GitHub matches against the pull request's files.
    """
    lines = []
    for p in problems:
        command = "error" if p.severity is Severity.ERROR else "warning"
        file = _shown((paths or {}).get(p.file, p.file))
        lines.append(f"::{command} file={_escape_property(file)},line={p.line},col={p.column},"
                     f"title={_escape_property(p.rule)}::{_escape_data(p.text(lang))}")
    return lines


def to_github(problems: Sequence[Problem], files: int, lang: str,
              paths: Mapping[str, str] | None = None) -> str:
    """GitHub Actions workflow commands, so that problems show on the pull request's lines."""
    lines = github_annotations(problems, lang, paths)
    errors = sum(1 for p in problems if p.severity is Severity.ERROR)
    lines.append(summary_line(files, errors, len(problems) - errors, lang))
    return "\n".join(lines)


# --------------------------------------------------------------------------- SARIF

SARIF_VERSION = "2.1.0"
SARIF_SCHEMA = ("https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/"
                "sarif-schema-2.1.0.json")
#: The base of every artifact URI: the repository's root (GitHub code scanning resolves
#: it to the checkout).
SARIF_BASE = "%SRCROOT%"
_SARIF_LEVEL = {"error": "error", "warning": "warning"}


def _sarif_rule(rule: Rule, lang: str) -> dict[str, Any]:
    from thidua_cli.rule_docs import describe

    return {
        "id": rule.name,
        "shortDescription": {"text": rule.summary.get(lang)},
        "fullDescription": {"text": rule.why.get(lang)},
        "help": {"text": "\n".join(describe(rule, lang))},
        "defaultConfiguration": {"level": _SARIF_LEVEL.get(rule.severity.value, "note")},
    }


def to_sarif(problems: Sequence[Problem], lang: str,
             paths: Mapping[str, str] | None = None) -> str:
    """SARIF 2.1.0 (GitHub code scanning): ``ruleId`` is the rule name.

    ``paths`` maps a problem's file (as shown) to its path from the repository root;
    a file not in it is taken as already relative to that root.
    """
    from urllib.parse import quote

    from thidua_cli import __version__
    from thidua_cli.rules import RULES

    descriptors = [_sarif_rule(rule, lang) for rule in RULES.values()]
    index = {rule: i for i, rule in enumerate(RULES)}
    for p in problems:
        if p.rule not in index:  # a rule outside RULES (configuration, suppressions)
            index[p.rule] = len(descriptors)
            descriptors.append({"id": p.rule, "shortDescription": {"text": p.rule}})
    results = []
    for p in problems:
        result: dict[str, Any] = {
            "ruleId": p.rule,
            "ruleIndex": index[p.rule],
            "level": _SARIF_LEVEL.get(p.severity.value, "note"),
            "message": {"text": p.text(lang)},
        }
        if p.file:
            # A name that is not UTF-8 on disk keeps its bytes (surrogate escapes) in
            # ``paths``: the URI percent-encodes those very bytes.
            uri = quote((paths or {}).get(p.file, p.file), safe="/", errors="surrogateescape")
            physical: dict[str, Any] = {"artifactLocation": {"uri": uri, "uriBaseId": SARIF_BASE}}
            if p.line >= 1:
                physical["region"] = {"startLine": p.line, "startColumn": max(p.column, 1)}
            result["locations"] = [{"physicalLocation": physical}]
        results.append(result)
    document = {
        "$schema": SARIF_SCHEMA,
        "version": SARIF_VERSION,
        "runs": [{
            "tool": {"driver": {"name": "thidua", "version": __version__,
                                "semanticVersion": __version__, "rules": descriptors}},
            # Columns count characters, as the text output does (YAML marks count code points).
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    }
    return json.dumps(document, ensure_ascii=False, indent=2)


# --------------------------------------------------------------------------- by name

#: ``reporter(problems, files, lang, paths, in_github_actions)``: the lines to print.
#: ``paths()`` gives each shown name's path in the repository (computed only when needed).
Reporter = Callable[[Sequence[Problem], int, str, Callable[[], Mapping[str, str]], bool],
                    list["RichText | str"]]


def _text_report(problems: Sequence[Problem], files: int, lang: str,
                 paths: Callable[[], Mapping[str, str]], in_github_actions: bool
                 ) -> list[RichText | str]:
    lines: list[RichText | str] = list(text_lines(problems, files, lang))
    if in_github_actions:
        # Under GitHub Actions the problems also show on the pull request's lines,
        # without a workflow change: the annotations follow the normal text.
        lines.extend(github_annotations(problems, lang, paths()))
    return lines


def _json_report(problems: Sequence[Problem], files: int, lang: str,
                 paths: Callable[[], Mapping[str, str]], in_github_actions: bool
                 ) -> list[RichText | str]:
    return [to_json(problems, files, lang)]


def _github_report(problems: Sequence[Problem], files: int, lang: str,
                   paths: Callable[[], Mapping[str, str]], in_github_actions: bool
                   ) -> list[RichText | str]:
    return [to_github(problems, files, lang, paths())]


def _sarif_report(problems: Sequence[Problem], files: int, lang: str,
                  paths: Callable[[], Mapping[str, str]], in_github_actions: bool
                  ) -> list[RichText | str]:
    return [to_sarif(problems, lang, paths())]


#: ``validate --format`` → its reporter.
REPORTERS: dict[str, Reporter] = {"text": _text_report, "json": _json_report,
                                  "github": _github_report, "sarif": _sarif_report}
