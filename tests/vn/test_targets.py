"""vn.targets: every form of the spec's target table, numbers, errors, round trip."""

from __future__ import annotations

import unicodedata
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from thidua_cli.vn.targets import Bound, TargetSyntaxError, TargetValue, format_number, parse_target

D = Decimal

# text -> (kind, low, high, percent, canonical)
FORMS: dict[str, tuple[str, Decimal | None, Decimal | None, bool, str]] = {
    # exactly
    "100%": ("exact", D(100), D(100), True, "100%"),
    "0": ("exact", D(0), D(0), False, "0"),
    "0%": ("exact", D(0), D(0), True, "0%"),
    "200": ("exact", D(200), D(200), False, "200"),
    "không có": ("exact", D(0), D(0), False, "0"),
    # more than
    "trên 75%": ("more", D(75), None, True, "trên 75%"),
    "hơn 75%": ("more", D(75), None, True, "trên 75%"),
    "> 75%": ("more", D(75), None, True, "trên 75%"),
    "trên 200": ("more", D(200), None, False, "trên 200"),
    # at least
    "từ 90% trở lên": ("at_least", D(90), None, True, "từ 90% trở lên"),
    "90% trở lên": ("at_least", D(90), None, True, "từ 90% trở lên"),
    "ít nhất 90%": ("at_least", D(90), None, True, "từ 90% trở lên"),
    "tối thiểu 90%": ("at_least", D(90), None, True, "từ 90% trở lên"),
    ">= 90%": ("at_least", D(90), None, True, "từ 90% trở lên"),
    "≥ 90%": ("at_least", D(90), None, True, "từ 90% trở lên"),
    "từ 60 trở lên": ("at_least", D(60), None, False, "từ 60 trở lên"),
    # between
    "85-90%": ("between", D(85), D(90), True, "85-90%"),
    "85% - 90%": ("between", D(85), D(90), True, "85-90%"),
    "85–90%": ("between", D(85), D(90), True, "85-90%"),
    "85—90%": ("between", D(85), D(90), True, "85-90%"),
    "85%-90": ("between", D(85), D(90), True, "85-90%"),
    "từ 85% đến 90%": ("between", D(85), D(90), True, "85-90%"),
    "từ 85 đến 90%": ("between", D(85), D(90), True, "85-90%"),
    "từ 85-90%": ("between", D(85), D(90), True, "85-90%"),
    "85-90": ("between", D(85), D(90), False, "85-90"),
    # less than
    "dưới 5%": ("less", None, D(5), True, "dưới 5%"),
    "< 5%": ("less", None, D(5), True, "dưới 5%"),
    # at most
    "không quá 15%": ("at_most", None, D(15), True, "không quá 15%"),
    "tối đa 15%": ("at_most", None, D(15), True, "không quá 15%"),
    "<= 15%": ("at_most", None, D(15), True, "không quá 15%"),
    "≤ 15%": ("at_most", None, D(15), True, "không quá 15%"),
    "không quá 15": ("at_most", None, D(15), False, "không quá 15"),
    # not this module's business: semantic checks are validator rules
    "101%": ("exact", D(101), D(101), True, "101%"),
    "90-85%": ("between", D(90), D(85), True, "90-85%"),
}


@pytest.mark.parametrize("text", list(FORMS))
def test_every_form_of_the_table(text: str) -> None:
    kind, low, high, percent, canonical = FORMS[text]
    value = parse_target(text)
    assert (value.kind, value.low, value.high, value.percent) == (kind, low, high, percent)
    assert value.canonical() == canonical
    assert str(value) == canonical
    assert parse_target(canonical) == value


@pytest.mark.parametrize("text", list(FORMS))
def test_case_spacing_and_nfd_do_not_matter(text: str) -> None:
    expected = parse_target(text)
    assert parse_target(f"  {text.upper()}  ") == expected
    assert parse_target(text.replace(" ", "")) == expected
    assert parse_target(text.replace(" ", " \t ")) == expected
    assert parse_target(unicodedata.normalize("NFD", text)) == expected


def test_spacing_inside_forms() -> None:
    assert parse_target("trên75 %") == TargetValue("more", D(75), None, True)
    assert parse_target("Từ  90 %  Trở  Lên") == TargetValue("at_least", D(90), None, True)
    assert parse_target("85 % – 90 %") == TargetValue("between", D(85), D(90), True)
    assert parse_target("TỪ 85 ĐẾN 90%") == TargetValue("between", D(85), D(90), True)
    assert parse_target("Không Có") == TargetValue("exact", D(0), D(0), False)


def test_int_is_an_exact_count() -> None:
    assert parse_target(0) == TargetValue("exact", D(0), D(0), False)
    assert parse_target(200) == TargetValue("exact", D(200), D(200), False)
    assert parse_target(200).canonical() == "200"


