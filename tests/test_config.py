"""thidua.yaml: rules turned off or re-graded, and every mistake in it located."""

from __future__ import annotations

from tests.conftest import campaign, found, messages
from thidua_cli.problems import Severity
from thidua_cli.validation import validate

C = "data/campaigns/c.yaml"
T = "data/thidua.yaml"
#: a phase-length warning (line 12) and a target-percent-range error (line 23)
PROBLEMS = campaign(**{"    end: 2020-06-30\n": "    end: 2020-06-30\n    days: 90\n",
                       "value: trên 75%": "value: trên 175%"})


def test_without_thidua_yaml_every_rule_keeps_its_severity(make_registry):
    root = make_registry({"campaigns/c.yaml": PROBLEMS})
    assert [(p.rule, p.severity, p.line) for p in validate(root).problems] == [
        ("phase-length", Severity.WARNING, 12), ("target-percent-range", Severity.ERROR, 23)]


def test_off_drops_a_rule_and_error_warning_change_its_severity(make_registry):
    root = make_registry({"campaigns/c.yaml": PROBLEMS, "thidua.yaml": """\
        # cấu hình kiểm tra của sổ đăng ký
        rules:
          phase-length: error
          target-percent-range: warning
        """})
    result = validate(root)
    assert [(p.rule, p.severity, p.file, p.line) for p in result.problems] == [
        ("phase-length", Severity.ERROR, C, 12), ("target-percent-range", Severity.WARNING, C, 23)]
    assert (result.errors, result.warnings) == (1, 1)

    root.joinpath("thidua.yaml").write_text("rules:\n  phase-length: off\n  target-percent-range: OFF\n",
                                            encoding="utf-8")
    result = validate(root)
    assert result.problems == []
    assert result.exit_code(strict=True) == 0


def test_thidua_yaml_is_not_a_registry_file(make_registry):
    root = make_registry({"campaigns/c.yaml": campaign(), "thidua.yaml": "rules: {}\n"})
    result = validate(root)
    assert result.problems == []
    assert result.registry.files == ["data/anniversaries.yaml", "data/units/units.yaml",
                                     "data/campaigns/c.yaml"]


def test_empty_or_comment_only_thidua_yaml_changes_nothing(make_registry):
    for text in ("", "# chưa cấu hình gì\n", "rules:\n"):
        root = make_registry({"campaigns/c.yaml": PROBLEMS, "thidua.yaml": text})
        assert [p.rule for p in validate(root).problems] == ["phase-length", "target-percent-range"]


def test_unknown_rule_with_did_you_mean_and_the_rest_still_applies(make_registry):
    root = make_registry({"campaigns/c.yaml": PROBLEMS, "thidua.yaml": """\
        rules:
          phase-lenght: off
          target-percent-range: off
          no-such-thing: off
        """})
    assert found(root) == [("config-invalid", T, 2, 3), ("config-invalid", T, 4, 3),
                           ("phase-length", C, 12, 11)]
    assert messages(root, "config-invalid") == [
        'không có quy tắc "phase-lenght"; có phải ý bạn là "phase-length"?',
        'không có quy tắc "no-such-thing"; xem danh sách bằng `thidua rules`']
    assert messages(root, "config-invalid", "en") == [
        'there is no rule "phase-lenght"; did you mean "phase-length"?',
        'there is no rule "no-such-thing"; see the list with `thidua rules`']
    assert validate(root).exit_code() == 1


def test_bad_severity_is_located_at_the_value_with_the_allowed_values(make_registry):
    root = make_registry({"campaigns/c.yaml": PROBLEMS, "thidua.yaml": """\
        rules:
          phase-length: tắt
          target-percent-range:
          phase-gap: false
        """})
    assert found(root, "config-invalid") == [("config-invalid", T, 2, 17), ("config-invalid", T, 3, 3),
                                             ("config-invalid", T, 4, 14)]
    assert messages(root, "config-invalid") == [
        'mức độ "tắt" của "phase-length" không hợp lệ; chọn một trong: off, error, warning',
        'mức độ "(trống)" của "target-percent-range" không hợp lệ; chọn một trong: off, error, warning',
        'mức độ "False" của "phase-gap" không hợp lệ; chọn một trong: off, error, warning']
    assert messages(root, "config-invalid", "en")[1] == (
        'severity "(empty)" of "target-percent-range" is not valid; choose one of: off, error, warning')
    # A rule with a wrong setting keeps its own severity.
    assert [p.rule for p in validate(root).problems if p.file == C] == ["phase-length",
                                                                        "target-percent-range"]


def test_unknown_key_and_wrong_shapes(make_registry):
    root = make_registry({"thidua.yaml": "rule:\n  phase-length: off\n"})
    assert found(root) == [("config-invalid", T, 1, 1)]
    assert messages(root, "config-invalid") == [
        'khóa "rule" không có trong thidua.yaml; có phải ý bạn là "rules"?']

    root.joinpath("thidua.yaml").write_text("rules: [phase-length]\n", encoding="utf-8")
    assert found(root) == [("config-invalid", T, 1, 8)]
    assert messages(root, "config-invalid", "en") == [
        '"rules" expects a mapping "rule-name: off | error | warning", one rule a line']

    root.joinpath("thidua.yaml").write_text("- phase-length\n", encoding="utf-8")
    assert found(root) == [("config-invalid", T, 1, 1)]


def test_config_invalid_cannot_be_turned_off(make_registry):
    root = make_registry({"thidua.yaml": "rules:\n  config-invalid: off\n  nope: off\n"})
    assert found(root) == [("config-invalid", T, 2, 3), ("config-invalid", T, 3, 3)]
    assert messages(root, "config-invalid", "en")[0] == (
        '"config-invalid" cannot be turned off or changed: problems of thidua.yaml itself are always reported')


def test_malformed_thidua_yaml_is_a_located_reading_problem(make_registry):
    root = make_registry({"campaigns/c.yaml": PROBLEMS,
                          "thidua.yaml": "rules:\n  phase-length: off\n   phase-gap: error\n"})
    assert found(root) == [("yaml-syntax", T, 3, 4), ("phase-length", C, 12, 11),
                           ("target-percent-range", C, 23, 12)]
    root.joinpath("thidua.yaml").write_text("rules:\n  phase-length: off\n  phase-length: error\n",
                                            encoding="utf-8")
    assert found(root, "duplicate-key") == [("duplicate-key", T, 3, 3)]
    root.joinpath("thidua.yaml").write_bytes(b"rules:\n  phase-length: t\xe9t\n")
    assert found(root, "encoding") == [("encoding", T, 2, 18)]


def test_thidua_yaml_that_is_a_folder(make_registry):
    root = make_registry()
    root.joinpath("thidua.yaml").mkdir()
    assert found(root) == [("file-unreadable", T, 1, 1)]


def test_thidua_yaml_problems_reach_every_output_format(make_registry, capsys, monkeypatch):
    from thidua_cli.cli.app import main

    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    monkeypatch.delenv("GITHUB_WORKSPACE", raising=False)
    root = make_registry({"thidua.yaml": "rules:\n  phase-lenght: off\n"})
    assert main(["--registry", str(root), "--lang", "en", "validate"]) == 1
    assert capsys.readouterr().out == (
        'data/thidua.yaml:2:3: error config-invalid: there is no rule "phase-lenght"; '
        'did you mean "phase-length"?\n'
        "\n"
        "2 files checked: 1 error, 0 warnings\n")
    assert main(["--registry", str(root), "validate", "--format", "github"]) == 1
    assert capsys.readouterr().out.startswith(
        "::error file=data/thidua.yaml,line=2,col=3,title=config-invalid::")
