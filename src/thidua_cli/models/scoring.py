"""Scorings (chấm điểm thi đua): one criteria table, the units' scores, the ranking's vote,
the award proposals and the meeting that decided them — one file a scoring.

A scoring is made ``by`` a cluster (its members are scored at the year-end meeting) or by a
superior unit (its direct subordinates: chấm điểm, xếp loại CĐCS). Scores are decimals with
at most one decimal place, written ``8.5`` or ``8,5``, kept as exact :class:`~decimal.Decimal`
so that sums never drift (0.5 × 3 is 1.5). Whether a score lies within its item's maximum,
whether a group's items add up, and every other relation between fields are rules
(:mod:`thidua_cli.rules.scoring`), so that each is reported at its place with its name.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    BeforeValidator,
    ConfigDict,
    Field,
    PlainSerializer,
    PlainValidator,
    WithJsonSchema,
)

from thidua_cli.models.base import Date, Id, Model, Text, user_error
from thidua_cli.models.campaign import Document
from thidua_cli.models.result import Count

_SCORE = re.compile(r"\s*(-?)([0-9]+)(?:[.,]([0-9]))?\s*")
_NUMBER = re.compile(r"\s*(-?)([0-9]+)(?:[.,]([0-9]+))?\s*")
_CRITERION = re.compile(r"[0-9A-Za-z]+([.\-][0-9A-Za-z]+)*")
_TIME = re.compile(r"([01]?[0-9]|2[0-3])(?::|h| giờ )([0-5][0-9])")


def _decimal(value: Any, pattern: re.Pattern[str], what_vi: str, what_en: str) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        shown = str(value).lower() if isinstance(value, bool) else repr(value)
        raise user_error(f"{what_vi} phải là một số như 8 hoặc 8,5, không phải {shown}",
                         f"{what_en} must be a number such as 8 or 8.5, not {shown}")
    if isinstance(value, int):
        return Decimal(value)  # the common case, 6,000 units × 20 items: no text on the way
    # A YAML float is read back from its shortest text (8.5, not 8.4999…): the number the
    # cadre wrote, not its binary approximation.
    text = repr(value) if isinstance(value, float) else value
    match = pattern.fullmatch(text)
    if match is None:
        raise user_error(
            f'{what_vi} "{value}" không đọc được; viết một số có tối đa một chữ số thập phân, '
            'ví dụ 8, 8,5 hoặc 8.5',
            f'{what_en} "{value}" cannot be read; write a number with at most one decimal, '
            'e.g. 8, 8,5 or 8.5')
    sign, whole, fraction = match.groups()
    return Decimal(f"{sign}{whole}.{fraction}" if fraction else f"{sign}{whole}")


def _score(value: Any) -> Decimal:
    return _decimal(value, _SCORE, "điểm", "a score")


def _times(value: Any) -> Decimal:
    # Any number here; a count that is not a whole number ≥ 0 is score-out-of-range, at its place.
    return _decimal(value, _NUMBER, "số lần", "a count")


def _criterion_id(value: Any) -> str:
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, float):
        # 1.10 would silently become 1.1: the id must be text.
        raise user_error(f'mã tiêu chí {value!r} cần đặt trong ngoặc kép, ví dụ "{value!r}"',
                         f'criterion id {value!r} must be quoted, e.g. "{value!r}"')
    if not isinstance(value, str) or _CRITERION.fullmatch(value) is None:
        raise user_error(
            f'mã tiêu chí {value!r} không hợp lệ; dùng chữ số, chữ cái không dấu, dấu chấm '
            'hoặc gạch ngang, ví dụ "1", "1.2", "T1"',
            f'criterion id {value!r} is not valid; use digits, ASCII letters, dots or hyphens, '
            'e.g. "1", "1.2", "T1"')
    return value


def _criterion_keys(value: Any) -> Any:
    """``{1: 10, "1.1": 8}``: a whole-number key is the id it spells; a decimal key must be quoted."""
    if not isinstance(value, dict):
        return value
    for key, item in value.items():
        if item is None and isinstance(key, int) and not isinstance(key, bool):
            # {"1.1": 8,5} is read as {"1.1": 8, 5: null}: a decimal comma inside {…} ends the value.
            raise user_error(
                f'"…,{key}" bị đọc thành một mục riêng: trong {{…}}, điểm có dấu phẩy thập phân phải đặt '
                f'trong ngoặc kép ("8,{key}") hoặc viết bằng dấu chấm (8.{key})',
                f'"…,{key}" was read as an entry of its own: inside {{…}}, a score with a decimal comma must '
                f'be quoted ("8,{key}") or written with a dot (8.{key})')
    return {_criterion_id(key): item for key, item in value.items()}


def _time(value: Any) -> str:
    if isinstance(value, str) and _TIME.fullmatch(value.strip()):
        hours, minutes = _TIME.fullmatch(value.strip()).groups()  # type: ignore[union-attr]
        return f"{int(hours):02d}:{minutes}"
    raise user_error(f'giờ {value!r} không đọc được; viết như "08:30" (trong ngoặc kép)',
                     f'time {value!r} cannot be read; write it like "08:30" (in quotes)')


# Shown by editors (VS Code's YAML extension) beside a value that does not match the pattern.
_SCORE_MESSAGE = ("Điểm là một số có nhiều nhất một chữ số thập phân, ví dụ 8,5 hoặc 8.5.\n"
                  "A score is a number with at most one decimal, e.g. 8,5 or 8.5.")
_CRITERION_ID_MESSAGE = ('Mã tiêu chí gồm chữ và số, ngăn bởi dấu chấm hoặc gạch ngang, đặt trong ngoặc kép, '
                         'ví dụ "1.1".\n'
                         'A criterion id is letters and digits separated by dots or hyphens, in quotes, '
                         'e.g. "1.1".')
_TIME_MESSAGE = ('Giờ viết như "08:30", "8h30" hoặc "8 giờ 30".\n'
                 'A time is written like "08:30", "8h30" or "8 giờ 30".')
_NUMBER_SCHEMA = {"anyOf": [{"type": "number"},
                            {"type": "string", "pattern": r"^\s*-?[0-9]+([.,][0-9])?\s*(?![\s\S])",
                             "patternErrorMessage": _SCORE_MESSAGE}]}

#: A score, a maximum or points: a number with at most one decimal (``8``, ``8.5``, ``"8,5"``).
Score = Annotated[Decimal, PlainValidator(_score), PlainSerializer(lambda value: str(value), return_type=str),
                  WithJsonSchema(_NUMBER_SCHEMA)]
#: How many times a bonus or deduction applies (whole and ≥ 0 by rule, not by type).
Times = Annotated[Decimal, PlainValidator(_times), PlainSerializer(lambda value: str(value), return_type=str),
                  WithJsonSchema({"anyOf": [{"type": "number"}, {"type": "string"}]})]
CriterionId = Annotated[str, PlainValidator(_criterion_id),
                        WithJsonSchema({"anyOf": [
                            {"type": "string", "pattern": r"^[0-9A-Za-z]+([.\-][0-9A-Za-z]+)*(?![\s\S])",
                             "patternErrorMessage": _CRITERION_ID_MESSAGE},
                            {"type": "integer", "minimum": 0}]})]
Time = Annotated[str, PlainValidator(_time),
                 WithJsonSchema({"type": "string",
                                 "pattern": r"^\s*[0-2]?[0-9](:|h| giờ )[0-5][0-9]\s*(?![\s\S])",
                                 "patternErrorMessage": _TIME_MESSAGE})]


def _not_empty(value: list[Any]) -> list[Any]:
    if not value:
        raise user_error("danh sách này cần ít nhất một mục", "this list needs at least one entry")
    return value


def _keyed(value_type: Any) -> Any:
    return Annotated[dict[CriterionId, value_type], BeforeValidator(_criterion_keys)]


class Item(Model):
    """A scored criterion (tiêu chí) with its maximum; ``target`` links it to a covenant
    target, whose result gives the points when the unit has no score for it."""

    id: CriterionId
    name: Text
    max: Score
    target: Id | None = None


class Group(Model):
    """A criteria group (nhóm tiêu chí): its items' maxima add up to its own."""

    id: CriterionId
    name: Text
    max: Score
    items: Annotated[list[Item], AfterValidator(_not_empty)]


