"""``thidua new campaign``: next year's campaign from last year's, the file otherwise untouched.

The source file is edited through a ruamel round trip (authoring/yaml_roundtrip), so
comments, key order, quoting and flow style survive; only these change, each reported:

- every date (``start``, ``end``, ``date`` at any depth) moves by the difference of
  years, in its own format (ISO or dd/mm/yyyy); 29/02 becomes 28/02 in a common year;
- ``id`` (the old id with its year replaced, or ``--id``), ``year``, and the campaign's
  own year where it stands as a whole word in ``title``;
- every stated ordinal in ``celebrates`` is computed again from the anniversary's base
  year for the moved period (occurrences), never by adding; a ``# 2020 - 1930`` comment
  beside it becomes ``# 2021 - 1930``;
- ``document.number`` keeps its type code and issuer code and loses its number for the
  clerk (``01/KH-CĐP`` → ``…/KH-CĐP``); ``document.date`` becomes empty (null);
- with another issuer (``--issuer``, a plan derived from the superior's), ``issuer`` and
  the document's number and signer (another unit's) are emptied instead.

Dates of the day something is done (``date`` of the launch, of an event) that land on a
weekend or a public holiday are listed (:mod:`thidua_cli.vn.holidays`): a launch moved
by a year keeps its day of the month, not its day of the week.

Free text (aims, themes, goals …) is not rewritten: mentions of the old year or of
"N năm" there are listed as hints for the cadre to read again.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from thidua_cli.authoring.yaml_roundtrip import Null, loads
from thidua_cli.errors import UserError
from thidua_cli.models import Campaign
from thidua_cli.problems import Text
from thidua_cli.registry.data import Entry
from thidua_cli.registry.index import RegistryIndex
from thidua_cli.vn.dates import same_day_in_year

_ISO = re.compile(r"^(\s*)(\d{4})-(\d{1,2})-(\d{1,2})(\s*)$", re.ASCII)
_VN = re.compile(r"^(\s*)(\d{1,2})/(\d{1,2})/(\d{4})(\s*)$", re.ASCII)
_DATE_KEYS = ("start", "end", "date")
_ORDINAL_TEXT = re.compile(r"\b\d{1,4} năm\b")


@dataclass
class Result:
    text: str
    new_id: str
    changes: list[Text] = field(default_factory=list)
    hints: list[Text] = field(default_factory=list)
    #: dates that land on a weekend or a public holiday
    days_off: list[Text] = field(default_factory=list)


class OutOfRange(ValueError):
    """A date would move outside the years a registry date can have (1000–9999)."""

    def __init__(self, day: date, years: int) -> None:
        super().__init__(day.isoformat())
        self.day, self.years = day, years


def _shift(day: date, years: int) -> date:
    if not 1000 <= day.year + years <= 9999:
        raise OutOfRange(day, years)
    return same_day_in_year(day, day.year + years)  # 29/02 into a common year: 28/02


def move_date(text: str, years: int) -> str | None:
    """``text`` moved by ``years`` in its own spelling, or None when it is not a date."""
    iso = _ISO.match(text)
    if iso:
        lead, y, m, d, tail = iso.groups()
        moved = _shift(date(int(y), int(m), int(d)), years)
        return (f"{lead}{moved.year}-{moved.month:0{len(m)}d}-{moved.day:0{len(d)}d}{tail}")
    vn = _VN.match(text)
    if vn:
        lead, d, m, y, tail = vn.groups()
        moved = _shift(date(int(y), int(m), int(d)), years)
        return f"{lead}{moved.day:0{len(d)}d}/{moved.month:0{len(m)}d}/{moved.year}{tail}"
    return None


def _same_style(old: Any, new: str) -> Any:
    """A new string written the way the old one was (plain, 'single' or "double" quoted)."""
    return type(old)(new) if type(old) is not str else new


def new_id_for(old_id: str, old_year: int, new_year: int) -> str:
    parts = old_id.split("-")
    for index in range(len(parts) - 1, -1, -1):
        if parts[index] == str(old_year):
            parts[index] = str(new_year)
            return "-".join(parts)
    return f"{old_id}-{new_year}"


def _where(path: tuple[Any, ...], phases: Any) -> tuple[str, str]:
    """A path as a cadre reads it: ``đợt 2, end`` / ``phase 2, end``."""
    vi, en = [], []
    i = 0
    while i < len(path):
        key = path[i]
        if key == "phases" and i + 1 < len(path) and isinstance(path[i + 1], int):
            number = phases[path[i + 1]].get("number", path[i + 1] + 1)
            vi.append(f"đợt {number}")
            en.append(f"phase {number}")
            i += 2
            continue
        if isinstance(key, int):
            vi.append(f"[{key + 1}]")
            en.append(f"[{key + 1}]")
        else:
            vi.append(str(key))
            en.append(str(key))
        i += 1
    return ".".join(vi).replace(".[", "["), ".".join(en).replace(".[", "[")


def shift_date(day: date, years: int) -> date:
    """``day`` moved by ``years`` as the new campaign moves it (29/02 → 28/02)."""
    return _shift(day, years)


def _blank_number(number: str) -> str | None:
    """``01/KH-CĐP`` → ``…/KH-CĐP``: the type and the issuer's code stay, the number is the
    clerk's; None when there is nothing after a ``/`` to keep."""
    _, slash, symbol = number.strip().partition("/")
    return f"…/{symbol}" if slash and symbol else None


