"""``thidua rules``: the rules' documentation, and the format page's table against RULES."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from thidua_cli.cli.app import main
from thidua_cli.rules import RULES

FORMAT_PAGE = Path(__file__).resolve().parents[2] / "docs" / "registry-format.md"
RESULTS_PAGE = Path(__file__).resolve().parents[2] / "docs" / "results-format.md"


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def format_table() -> dict[str, str]:
    """rule → severity, from the table "Rules `thidua validate` checks" of the format page.
    A *warning* beside the name makes the rule a warning; one in the description marks a
    case of an error rule that is only a warning (campaign-period)."""
    text = FORMAT_PAGE.read_text(encoding="utf-8")
    section = text.split("## Rules `thidua validate` checks", 1)[1].split("\n## ", 1)[0]
    table = {}
    for line in section.splitlines():
        match = re.match(r"^\| `([a-z-]+)`( \*warning\*)? \|", line)
        if match:
            table[match.group(1)] = "warning" if match.group(2) else "error"
    return table


def results_table() -> dict[str, str]:
    """rule → severity, from the "Rules" table of the results page."""
    section = RESULTS_PAGE.read_text(encoding="utf-8").split("\n## Rules\n", 1)[1]
    return {match.group(1): "warning" if match.group(2) else "error"
            for match in re.finditer(r"^\| `([a-z-]+)`( \*warning\*)? \|", section, re.MULTILINE)}


def test_every_rule_of_the_format_page_is_in_rules_with_its_severity():
    table = format_table()
    assert len(table) == 33
    assert len(results_table()) == 11
    table.update(results_table())
    assert {name: RULES[name].severity.value for name in table} == table
    # The rules beyond the table are documented in the README's choices (file-unreadable)
    # and in its thidua.yaml and suppression section (the settings family).
    extra = set(RULES) - set(table)
    assert "file-unreadable" in extra
    assert extra <= {"file-unreadable", "file-ignored", "config-invalid", "unknown-rule",
                     "unused-suppression"}


def test_every_rule_is_documented_in_both_languages_with_examples():
    for rule in RULES.values():
        for text in (rule.summary.vi, rule.summary.en, rule.why.vi, rule.why.en, rule.bad, rule.good):
            assert text.strip(), rule.name
            if text is not rule.bad:  # not-nfc's failing example is decomposed on purpose
                assert unicodedata.is_normalized("NFC", text), rule.name
        assert rule.bad != rule.good, rule.name


def test_one_rule_in_vietnamese(capsys):
    assert run(capsys, "rules", "phase-length") == (0, (
        "phase-length (cảnh báo)\n"
        '  Phát hiện: "days" khai báo khác độ dài thật của đợt (tính cả hai đầu)\n'
        "  Vì sao: Văn bản nêu “đợt cao điểm 90 ngày” phải khớp với ngày bắt đầu và kết thúc.\n"
        "  Ví dụ sai:\n"
        "    days: 90\n"
        "    start: 2020-05-01\n"
        "    end: 2020-07-31\n"
        "  Ví dụ đúng:\n"
        "    days: 92\n"
        "    start: 2020-05-01\n"
        "    end: 2020-07-31\n"), "")


def test_one_rule_in_english(capsys):
    assert run(capsys, "--lang", "en", "rules", "duplicate-key") == (0, (
        "duplicate-key (error)\n"
        "  Catches: the same key twice in one mapping\n"
        "  Why: YAML silently keeps the later value, so the earlier one is lost unnoticed.\n"
        "  Failing example:\n"
        "    start: 2020-01-01\n"
        "    start: 2020-05-01\n"
        "  Passing example:\n"
        "    start: 2020-01-01\n"
        "    end: 2020-05-01\n"), "")


def test_every_rule_in_order(capsys):
    code, out, err = run(capsys, "rules")
    assert (code, err) == (0, "")
    headers = [line for line in out.splitlines() if line and not line.startswith(" ")]
    assert headers == [f"{rule.name} ({'lỗi' if rule.severity.value == 'error' else 'cảnh báo'})"
                       for rule in RULES.values()]
    assert out.count("\n\n") == len(RULES) - 1


def test_unknown_rule_suggests_the_closest(capsys):
    assert run(capsys, "rules", "phase-gpa") == (
        2, "", 'thidua: không có quy tắc "phase-gpa"; có phải ý bạn là "phase-gap"?\n')
    assert run(capsys, "--lang", "en", "rules", "target-below") == (
        2, "", 'thidua: no rule named "target-below"; did you mean "target-below-parent"?\n')
    assert run(capsys, "--lang", "en", "rules", "zzz") == (
        2, "", 'thidua: no rule named "zzz"; list them with `thidua rules`\n')
