"""``# thidua: disable=RULE[,RULE]``: silencing a line, and the suppressions' own problems."""

from __future__ import annotations

from tests.conftest import campaign, found, messages
from thidua_cli.validation import validate

C = "data/campaigns/c.yaml"
DAYS = "    end: 2020-06-30\n"  # phase 1's end; a "days: 90" after it is a phase-length warning (line 12)
BAD_VALUE = "value: trên 75%"   # line 22; "trên 175%" is a target-percent-range error at column 12


def with_days(comment: str = "") -> str:
    return campaign(**{DAYS: f"{DAYS}    days: 90{comment}\n"})


def test_a_suppression_silences_its_rule_on_its_line(make_registry):
    root = make_registry({"campaigns/c.yaml": with_days()})
    assert found(root) == [("phase-length", C, 12, 11)]
    root = make_registry({"campaigns/c.yaml": with_days("   # thidua: disable=phase-length")})
    result = validate(root)
    assert result.problems == []
    assert result.exit_code(strict=True) == 0


def test_only_the_named_rules_and_only_on_that_line(make_registry):
    text = campaign(**{DAYS: f"{DAYS}    days: 90  # thidua: disable=schema\n",
                       BAD_VALUE: "value: trên 175%  # thidua: disable=phase-length"})
    root = make_registry({"campaigns/c.yaml": text})
    assert found(root) == [("phase-length", C, 12, 11), ("unused-suppression", C, 12, 33),
                           ("target-percent-range", C, 23, 12), ("unused-suppression", C, 23, 41)]
    assert messages(root, "unused-suppression") == [
        '"disable=schema" không tắt lỗi nào: dòng 12 không có lỗi schema; '
        "nếu lỗi đã được sửa, hãy xóa chú thích",
        '"disable=phase-length" không tắt lỗi nào: dòng 23 không có lỗi phase-length; '
        "nếu lỗi đã được sửa, hãy xóa chú thích"]


def test_two_rules_in_one_comment_each_judged_alone(make_registry):
    text = campaign(**{BAD_VALUE: "value: trên 175%  # thidua: disable=target-percent-range, phase-gap"})
    root = make_registry({"campaigns/c.yaml": text})
    assert found(root) == [("unused-suppression", C, 22, 63)]
    assert messages(root, "unused-suppression", "en") == [
        '"disable=phase-gap" silences nothing: line 22 has no phase-gap problem; '
        "if the problem was fixed, remove the comment"]


def test_a_comment_on_its_own_line_says_where_it_belongs(make_registry):
    text = campaign(**{DAYS: f"{DAYS}    # thidua: disable=phase-length\n    days: 90\n"})
    root = make_registry({"campaigns/c.yaml": text})
    assert found(root) == [("unused-suppression", C, 12, 23), ("phase-length", C, 13, 11)]
    assert messages(root, "unused-suppression", "en") == [
        '"disable=phase-length" silences nothing: line 12 has no phase-length problem; '
        "the comment must end the very line with the problem"]


def test_unknown_rule_at_the_column_of_its_name_with_did_you_mean(make_registry):
    root = make_registry({"campaigns/c.yaml": with_days("  # thidua: disable=phase-lenght,nope")})
    assert found(root) == [("phase-length", C, 12, 11), ("unknown-rule", C, 12, 33),
                           ("unknown-rule", C, 12, 46)]
    assert messages(root, "unknown-rule") == [
        'không có quy tắc "phase-lenght" nên chú thích không tắt được gì; '
        'có phải ý bạn là "phase-length"?',
        'không có quy tắc "nope" nên chú thích không tắt được gì; xem danh sách bằng `thidua rules`']
    assert validate(root).exit_code() == 1


def test_a_comment_that_is_not_understood(make_registry):
    root = make_registry({"campaigns/c.yaml": with_days("  # thidua: disabel=phase-length")})
    assert found(root) == [("phase-length", C, 12, 11), ("unused-suppression", C, 12, 15)]
    assert messages(root, "unused-suppression") == [
        'chú thích "# thidua:" không hiểu được nên không tắt gì; '
        'hãy viết "# thidua: disable=TÊN-QUY-TẮC" ở cuối dòng có lỗi']


def test_reading_problems_can_be_silenced_too(make_registry):
    title = "title: Phát động phong trào thi đua năm 2020"
    pasted = "title: Pha\u0301t đô\u0323ng phong trào thi đua năm 2020"  # decomposed, from a PDF
    root = make_registry({"campaigns/c.yaml": campaign(**{title: pasted})})
    assert found(root) == [("not-nfc", C, 5, 10)]
    root = make_registry({"campaigns/c.yaml": campaign(**{title: pasted + "  # thidua: disable=not-nfc"})})
    assert found(root) == []


def test_thidua_yaml_applies_after_suppressions(make_registry):
    # A rule turned off keeps its suppressions "used"; the suppression rules can be configured.
    root = make_registry({"campaigns/c.yaml": with_days("  # thidua: disable=phase-length"),
                          "thidua.yaml": "rules:\n  phase-length: off\n"})
    assert found(root) == []
    root = make_registry({"campaigns/c.yaml": with_days("  # thidua: disable=phase-gap"),
                          "thidua.yaml": "rules:\n  unused-suppression: off\n  phase-length: error\n"})
    assert [(p.rule, p.severity.value) for p in validate(root).problems] == [("phase-length", "error")]


def test_crlf_file_positions(make_registry):
    text = with_days("  # thidua: disable=phase-gap").replace("\n", "\r\n").encode("utf-8")
    root = make_registry({"campaigns/c.yaml": text})
    assert found(root) == [("phase-length", C, 12, 11), ("unused-suppression", C, 12, 33)]


def test_files_without_a_comment_are_not_scanned(make_registry):
    root = make_registry({"campaigns/c.yaml": with_days("  # thidua: disable=phase-length"),
                          "campaigns/d.yaml": campaign(**{"ba-dinh-2020": "ba-dinh-2020-b"})})
    assert list(validate(root).registry.suppressions) == [C]