def next_year(source_text: str, new_year: int, new_id: str | None,
              anniversaries: dict[str, Any], issuer: str | None = None) -> Result:
    """The new campaign's text and what changed. ``anniversaries``: id → Anniversary model;
    ``issuer``: another unit that issues the new campaign."""
    from thidua_cli.occurrences import celebrated
    from thidua_cli.vn.holidays import day_off

    document = loads(source_text)
    data = document.data
    old_year = int(data["year"])
    years = new_year - old_year
    old_id = str(data["id"])
    target_id = new_id or new_id_for(old_id, old_year, new_year)
    result = Result("", target_id)
    phases = data.get("phases") or []

    def change(vi: str, en: str) -> None:
        result.changes.append(Text(vi, en))

    data["id"] = _same_style(data["id"], target_id)
    change(f"id: {old_id} → {target_id}", f"id: {old_id} → {target_id}")
    data["year"] = new_year
    change(f"year: {old_year} → {new_year}", f"year: {old_year} → {new_year}")
    title = str(data.get("title", ""))
    # A school year's title names both years ("năm học 2020-2021"): both move, in one pass.
    years_in_title = {old_year: new_year}
    if data.get("kind") == "nam-hoc":
        years_in_title[old_year + 1] = new_year + 1
    new_title = re.sub(r"(?<!\d)\d{4}(?!\d)",
                       lambda m: str(years_in_title.get(int(m.group()), m.group())), title)
    if new_title != title:
        data["title"] = _same_style(data["title"], new_title)
        change(f"title: {title} → {new_title}", f"title: {title} → {new_title}")

    if issuer is not None and issuer != data.get("issuer"):
        change(f"issuer: {data.get('issuer')} → {issuer}", f"issuer: {data.get('issuer')} → {issuer}")
        data["issuer"] = _same_style(data["issuer"], issuer)

    doc = data.get("document")
    if isinstance(doc, dict):
        for key in ("number", "date", "signer"):
            if key not in doc or isinstance(doc[key], Null) or doc[key] is None:
                continue
            old = doc[key]
            kept = (_blank_number(str(old)) if key == "number" and issuer is None
                    and isinstance(old, str) else None)
            if key == "signer" and issuer is None:
                continue  # the same unit's signer usually signs again
            shown = old if key != "signer" else "…"
            if kept is not None:
                doc[key] = _same_style(old, kept)
                change(f"document.{key}: {old} → {kept} (số để văn thư ghi)",
                       f"document.{key}: {old} → {kept} (the number left for the clerk)")
            else:
                doc[key] = Null("")
                change(f"document.{key}: {shown} → (để trống cho văn thư ghi)",
                       f"document.{key}: {shown} → (left empty for the clerk)")

    def walk(node: Any, path: tuple[Any, ...]) -> None:
        if isinstance(node, dict):
            for key in list(node):
                value = node[key]
                if key in _DATE_KEYS and isinstance(value, str):
                    moved = move_date(value, years)
                    if moved is not None and moved != value:
                        node[key] = _same_style(value, moved)
                        vi, en = _where((*path, key), phases)
                        change(f"{vi}: {value.strip()} → {moved.strip()}",
                               f"{en}: {value.strip()} → {moved.strip()}")
                        day = _parse(moved) if key == "date" else None
                        why = day_off(day) if day is not None else None
                        if why is not None:
                            result.days_off.append(Text(
                                f"{vi}: {moved.strip()} là {why.vi}; hãy chọn ngày làm việc",
                                f"{en}: {moved.strip()} is {why.en}; choose a working day"))
                        continue
                walk(value, (*path, key))
        elif isinstance(node, list):
            for index, item in enumerate(node):
                walk(item, (*path, index))
        elif isinstance(node, str) and path and path != ("title",):
            mentions = [m for m in (re.findall(rf"(?<!\d){old_year}(?!\d)", node)
                                    + _ORDINAL_TEXT.findall(node))]
            if mentions:
                vi, en = _where(path, phases)
                shown = ", ".join(dict.fromkeys(mentions))
                result.hints.append(Text(f"{vi}: chưa đổi \"{shown}\" trong văn bản",
                                         f"{en}: \"{shown}\" in the text left as written"))

    walk(data, ())

    # Ordinals after the dates moved: the period each celebrates belongs to is the new one.
    periods = [((), data)] + [(("phases", i), phase) for i, phase in enumerate(phases)]
    campaign_start, campaign_end = _parse(data.get("start")), _parse(data.get("end"))
    campaign = (campaign_start, campaign_end) if campaign_start and campaign_end else None
    for path, holder in periods:
        celebrates = holder.get("celebrates")
        if not isinstance(celebrates, dict):
            continue
        start = _parse(holder.get("start"))
        end = _parse(holder.get("end"))
        for key in celebrates:
            stated = celebrates[key]
            anniversary = anniversaries.get(str(key))
            if not isinstance(stated, int) or isinstance(stated, bool):
                continue  # null: thidua computes it; anything else the validator refused
            if anniversary is None or start is None or end is None:
                continue
            occurrence = celebrated(anniversary, start, end, campaign)
            if occurrence is None or occurrence.ordinal is None:
                continue
            right = occurrence.ordinal
            if right == stated:
                continue
            celebrates[key] = type(stated)(right) if type(stated) is not int else right
            _update_year_comment(celebrates, key, old_year, new_year, anniversary.base_year)
            vi, en = _where(path, phases)
            prefix_vi = f"{vi}: " if vi else ""
            prefix_en = f"{en}: " if en else ""
            change(f"{prefix_vi}kỷ niệm {stated} năm → {right} năm {anniversary.name}",
                   f"{prefix_en}anniversary {stated} → {right} years: {anniversary.name}")

    result.text = document.dumps()
    return result


