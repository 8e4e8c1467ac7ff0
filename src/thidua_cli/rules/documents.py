"""The documents a campaign issues: ``document-number`` and ``basis-after-document``.

``document-number``: the số, ký hiệu of a plan, as Nghị định 30/2020 writes it.

``01/KH-LĐLĐ``: the number (two digits at least: below 10 with a leading zero),
``/``, the type code from the decree's list (KH for Kế hoạch …), ``-``, the
issuer's abbreviation (which may itself have ``-`` groups). A công văn has no
type code: ``15/LĐLĐ``. No spaces anywhere. ``…/KH-LĐLĐ`` is a number left for the
clerk to write (``thidua new campaign`` leaves it so); the rendered document shows the blank.

``basis-after-document``: a campaign's ``basis`` may cite another campaign of the registry
(``- campaign: ldld-ha-noi-2020``); the plan then prints "Thực hiện Kế hoạch số … ngày … của
…" from that campaign's document. A document cannot implement one issued after it. Both
sides are dated as the documents are: the document's date, else the launch's (what
:attr:`Campaign.issued` gives; a campaign with neither is dated by its start).
"""

from __future__ import annotations

import re

from thidua_cli.models import Campaign
from thidua_cli.models.campaign import ISSUED_FROM
from thidua_cli.problems import Location, Severity, Text
from thidua_cli.registry.loader import Entry
from thidua_cli.rules.base import Check, Context, Finding, Rule
from thidua_cli.vn.dates import short_date

#: Nghị định 30/2020/NĐ-CP, Phụ lục III: abbreviations of document types.
TYPE_CODES = frozenset({
    "NQ", "QĐ", "CT", "QC", "QyĐ", "TC", "TB", "HD", "CTr", "KH", "PA", "ĐA", "DA", "BC", "BB",
    "TTr", "HĐ", "CĐ", "BGN", "BTT", "GUQ", "GM", "GGT", "GNP", "PG", "PC", "PB",
})

_GROUP = r"[A-ZĐ0-9][A-Za-zĐđ0-9]*"
_NUMBERED = re.compile(rf"^(?P<n>\d+|…)/(?P<code>[A-Za-zĐđ]+)-(?P<issuer>{_GROUP}(?:-{_GROUP})*)$")
_CONG_VAN = re.compile(rf"^(?P<n>\d+|…)/(?P<issuer>{_GROUP}(?:-{_GROUP})*)$")

RULES = (
    Rule("document-number", Severity.WARNING,
         Text("số, ký hiệu văn bản không theo mẫu NN/LOẠI-CƠQUAN của Nghị định 30 (ví dụ 01/KH-LĐLĐ)",
              "a document number not of the form NN/TYPE-ISSUER of Nghị định 30 (e.g. 01/KH-LĐLĐ)"),
         Text("Văn thư và cấp trên tra văn bản theo số, ký hiệu; viết sai mẫu thì khó tra và bị trả lại.",
              "Clerks and superiors file documents by number; a malformed one is hard to find "
              "and may be returned."),
         bad="number: 1/KH - LĐLĐ", good="number: 01/KH-LĐLĐ"),
    Rule("basis-after-document", Severity.ERROR,
         Text("căn cứ (basis) dẫn một phong trào có văn bản ban hành sau chính văn bản này",
              "a basis cites a campaign whose document is dated after this campaign's document"),
         Text("Một kế hoạch không thể thực hiện một kế hoạch chưa ban hành; cấp trên và văn thư "
              "sẽ trả lại văn bản dẫn căn cứ sai ngày.",
              "A plan cannot implement one not yet issued; the superior and the clerks return "
              "a document whose basis is dated after it."),
         bad="# ldld-ha-noi-2020: document: {date: 2020-02-05}\n"
             "document: {date: 2020-01-09}\nbasis:\n  - campaign: ldld-ha-noi-2020",
         good="# ldld-ha-noi-2020: document: {date: 2020-02-05}\n"
              "document: {date: 2020-02-10}\nbasis:\n  - campaign: ldld-ha-noi-2020"),
)


