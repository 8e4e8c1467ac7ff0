"""Options and names at the edge of what the code can do (issue 14, items 2, 3, 12).

Every option is bounded to what the code can compute, and says so in its help; a value
past the bound is one line and exit 2, never a traceback, and nothing is written.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from tests.conftest import BASE_ANNIVERSARIES, BASE_CAMPAIGN, MakeRegistry
from tests.hostile.commands import files_under, thidua

CAMPAIGN = "data/campaigns/x.yaml"

#: A real title with its saluting clause: 294 characters.
LONG_TITLE = (
    "Phát động phong trào thi đua lao động giỏi, lao động sáng tạo, thi đua thực hiện "
    "thắng lợi nhiệm vụ phát triển kinh tế - xã hội năm 2020, chào mừng Đại hội đại biểu "
    "Đảng bộ các cấp tiến tới Đại hội đại biểu toàn quốc lần thứ XIII của Đảng và kỷ niệm "
    "90 năm Ngày thành lập Đảng Cộng sản Việt Nam")


def one_line(result: object, code: int, line: str) -> None:
    assert (result.returncode, result.stdout, result.stderr) == (code, "", line + "\n")  # type: ignore[attr-defined]


# ------------------------------------------------------------------------------- item 2: long names


def test_a_long_title_renders_every_document(make_registry: MakeRegistry) -> None:
    assert len(LONG_TITLE) == 294
    text = BASE_CAMPAIGN.replace("Phát động phong trào thi đua năm 2020", LONG_TITLE)
    root = make_registry({"campaigns/x.yaml": text,
                          "campaigns/y.yaml": text.replace("ba-dinh-2020", "y-2020")})
    result = thidua(root.parent, "render", "plan", "2020")
    assert result.returncode == 0, result.stderr
    assert files_under(root.parent / "out") == ["ba-dinh-2020-ke-hoach.docx",
                                                "y-2020-ke-hoach.docx"]
    with zipfile.ZipFile(root.parent / "out" / "y-2020-ke-hoach.docx") as docx:
        core = docx.read("docProps/core.xml").decode("utf-8")
        body = docx.read("word/document.xml").decode("utf-8")
    title = core.split("<dc:title>")[1].split("</dc:title>")[0]
    assert len(title) == 254 and title.endswith(" của Đảng và kỷ…")
    assert title.startswith("Kế hoạch " + LONG_TITLE[:200])
    assert "90 năm Ngày thành lập Đảng Cộng sản Việt Nam" in body  # the body keeps it whole


def test_an_id_too_long_for_a_file_name_is_a_located_problem(make_registry: MakeRegistry) -> None:
    long_id = "ba-dinh-" + "a" * 233
    root = make_registry({"campaigns/x.yaml": BASE_CAMPAIGN.replace("ba-dinh-2020", long_id)})
    result = thidua(root.parent, "validate")
    assert (result.returncode, result.stdout.splitlines()[0]) == (
        1, f"{CAMPAIGN}:1:5: error schema: the id is 241 characters long, more than the 100 "
           "allowed (ids become file names); write a shorter id")


def test_new_campaign_with_an_id_too_long(make_registry: MakeRegistry) -> None:
    root = make_registry({"campaigns/x.yaml": BASE_CAMPAIGN})
    result = thidua(root.parent, "new", "campaign", "--from", "ba-dinh-2020", "--year", "2021",
                    "--id", "a" * 255)
    one_line(result, 2, "thidua: --id is 255 characters long, more than the 100 allowed (ids "
                        "become file names)")
    assert files_under(root / "campaigns") == ["x.yaml"]


# ---------------------------------------------------------------------- item 12: empty options


@pytest.mark.parametrize("args, option", [
    (("render", "plan", "2020", "--campaign", ""), "--campaign"),
    (("render", "plan", "2020", "--unit", " "), "--unit"),
    (("render", "plan", "2020", "-o", ""), "--out"),
    (("calendar", "--unit", ""), "--unit"),
    (("calendar", "-o", ""), "--output"),
    (("new", "campaign", "--campaign", "", "--year", "2021"), "--campaign"),
    (("new", "campaign", "--from", "ba-dinh-2020", "--year", "2021", "--id", ""), "--id"),
], ids=["render-campaign", "render-unit", "render-out", "calendar-unit", "calendar-output",
        "new-campaign", "new-id"])
def test_an_empty_option_is_refused(make_registry: MakeRegistry, args: tuple[str, ...],
                                    option: str) -> None:
    # An unset shell variable (--campaign "$CAMPAIGN") rendered every campaign of the year.
    root = make_registry({"campaigns/x.yaml": BASE_CAMPAIGN})
    one_line(thidua(root.parent, *args), 2,
             f"thidua: {option} is empty; give an id (an unset shell variable?)")
    assert files_under(root.parent) == files_under(root.parent)
    assert not (root.parent / "out").exists()


# ----------------------------------------------------------------------- item 3: option bounds


@pytest.mark.parametrize("year", ["1900", "1982", "2101", "9998"])
def test_init_year_is_bounded_to_what_the_example_can_celebrate(tmp_path: Path, year: str) -> None:
    result = thidua(tmp_path, "init", "reg", "--year", year)
    assert result.returncode == 2
    assert result.stderr.splitlines()[-1].startswith("Error: Invalid value for '--year'")
    assert files_under(tmp_path) == []


@pytest.mark.parametrize("year", ["1983", "2100"])
def test_init_at_both_ends_of_its_years_validates_clean(tmp_path: Path, year: str) -> None:
    assert thidua(tmp_path, "init", "reg", "--year", year).returncode == 0
    result = thidua(tmp_path, "--registry", "reg", "validate")
    assert (result.returncode, result.stdout) == (0, "4 files checked: 0 errors, 0 warnings\n")


def test_init_years_are_the_skeletons() -> None:
    from thidua_cli.authoring.init import FIRST_YEAR, LAST_YEAR, example_years

    assert example_years() == (FIRST_YEAR, LAST_YEAR)


ONG_TAO = BASE_ANNIVERSARIES + '  - id: ong-tao\n    name: Ông Công ông Táo\n    lunar: "23/12"\n'


@pytest.mark.parametrize("args", [
    ("--from", "2100-12-01", "--until", "2101-03-01"),
    ("--year", "2101"),
    ("--year", "2100", "-f", "ics"),
], ids=["across-2101", "year-2101", "ics-2100"])
def test_calendar_with_a_lunar_twelfth_month_near_2101(make_registry: MakeRegistry,
                                                       args: tuple[str, ...]) -> None:
    root = make_registry({"anniversaries.yaml": ONG_TAO})
    result = thidua(root.parent, "calendar", *args)
    assert result.returncode == 0
    assert result.stderr == ("Note: the lunar calendar covers 1900–2100 only; lunar anniversaries "
                             "outside those years are not listed.\n") or args[1] == "2100"


def test_calendar_ics_on_the_last_day_there_is(make_registry: MakeRegistry) -> None:
    campaign = BASE_CAMPAIGN.replace("2020", "9999").replace(": 90\n", ": 8069\n").replace(
        ": 91\n", ": 8070\n")
    root = make_registry({"campaigns/x.yaml": campaign})
    result = thidua(root.parent, "calendar", "--from", "9999-12-01", "--until", "9999-12-31",
                    "-f", "ics")
    assert result.returncode == 0
    events = result.stdout.split("BEGIN:VEVENT")[1:]
    last = [e for e in events if "DTSTART;VALUE=DATE:99991231" in e]
    assert len(last) == 1 and "DTEND" not in last[0]


def test_calendar_1900_says_lunar_1899_is_not_listed(make_registry: MakeRegistry) -> None:
    # Tết of lunar 1899 falls on 1899-02-10, but lunar days of January 1900 belong to it.
    root = make_registry({"anniversaries.yaml": ONG_TAO})
    result = thidua(root.parent, "calendar", "--year", "1900")
    assert result.returncode == 0
    assert result.stderr == ("Note: the lunar calendar covers 1900–2100 only; lunar anniversaries "
                             "outside those years are not listed.\n")


@pytest.mark.parametrize("args, line", [
    (("--from", "9999-12-31"),
     "the default 60 days from 9999-12-31: the range would end after the last day that can be "
     "computed (9999-12-31); use --until"),
    (("--from", "9999-12-01", "--days", "31"),
     "--days 31 from 9999-12-01: the range would end after the last day that can be computed "
     "(9999-12-31); use --until"),
    (("--from", "2000-01-01", "--until", "2200-12-31"),
     "the range is longer than 200 years; narrow it with --from/--until or --year"),
], ids=["default-days", "days", "201-years"])
def test_calendar_range_messages_name_what_was_given(make_registry: MakeRegistry,
                                                     args: tuple[str, ...], line: str) -> None:
    root = make_registry({})
    one_line(thidua(root.parent, "calendar", *args), 2, f"thidua: {line}")


SCHOOL_YEAR = BASE_CAMPAIGN.replace("kind: nam", "kind: nam-hoc").replace(
    "end: 2020-12-31\nphases", "end: 2021-05-31\nphases").replace(
    "    start: 2020-07-01\n    end: 2020-12-31", "    start: 2020-07-01\n    end: 2021-05-31")


def test_new_campaign_school_year_into_year_9999(make_registry: MakeRegistry) -> None:
    root = make_registry({"campaigns/x.yaml": SCHOOL_YEAR})
    assert thidua(root.parent, "validate").returncode == 0
    result = thidua(root.parent, "new", "campaign", "--from", "ba-dinh-2020", "--year", "9999")
    one_line(result, 2, "thidua: --year 9999: the date 2021-05-31 of data/campaigns/x.yaml "
                        "would move to 10000, outside the years 1000–9999 a registry date can "
                        "have")
    assert files_under(root / "campaigns") == ["x.yaml"]


def test_new_campaign_from_a_file_with_a_tab_in_a_value(make_registry: MakeRegistry) -> None:
    # Valid YAML (a Tab inside a plain value) that the layout-keeping writer refuses.
    text = BASE_CAMPAIGN.replace("title: Phát động phong", "title: Phát động\tphong")
    root = make_registry({"campaigns/x.yaml": text})
    assert thidua(root.parent, "validate").returncode == 0
    result = thidua(root.parent, "new", "campaign", "--from", "ba-dinh-2020", "--year", "2021")
    one_line(result, 2, f"thidua: {CAMPAIGN}:5:17: this file cannot be rewritten keeping its "
                        "layout; replace the Tab inside the value with spaces or quote the value")
    assert files_under(root / "campaigns") == ["x.yaml"]


def test_a_document_that_cannot_be_made_is_reported_for_its_file(
        make_registry: MakeRegistry, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    # In-process, since no registry that validates is known to break a writer any more
    # (the 255-character document property did): the second of three documents fails.
    from thidua_cli.cli import app
    from thidua_cli.render import batch

    root = make_registry({f"campaigns/{name}.yaml": BASE_CAMPAIGN.replace("ba-dinh-2020", name)
                          for name in ("a", "b", "c")})
    real = batch.WRITERS["md"]

    def failing(document: object) -> bytes | str:
        if getattr(document, "stem", "") == "b-ke-hoach":
            raise ValueError("exceeded 255 char limit for property")
        return real(document)  # type: ignore[arg-type]

    monkeypatch.setitem(batch.WRITERS, "md", failing)
    monkeypatch.chdir(root.parent)
    code = app.main(["--lang", "en", "--registry", str(root), "render", "plan", "2020", "-f",
                     "md"])
    err = capsys.readouterr().err
    assert code == 2
    assert err.splitlines()[-1] == (
        "thidua: cannot make out/b-ke-hoach.md (ValueError: exceeded 255 char limit for "
        "property); the 1 files before it are written whole, the ones after it are not written")
    assert files_under(root.parent / "out") == ["a-ke-hoach.md"]