@pytest.mark.parametrize(("text", "number"), [
    ("12,5%", D("12.5")),
    ("12.5%", D("12.5")),
    ("1.5", D("1.5")),
    ("0,5%", D("0.5")),
    ("0.500", D("0.5")),        # no thousands grouping after a leading zero
    ("1234.567", D("1234.567")),  # first group too long for thousands grouping
    ("10.141", D(10141)),
    ("1.000.000", D(1000000)),
    ("1.000,5", D("1000.5")),
    ("12.500%", D(12500)),      # three digits after the dot: thousands, by the rule
    ("007", D(7)),
])
def test_numbers(text: str, number: Decimal) -> None:
    value = parse_target(text)
    assert value.kind == "exact"
    assert value.low == number


def test_numbers_in_ranges_and_bounds() -> None:
    assert parse_target("12,5-15,5%") == TargetValue("between", D("12.5"), D("15.5"), True)
    assert parse_target("trên 10.141") == TargetValue("more", D(10141), None, False)
    assert parse_target("1.000-2.000") == TargetValue("between", D(1000), D(2000), False)


@pytest.mark.parametrize(("number", "text"), [
    (D("12.5"), "12,5"),
    (D("12.50"), "12,5"),
    (D(10141), "10.141"),
    (D(75), "75"),
    (D("75.0"), "75"),
    (D(1000000), "1.000.000"),
    (D("0.5"), "0,5"),
    (D("1000.5"), "1.000,5"),
    (D(0), "0"),
    (D("0.00"), "0"),
    (D("1E+2"), "100"),
    (D("1E-3"), "0,001"),
    (D(999), "999"),
])
def test_format_number(number: Decimal, text: str) -> None:
    assert format_number(number) == text


def test_format_number_refuses_non_finite() -> None:
    with pytest.raises(ValueError):
        format_number(D("NaN"))


def test_canonical_formats_numbers() -> None:
    assert TargetValue("more", D("12.50"), None, True).canonical() == "trên 12,5%"
    assert TargetValue("between", D("1000"), D("2500.5"), False).canonical() == "1.000-2.500,5"
    assert TargetValue("exact", D(0), D(0), False).canonical() == "0"


def test_bounds() -> None:
    assert parse_target("trên 75%").lower == Bound(D(75), True)
    assert parse_target("trên 75%").upper is None
    assert parse_target("từ 75% trở lên").lower == Bound(D(75), False)
    assert parse_target("dưới 5%").upper == Bound(D(5), True)
    assert parse_target("dưới 5%").lower is None
    assert parse_target("không quá 15%").upper == Bound(D(15), False)
    between = parse_target("85-90%")
    assert (between.lower, between.upper) == (Bound(D(85), False), Bound(D(90), False))
    exact = parse_target("100%")
    assert (exact.lower, exact.upper) == (Bound(D(100), False), Bound(D(100), False))


def test_inconsistent_value_is_refused_at_construction() -> None:
    with pytest.raises(ValueError):
        TargetValue("more", None, D(5), True)
    with pytest.raises(ValueError):
        TargetValue("exact", D(1), D(2), True)


FORMS_VI = ('hãy viết như "trên 75%", "từ 90% trở lên", "85-90%", "dưới 5%", "không quá 15%", '
            '"100%" hoặc một số lượng như "trên 200"')


def test_garbage_error_lists_accepted_forms() -> None:
    with pytest.raises(TargetSyntaxError) as info:
        parse_target("abc")
    error = info.value
    assert error.text == "abc"
    assert error.vi == f'giá trị chỉ tiêu "abc" không đọc được; {FORMS_VI}'
    assert error.en.startswith('target value "abc" cannot be read; write it like "trên 75%" (more than)')
    assert unicodedata.is_normalized("NFC", error.vi)
    assert isinstance(error, ValueError)


@pytest.mark.parametrize("text", ["", "   ", "%", "trên", "trên %", "75%%", "từ 90%", "85-", "-",
                                  "lớn hơn 5", "1/2", "75 80", "≥", "đến 90%", "năm căn",
                                  "5 người 6", "đạt", "khoảng"])
def test_unreadable(text: str) -> None:
    with pytest.raises(TargetSyntaxError) as info:
        parse_target(text)
    assert FORMS_VI in info.value.vi
    assert "trên 75%" in info.value.en


def test_empty_says_empty() -> None:
    with pytest.raises(TargetSyntaxError) as info:
        parse_target("  ")
    assert info.value.vi.startswith("giá trị chỉ tiêu đang để trống; ")
    assert info.value.en.startswith("the target value is empty; ")


