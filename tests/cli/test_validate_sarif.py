"""``thidua validate --format sarif`` against the official SARIF 2.1.0 schema, and the
GitHub annotations ``thidua validate`` adds by itself under GitHub Actions.

tests/schemas/sarif-schema-2.1.0.json is the OASIS SARIF 2.1.0 (errata 01) JSON schema,
byte for byte (its sha256 is checked below), vendored because tests have no network.
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import jsonschema
import pytest

from tests.conftest import campaign
from thidua_cli.cli.app import main
from thidua_cli.rules import RULES

SARIF_SCHEMA_FILE = Path(__file__).resolve().parents[1] / "schemas" / "sarif-schema-2.1.0.json"
SARIF_SCHEMA_SHA256 = "c3b4bb2d6093897483348925aaa73af03b3e3f4bd4ca38cef26dcb4212a2682e"
#: RFC 3986 URI-reference characters, with % only as a percent-encoding (the schema's
#: "uri-reference" format is not checked by jsonschema without an extra package).
URI_REFERENCE = re.compile(r"^(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/?#]|%[0-9A-Fa-f]{2})*$")

BAD = campaign(**{"cong-doan-viet-nam: 91": "cong-doan-viet-nam: 90",
                  "start: 2020-07-01": "start: 2020-07-03"})


@pytest.fixture(autouse=True)
def not_on_github(monkeypatch):
    for name in ("GITHUB_ACTIONS", "GITHUB_WORKSPACE"):
        monkeypatch.delenv(name, raising=False)


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def check_sarif(text: str) -> dict:
    """The parsed log, after validating it against the official schema."""
    schema = json.loads(SARIF_SCHEMA_FILE.read_text(encoding="utf-8"))
    log = json.loads(text)
    validator_class = jsonschema.validators.validator_for(schema)
    validator_class.check_schema(schema)
    validator = validator_class(schema, format_checker=validator_class.FORMAT_CHECKER)
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(log)]
    assert errors == []
    for result in log["runs"][0]["results"]:
        for location in result.get("locations", []):
            assert URI_REFERENCE.match(location["physicalLocation"]["artifactLocation"]["uri"])
    return log


def test_the_vendored_schema_is_the_official_one():
    data = SARIF_SCHEMA_FILE.read_bytes()
    assert hashlib.sha256(data).hexdigest() == SARIF_SCHEMA_SHA256
    schema = json.loads(data)
    assert schema["id"] == ("https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/"
                            "sarif-schema-2.1.0.json")


def test_problems_as_sarif(make_registry, capsys):
    root = make_registry({"campaigns/c.yaml": BAD})
    code, out, err = run(capsys, "--registry", str(root), "--lang", "en", "validate",
                         "--format", "sarif")
    assert (code, err) == (1, "")
    log = check_sarif(out)
    assert log["version"] == "2.1.0"
    assert log["$schema"] == ("https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/"
                              "schemas/sarif-schema-2.1.0.json")
    run_ = log["runs"][0]
    assert run_["columnKind"] == "unicodeCodePoints"
    driver = run_["tool"]["driver"]
    assert (driver["name"], driver["version"]) == ("thidua", "0.1.0")
    assert [rule["id"] for rule in driver["rules"]] == list(RULES)
    gap = driver["rules"][list(RULES).index("phase-gap")]
    assert gap == {
        "id": "phase-gap",
        "shortDescription": {"text": "days of the campaign covered by no phase"},
        "fullDescription": {"text": "Usually a typo in a date; if deliberate, suppress the rule "
                                    "on that line."},
        "help": {"text": (
            "phase-gap (warning)\n"
            "  Catches: days of the campaign covered by no phase\n"
            "  Why: Usually a typo in a date; if deliberate, suppress the rule on that line.\n"
            "  Failing example:\n"
            "    - {number: 1, start: 2020-01-01, end: 2020-04-29}\n"
            "    - {number: 2, start: 2020-05-01, end: 2020-12-31}\n"
            "  Passing example:\n"
            "    - {number: 1, start: 2020-01-01, end: 2020-04-30}\n"
            "    - {number: 2, start: 2020-05-01, end: 2020-12-31}")},
        "defaultConfiguration": {"level": "warning"},
    }
    assert run_["results"] == [
        {"ruleId": "phase-gap", "ruleIndex": list(RULES).index("phase-gap"), "level": "warning",
         "message": {"text": "2 days of the campaign are covered by no phase: "
                             "2020-07-01–2020-07-02"},
         "locations": [{"physicalLocation": {
             "artifactLocation": {"uri": "data/campaigns/c.yaml", "uriBaseId": "%SRCROOT%"},
             "region": {"startLine": 15, "startColumn": 12}}}]},
        {"ruleId": "anniversary-ordinal", "ruleIndex": list(RULES).index("anniversary-ordinal"),
         "level": "error",
         "message": {"text": "2020 marks 91 years of Ngày thành lập Công đoàn Việt Nam "
                             "(1929-07-28 – 2020-07-28), not 90; write 91"},
         "locations": [{"physicalLocation": {
             "artifactLocation": {"uri": "data/campaigns/c.yaml", "uriBaseId": "%SRCROOT%"},
             "region": {"startLine": 18, "startColumn": 27}}}]},
    ]


def test_vietnamese_by_default(make_registry, capsys):
    root = make_registry({"campaigns/c.yaml": BAD})
    _, out, _ = run(capsys, "--registry", str(root), "validate", "--format", "sarif")
    log = check_sarif(out)
    assert log["runs"][0]["tool"]["driver"]["rules"][0]["shortDescription"] == {
        "text": "tệp không phải YAML hợp lệ"}
    assert log["runs"][0]["results"][1]["message"]["text"].startswith(
        "năm 2020 là kỷ niệm 91 năm Ngày thành lập Công đoàn Việt Nam")


def test_clean_registry_exits_0_with_no_results(make_registry, capsys):
    root = make_registry({"campaigns/c.yaml": campaign()})
    code, out, err = run(capsys, "--registry", str(root), "validate", "--format", "sarif")
    assert (code, err) == (0, "")
    assert check_sarif(out)["runs"][0]["results"] == []


def test_warnings_only_exit_0_or_1_under_strict(make_registry, capsys):
    root = make_registry({"campaigns/c.yaml": campaign(**{"start: 2020-07-01": "start: 2020-07-03"})})
    assert run(capsys, "--registry", str(root), "validate", "--format", "sarif")[0] == 0
    assert run(capsys, "--registry", str(root), "validate", "--format", "sarif", "--strict")[0] == 1


def test_no_registry_exits_2(tmp_path, capsys):
    code, out, _ = run(capsys, "--registry", str(tmp_path / "none"), "validate", "--format", "sarif")
    assert (code, out) == (2, "")


def test_uris_are_relative_to_the_repository_root(tmp_path, make_registry, capsys):
    # The registry lives in a sub-folder of a git repository: GitHub needs the path from
    # the repository's root, not from the registry's parent.
    (tmp_path / ".git").mkdir()
    nested = tmp_path / "to chuc" / "sổ"
    nested.mkdir(parents=True)
    root = make_registry({"campaigns/c.yaml": BAD})
    root.rename(nested / "data")
    code, out, _ = run(capsys, "--registry", str(nested / "data"), "validate", "--format", "sarif")
    assert code == 1
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
            for r in check_sarif(out)["runs"][0]["results"]}
    assert uris == {"to%20chuc/s%E1%BB%95/data/campaigns/c.yaml"}


def test_github_workspace_is_the_root(tmp_path, make_registry, capsys, monkeypatch):
    monkeypatch.setenv("GITHUB_WORKSPACE", str(tmp_path.parent))
    root = make_registry({"campaigns/c.yaml": BAD})
    _, out, _ = run(capsys, "--registry", str(root), "validate", "--format", "sarif")
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
            for r in check_sarif(out)["runs"][0]["results"]}
    assert uris == {f"{tmp_path.name}/data/campaigns/c.yaml"}


def test_a_file_level_problem_and_a_broken_file(make_registry, capsys):
    root = make_registry({"campaigns/c.yaml": "id: [\n", "campaigns/d.yaml": b"\xff\xfei\x00d\x00"})
    code, out, _ = run(capsys, "--registry", str(root), "--lang", "en", "validate",
                       "--format", "sarif")
    assert code == 1
    results = check_sarif(out)["runs"][0]["results"]
    assert [(r["ruleId"], r["locations"][0]["physicalLocation"]["region"]) for r in results] == [
        ("yaml-syntax", {"startLine": 2, "startColumn": 1}),
        ("encoding", {"startLine": 1, "startColumn": 1})]


# --------------------------------------------------------------------------- GitHub Actions

def test_annotations_follow_the_text_under_github_actions(make_registry, capsys, monkeypatch):
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    root = make_registry({"campaigns/c.yaml": BAD})
    code, out, err = run(capsys, "--registry", str(root), "--lang", "en", "validate")
    assert (code, err) == (1, "")
    assert out == (
        "data/campaigns/c.yaml:15:12: warning phase-gap: 2 days of the campaign are covered by no "
        "phase: 2020-07-01–2020-07-02\n"
        "data/campaigns/c.yaml:18:27: error anniversary-ordinal: 2020 marks 91 years of Ngày "
        "thành lập Công đoàn Việt Nam (1929-07-28 – 2020-07-28), not 90; write 91\n"
        "\n"
        "3 files checked: 1 error, 1 warning\n"
        "::warning file=data/campaigns/c.yaml,line=15,col=12,title=phase-gap::2 days of the "
        "campaign are covered by no phase: 2020-07-01–2020-07-02\n"
        "::error file=data/campaigns/c.yaml,line=18,col=27,title=anniversary-ordinal::2020 marks "
        "91 years of Ngày thành lập Công đoàn Việt Nam (1929-07-28 – 2020-07-28), not 90; "
        "write 91\n")


def test_annotation_paths_start_at_the_workspace(make_registry, capsys, monkeypatch, tmp_path):
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    monkeypatch.setenv("GITHUB_WORKSPACE", str(tmp_path.parent))
    root = make_registry({"campaigns/c.yaml": BAD})
    _, out, _ = run(capsys, "--registry", str(root), "validate")
    annotations = [line for line in out.splitlines() if line.startswith("::")]
    assert [line.split(",")[0] for line in annotations] == [
        f"::warning file={tmp_path.name}/data/campaigns/c.yaml",
        f"::error file={tmp_path.name}/data/campaigns/c.yaml"]


def test_no_annotations_outside_github_actions(make_registry, capsys, monkeypatch):
    monkeypatch.setenv("GITHUB_ACTIONS", "false")
    root = make_registry({"campaigns/c.yaml": BAD})
    _, out, _ = run(capsys, "--registry", str(root), "validate")
    assert "::" not in out
    assert out.endswith("Đã kiểm tra 3 tệp: 1 lỗi, 1 cảnh báo\n")


def test_machine_formats_stay_clean_under_github_actions(make_registry, capsys, monkeypatch):
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    root = make_registry({"campaigns/c.yaml": BAD})
    _, out, _ = run(capsys, "--registry", str(root), "validate", "--format", "json")
    assert json.loads(out)["summary"] == {"files": 3, "errors": 1, "warnings": 1}
    _, out, _ = run(capsys, "--registry", str(root), "validate", "--format", "sarif")
    assert len(check_sarif(out)["runs"][0]["results"]) == 2
    _, out, _ = run(capsys, "--registry", str(root), "validate", "--format", "github")
    assert [line[:9] for line in out.splitlines()] == ["::warning", "::error f", "Đã kiểm t"]


def test_clean_registry_under_github_actions_adds_nothing(make_registry, capsys, monkeypatch):
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    root = make_registry({"campaigns/c.yaml": campaign()})
    assert run(capsys, "--registry", str(root), "validate") == (
        0, "Đã kiểm tra 3 tệp: 0 lỗi, 0 cảnh báo\n", "")