class Extra(Model):
    """A bonus (điểm thưởng) or deduction (điểm trừ): points each time it applies."""

    id: CriterionId
    name: Text
    points: Score


class Extras(Model):
    """Bonus or deductions: the items, their total capped at ``max``."""

    max: Score
    items: Annotated[list[Extra], AfterValidator(_not_empty)]


class ScoreClass(Model):
    """A class (xếp loại) reached from ``min`` points; the last one may have no ``min``."""

    name: Text
    min: Score | None = None


class UnitScores(Model):
    """One unit's scores: self-scores (tự chấm), the changes of the review (thẩm định) with
    a reason each, and how many times each bonus and deduction applies."""

    # Dumped as it is written ("self", not the attribute's name), so that a dump reads back
    # (the results cache stores models as their JSON dump).
    model_config = ConfigDict(**Model.model_config, serialize_by_alias=True)

    self_: _keyed(Score) = Field(default={}, alias="self")  # type: ignore[valid-type]
    final: _keyed(Score) = {}  # type: ignore[valid-type]
    reasons: _keyed(Text) = {}  # type: ignore[valid-type]
    bonus: _keyed(Times) = {}  # type: ignore[valid-type]
    deductions: _keyed(Times) = {}  # type: ignore[valid-type]
    note: Text | None = None  # ghi chú in the score table


class Vote(Model):
    """The vote of the meeting (bình xét, suy tôn): valid ballots and the votes each unit got;
    ``issued`` and ``returned`` (phiếu phát ra, thu về) are printed in the minutes when known."""

    ballots: Count
    issued: Count | None = None
    returned: Count | None = None
    votes: dict[Id, Count] = {}


class Proposal(Model):
    unit: Id
    award: Text


class Meeting(Model):
    """The year-end meeting, for the minutes (biên bản)."""

    date: Date
    opens: Time | None = None        # "08:30"
    closes: Time | None = None
    place: Text | None = None
    chair: Text | None = None        # "Nguyễn Văn C, Chủ tịch LĐLĐ thành phố Hà Giang (Cụm trưởng)"
    secretary: Text | None = None
    guests: list[Text] = []          # the superior's representatives (đại biểu)
    present: list[Id] | None = None  # the members present; absent: not recorded
    report: Text | None = None       # who presented the year's report
    discussion: list[Text] = []      # ý kiến thảo luận
    next_leader: Id | None = None    # next year's cụm trưởng


class Scoring(Model):
    by: Id
    year: int
    campaign: Id | None = None
    units: list[Id] | None = None
    criteria: Annotated[list[Group], AfterValidator(_not_empty)]
    bonus: Extras | None = None
    deductions: Extras | None = None
    classes: list[ScoreClass] = []
    scores: dict[Id, UnitScores] = {}
    vote: Vote | None = None
    proposals: list[Proposal] = []
    meeting: Meeting | None = None
    document: Document | None = None

    def items(self) -> list[Item]:
        return [item for group in self.criteria for item in group.items]