@pytest.mark.parametrize(("value", "fixed"), [
    ("-5%", "5%"), ("−5%", "5%"), ("trên -5%", "trên 5%"), ("-5-10%", "5-10%"),
    ("85--90%", "85-90%"), ("dưới - 5", "dưới 5"), (-5, "5"),
])
def test_negative_numbers_are_refused(value: str | int, fixed: str) -> None:
    with pytest.raises(TargetSyntaxError) as info:
        parse_target(value)
    assert "không thể âm" in info.value.vi
    assert f'hãy bỏ dấu trừ ("{fixed}")' in info.value.vi
    assert "never negative" in info.value.en


@pytest.mark.parametrize("value", [True, False])
def test_bool_is_refused(value: bool) -> None:
    with pytest.raises(TargetSyntaxError) as info:
        parse_target(value)
    shown = "true" if value else "false"
    assert info.value.text == shown
    assert info.value.vi.endswith(f"không phải {shown}")


def test_other_types_are_refused() -> None:
    with pytest.raises(TargetSyntaxError):
        parse_target(12.5)  # type: ignore[arg-type]
    with pytest.raises(TargetSyntaxError):
        parse_target(None)  # type: ignore[arg-type]


@pytest.mark.parametrize("text", ["1,000.5%", "1,5,6", "1.2.3", "12.5,3", "1.000.5"])
def test_ambiguous_numbers_are_refused(text: str) -> None:
    with pytest.raises(TargetSyntaxError) as info:
        parse_target(text)
    assert "dấu phẩy cho phần thập phân" in info.value.vi
    assert "comma for decimals" in info.value.en


# --- round trip ---------------------------------------------------------------------------

numbers = st.decimals(min_value=0, max_value=D("1e12"), allow_nan=False, allow_infinity=False)


@st.composite
def target_values(draw: st.DrawFn) -> TargetValue:
    kind = draw(st.sampled_from(["exact", "more", "at_least", "between", "less", "at_most"]))
    x, y = draw(numbers), draw(numbers)
    percent = draw(st.booleans())
    if kind == "exact":
        return TargetValue("exact", x, x, percent)
    if kind in ("more", "at_least"):
        return TargetValue(kind, x, None, percent)
    if kind == "between":
        return TargetValue("between", x, y, percent)
    return TargetValue(kind, None, x, percent)


@given(target_values())
def test_canonical_round_trips(value: TargetValue) -> None:
    assert parse_target(value.canonical()) == value


@given(target_values(), st.sampled_from([" ", "  ", "\t", "\u00a0"]), st.booleans())
def test_parse_ignores_spacing_and_case(value: TargetValue, space: str, upper: bool) -> None:
    text = value.canonical().replace(" ", space * 2).replace("%", space + "%")
    text = text.replace("-", space + "-" + space) if value.kind == "between" else text
    text = text.upper() if upper else text
    assert parse_target(f"{space}{text}{space}") == value
    assert parse_target(parse_target(text).canonical()) == parse_target(text)


@given(numbers)
def test_format_number_reads_back(number: Decimal) -> None:
    assert parse_target(format_number(number)).low == number


@pytest.mark.parametrize("text, canonical, kind, low, high, percent, unit, approximate", [
    ("90 phần trăm", "90%", "exact", "90", "90", True, "", False),
    ("trên 5 người", "trên 5 người", "more", "5", None, False, "người", False),
    ("khoảng 80%", "khoảng 80%", "exact", "80", "80", True, "", True),
    ("đạt 100%", "100%", "exact", "100", "100", True, "", False),
    ("Đạt trên 90 Phần Trăm số CĐCS", "trên 90% số CĐCS", "more", "90", None, True, "số CĐCS", False),
    ("từ 200 lượt trở lên", "từ 200 lượt trở lên", "at_least", "200", None, False, "lượt", False),
    ("từ 5 đến 10 CĐCS", "5-10 CĐCS", "between", "5", "10", False, "CĐCS", False),
    ("120% dự toán", "120% dự toán", "exact", "120", "120", True, "dự toán", False),
])
def test_what_real_plans_write(text, canonical, kind, low, high, percent, unit, approximate):
    value = parse_target(text)
    assert (value.canonical(), value.kind, value.low, value.high, value.percent, value.unit,
            value.approximate) == (canonical, kind, Decimal(low), high and Decimal(high), percent,
                                   unit, approximate)
    assert parse_target(canonical) == value  # the canonical wording reads back the same


def test_an_approximate_target_sets_no_bound():
    value = parse_target("khoảng 80%")
    assert (value.lower, value.upper) == (None, None)


def test_a_share_of_a_plan_may_exceed_100_percent():
    from thidua_cli.vn.targets import share_of_a_plan

    assert share_of_a_plan(parse_target("120% dự toán"))
    assert share_of_a_plan(parse_target("105%"), "thu ngân sách đạt so với kế hoạch năm")
    assert not share_of_a_plan(parse_target("105%"), "đoàn viên được khám sức khỏe")
    assert not share_of_a_plan(parse_target("trên 5 người"), "kế hoạch")
