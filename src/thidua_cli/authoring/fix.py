"""``thidua fix``: what the checker already knows the answer to, fixed in the file.

Pure: bytes in, bytes and the list of what changed out; ``cli/fix.py`` shows the diff and
writes only when asked. Only these are touched, everything else stays byte for byte:

- the encoding: UTF-16, TCVN3 (ABC, the .VnTime fonts; :mod:`thidua_cli.vn.tcvn3`) and
  Windows-1258 become UTF-8 — TCVN3 only when every byte of the file is in its table, so
  that a file in another code page is never turned into wrong letters;
- decomposed Unicode becomes NFC;
- a Tab in a line's indentation becomes two spaces;
- in a campaign file, a number written in quotes where a number belongs (``year: "2020"``,
  a phase's ``number``, an ordinal in ``celebrates``) loses its quotes, and a stated ordinal
  that is wrong becomes the one computed from the anniversary's base year. These go through
  the byte-exact round trip (:mod:`thidua_cli.authoring.yaml_roundtrip`), so comments,
  quoting and layout elsewhere stay as they were.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from thidua_cli.problems import Text
from thidua_cli.registry import yaml_source
from thidua_cli.vn import tcvn3

_BOM = "\ufeff"
_LEADING_TABS = re.compile(r"^([ \t]*\t[ \t]*)", re.MULTILINE)


@dataclass
class Fixed:
    """A file's new bytes (None when nothing changes), its text before and after for a diff,
    what changed, and what could not be fixed here."""

    data: bytes | None = None
    before: str = ""
    after: str = ""
    changes: list[Text] = field(default_factory=list)
    left: list[Text] = field(default_factory=list)


def _decode(raw: bytes) -> tuple[str | None, Text | None, str | None]:
    """The text, the change of encoding made to read it (None: it was UTF-8), and the text
    to show as the file's before in the diff when it differs from the text (TCVN3: the
    bytes as an editor shows them without the .VnTime fonts, "C«ng ®oµn")."""
    try:
        return raw.decode("utf-8"), None, None
    except UnicodeDecodeError:
        pass
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")) or yaml_source._looks_like_utf16(raw):
        try:
            return raw.decode("utf-16"), Text("bảng mã UTF-16 → UTF-8", "encoding UTF-16 → UTF-8"), None
        except UnicodeDecodeError:
            return None, None, None
    if yaml_source._looks_like_tcvn3(raw):
        # Only when every byte is in the TCVN3 table: a Windows-1258 file fails it (its
        # à and đ have no place there), and is then never converted as TCVN3.
        text = tcvn3.to_unicode(raw)
        if text is not None:
            return text, Text(
                "bảng mã TCVN3 (ABC, phông .VnTime) → Unicode UTF-8; chữ hoa có dấu gõ bằng phông "
                ".VnTimeH sẽ thành chữ thường, hãy xem lại phần thay đổi ở trên",
                "encoding TCVN3 (ABC, the .VnTime fonts) → Unicode UTF-8; capitals with a tone "
                "mark typed in the .VnTimeH fonts come out lowercase, check the changes above"), \
                raw.decode("latin-1")
    if yaml_source._looks_like_windows_1258(raw):
        return raw.decode("cp1258"), Text("bảng mã Windows-1258 → UTF-8",
                                          "encoding Windows-1258 → UTF-8"), None
    return None, None, None


def fix_bytes(raw: bytes, kind: str, anniversaries: dict[str, Any] | None = None) -> Fixed:
    """Fix one registry file of ``kind`` (anniversaries, units, campaigns);
    ``anniversaries``: id → Anniversary model, for the ordinals of a campaign."""
    result = Fixed()
    text, recoded, shown = _decode(raw)
    if text is None:
        result.left.append(Text(
            "tệp không đọc được bằng UTF-8, UTF-16, TCVN3 (ABC) hay Windows-1258; không sửa gì: "
            "hãy mở tệp bằng trình soạn thảo, chọn đúng bảng mã cũ rồi lưu lại bằng UTF-8",
            "the file reads as neither UTF-8, UTF-16, TCVN3 (ABC) nor Windows-1258; nothing "
            "fixed: open it in an editor, choose its old encoding, and save it again as UTF-8"))
        return result
    bom = text.startswith(_BOM)
    body = text[1:] if bom else text
    result.before = body if shown is None else shown
    if recoded is not None:
        result.changes.append(recoded)
    if not unicodedata.is_normalized("NFC", body):
        lines = sum(1 for line in body.split("\n") if not unicodedata.is_normalized("NFC", line))
        body = unicodedata.normalize("NFC", body)
        result.changes.append(Text(f"chuẩn hóa Unicode dựng sẵn (NFC) ở {lines} dòng",
                                   f"Unicode NFC on {lines} lines"))
    tabs = len(_LEADING_TABS.findall(body))
    if tabs:
        body = _LEADING_TABS.sub(lambda m: m.group(1).replace("\t", "  "), body)
        result.changes.append(Text(f"thay phím Tab ở đầu {tabs} dòng bằng dấu cách",
                                   f"Tabs at the start of {tabs} lines replaced by spaces"))
    if kind == "campaigns":
        body = _fix_campaign(body, anniversaries or {}, result)
    result.after = body
    if result.changes:
        result.data = ((_BOM if bom else "") + body).encode("utf-8")
    return result


def _int_text(value: Any) -> int | None:
    """A number written in quotes ("136"): the number; else None."""
    if isinstance(value, str) and value.strip().isascii() and value.strip().isdigit():
        return int(value.strip())
    return None


def _fix_campaign(text: str, anniversaries: dict[str, Any], result: Fixed) -> str:
    from thidua_cli.authoring.yaml_roundtrip import loads
    from thidua_cli.occurrences import occurrences
    from thidua_cli.vn.dates import DateSyntaxError, parse_date

    try:
        document = loads(text)
    except Exception:
        return text
    data = document.data
    if not isinstance(data, dict):
        return text
    changed = False

    def unquote(holder: Any, key: str, where_vi: str, where_en: str) -> None:
        nonlocal changed
        number = _int_text(holder.get(key)) if isinstance(holder, dict) else None
        if number is not None:
            holder[key] = number
            changed = True
            result.changes.append(Text(f'{where_vi}: "{number}" → {number} (bỏ ngoặc kép)',
                                       f'{where_en}: "{number}" → {number} (quotes removed)'))

    def day(value: Any) -> date | None:
        try:
            return parse_date(str(value)) if value is not None else None
        except DateSyntaxError:
            return None

    unquote(data, "year", "year", "year")
    listed = data.get("phases")
    phases: list[Any] = listed if isinstance(listed, list) else []
    periods: list[tuple[Any, str, str]] = [(data, "", "")]
    for index, phase in enumerate(phases):
        if isinstance(phase, dict):
            unquote(phase, "number", f"đợt [{index + 1}].number", f"phase [{index + 1}].number")
            label = phase.get("number", index + 1)
            periods.append((phase, f"đợt {label}: ", f"phase {label}: "))
    for holder, where_vi, where_en in periods:
        celebrates = holder.get("celebrates")
        if not isinstance(celebrates, dict):
            continue
        start, end = day(holder.get("start")), day(holder.get("end"))
        for key in list(celebrates):
            stated = celebrates[key]
            if _int_text(stated) is not None:
                unquote(celebrates, key, f"{where_vi}{key}", f"{where_en}{key}")
                stated = celebrates[key]
            anniversary = anniversaries.get(str(key))
            if (not isinstance(stated, int) or isinstance(stated, bool) or anniversary is None
                    or start is None or end is None or end < start):
                continue
            found = [o.ordinal for o in occurrences(anniversary, start, end) if o.ordinal is not None]
            if len(set(found)) != 1 or found[0] == stated:
                continue  # outside the period, or counted twice: the checker says which
            celebrates[key] = found[0]
            changed = True
            result.changes.append(Text(
                f"{where_vi}kỷ niệm {stated} năm → {found[0]} năm {anniversary.name}",
                f"{where_en}anniversary {stated} → {found[0]} years: {anniversary.name}"))
    return document.dumps() if changed else text