def _update_year_comment(mapping: Any, key: Any, old_year: int, new_year: int,
                         base: int | None) -> None:
    """``# 2020 - 1930`` beside a recomputed ordinal becomes ``# 2021 - 1930``: a comment that
    shows the sum must not contradict the new number. Only that exact form is touched."""
    items = getattr(getattr(mapping, "ca", None), "items", {})
    tokens = items.get(key)
    if not tokens or base is None:
        return
    for token in tokens:
        value = getattr(token, "value", None)
        if isinstance(value, str):
            first, sep, rest = value.partition("\n")
            token.value = re.sub(rf"(?<!\d){old_year}(\s*-\s*){base}(?!\d)",
                                 rf"{new_year}\g<1>{base}", first) + sep + rest


def _parse(value: Any) -> date | None:
    from thidua_cli.vn.dates import DateSyntaxError, parse_date

    if not isinstance(value, str):
        return None
    try:
        return parse_date(value)
    except DateSyntaxError:
        return None


def target_path(source: Path, old_id: str, new_id: str) -> Path:
    """The new file beside the source: named from the new id (the source's suffix kept)."""
    return source.with_name(f"{new_id}{source.suffix}")


# --------------------------------------------------------------------------- the command's checks

@dataclass(frozen=True)
class Plan:
    """What ``thidua new campaign`` will write: from which campaign, under which id, where."""

    source: Entry[Campaign]
    source_path: Path
    new_id: str
    path: Path
    #: the unit that issues the new campaign when another than the source's issuer
    issuer: str | None = None

    @property
    def name(self) -> str:
        """The source campaign's file as messages show it."""
        return self.source.loc.file


