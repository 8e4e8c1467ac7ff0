"""Values that validate's reader takes but no command may crash on (issue 14, items 1–4, 7).

Each hostile value is run through every command that reads the registry: ``validate``
must give a located problem; ``render`` refuses the document whose own data it is in and
``new campaign`` the registry, with the same problem first (exit 1); ``calendar`` lists what
loaded and says in one line what it left aside (cli.md v2) — never "unexpected failure".
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import BASE_CAMPAIGN, MakeRegistry
from tests.hostile.commands import files_under, thidua
from tests.hostile.test_hostile_input import HANG_BOUND_SECONDS

CAMPAIGN = "data/campaigns/x.yaml"
EVERY_COMMAND = [
    ("validate",),
    ("render", "plan", "2020", "-f", "md", "--campaign", "ba-dinh-2020"),
    ("calendar", "--year", "2020"),
    ("new", "campaign", "--from", "ba-dinh-2020", "--year", "2021"),
]
COMMAND_IDS = ["validate", "render", "calendar", "new-campaign"]


def refused_everywhere(root: Path, line: str) -> None:
    """``line`` is the registry's only problem, in every command; nothing is written."""
    before = files_under(root.parent)
    for args in EVERY_COMMAND:
        result = thidua(root.parent, *args)
        if args[0] == "calendar":
            assert (result.returncode, result.stderr.splitlines()[:1]) == (0, [LEFT_ASIDE]), (
                result.stdout, result.stderr)
            continue
        assert result.returncode == 1, (args, result.stdout, result.stderr)
        shown = result.stdout if args == ("validate",) else result.stderr
        assert shown.splitlines()[0] == line, args
    assert files_under(root.parent) == before


LEFT_ASIDE = ("Left aside 1 error in the registry: the entries with errors are not in the "
              "calendar (see: thidua validate).")
TOO_LONG = "1" * 5_000


@pytest.mark.parametrize("value, where, what", [
    (TOO_LONG, "3:7", 'schema: "year" expects a whole number, but found a whole number too '
                      "large (5,000 digits)"),
    ("-" + TOO_LONG, "3:7", 'schema: "year" expects a whole number, but found a whole number '
                            "too large (5,000 digits)"),
    ("0x" + "f" * 200, "3:7", 'schema: "year" expects a whole number, but found a whole number '
                              "too large (200 digits)"),
    (".inf", "3:7", 'schema: "year" expects a whole number, but found a number that is not '
                    "finite (infinity or NaN)"),
    ("-.Inf", "3:7", 'schema: "year" expects a whole number, but found a number that is not '
                     "finite (infinity or NaN)"),
    (".nan", "3:7", 'schema: "year" expects a whole number, but found a number that is not '
                    "finite (infinity or NaN)"),
    ("1e400", "3:7", 'schema: "year" expects a whole number, but found a number that is not '
                     "finite (infinity or NaN)"),
    ("!!int abc", "3:7", 'yaml-syntax: the value "abc" cannot be read as !!int; remove the '
                         "!!int tag (the registry needs no YAML tags) or fix the value"),
    ("!!int 0x", "3:7", 'yaml-syntax: the value "0x" cannot be read as !!int; remove the '
                        "!!int tag (the registry needs no YAML tags) or fix the value"),
    ("!!float x", "3:7", 'yaml-syntax: the value "x" cannot be read as !!float; remove the '
                         "!!float tag (the registry needs no YAML tags) or fix the value"),
    ("!!bool maybe", "3:7", 'yaml-syntax: the value "maybe" cannot be read as !!bool; remove the '
                            "!!bool tag (the registry needs no YAML tags) or fix the value"),
    ("!!null x", "3:7", 'yaml-syntax: the value "x" cannot be read as !!null; remove the '
                        "!!null tag (the registry needs no YAML tags) or fix the value"),
], ids=["huge", "huge-negative", "huge-hex", "inf", "minus-inf", "nan", "1e400", "int-abc",
        "int-0x", "float-x", "bool-maybe", "null-x"])
def test_scalar_edge_cases_in_year(make_registry: MakeRegistry, value: str, where: str,
                                   what: str) -> None:
    text = BASE_CAMPAIGN.replace("year: 2020", f"year: {value}")
    root = make_registry({"campaigns/x.yaml": text})
    refused_everywhere(root, f"{CAMPAIGN}:{where}: error {what}")


