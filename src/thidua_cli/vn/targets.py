"""Target values (giá trị chỉ tiêu) as plans write them: ``trên 75%``, ``85-90%``, ``trên 200``.

The grammar is the table "Target values" of the registry format. Matching is
case-insensitive, free in spacing between words, numbers and ``%``, and done on
NFC text (decomposed input is composed first, so ``trên`` typed either way is one word).

Numbers follow Vietnamese habit: a comma is the decimal mark (``12,5%``) and a dot
groups thousands (``10.141``, ``1.000.000``). As ``12.5%`` is also common, a dot is
read as follows:

* with a comma present, every dot groups thousands and the comma is the decimal
  mark: ``1.000,5`` = 1000.5;
* without a comma, the dots group thousands when every group after a dot has exactly
  three digits and the first group is a plain 1–3 digit number (``10.141`` = 10141,
  ``1.000.000``); otherwise a single dot is a decimal point (``1.5``, ``12.5``,
  ``0.500`` = 0.5, since no one groups thousands after a leading zero).

Beyond the table, what real plans write is read too:

* ``90 phần trăm`` is ``90%``;
* a word or a few after a number name what is counted or what a share is of: ``trên 5
  người``, ``từ 200 lượt trở lên``, ``120% dự toán``; they are kept (``unit``) and the
  canonical wording keeps them;
* ``đạt 100%``: "đạt" (reach) adds nothing to the value: the canonical wording drops it;
* ``khoảng 80%`` is an approximate target (``approximate``): about that value, no bound.

Only syntax is checked here. ``101%`` and ``90-85%`` parse: the validator's rules
(``target-percent-range``, ``target-range-order``) say what is wrong with them, with
a file position this module does not know (a share of a plan, ``120% dự toán``, may
exceed 100%: that is theirs to decide too).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from thidua_cli.vn import numbers

Kind = Literal["exact", "more", "at_least", "between", "less", "at_most"]

_FORMS_VI = ('"trên 75%", "từ 90% trở lên", "85-90%", "dưới 5%", "không quá 15%", "100%" '
             'hoặc một số lượng như "trên 200"')
_FORMS_EN = ('"trên 75%" (more than), "từ 90% trở lên" (at least), "85-90%" (between), '
             '"dưới 5%" (less than), "không quá 15%" (at most), "100%" (exactly) '
             'or a count such as "trên 200"')


@dataclass(frozen=True)
class Bound:
    value: Decimal
    strict: bool  # True for "trên"/"dưới" (>, <); False for "từ … trở lên"/"không quá"/exact


@dataclass(frozen=True)
class TargetValue:
    kind: Kind
    low: Decimal | None  # exact: x; more/at_least: x; between: low end; less/at_most: None
    high: Decimal | None  # exact: x; between: high end; less/at_most: x; more/at_least: None
    percent: bool  # written with a % sign (or "phần trăm")
    #: what is counted, or what a share is of: "người" in "trên 5 người", "dự toán" in
    #: "120% dự toán"; "" when the target's text says it
    unit: str = ""
    #: "khoảng 80%": about that value (an exact kind that sets no bound)
    approximate: bool = False

    def __post_init__(self) -> None:
        # Catch a hand-built value with a missing end early: canonical() and the
        # bounds would otherwise fail far from the mistake.
        needs_low = self.kind in ("exact", "more", "at_least", "between")
        needs_high = self.kind in ("exact", "between", "less", "at_most")
        if (self.low is not None) != needs_low or (self.high is not None) != needs_high:
            raise ValueError(f"{self.kind} target value with low={self.low!r}, high={self.high!r}")
        if self.kind == "exact" and self.low != self.high:
            raise ValueError(f"exact target value with low={self.low!r} != high={self.high!r}")

    @property
    def lower(self) -> Bound | None:
        """The lower bound this value demands, if any."""
        if self.low is None or self.approximate:
            return None
        return Bound(self.low, strict=self.kind == "more")

    @property
    def upper(self) -> Bound | None:
        """The upper bound this value demands, if any."""
        if self.high is None or self.approximate:
            return None
        return Bound(self.high, strict=self.kind == "less")

    def canonical(self) -> str:
        """The wording the spec table gives: ``trên 75%``, ``85-90%``, ``không quá 15``."""
        sign = "%" if self.percent else ""
        unit = f" {self.unit}" if self.unit else ""

        def num(value: Decimal | None) -> str:
            assert value is not None  # guaranteed by __post_init__ for this kind
            return format_number(value) + sign + unit

        if self.kind == "exact":
            return f"khoảng {num(self.low)}" if self.approximate else num(self.low)
        if self.kind == "more":
            return f"trên {num(self.low)}"
        if self.kind == "at_least":
            return f"từ {num(self.low)} trở lên"
        if self.kind == "between":
            # One % at the end, as plans write "85-90%".
            assert self.low is not None
            return f"{format_number(self.low)}-{num(self.high)}"
        if self.kind == "less":
            return f"dưới {num(self.high)}"
        return f"không quá {num(self.high)}"

    def __str__(self) -> str:
        return self.canonical()


class TargetSyntaxError(ValueError):
    """A target value that cannot be read; ``vi`` and ``en`` say why and how to write it."""

    def __init__(self, text: str, vi: str, en: str) -> None:
        super().__init__(vi)
        self.text = text
        self.vi = vi
        self.en = en


#: A letter of Vietnamese text (the same class in the JSON Schema's ECMAScript pattern).
LETTER = "[A-Za-z\u00C0-\u024F\u1E00-\u1EFF]"
#: Words that belong to the grammar and so never start a unit: "từ 200 lượt trở lên".
_GRAMMAR_WORDS = ("trở", "lên", "đến")


# A quantity: an optional minus (only to report it), a number, an optional % (or "phần
# trăm"), then up to four words naming what is counted. Each use gets its own group
# names, as one pattern cannot repeat a name. No literal space: a space in a form means
# "any spacing", and the words after a number need one.
def _quantity(name: str) -> str:
    not_grammar = "|".join(_GRAMMAR_WORDS)
    word = rf"\s+(?!(?:{not_grammar})(?!{LETTER})){LETTER}+"
    return (rf"(?P<{name}_neg>[-−–—‐‑]\s*)?"
            rf"(?P<{name}>[0-9]+(?:[.,][0-9]+)*)\s*(?P<{name}_pct>%|phần\s*trăm)?"
            rf"(?P<{name}_unit>(?:{word}){{1,4}})?")


_A, _B = _quantity("a"), _quantity("b")
_DASH = r"[-–—‐‑−]"  # hyphen-minus, en dash, em dash, hyphen, non-breaking hyphen, minus

# (kind, pattern). A space in a pattern means "any spacing, including none", so
# "trên75%" and "từ  90 %  trở lên" read like the canonical form.
#: "about" is read as an approximate exact value.
_FORM_SOURCES: tuple[tuple[Kind | Literal["about"], str], ...] = (
    ("exact", _A),
    ("about", rf"khoảng {_A}"),
    ("more", rf"(?:trên|hơn|>) {_A}"),
    ("at_least", rf"từ {_A} trở lên"),
    ("at_least", rf"{_A} trở lên"),  # "90% trở lên CĐCS" in real plans
    ("at_least", rf"(?:ít nhất|tối thiểu|>=|≥) {_A}"),
    ("between", rf"(?:từ )?{_A} {_DASH} {_B}"),
    ("between", rf"từ {_A} đến {_B}"),
    ("less", rf"(?:dưới|<) {_A}"),
    ("at_most", rf"(?:không quá|tối đa|<=|≤) {_A}"),
)
_FORMS: tuple[tuple[Kind | Literal["about"], re.Pattern[str]], ...] = tuple(
    (kind, re.compile(source.replace(" ", r"\s*"))) for kind, source in _FORM_SOURCES)
#: "đạt 100%": "đạt" (reach) before any form adds nothing to the value.
_REACH = re.compile(r"^đạt\s+")
_NONE = re.compile(r"không\s*có")  # "không có" = exactly none, a count of 0

_THOUSANDS = re.compile(r"[1-9][0-9]{0,2}(?:\.[0-9]{3})+")


def _normalise(text: str) -> str:
    # NFC before and after lower(): lowering is defined on code points, and the
    # patterns are written in NFC.
    text = unicodedata.normalize("NFC", text)
    return unicodedata.normalize("NFC", text.lower()).strip()


def _number(token: str, original: str) -> Decimal:
    """Read one number by the dot/comma rule of the module docstring."""
    if "," in token:
        whole, _, fraction = token.partition(",")
        # One decimal comma, after any thousands dots; "1,000.5" (English style)
        # and "1,5,6" are refused rather than guessed.
        if "," in fraction or "." in fraction or ("." in whole and not _THOUSANDS.fullmatch(whole)):
            raise _bad_number(token, original)
        return Decimal(whole.replace(".", "") + "." + fraction)
    if _THOUSANDS.fullmatch(token):
        return Decimal(token.replace(".", ""))
    if token.count(".") > 1:  # "1.2.3": neither thousands groups nor one decimal point
        raise _bad_number(token, original)
    return Decimal(token)


def parse_number(token: str, original: str | None = None) -> Decimal:
    """One number the Vietnamese way (``12,5``, ``10.141``); raises :class:`TargetSyntaxError`.
    ``original`` is the text it came from, for the message."""
    return _number(token, token if original is None else original)


def _bad_number(token: str, original: str) -> TargetSyntaxError:
    return TargetSyntaxError(
        original,
        f'số "{token}" trong giá trị chỉ tiêu "{original}" không đọc được; dùng dấu phẩy '
        f'cho phần thập phân và dấu chấm để ngăn hàng nghìn, ví dụ "12,5%", "10.141", "1.000,5"',
        f'the number "{token}" in target value "{original}" cannot be read; use a comma for '
        f'decimals and dots to group thousands, e.g. "12,5%", "10.141", "1.000,5"')


def _unreadable(original: str) -> TargetSyntaxError:
    # The YAML hint for an unquoted leading ">" belongs to the YAML reader: such a value
    # is a YAML syntax error and never reaches this module.
    return TargetSyntaxError(
        original,
        f'giá trị chỉ tiêu "{original}" không đọc được; hãy viết như {_FORMS_VI}',
        f'target value "{original}" cannot be read; write it like {_FORMS_EN}')


def _negative(original: str, fixed: str) -> TargetSyntaxError:
    return TargetSyntaxError(
        original,
        f'giá trị chỉ tiêu "{original}" có số âm, nhưng tỉ lệ phần trăm và số lượng không thể âm; '
        f'hãy bỏ dấu trừ ("{fixed}"); khoảng thì viết như "85-90%"',
        f'target value "{original}" has a negative number, but percentages and counts are never '
        f'negative; drop the minus ("{fixed}"); write a range like "85-90%"')


def parse_target(value: str | int) -> TargetValue:
    """Read a target value: a string as the plan writes it, or an int (YAML ``value: 200``)
    as an exact count. Raises :class:`TargetSyntaxError`."""
    # bool first: it is an int subclass, and "value: true" is surely a mistake.
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        shown = str(value).lower() if isinstance(value, bool) else repr(value)
        raise TargetSyntaxError(
            shown,
            f'giá trị chỉ tiêu phải là chữ như "trên 75%" hoặc một số lượng như 200, không phải {shown}',
            f'a target value must be text such as "trên 75%" or a count such as 200, not {shown}')
    if isinstance(value, int):
        if value < 0:
            raise _negative(str(value), str(-value))
        return TargetValue("exact", Decimal(value), Decimal(value), False)

    original = unicodedata.normalize("NFC", value).strip()
    if not original:
        raise TargetSyntaxError(
            original,
            f"giá trị chỉ tiêu đang để trống; hãy viết như {_FORMS_VI}",
            f"the target value is empty; write it like {_FORMS_EN}")
    lowered = _normalise(value)
    reach = _REACH.match(lowered)
    offset = reach.end() if reach else 0
    text = lowered[offset:]
    if _NONE.fullmatch(text):
        return TargetValue("exact", Decimal(0), Decimal(0), False)

    for kind, pattern in _FORMS:
        match = pattern.fullmatch(text)
        if match is None:
            continue
        groups = match.groupdict()
        for name in ("a", "b"):
            if groups.get(f"{name}_neg"):
                start, end = match.span(f"{name}_neg")
                raise _negative(original, (text[:start] + text[end:]).strip())
        a = _number(groups["a"], original)
        b = _number(groups["b"], original) if groups.get("b") else None
        # A range is a percentage if % is written on either end ("85%-90", "85-90%").
        percent = bool(groups.get("a_pct") or groups.get("b_pct"))
        unit = _unit(match, original, lowered, offset)
        if kind == "exact" or kind == "about":
            return TargetValue("exact", a, a, percent, unit, approximate=kind == "about")
        if kind == "more" or kind == "at_least":
            return TargetValue(kind, a, None, percent, unit)
        if kind == "between":
            return TargetValue(kind, a, b, percent, unit)
        return TargetValue(kind, None, a, percent, unit)  # less, at_most
    raise _unreadable(original)


def _unit(match: re.Match[str], original: str, lowered: str, offset: int) -> str:
    """The words after the number as written (case kept: "CĐCS"), one space between them."""
    groups = match.groupdict()
    name = "b_unit" if groups.get("b_unit") else "a_unit"
    if not groups.get(name):
        return ""
    start, end = match.span(name)
    source = original if len(original) == len(lowered) else lowered
    return " ".join(source[start + offset:end + offset].split())


def format_number(value: Decimal) -> str:
    """A target's number as written (:func:`thidua_cli.vn.numbers.exact`): ``12,5``, ``10.141``."""
    return numbers.exact(value)


#: Words by which a target says its share is of a plan, which may be exceeded: "đạt 120%
#: dự toán thu kinh phí công đoàn", "thu ngân sách đạt 105% kế hoạch".
_OF_A_PLAN = re.compile(r"(?<!\w)(?:kế hoạch|dự toán|chỉ tiêu được giao|chỉ tiêu giao|so với)(?!\w)")


def share_of_a_plan(value: TargetValue, text: str = "") -> bool:
    """Whether a percentage is a share of a plan (it may exceed 100%): its unit or the
    target's text says so."""
    return value.percent and bool(_OF_A_PLAN.search(_normalise(f"{value.unit} {text}")))