def plan(index: RegistryIndex, source: str, year: int, new_id: str | None,
         issuer: str | None = None) -> Plan:
    """The new campaign's id and file, once every precondition holds; else a
    :class:`~thidua_cli.errors.UserError` saying which does not. ``issuer``: another unit
    that issues the new campaign (a plan derived from the superior's, a successor's)."""
    from thidua_cli.hints import did_you_mean, wording
    from thidua_cli.vn.slug import MAX_ID_LENGTH, is_too_long, is_valid_id, slugify

    campaigns = index.campaigns
    entry = campaigns.get(source)
    if entry is None:
        vi, en = did_you_mean(source, campaigns, {i: e.model.title for i, e in campaigns.items()})
        raise UserError(f'không có phong trào mã "{source}"{vi}',
                        f'no campaign with id "{source}"{en}')
    old = entry.model
    if new_id is not None and is_too_long(new_id):
        raise UserError(
            f"--id dài {len(new_id)} ký tự, quá {MAX_ID_LENGTH} ký tự cho phép (mã thành tên tệp)",
            f"--id is {len(new_id)} characters long, more than the {MAX_ID_LENGTH} allowed (ids "
            "become file names)")
    if new_id is not None and not is_valid_id(new_id):
        hint_vi, hint_en = wording(slugify(new_id) or "vi-du-2021")
        raise UserError(f'mã "{new_id}" không hợp lệ{hint_vi}', f'id "{new_id}" is not valid{hint_en}')
    if issuer is not None and issuer not in index.units:
        vi, en = did_you_mean(issuer, index.units)
        raise UserError(f'không có đơn vị mã "{issuer}"{vi}', f'no unit with id "{issuer}"{en}')
    new_issuer = issuer or old.issuer
    try:
        issued = shift_date(old.issued, year - old.year)
    except OutOfRange:
        pass  # moved_text says which date cannot move that far
    else:
        _refuse_dissolved(index, new_issuer, issued, year)
    target_id = new_id or (f"{issuer}-{year}" if issuer and issuer != old.issuer
                           else new_id_for(old.id, old.year, year))
    if target_id in campaigns:
        free = _first_free_year(campaigns, old.id, old.year, year, new_issuer, old.kind)
        raise UserError(
            f'đã có phong trào mã "{target_id}" ({campaigns[target_id].loc.file}); năm gần nhất '
            f"chưa có là {free}: --year {free}, hoặc chọn mã khác bằng --id",
            f'a campaign with id "{target_id}" already exists ({campaigns[target_id].loc.file}); '
            f"the nearest year without one is {free}: --year {free}, or choose another id with --id")
    for other in campaigns.values():
        m = other.model
        if (m.issuer, m.kind, m.year) == (new_issuer, old.kind, year):
            raise UserError(
                f'{new_issuer} đã có phong trào loại {old.kind} năm {year}: "{m.id}" ({other.loc.file})',
                f'{new_issuer} already has a {old.kind} campaign for {year}: "{m.id}" ({other.loc.file})')
    source_path = index.registry.paths[entry.loc.file]
    return Plan(entry, source_path, target_id, target_path(source_path, old.id, target_id),
                issuer if issuer != old.issuer else None)