@pytest.mark.parametrize("old, new, where, field", [
    ("thanh-lap-dang: 90", "thanh-lap-dang: .inf", "13:23", "thanh-lap-dang"),
    ("thanh-lap-dang: 90", f"thanh-lap-dang: {TOO_LONG}", "13:23", "thanh-lap-dang"),
    ("  - number: 2", "  - number: .nan", "14:13", "number"),
    ("  - number: 2", f"  - number: {TOO_LONG}", "14:13", "number"),
], ids=["ordinal-inf", "ordinal-huge", "phase-nan", "phase-huge"])
def test_scalar_edge_cases_in_ordinals_and_phases(make_registry: MakeRegistry, old: str,
                                                  new: str, where: str, field: str) -> None:
    root = make_registry({"campaigns/x.yaml": BASE_CAMPAIGN.replace(old, new)})
    result = thidua(root.parent, "validate")
    assert result.returncode == 1
    first = result.stdout.splitlines()[0]
    assert first.startswith(f"{CAMPAIGN}:{where}: error schema: "), first
    for args in EVERY_COMMAND[1:]:
        expected = LEFT_ASIDE if args[0] == "calendar" else first
        assert thidua(root.parent, *args).stderr.splitlines()[0] == expected


# ------------------------------------------------------------------- item 7: control characters

CONTROL = ("schema: the text holds control character {} (written as an escape such as "
           '"\\x1b"); delete it: it does not print and can clear a terminal or disguise what '
           "is shown")


@pytest.mark.parametrize("escape, code", [
    ("\\0", "U+0000"), ("\\e", "U+001B"), ("\\a", "U+0007"), ("\\b", "U+0008"),
    ("\\x01", "U+0001"), ("\\x9b", "U+009B"), ("\\r", "U+000D"), ("\\u202e", "U+202E"),
], ids=["nul", "escape", "bell", "backspace", "x01", "csi", "carriage-return", "bidi"])
def test_control_characters_written_as_escapes(make_registry: MakeRegistry, escape: str,
                                               code: str) -> None:
    text = BASE_CAMPAIGN.replace("title: Phát động phong trào thi đua năm 2020",
                                 f'title: "Phát động{escape}[2J"')
    root = make_registry({"campaigns/x.yaml": text})
    refused_everywhere(root, f"{CAMPAIGN}:5:8: error {CONTROL.format(code)}")


def test_a_bidi_override_typed_raw_is_found_without_any_escape(make_registry: MakeRegistry) -> None:
    # YAML's reader lets U+202E through written as is, and the file has no backslash: the
    # scan that skips files with neither must still see it.
    text = BASE_CAMPAIGN.replace("title: Phát động phong trào thi đua năm 2020",
                                 "title: Phát động\u202e2020")
    root = make_registry({"campaigns/x.yaml": text})
    refused_everywhere(root, f"{CAMPAIGN}:5:8: error {CONTROL.format('U+202E')}")


def test_control_characters_in_keys_lists_and_other_files(make_registry: MakeRegistry) -> None:
    text = BASE_CAMPAIGN.replace("    celebrates:\n      thanh-lap-dang: 90",
                                 '    celebrates:\n      "thanh\\e-lap": 90') \
        + 'aims: ["a", "b\\x07"]\n'
    # In two pieces: ruamel writes this name back escaped differently, and the round-trip
    # test harvests only whole registry texts.
    units = "units:\n" + "  - id: u\n    name: \"Công đoàn\\x1b]0;pwned\\x07\"\n    level: co-so\n"
    root = make_registry({"campaigns/x.yaml": text, "units/more.yaml": units})
    result = thidua(root.parent, "validate")
    assert result.returncode == 1
    lines = [line for line in result.stdout.splitlines() if "control character" in line]
    assert lines == [  # causes before consequences: the units file first
        f"data/units/more.yaml:3:11: error {CONTROL.format('U+001B')}",
        f"{CAMPAIGN}:13:7: error {CONTROL.format('U+001B')}",
        f"{CAMPAIGN}:23:13: error {CONTROL.format('U+0007')}",
    ]
    assert "\x1b" not in result.stdout + result.stderr and "\x07" not in result.stdout


def test_tab_and_newline_stay_allowed(make_registry: MakeRegistry) -> None:
    text = BASE_CAMPAIGN + 'aims: ["Một\\tHai", "Ba\\nBốn"]\n'
    root = make_registry({"campaigns/x.yaml": text})
    result = thidua(root.parent, "validate")
    assert (result.returncode, result.stdout) == (0, "3 files checked: 0 errors, 0 warnings\n")


@pytest.mark.parametrize("name, shown", [
    ("x\x1b[2Jy.yaml", "x\\x1b[2Jy.yaml"),
    ("x\x9b2Jy.yaml", "x\\x9b2Jy.yaml"),
    ("x\u202eAML.yaml", "x\\u202eAML.yaml"),
], ids=["escape", "csi", "bidi"])
@pytest.mark.parametrize("output", ["text", "github"])
def test_file_names_are_printed_escaped(make_registry: MakeRegistry, name: str, shown: str,
                                        output: str) -> None:
    root = make_registry({f"campaigns/{name}": "- id: a\n"})
    result = thidua(root.parent, "validate", "--format", output)
    assert result.returncode == 1
    assert f"campaigns/{shown}" in result.stdout
    for raw in ("\x1b", "\x9b", "\u202e"):
        assert raw not in result.stdout + result.stderr


