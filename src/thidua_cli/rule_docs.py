"""A rule's documentation as plain text, from the rule itself (``thidua rules``, SARIF help)."""

from __future__ import annotations

from thidua_cli.rules.base import Rule

_WORDS = {
    "vi": {"error": "lỗi", "warning": "cảnh báo", "catches": "Phát hiện", "why": "Vì sao",
           "bad": "Ví dụ sai", "good": "Ví dụ đúng"},
    "en": {"error": "error", "warning": "warning", "catches": "Catches", "why": "Why",
           "bad": "Failing example", "good": "Passing example"},
}


def describe(rule: Rule, lang: str) -> list[str]:
    """Name and severity, what it catches, why it matters, and a failing and a passing
    example (indented YAML), one line each."""
    words = _WORDS["en" if lang == "en" else "vi"]
    lines = [f"{rule.name} ({words[rule.severity.value]})",
             f"  {words['catches']}: {rule.summary.get(lang)}",
             f"  {words['why']}: {rule.why.get(lang)}"]
    for key, example in (("bad", rule.bad), ("good", rule.good)):
        if example:
            lines.append(f"  {words[key]}:")
            lines.extend(f"    {line}" for line in example.splitlines())
    return lines
