"""The base of every registry model, and the value types the format defines.

Models are strict: hand-written YAML with a typo or a quoted number is an
error, never silently coerced. Custom checks raise ``PydanticCustomError`` of
type ``thidua`` carrying both languages, so that the loader can show them.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    PlainSerializer,
    PlainValidator,
    WithJsonSchema,
)
from pydantic_core import PydanticCustomError

from thidua_cli import hints
from thidua_cli.vn import dates as vn_dates
from thidua_cli.vn import targets as vn_targets
from thidua_cli.vn.slug import MAX_ID_LENGTH, is_too_long, is_valid_id, slugify


class Model(BaseModel):
    model_config = ConfigDict(strict=True, extra="forbid", frozen=True)


def user_error(vi: str, en: str) -> PydanticCustomError:
    return PydanticCustomError("thidua", "{en}", {"vi": vi, "en": en})


def _check_id(value: str) -> str:
    if is_too_long(value):
        raise user_error(
            f"mã dài {len(value)} ký tự, quá {MAX_ID_LENGTH} ký tự cho phép (mã thành tên tệp); "
            "hãy viết mã ngắn hơn",
            f"the id is {len(value)} characters long, more than the {MAX_ID_LENGTH} allowed "
            "(ids become file names); write a shorter id")
    if not is_valid_id(value):
        hint_vi, hint_en = hints.wording(slugify(value) or "vi-du-ma-so")
        raise user_error(
            f'mã "{value}" không hợp lệ: mã chỉ gồm chữ thường không dấu, chữ số và dấu gạch ngang'
            + hint_vi,
            f'id "{value}" is not valid: use lowercase ASCII letters, digits and hyphens' + hint_en)
    return value


def _parse_date(value: Any) -> date:
    if isinstance(value, date):
        return value
    if not isinstance(value, str):
        raise user_error(
            f"cần một ngày (2020-01-03 hoặc 03/01/2020), không phải {value!r}",
            f"expected a date (2020-01-03 or 03/01/2020), not {value!r}")
    try:
        return vn_dates.parse_date(value)
    except vn_dates.DateSyntaxError as exc:
        raise user_error(exc.vi, exc.en) from None


def _parse_target(value: Any) -> vn_targets.TargetValue:
    if isinstance(value, vn_targets.TargetValue):
        return value
    if isinstance(value, float):
        # YAML reads an unquoted 10.141 or 12.5 as a float; the cadre meant text.
        raise user_error(
            f'giá trị chỉ tiêu {value} cần đặt trong ngoặc kép, ví dụ "12,5%" hoặc "10.141"',
            f'target value {value} must be quoted, e.g. "12,5%" or "10.141"')
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise user_error(
            f'giá trị chỉ tiêu phải là chữ như "trên 75%", không phải {value!r}',
            f'a target value must be text such as "trên 75%", not {value!r}')
    try:
        return vn_targets.parse_target(value)
    except vn_targets.TargetSyntaxError as exc:
        raise user_error(exc.vi, exc.en) from None


def _check_lunar(value: str) -> str:
    parsed = vn_dates.lunar_day_month(value)
    if parsed is not None:
        return f"{parsed[0]}/{parsed[1]}"
    raise user_error(
        f'ngày âm lịch "{value}" không hợp lệ; hãy viết "ngày/tháng" âm lịch, ví dụ "10/3" '
        f'(ngày 1–30, tháng 1–12)',
        f'lunar date "{value}" is not valid; write lunar "day/month", e.g. "10/3" (day 1–30, month 1–12)')


Id = Annotated[str, AfterValidator(_check_id),
               WithJsonSchema({"type": "string", "pattern": r"^[a-z0-9]+(-[a-z0-9]+)*$",
                               "maxLength": MAX_ID_LENGTH})]
Date = Annotated[date, PlainValidator(_parse_date), PlainSerializer(lambda d: d.isoformat()),
                 WithJsonSchema({"type": "string", "anyOf": [
                     {"format": "date"}, {"pattern": r"^\d{1,2}/\d{1,2}/\d{4}$"}]})]
TargetValueField = Annotated[
    vn_targets.TargetValue, PlainValidator(_parse_target),
    # A lambda, not the builtin: pydantic < 2.8 inspects the signature, and `str` has none.
    PlainSerializer(lambda value: str(value)),
    WithJsonSchema({"anyOf": [{"type": "string", "minLength": 1},
                              {"type": "integer", "minimum": 0}]})]
LunarDayMonth = Annotated[str, AfterValidator(_check_lunar),
                          WithJsonSchema({"type": "string", "pattern": r"^\s*\d{1,2}\s*/\s*\d{1,2}\s*$"})]
Text = Annotated[str, BeforeValidator(lambda v: v.strip() if isinstance(v, str) else v)]