def _refuse_dissolved(index: RegistryIndex, issuer: str, issued: date, year: int) -> None:
    """Before anything is written: a unit dissolved by the day the new campaign would be
    issued cannot issue it; say how to issue it from the successor instead."""
    from thidua_cli.vn.dates import short_date

    entry = index.units.get(issuer)
    unit = entry.model if entry is not None else None
    if unit is None or unit.dissolved is None or unit.dissolved >= issued:
        return
    raise UserError(
        f'"{unit.display}" ({issuer}) đã giải thể ngày {short_date(unit.dissolved)}, trước ngày ban '
        f"hành phong trào năm {year} ({short_date(issued)}): không tạo phong trào mới. Nếu đơn vị "
        "kế nhiệm ban hành, hãy thêm --issuer MÃ_ĐƠN_VỊ_KẾ_NHIỆM",
        f'"{unit.display}" ({issuer}) was dissolved on {unit.dissolved.isoformat()}, before the '
        f"{year} campaign would be issued ({issued.isoformat()}): nothing written. If a successor "
        "unit issues it, add --issuer SUCCESSOR_ID")


def _first_free_year(campaigns: Mapping[str, Entry[Campaign]], old_id: str, old_year: int,
                     year: int, issuer: str, kind: str) -> int:
    """The first year from ``year`` on for which this campaign has no successor yet."""
    taken = {(e.model.issuer, e.model.kind, e.model.year) for e in campaigns.values()}
    free = year
    while new_id_for(old_id, old_year, free) in campaigns or (issuer, kind, free) in taken:
        free += 1
    return free


def write_new(path: Path, text: str) -> None:
    """Write the new campaign's file, never over an existing one; a failure is one line."""
    from thidua_cli.files import FileExists, NotRegularFile, write_atomic

    try:
        write_atomic(path, text)
    except (FileExists, NotRegularFile):
        raise UserError(f"không ghi đè tệp đã có: {path}; chọn mã khác bằng --id",
                        f"not overwriting an existing file: {path}; choose another id with --id") from None
    except OSError as exc:
        from thidua_cli.files import write_error

        raise UserError(*write_error(path, exc)) from None


def moved_text(source_path: Path, name: str, year: int, target_id: str,
               anniversaries: dict[str, Any], issuer: str | None = None) -> Any:
    """The new campaign's text, or a one-line :class:`~thidua_cli.errors.UserError` for a date that cannot
    move that far or a file the layout-keeping writer cannot read."""
    from ruamel.yaml.error import MarkedYAMLError, YAMLError

    from thidua_cli.files import shown

    try:
        return next_year(source_path.read_bytes().decode("utf-8"), year, target_id, anniversaries,
                         issuer)
    except OutOfRange as exc:
        moved = exc.day.year + exc.years
        raise UserError(
            f"--year {year}: ngày {exc.day.isoformat()} của {shown(name)} sẽ sang năm {moved}, "
            "ngoài các năm 1000–9999 mà sổ đăng ký ghi được",
            f"--year {year}: the date {exc.day.isoformat()} of {shown(name)} would move to "
            f"{moved}, outside the years 1000–9999 a registry date can have") from None
    except YAMLError as exc:
        # ruamel (which keeps comments and layout) is stricter than the checker's reader:
        # a Tab inside a plain value is valid YAML that it refuses.
        mark = exc.problem_mark if isinstance(exc, MarkedYAMLError) else None
        where = f"{shown(name)}:{mark.line + 1}:{mark.column + 1}" if mark else shown(name)
        tab = "'\\t'" in str(getattr(exc, "problem", ""))  # ruamel shows the character quoted
        raise UserError(
            f"{where}: không viết lại được tệp này mà giữ nguyên định dạng"
            + ("; hãy thay ký tự Tab trong giá trị bằng dấu cách hoặc đặt giá trị trong ngoặc "
               "kép" if tab else "; hãy sửa dòng này"),
            f"{where}: this file cannot be rewritten keeping its layout"
            + ("; replace the Tab inside the value with spaces or quote the value" if tab
               else "; fix this line")) from None