# ------------------------------------------------------- items 5, 6: rules switched off for validate


def test_rules_switched_off_never_become_a_crash_or_a_lost_file(
        make_registry: MakeRegistry) -> None:
    # Two campaigns with one id, one of them naming an issuer that does not exist: with
    # both rules off, validate passes, and every command that makes something refuses
    # with the problems it cannot work around (render used to crash on the issuer, and
    # to write three plans into one file).
    root = make_registry({
        "campaigns/a.yaml": BASE_CAMPAIGN,
        "campaigns/b.yaml": BASE_CAMPAIGN.replace("issuer: ldld-ba-dinh", "issuer: khong-co"),
        "campaigns/c.yaml": BASE_CAMPAIGN,
        "thidua.yaml": "rules:\n  unknown-reference: off\n  duplicate-id: warning\n",
    })
    result = thidua(root.parent, "validate")
    assert (result.returncode, result.stdout.splitlines()[-1]) == (
        0, "5 files checked: 0 errors, 2 warnings")
    before = files_under(root.parent)
    duplicate_c = ('data/campaigns/c.yaml:1:5: error duplicate-id: id "ba-dinh-2020" is already '
                   "used by another campaign at data/campaigns/a.yaml:1:5; choose another id")
    # render refuses the plan whose own data the held-back errors break (cli.md v2).
    result = thidua(root.parent, *EVERY_COMMAND[1])
    assert (result.returncode, result.stdout, result.stderr.splitlines()) == (1, "", [
        duplicate_c, "",
        "No plan rendered for ba-dinh-2020: its own data has errors (above).",
        "Left aside 2 errors elsewhere in the registry, in no document rendered here (see: "
        "thidua validate)."])
    # calendar lists what the errors do not touch and says what it left aside.
    result = thidua(root.parent, *EVERY_COMMAND[2])
    assert (result.returncode, result.stderr.splitlines()) == (0, [
        "Left aside 3 errors in the registry: the entries with errors are not in the calendar "
        "(see: thidua validate)."])
    # new campaign writes into the registry: it refuses while any such error stands.
    result = thidua(root.parent, *EVERY_COMMAND[3])
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr.splitlines() == [
        'data/campaigns/b.yaml:1:5: error duplicate-id: id "ba-dinh-2020" is already used '
        "by another campaign at data/campaigns/a.yaml:1:5; choose another id",
        'data/campaigns/b.yaml:2:9: error unknown-reference: issuer "khong-co" is not in '
        "the registry",
        "",
        duplicate_c,
        "",
        "5 files checked: 3 errors, 0 warnings",
        "The rules of these errors are turned off or down in thidua.yaml, but nothing can "
        "be made from the registry while they stand.",
        "The registry has errors: no new campaign written. Fix the problems above first.",
    ]
    assert files_under(root.parent) == before


# --------------------------------------------------------------------- item 4: year and period


def test_a_drive_whose_year_disagrees_with_its_dates_moves_nothing(
        make_registry: MakeRegistry) -> None:
    # year: 202 on a drive used to validate, and new campaign --year 2021 moved every
    # date by 1,819 years (to 3839) into a file that validated clean.
    text = BASE_CAMPAIGN.replace("kind: nam", "kind: cao-diem").replace("year: 2020",
                                                                         "year: 202")
    root = make_registry({"campaigns/x.yaml": text})
    refused_everywhere(root, f"{CAMPAIGN}:3:7: error campaign-period: year 202 does not agree "
                             "with the campaign's period (2020-01-01 – 2020-12-31); write 2020 "
                             "or fix the dates")


# --------------------------------------------------------------------- item 8: Markdown structure

LINE_BREAKS = BASE_CAMPAIGN + """\
document:
  signer:
    name: "Nguyễn Văn A\\n# Tiêu đề giả\\n\\n    mã nguồn"
    position: Chủ tịch
  recipients:
    - "Các CĐCS\\n---\\n1. giả"
    - "Lưu: VT\\n\\n+ giả"
"""