def problem_with(number: str) -> tuple[str, str] | None:
    """What is wrong with a document number, in both languages, or None."""
    if " " in number:
        return ("số, ký hiệu không có khoảng trắng", "a document number has no spaces")
    match = _NUMBERED.match(number) or _CONG_VAN.match(number)
    if match is None:
        return ("cần dạng số/LOẠI-CƠQUAN như 01/KH-LĐLĐ, hoặc số/CƠQUAN với công văn",
                "expected number/TYPE-ISSUER such as 01/KH-LĐLĐ, or number/ISSUER for a công văn")
    code = match.groupdict().get("code")
    if code is not None and code.upper() == "CV":
        # A công văn has no type code of its own (Nghị định 30, Phụ lục III): "08/CĐVP".
        right = f'{match["n"]}/{match["issuer"]}'
        return (f'"CV" không phải tên viết tắt loại văn bản trong Nghị định 30: công văn ghi số '
                f'không có loại, ví dụ "{right}"',
                f'"CV" is no type code of Nghị định 30: a công văn is numbered without one, e.g. '
                f'"{right}"')
    if code is not None and code not in TYPE_CODES and code.upper() in {c.upper() for c in TYPE_CODES}:
        right = next(c for c in TYPE_CODES if c.upper() == code.upper())
        return (f'viết tắt tên loại văn bản là "{right}", không phải "{code}"',
                f'the document type code is "{right}", not "{code}"')
    digits = match["n"]
    if digits == "…":
        return None  # the clerk's to fill
    if int(digits) == 0:
        return ("số văn bản bắt đầu từ 01", "document numbers start at 01")
    if len(digits) < 2:
        return (f"số nhỏ hơn 10 phải có số 0 phía trước: {digits.zfill(2)}",
                f"numbers below 10 take a leading zero: {digits.zfill(2)}")
    return None


def check(ctx: Context) -> Check:
    yield from _numbers(ctx)
    yield from _basis_dates(ctx)


def _basis_dates(ctx: Context) -> Check:
    for campaign in ctx.registry.campaigns:
        model = campaign.model
        if not campaign.intact(*ISSUED_FROM):
            continue  # its date of issue is not known
        for index, cited_id in model.cited:
            cited = ctx.campaigns.get(cited_id)
            if cited is None or not cited.intact(*ISSUED_FROM) or cited.model.issued <= model.issued:
                continue   # an unknown id is unknown-reference's
            when, own = short_date(cited.model.issued), short_date(model.issued)
            at = campaign.loc.child("basis", index, "campaign")
            yield Finding("basis-after-document", at, Text(
                f'phong trào "{cited_id}" có văn bản ngày {when} ({{related}}), sau văn bản này '
                f"({own}): không thể thực hiện một kế hoạch chưa ban hành; hãy kiểm tra ngày của hai văn bản "
                "hoặc bỏ căn cứ này",
                f'campaign "{cited_id}" has its document dated {when} ({{related}}), after this '
                f"one ({own}): a plan cannot implement one not yet issued; check the dates of "
                "both documents or drop this basis"), related=_dated_at(cited))


def _dated_at(entry: Entry[Campaign]) -> Location:
    """Where a campaign's date of issue is written (document.date, launch.date or start)."""
    model = entry.model
    if model.document is not None and model.document.date is not None:
        return entry.loc.child("document", "date")
    if model.launch is not None:
        return entry.loc.child("launch", "date")
    return entry.loc.child("start")


def _numbers(ctx: Context) -> Check:
    for campaign in ctx.registry.campaigns:
        document = campaign.model.document
        if document is None or document.number is None:
            continue
        fault = problem_with(document.number)
        if fault:
            yield Finding("document-number", campaign.loc.child("document", "number"), Text(
                f'số, ký hiệu "{document.number}" không đúng thể thức: {fault[0]}',
                f'document number "{document.number}" is malformed: {fault[1]}'))
