"""report.to_sarif and report.github_annotations on hand-made problems: the cases a real
registry rarely produces (no position, no file, a rule outside RULES, odd file names)."""

from __future__ import annotations

import json

from tests.cli.test_validate_sarif import check_sarif
from thidua_cli import report
from thidua_cli.problems import Location, Problem, Severity, Text
from thidua_cli.rules import RULES


def problem(rule: str, file: str, line: int = 0, column: int = 0,
            severity: Severity = Severity.ERROR) -> Problem:
    return Problem(rule, severity, Location(file), Text("thông báo", "message"),
                   line=line, column=column)


def test_a_problem_without_a_position_has_no_region():
    log = check_sarif(report.to_sarif([problem("schema", "data/units/a.yaml")], "en"))
    assert log["runs"][0]["results"] == [{
        "ruleId": "schema", "ruleIndex": list(RULES).index("schema"), "level": "error",
        "message": {"text": "message"},
        "locations": [{"physicalLocation": {
            "artifactLocation": {"uri": "data/units/a.yaml", "uriBaseId": "%SRCROOT%"}}}]}]


def test_a_problem_without_a_file_has_no_location():
    log = check_sarif(report.to_sarif([problem("schema", "")], "vi"))
    assert log["runs"][0]["results"] == [{
        "ruleId": "schema", "ruleIndex": list(RULES).index("schema"), "level": "error",
        "message": {"text": "thông báo"}}]


def test_a_rule_outside_rules_gets_a_descriptor():
    # thidua.yaml and suppression comments now have rules in RULES; a name outside it still
    # gets a descriptor rather than a broken ruleIndex.
    log = check_sarif(report.to_sarif(
        [problem("made-up-rule", "data/c.yaml", 3, 5, Severity.WARNING)], "en"))
    rules = log["runs"][0]["tool"]["driver"]["rules"]
    assert len(rules) == len(RULES) + 1
    assert rules[-1] == {"id": "made-up-rule",
                         "shortDescription": {"text": "made-up-rule"}}
    assert log["runs"][0]["results"][0]["ruleIndex"] == len(RULES)
    assert log["runs"][0]["results"][0]["level"] == "warning"


def test_paths_map_shown_names_to_repository_paths():
    # A name that is not UTF-8 on disk reaches report as surrogate escapes: the URI
    # percent-encodes its bytes, the annotation shows them as \xNN.
    problems = [problem("schema", "data/units/\\xff.yaml", 1, 1)]
    paths = {"data/units/\\xff.yaml": "so dang ky/data/units/\udcff.yaml"}
    log = check_sarif(report.to_sarif(problems, "en", paths))
    location = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "so%20dang%20ky/data/units/%FF.yaml"
    assert report.github_annotations(problems, "en", paths) == [
        "::error file=so dang ky/data/units/\\xff.yaml,line=1,col=1,title=schema::message"]


def test_sarif_is_utf8_json_with_vietnamese_as_is():
    text = report.to_sarif([problem("schema", "data/đơn vị.yaml", 2, 3)], "vi")
    assert "thông báo" in text
    assert json.loads(text)["runs"][0]["results"][0]["locations"][0]["physicalLocation"][
        "artifactLocation"]["uri"] == "data/%C4%91%C6%A1n%20v%E1%BB%8B.yaml"


def test_summary_groups_thousands_the_vietnamese_way():
    assert report.summary_line(136143, 1200, 1, "vi") == "Đã kiểm tra 136.143 tệp: 1.200 lỗi, 1 cảnh báo"
    assert report.summary_line(136143, 1200, 1, "en") == "136,143 files checked: 1,200 errors, 1 warning"
    assert report.summary_line(1, 0, 0, "en") == "1 file checked: 0 errors, 0 warnings"