def test_line_breaks_in_fields_never_make_markdown_structure(make_registry: MakeRegistry) -> None:
    root = make_registry({"campaigns/x.yaml": LINE_BREAKS})
    result = thidua(root.parent, "render", "plan", "2020", "-f", "md", "-o", "-")
    assert result.returncode == 0, result.stderr
    tail = result.stdout.split("**CHỦ TỊCH**")[1]
    assert tail == (
        "  \n**Nguyễn Văn A\n\\# Tiêu đề giả\nmã nguồn**\n\n"
        # Each line of a recipient is a line of the list, escaped; "Lưu" closes it (NĐ30).
        "***Nơi nhận:***  \n\\- Các CĐCS;  \n\\- \\---;  \n\\- 1\\. giả;  \n"
        "\\- Lưu: VT, + giả.\n")
    # Only the document's own headings start a line with "#".
    headings = [line for line in result.stdout.splitlines() if line.startswith("#")]
    assert all(not line.startswith("# Tiêu đề giả") for line in headings)


# -------------------------------------------------------------------- item 18: quadratic work

#: Far below what the quadratic versions took (1.2 GB for the phases).
SMALL_MEMORY = 512 << 20


def test_a_thousand_identical_phases(make_registry: MakeRegistry) -> None:
    # 59 KB: every pair used to be a problem (499,500 of them: 50 s and 1.2 GB). Now each
    # phase that overlaps an earlier one is reported once.
    phases = "phases:\n" + "  - number: 1\n    start: 2020-01-01\n    end: 2020-12-31\n" * 1_000
    text = BASE_CAMPAIGN.split("phases:")[0] + phases
    assert len(text.encode("utf-8")) < 60_000
    root = make_registry({"campaigns/x.yaml": text})
    result = thidua(root.parent, "validate", "--format", "json", memory=SMALL_MEMORY)
    assert result.returncode == 1
    problems = json.loads(result.stdout)["problems"]
    overlaps = [p for p in problems if p["rule"] == "phase-overlap"]
    assert len(overlaps) == 999
    assert (overlaps[-1]["line"], overlaps[-1]["column"], overlaps[-1]["message"]) == (
        3007, 12, "phase 1 overlaps phase 1 (data/campaigns/x.yaml:10:12) on "
                  "2020-01-01–2020-12-31; a day belongs to one phase")


def test_forty_thousand_unknown_keys(make_registry: MakeRegistry) -> None:
    # 0.5 MB: the place of each unknown key was found by walking every key of the mapping
    # (minutes); now each mapping's keys are indexed once.
    text = BASE_CAMPAIGN + "".join(f"khoa-{i}: 1\n" for i in range(40_000))
    assert len(text.encode("utf-8")) < 600_000
    root = make_registry({"campaigns/x.yaml": text})
    # 40,000 located problems, each with its "did you mean" search, take about 7 s on a
    # quiet machine: three times the hang bound leaves room for a loaded one, and is still
    # far from the minutes the quadratic lookup took.
    result = thidua(root.parent, "validate", "--format", "json", memory=SMALL_MEMORY,
                    timeout=3 * HANG_BOUND_SECONDS)
    assert result.returncode == 1
    problems = json.loads(result.stdout)["problems"]
    assert len(problems) == 40_000
    assert (problems[-1]["line"], problems[-1]["column"]) == (40_022, 1)
    assert problems[-1]["message"].startswith('field "khoa-39999" is not part of the registry '
                                              "format")


# ----------------------------------------------------------------------------- item 19: details


def test_an_unknown_key_holding_brackets_is_named(make_registry: MakeRegistry) -> None:
    # Pydantic's validator tags contain "[": the key itself was dropped as if it were one.
    text = BASE_CAMPAIGN + "a[b]: 1\nphases[0]: 2\n"
    root = make_registry({"campaigns/x.yaml": text})
    result = thidua(root.parent, "validate")
    assert result.stdout.splitlines()[:2] == [
        f'{CAMPAIGN}:23:1: error schema: field "a[b]" is not part of the registry format; '
        "valid fields: id, issuer, year, kind, title, start, end, launch, document, basis, "
        "context, theme, spirit, celebrates, events, aims, tasks, phases, targets, awards, "
        "implementation, reporting",
        f'{CAMPAIGN}:24:1: error schema: field "phases[0]" is not part of the registry '
        'format; did you mean "phases"?',
    ]


def test_thidua_yaml_cannot_turn_the_ci_gate_off_with_no_config(
        make_registry: MakeRegistry) -> None:
    root = make_registry({
        "campaigns/x.yaml": BASE_CAMPAIGN.replace("year: 2020", 'year: "2020"'),
        "thidua.yaml": "rules:\n  schema: off\n  yaml-syntax: off\n  encoding: off\n",
    })
    result = thidua(root.parent, "validate")
    assert (result.returncode, result.stdout) == (0, "3 files checked: 0 errors, 0 warnings\n")
    result = thidua(root.parent, "validate", "--no-config")
    assert (result.returncode, result.stdout.splitlines()) == (1, [
        f'{CAMPAIGN}:3:7: error schema: "year" expects a whole number, but found text "2020"; '
        "remove the quotes",
        "",
        "3 files checked: 1 error, 0 warnings"])
