"""Results (kết quả thực hiện): what one unit achieved in one campaign or one phase.

A result keeps counts, not percentages, wherever a percentage can be computed: each
share names its denominator (``of``) among the report's ``population`` totals, so the
share is computed exactly and rolled up by pooling counts.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Any

from pydantic import BeforeValidator, PlainSerializer, PlainValidator, WithJsonSchema

from thidua_cli.models.base import Date, Id, Model, Text, user_error
from thidua_cli.models.campaign import Document
from thidua_cli.vn import numbers


def _parse_share(value: Any) -> str:
    if isinstance(value, bool) or not isinstance(value, str):
        shown = str(value).lower() if isinstance(value, bool) else repr(value)
        raise user_error(
            f'tỉ lệ phải là chữ như "75,01%" (trong ngoặc kép), không phải {shown}',
            f'a share must be text such as "75,01%" (in quotes), not {shown}')
    try:
        numbers.parse_share(value)
    except numbers.ShareSyntaxError as exc:
        raise user_error(exc.vi, exc.en) from None
    return value.strip()


def _whole_number(value: Any) -> Any:
    """A count or a total: a whole number ≥ 0. A word is refused with the reason a cadre
    understands ("bảy mươi" is not a number), before the generic type error."""
    if isinstance(value, str):
        raise user_error(f'"{value}" không phải là số; hãy viết một số nguyên ≥ 0, ví dụ 70',
                         f'"{value}" is not a number; write a whole number ≥ 0, e.g. 70')
    if isinstance(value, float):
        raise user_error(f"{value} không phải là số nguyên; số lượng là số nguyên ≥ 0, "
                         "không có phần thập phân (viết 10159, không phải 10.159)",
                         f"{value} is not a whole number; a count is a whole number ≥ 0 "
                         "(write 10159, not 10.159)")
    if isinstance(value, int) and not isinstance(value, bool) and value < 0:
        raise user_error(f"số lượng không thể âm ({value})", f"a count cannot be negative ({value})")
    return value


# Shown by editors (VS Code's YAML extension) beside a value that does not match the pattern.
_SHARE_MESSAGE = ('Tỉ lệ viết như "75,01%" (dấu phẩy thập phân, có dấu %).\n'
                  'A share is written like "75,01%" (decimal comma, with %).')
#: A stated share, kept as written ("75,01%"); its precision matters (result-stated-mismatch).
Share = Annotated[str, PlainValidator(_parse_share), PlainSerializer(lambda value: str(value)),
                  WithJsonSchema({"type": "string", "pattern": r"^\s*[0-9][0-9.,]*\s*%\s*$",
                                  "patternErrorMessage": _SHARE_MESSAGE})]
Count = Annotated[int, BeforeValidator(_whole_number),
                  WithJsonSchema({"type": "integer", "minimum": 0})]


class Achieved(Model):
    """What was achieved for one target: ``{count, of}``, ``{count}`` or ``{value}``."""

    count: Count | None = None
    of: Id | None = None          # the population total the count is a share of
    stated: Share | None = None   # the share the report prints beside the counts
    value: Share | None = None    # only a share is known (no counts)

    def model_post_init(self, _context: Any) -> None:
        if (self.count is None) == (self.value is None):
            raise user_error(
                'cần đúng một trong hai: "count" (số lượng, có thể kèm "of") '
                'hoặc "value" (tỉ lệ như "95,2%")',
                'give exactly one of "count" (a count, optionally with "of") '
                'or "value" (a share such as "95,2%")')
        if self.value is not None and (self.of is not None or self.stated is not None):
            raise user_error('"value" là tỉ lệ đã tính sẵn: không đi kèm "of" hay "stated"',
                             '"value" is a share already computed: it takes no "of" or "stated"')
        if self.stated is not None and self.of is None:
            raise user_error('"stated" là tỉ lệ in bên cạnh count/of: cần có "of"',
                             '"stated" is the share printed beside count/of: it needs "of"')

    @property
    def stated_share(self) -> Decimal | None:
        """The share the report prints (``stated``, else ``value``), as a number."""
        text = self.stated or self.value
        return None if text is None else numbers.parse_share(text)[0]


def _bare_count(value: Any) -> Any:
    """``cdcs-yeu: 0`` is ``{count: 0}``; a word is not a number."""
    if isinstance(value, int) and not isinstance(value, bool):
        return {"count": value}
    if isinstance(value, str) and "%" in value:
        raise user_error(f'tỉ lệ đã tính sẵn viết là {{value: "{value.strip()}"}}; tốt hơn là ghi số lượng '
                         '{count: N, of: TỔNG}',
                         f'a share already computed is written {{value: "{value.strip()}"}}; better, give '
                         'the counts {count: N, of: TOTAL}')
    if isinstance(value, (str, float)):
        return _whole_number(value)
    return value


#: The schema export (schema.py) adds the bare whole number to the generated object schema.
AchievedField = Annotated[Achieved, BeforeValidator(_bare_count)]


class Result(Model):
    campaign: Id
    unit: Id | None = None        # default: the campaign's issuer
    phase: int | None = None      # a sơ kết of that phase; absent: the whole campaign
    as_of: Date
    document: Document | None = None
    population: dict[Id, Count] = {}
    results: dict[Id, AchievedField] = {}
    situation: list[Text] = []
    highlights: list[Text] = []
    shortcomings: list[Text] = []
    lessons: list[Text] = []
    awards_received: list[Text] = []
    proposals: list[Text] = []
