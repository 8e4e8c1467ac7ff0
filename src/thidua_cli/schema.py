"""JSON Schema (draft 2020-12) of each registry file kind, generated from the models.

An editor's YAML language server reads these schemas to offer completion and to
underline mistakes while a cadre types (``# yaml-language-server: $schema=…``).
They are generated from the Pydantic models, then corrected where the generated
schema and the validator would disagree:

- the value types the format defines (dates, ids, lunar dates, target values) get
  patterns that accept what the validator accepts: ISO and dd/mm/yyyy dates that
  exist in the calendar (30/02/2020 is refused, 29/02/2020 is not), the target
  grammar of the format page (case-free, Vietnamese numbers), lunar "day/month";
- a mapping keyed by anniversary id (``celebrates``) refuses keys that are not ids;
- an anniversary needs exactly one of ``date``/``lunar``, and ``since`` only with
  ``lunar`` (a model validator the generator cannot see);
- ``units:``, ``clusters:`` and ``anniversaries:`` left empty (null) are accepted,
  as the loader accepts them.

What a schema cannot say is left to ``thidua validate``: references between files,
phase order, ordinals, and a whole number written ``2020.0`` (JSON Schema calls
2020.0 an integer; the validator refuses it).

Pure: no I/O, so that ``thidua init`` can write the same schemas.
"""

from __future__ import annotations

import copy
import typing
from collections.abc import Callable
from pathlib import Path
from typing import Any

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"
KINDS = ("anniversaries", "units", "campaign", "result", "scoring")
#: The file each kind is written to by ``thidua schema -o DIR`` (and ``thidua init``).
FILE_NAMES = {kind: f"{kind}.schema.json" for kind in KINDS}


def schema_id(kind: str) -> str:
    # A URN, not a made-up web address: the schemas are files shipped with thidua,
    # and an editor finds them through the $schema line's path, not through $id.
    return f"urn:thidua:schema:v1:{kind}"


# --------------------------------------------------------------------------- value types

_Y = "[1-9][0-9]{3}"  # the validator takes years 1000–9999
_LEAP = "(?:[1-9][0-9](?:0[48]|[2468][048]|[13579][26])|(?:[2468][048]|[13579][26])00)"
_D28 = "(?:0?[1-9]|1[0-9]|2[0-8])"
_D30 = "(?:0?[1-9]|[12][0-9]|30)"
_D31 = "(?:0?[1-9]|[12][0-9]|3[01])"
_M31 = "(?:0?[13578]|1[02])"
_M30 = "(?:0?[469]|11)"
_M2 = "0?2"
_ISO = (f"(?:{_Y}-(?:{_M31}-{_D31}|{_M30}-{_D30}|{_M2}-{_D28})|{_LEAP}-{_M2}-29)")
_VN = (f"(?:(?:{_D31}/{_M31}|{_D30}/{_M30}|{_D28}/{_M2})/{_Y}|29/{_M2}/{_LEAP})")
#: A date that exists: ``2020-01-03`` or ``03/01/2020`` (leading zeros optional).
DATE_PATTERN = rf"^\s*(?:{_ISO}|{_VN})\s*$"

#: ``(?![\s\S])`` ends the id the same way in every regex engine: Python's ``$`` (which
#: jsonschema uses) also matches before a final newline, an editor's ECMAScript ``$`` not.
ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*(?![\s\S])"
LUNAR_PATTERN = r"^\s*0*(?:[1-9]|[12][0-9]|30)\s*/\s*0*(?:[1-9]|1[0-2])\s*$"


def _ci(words: str) -> str:
    """Case-free spelling of a word for a pattern without flags; a space = any spacing."""
    out = []
    for ch in words:
        if ch == " ":
            out.append(r"\s*")
        elif ch.lower() != ch.upper():
            out.append(f"[{ch.lower()}{ch.upper()}]")
        else:
            out.append(ch)
    return "".join(out)


# Numbers as vn/targets.py reads them: a decimal comma after plain digits or dot-grouped
# thousands; dot-grouped thousands; or digits with at most one decimal dot.
_GROUPED = r"[1-9][0-9]{0,2}(?:\.[0-9]{3})+"
_NUM = rf"(?:(?:[0-9]+|{_GROUPED}),[0-9]+|{_GROUPED}|[0-9]+(?:\.[0-9]+)?)"
_LETTER = "[A-Za-z\u00C0-\u024F\u1E00-\u1EFF]"  # as vn/targets.py LETTER
_NOT_GRAMMAR = "|".join(_ci(word) for word in ("trở", "lên", "đến"))
#: A number, % or "phần trăm", and up to four words of what is counted ("trên 5 người").
_QTY = (rf"{_NUM}\s*(?:%|{_ci('phần trăm')})?"
        rf"(?:\s+(?!(?:{_NOT_GRAMMAR})(?!{_LETTER})){_LETTER}+){{0,4}}")
_DASH = "[-–—‐‑−]"
_FORMS = (
    _QTY,
    rf"{_ci('khoảng')}\s*{_QTY}",
    rf"(?:{_ci('trên')}|{_ci('hơn')}|>)\s*{_QTY}",
    rf"{_ci('từ')}\s*{_QTY}\s*{_ci('trở lên')}",
    rf"{_QTY}\s*{_ci('trở lên')}",
    rf"(?:{_ci('ít nhất')}|{_ci('tối thiểu')}|>=|≥)\s*{_QTY}",
    rf"(?:{_ci('từ')}\s*)?{_QTY}\s*{_DASH}\s*{_QTY}",
    rf"{_ci('từ')}\s*{_QTY}\s*{_ci('đến')}\s*{_QTY}",
    rf"(?:{_ci('dưới')}|<)\s*{_QTY}",
    rf"(?:{_ci('không quá')}|{_ci('tối đa')}|<=|≤)\s*{_QTY}",
    _ci("không có"),
)
#: The target grammar of the format page (written text; an int is an exact count).
TARGET_PATTERN = r"^\s*(?:" + _ci("đạt") + r"\s+)?(?:" + "|".join(_FORMS) + r")\s*$"


def _both(vi: str, en: str) -> str:
    return f"{vi}\n\n{en}"


def _error(vi: str, en: str) -> str:
    """What the editor underlines a refused value with (the YAML language server's and VS
    Code's ``patternErrorMessage``/``errorMessage``): never the pattern itself, which for
    a target value is 2,000 characters of regular expression."""
    return f"{vi}\n{en}"


_DATE_ERROR = _error("Ngày không đúng dạng: hãy viết 2020-01-03 hoặc 03/01/2020 (ngày/tháng/năm).",
                     "Not a date: write 2020-01-03 or 03/01/2020 (day/month/year).")
_ID_ERROR = _error("Mã chỉ gồm chữ thường không dấu, chữ số và dấu gạch ngang, ví dụ ldld-bac-tu-liem.",
                   "An id has lowercase ASCII letters, digits and hyphens only, e.g. ldld-bac-tu-liem.")
_LUNAR_ERROR = _error('Ngày âm lịch viết "ngày/tháng" trong ngoặc kép, ví dụ "10/3".',
                      'A lunar date is "day/month" in quotes, e.g. "10/3".')
_TARGET_ERROR = _error(
    'Giá trị chỉ tiêu không đọc được; hãy viết như "trên 75%", "từ 90% trở lên", "85-90%", '
    '"dưới 5%", "không quá 15%", "100%" hoặc một số lượng như "trên 200".',
    'Unreadable target value; write it like "trên 75%", "từ 90% trở lên", "85-90%", "dưới 5%", '
    '"không quá 15%", "100%" or a count such as "trên 200".')

_DATE = {
    "type": "string", "pattern": DATE_PATTERN, "patternErrorMessage": _DATE_ERROR,
    "description": _both("Ngày: 2020-01-03 hoặc 03/01/2020 (ngày/tháng/năm).",
                         "A date: 2020-01-03 or 03/01/2020 (day/month/year)."),
    "examples": ["2020-01-03", "03/01/2020"],
}
_ID = {
    "type": "string", "pattern": ID_PATTERN, "patternErrorMessage": _ID_ERROR,
    "description": _both("Mã: chữ thường không dấu, chữ số và dấu gạch ngang, ví dụ ldld-bac-tu-liem.",
                         "An id: lowercase ASCII letters, digits and hyphens, e.g. ldld-bac-tu-liem."),
}
_LUNAR = {
    "type": "string", "pattern": LUNAR_PATTERN, "patternErrorMessage": _LUNAR_ERROR,
    "description": _both('Ngày âm lịch "ngày/tháng", ví dụ "10/3" (ngày 1–30, tháng 1–12).',
                         'A lunar "day/month", e.g. "10/3" (day 1–30, month 1–12).'),
    "examples": ["10/3"],
}
_TARGET = {
    "anyOf": [{"type": "string", "pattern": TARGET_PATTERN, "patternErrorMessage": _TARGET_ERROR},
              {"type": "integer", "minimum": 0}],
    "errorMessage": _TARGET_ERROR,
    "description": _both(
        'Giá trị chỉ tiêu như kế hoạch viết: "trên 75%", "từ 90% trở lên", "85-90%", '
        '"dưới 5%", "không quá 15%", "100%", hoặc số lượng như "trên 200"; '
        'số kiểu Việt Nam ("12,5%", "10.141"); giá trị bắt đầu bằng ">" phải đặt trong ngoặc kép.',
        'A target value as plans write it: "trên 75%" (more than), "từ 90% trở lên" (at least), '
        '"85-90%", "dưới 5%" (less than), "không quá 15%" (at most), "100%", or a count such as '
        '"trên 200"; Vietnamese numbers ("12,5%", "10.141"); quote a value starting with ">".'),
    "examples": ["trên 75%", "từ 90% trở lên", "85-90%", "100%", "trên 200"],
}

# --------------------------------------------------------------------------- field documentation

#: field name → (Vietnamese, English); ``Model.field`` entries override a shared name.
_FIELDS: dict[str, tuple[str, str]] = {
    "id": ("Mã (duy nhất trong sổ đăng ký).", "Id (unique in the registry)."),
    "name": ("Tên đầy đủ.", "Full name."),
    "short": ("Tên ngắn, dùng ở tiêu đề văn bản.", "Short name, used in document headers."),
    "place": ("Địa danh ghi ở dòng ngày tháng của văn bản; đơn vị cấp dưới thừa hưởng.",
              "Place name of the document's date line; inherited by child units."),
    "sector": ("Khối, khu vực: doanh-nghiep, hanh-chinh-su-nghiep, truong-hoc, khac.",
               "Sector: doanh-nghiep, hanh-chinh-su-nghiep, truong-hoc, khac."),
    "date": ("Ngày.", "Date."),
    "start": ("Ngày bắt đầu.", "Start date."),
    "end": ("Ngày kết thúc (tính cả ngày đó).", "End date (inclusive)."),
    "theme": ("Chủ đề.", "Theme."),
    "celebrates": ("Ngày kỷ niệm được chào mừng: mã ngày kỷ niệm → số năm văn bản ghi "
                   "(null để thidua tự tính).",
                   "Anniversaries celebrated: anniversary id → the ordinal the text states "
                   "(null to let thidua compute it)."),
    "events": ("Sự kiện có ngày, không phải ngày kỷ niệm.", "Dated events that are not anniversaries."),
    "Anniversary.date": ("Ngày dương lịch kèm năm gốc, ví dụ 1930-02-03.",
                         "Solar date with its base year, e.g. 1930-02-03."),
    "Anniversary.lunar": ('Ngày âm lịch "ngày/tháng", ví dụ "10/3".', 'Lunar "day/month", e.g. "10/3".'),
    "Anniversary.since": ("Năm gốc của ngày kỷ niệm âm lịch (không bắt buộc).",
                          "Base year of a lunar anniversary (optional)."),
    "Unit.level": ("Cấp: tong-lien-doan, tinh, nganh-trung-uong, tren-co-so, co-so, bo-phan.",
                   "Level: tong-lien-doan, tinh, nganh-trung-uong, tren-co-so, co-so, bo-phan."),
    "Unit.parent": ("Mã đơn vị cấp trên (chỉ tong-lien-doan không có).",
                    "Id of the parent unit (only tong-lien-doan has none)."),
    "Unit.dissolved": ("Ngày đơn vị giải thể (giữ hồ sơ cũ).",
                       "Day the unit was dissolved (its record stays)."),
    "Unit.anniversaries": ("Ngày kỷ niệm riêng của đơn vị.", "The unit's local anniversaries."),
    "Cluster.organizer": ("Mã đơn vị lập cụm.", "Id of the unit that set the cluster up."),
    "Cluster.leader": ("Mã cụm trưởng (phải là thành viên).", "Id of the cluster leader (must be a member)."),
    "Cluster.members": ("Mã các đơn vị thành viên.", "Ids of the member units."),
    "Cluster.kind": ("cum (Cụm trưởng) hoặc khoi (Khối trưởng); mặc định theo tên.",
                     "cum (Cụm trưởng) or khoi (Khối trưởng); by default from the name."),
    "Campaign.issuer": ("Mã đơn vị hoặc cụm phát động.", "Id of the issuing unit or cluster."),
    "Campaign.year": ("Năm của phong trào (năm học: năm bắt đầu).",
                      "Year of the campaign (school year: the year it starts)."),
    "Campaign.kind": ("Loại: nam (năm), nam-hoc (năm học), cao-diem (cao điểm), "
                      "chuyen-de (chuyên đề), giao-uoc (giao ước của cụm).",
                      "Kind: nam (yearly), nam-hoc (school year), cao-diem (peak drive), "
                      "chuyen-de (thematic), giao-uoc (a cluster's covenant)."),
    "Campaign.title": ("Tiêu đề kế hoạch.", "Title of the plan."),
    "Campaign.launch": ("Lễ phát động.", "The kickoff."),
    "Campaign.document": ("Kế hoạch dưới dạng văn bản hành chính.", "The plan as an official document."),
    "Campaign.basis": ("Căn cứ: văn bản, hoặc {campaign: MÃ} để dẫn kế hoạch đó.",
                       "Basis: text, or {campaign: ID} to cite that campaign's plan."),
    "CampaignBasis.campaign": ("Mã phong trào được thực hiện.", "Id of the campaign implemented."),
    "Campaign.context": ("Bối cảnh: các đoạn mở đầu về năm.", "Context: the preamble's paragraphs."),
    "Campaign.theme": ("Chủ đề năm.", "Theme of the year."),
    "Campaign.spirit": ("Tinh thần.", "Spirit (motto)."),
    "Campaign.aims": ("Mục đích, yêu cầu.", "Aims and requirements."),
    "Campaign.tasks": ("Nội dung thi đua, có thể theo khối.", "Emulation tasks, optionally per sector."),
    "Campaign.phases": ("Các đợt thi đua, đánh số 1..n theo ngày.", "Phases, numbered 1..n in date order."),
    "Campaign.targets": ("Chỉ tiêu.", "Targets."),
    "Campaign.awards": ("Khen thưởng.", "Awards."),
    "Campaign.implementation": ("Tổ chức thực hiện.", "Implementation."),
    "Launch.speaker": ("Người đọc lời kêu gọi thi đua tại lễ phát động.",
                       "Who reads the kickoff call at the launch."),
    "Launch.place": ("Nơi tổ chức.", "Where it is held."),
    "Document.number": ('Số, ký hiệu văn bản, ví dụ "01/KH-LĐLĐ".', 'Document number, e.g. "01/KH-LĐLĐ".'),
    "Document.date": ("Ngày ban hành.", "Date of issue."),
    "Document.signer": ("Người ký.", "Signer."),
    "Document.recipients": ("Nơi nhận.", "Recipients."),
    "Signer.name": ("Họ tên người ký.", "Signer's name."),
    "Signer.position": ("Chức vụ.", "Position."),
    "Signer.on_behalf": ('Thẩm quyền ký, ví dụ "TM. BAN THƯỜNG VỤ".',
                         'Signing authority, e.g. "TM. BAN THƯỜNG VỤ".'),
    "Task.movements": ("Các phong trào.", "Movements."),
    "Task.items": ("Nội dung.", "Items."),
    "Phase.number": ("Số đợt (1, 2, …).", "Phase number (1, 2, …)."),
    "Phase.name": ('Tên đợt, ví dụ "đợt thi đua cao điểm".', 'Phase name, e.g. "đợt thi đua cao điểm".'),
    "Phase.days": ("Số ngày văn bản nêu (tính cả hai đầu).", "The length the text declares (inclusive)."),
    "Phase.goal": ("Mục tiêu của đợt.", "Goal of the phase."),
    "Target.text": ("Nội dung chỉ tiêu.", "What the target measures."),
    "Target.value": ("Giá trị chỉ tiêu.", "Target value."),
    "Target.within": ("Mã chỉ tiêu giới hạn chỉ tiêu này.", "Id of the target that bounds this one."),
    "Campaign.reporting": ("Hạn báo cáo của các đơn vị cấp dưới: sơ kết từng đợt (phase) và tổng kết.",
                           "Reporting deadlines of the units below: per phase, and for the whole."),
    "Reporting.phase": ("Số đợt được sơ kết; bỏ trống: tổng kết cả phong trào.",
                        "The phase reviewed; absent: the whole campaign."),
    "Reporting.due": ("Hạn gửi báo cáo.", "Due date of the report."),
    "Result.campaign": ("Mã phong trào được báo cáo.", "Id of the campaign reported on."),
    "Result.unit": ("Mã đơn vị báo cáo; mặc định: đơn vị ban hành phong trào.",
                    "Id of the reporting unit; default: the campaign's issuer."),
    "Result.phase": ("Sơ kết đợt số mấy; bỏ trống: tổng kết cả phong trào.",
                     "The phase reviewed; absent: the whole campaign."),
    "Result.as_of": ("Ngày chốt số liệu.", "The day the figures stand at."),
    "Result.document": ("Báo cáo dưới dạng văn bản (số, ngày, người ký).",
                        "The report as an official document (number, date, signer)."),
    "Result.population": ("Các tổng số có tên (quy mô), số nguyên ≥ 0, ví dụ cbccvcld: 10159.",
                          "Named totals, whole numbers ≥ 0, e.g. cbccvcld: 10159."),
    "Result.results": ("Mã chỉ tiêu → kết quả: {count: N, of: TỔNG}, một số nguyên, hoặc {value: \"95,2%\"}.",
                       "Target id → result: {count: N, of: TOTAL}, a whole number, or {value: \"95,2%\"}."),
    "Result.situation": ("Đặc điểm, tình hình (các đoạn).", "Situation (paragraphs)."),
    "Result.highlights": ("Kết quả nổi bật.", "Highlights."),
    "Result.shortcomings": ("Hạn chế, nguyên nhân.", "Shortcomings and their causes."),
    "Result.lessons": ("Bài học kinh nghiệm.", "Lessons learned."),
    "Result.awards_received": ("Khen thưởng đã nhận, như báo cáo ghi.",
                               "Awards received, as the report prints them."),
    "Result.proposals": ("Đề xuất, kiến nghị.", "Proposals."),
    "Achieved.count": ("Số lượng đạt được (số nguyên ≥ 0, không có dấu chấm ngăn nghìn).",
                       "The count achieved (a whole number ≥ 0, no thousands dots)."),
    "Achieved.of": ("Tên tổng số trong population mà count là một phần.",
                    "Name of the population total the count is a share of."),
    "Achieved.stated": ("Tỉ lệ báo cáo in bên cạnh số lượng, ví dụ \"75,01%\" (được kiểm tra).",
                        "The share the report prints beside the count, e.g. \"75,01%\" (checked)."),
    "Achieved.value": ("Tỉ lệ đã tính sẵn khi không có số lượng, ví dụ \"95,2%\".",
                       "A share known without counts, e.g. \"95,2%\"."),
    "Scoring.by": ("Mã cụm thi đua (chấm các thành viên) hoặc đơn vị (chấm các đơn vị trực thuộc).",
                   "Id of a cluster (its members are scored) or a unit (its direct subordinates)."),
    "Scoring.year": ("Năm chấm điểm.", "Year scored."),
    "Scoring.campaign": ("Mã phong trào (bản giao ước) có các chỉ tiêu mà tiêu chí gắn vào.",
                         "Id of the campaign (the covenant) whose targets criteria may name."),
    "Scoring.units": ("Các đơn vị được chấm, theo thứ tự; mặc định: mọi thành viên / đơn vị trực thuộc.",
                      "Who is scored, in this order; default: every member / direct subordinate."),
    "Scoring.criteria": ("Các nhóm tiêu chí, mỗi nhóm có điểm tối đa bằng tổng các tiêu chí của nó.",
                         "Criteria groups, each with a max equal to the sum of its items'."),
    "Scoring.bonus": ("Điểm thưởng: điểm mỗi lần, tổng không quá max.",
                      "Bonus: points per time, the total capped at max."),
    "Scoring.deductions": ("Điểm trừ: điểm mỗi lần, tổng không quá max.",
                           "Deductions: points per time, the total capped at max."),
    "Scoring.classes": ("Xếp loại theo tổng điểm, từ cao xuống thấp; loại cuối có thể không có min.",
                        "Classes by total, highest first; the last may have no min."),
    "Scoring.scores": ("Mã đơn vị → điểm tự chấm (self), thẩm định (final), lý do (reasons), "
                       "số lần thưởng (bonus) và trừ (deductions).",
                       "Unit id → self-scores, final scores, reasons, bonus and deduction counts."),
    "Scoring.vote": ("Bình xét, suy tôn: số phiếu hợp lệ và số phiếu mỗi đơn vị.",
                     "The meeting's vote: valid ballots and each unit's votes."),
    "Scoring.proposals": ("Đề nghị khen thưởng: đơn vị và hình thức.", "Award proposals: unit and award."),
    "Scoring.meeting": ("Hội nghị tổng kết, chấm điểm, bình xét (cho biên bản).",
                        "The year-end meeting (for the minutes)."),
    "Scoring.document": ("Tờ trình đề nghị khen thưởng dưới dạng văn bản (số, ngày, người ký).",
                         "The proposal as an official document (number, date, signer)."),
    "max": ("Điểm tối đa (tối đa một chữ số thập phân: 10, 2,5).", "Maximum points (at most one decimal)."),
    "Item.target": ("Mã chỉ tiêu của phong trào: không có điểm thì lấy theo kết quả "
                    "(đạt: tối đa, không đạt: 0).",
                    "Target id of the campaign: unscored, the item takes max if met, 0 if not."),
    "Extra.points": ("Điểm mỗi lần.", "Points per time."),
    "ScoreClass.min": ("Tổng điểm tối thiểu để được xếp loại này.", "Lowest total of this class."),
    "UnitScores.self": ("Điểm tự chấm: mã tiêu chí → điểm (0 cũng phải ghi).",
                        "Self-scores: item id → score (write 0 too)."),
    "UnitScores.final": ("Điểm thẩm định: chỉ các tiêu chí thay đổi.",
                         "Final scores: only the items that changed."),
    "UnitScores.reasons": ("Lý do mỗi thay đổi: mã tiêu chí → lý do.",
                           "The reason of each change: item id → reason."),
    "UnitScores.bonus": ("Mã điểm thưởng → số lần.", "Bonus id → times."),
    "UnitScores.deductions": ("Mã điểm trừ → số lần.", "Deduction id → times."),
    "Vote.ballots": ("Số phiếu hợp lệ.", "Valid ballots."),
    "Vote.issued": ("Số phiếu phát ra.", "Ballots issued."),
    "Vote.returned": ("Số phiếu thu về.", "Ballots returned."),
    "Vote.votes": ("Mã đơn vị → số phiếu.", "Unit id → votes."),
    "Meeting.opens": ('Giờ khai mạc, ví dụ "08:00".', 'Opening time, e.g. "08:00".'),
    "Meeting.closes": ('Giờ bế mạc, ví dụ "11:30".', 'Closing time, e.g. "11:30".'),
    "Meeting.chair": ("Chủ trì (thường là Cụm trưởng).", "Chair (usually the cluster's leader)."),
    "Meeting.secretary": ("Thư ký.", "Secretary."),
    "Meeting.guests": ("Đại biểu cấp trên dự họp.", "The superior's representatives."),
    "Meeting.present": ("Mã các thành viên có mặt.", "Ids of the members present."),
    "Meeting.next_leader": ("Mã đơn vị làm Cụm trưởng năm sau.", "Id of next year's leader."),
    # The top level of anniversaries.yaml and units/*.yaml (no model name).
    ".anniversaries": ("Danh sách ngày kỷ niệm.", "The anniversaries."),
    ".units": ("Danh sách đơn vị.", "The units."),
    ".clusters": ("Danh sách cụm, khối thi đua.", "The emulation clusters."),
}

_MODELS = {
    "Anniversary": ("Ngày kỷ niệm", "Anniversary"),
    "Unit": ("Đơn vị công đoàn", "Trade-union unit"),
    "Cluster": ("Cụm, khối thi đua", "Emulation cluster"),
    "Launch": ("Lễ phát động", "Kickoff"),
    "Document": ("Văn bản", "Official document"),
    "Signer": ("Người ký", "Signer"),
    "Event": ("Sự kiện", "Event"),
    "Task": ("Nội dung thi đua", "Emulation task"),
    "Phase": ("Đợt thi đua", "Phase"),
    "Target": ("Chỉ tiêu", "Target"),
    "Reporting": ("Hạn báo cáo", "Reporting deadline"),
    "Achieved": ("Kết quả một chỉ tiêu", "What was achieved for one target"),
    "Group": ("Nhóm tiêu chí", "Criteria group"),
    "Item": ("Tiêu chí", "Criterion"),
    "Extras": ("Điểm thưởng hoặc điểm trừ", "Bonus or deductions"),
    "Extra": ("Mục điểm thưởng hoặc trừ", "Bonus or deduction item"),
    "ScoreClass": ("Xếp loại", "Class"),
    "UnitScores": ("Điểm của một đơn vị", "One unit's scores"),
    "Vote": ("Bình xét, suy tôn", "Vote"),
    "Proposal": ("Đề nghị khen thưởng", "Award proposal"),
    "Meeting": ("Hội nghị tổng kết", "Year-end meeting"),
}

_KIND_TITLES = {
    "anniversaries": (("Ngày kỷ niệm (anniversaries.yaml)",
                       "Danh sách ngày kỷ niệm quốc gia của sổ đăng ký thi đua."),
                      ("thidua anniversaries file", "The registry's national anniversaries.")),
    "units": (("Đơn vị và cụm thi đua (units/*.yaml)",
               "Các đơn vị công đoàn và cụm, khối thi đua."),
              ("thidua units file", "Trade-union units and emulation clusters.")),
    "campaign": (("Phong trào thi đua (campaigns/*.yaml)",
                  "Một phong trào, đợt hoặc giao ước thi đua."),
                 ("thidua campaign file", "One emulation campaign, drive or covenant.")),
    "result": (("Kết quả thực hiện (results/*.yaml)",
                "Kết quả một đơn vị đạt được trong một phong trào hoặc một đợt."),
               ("thidua result file", "What one unit achieved in one campaign or one phase.")),
    "scoring": (("Chấm điểm thi đua (scoring/*.yaml)",
                 "Một bảng chấm điểm: tiêu chí, điểm, xếp hạng, bình xét, đề nghị khen thưởng."),
                ("thidua scoring file", "One scoring: criteria, scores, ranking, vote, award proposals.")),
}


# --------------------------------------------------------------------------- generation

def _marker(annotated: Any) -> dict[str, Any]:
    """The schema a model type declares with ``WithJsonSchema`` (how it shows in the output)."""
    from pydantic import WithJsonSchema

    for meta in typing.get_args(annotated)[1:]:
        if isinstance(meta, WithJsonSchema) and meta.json_schema is not None:
            return dict(meta.json_schema)
    raise LookupError(f"{annotated!r} declares no JSON schema")


def _replacements() -> list[tuple[dict[str, Any], dict[str, Any]]]:
    from thidua_cli.models import base

    return [(_marker(base.Date), _DATE), (_marker(base.Id), _ID),
            (_marker(base.LunarDayMonth), _LUNAR), (_marker(base.TargetValueField), _TARGET)]


def _fix_types(node: Any, replacements: list[tuple[dict[str, Any], dict[str, Any]]]) -> Any:
    if isinstance(node, list):
        return [_fix_types(item, replacements) for item in node]
    if not isinstance(node, dict):
        return node
    for marker, replacement in replacements:
        if all(node.get(key) == value for key, value in marker.items()):
            return copy.deepcopy(replacement)
    fixed = {key: _fix_types(value, replacements) for key, value in node.items()}
    if "patternProperties" in fixed and "additionalProperties" not in fixed:
        # dict[Id, …]: the generator lists the key pattern but lets other keys through,
        # where the validator refuses them.
        (pattern, values), = fixed.pop("patternProperties").items()
        ids = [new["pattern"] for old, new in replacements if old.get("pattern") == pattern]
        fixed["propertyNames"] = {"pattern": ids[0] if ids else pattern,
                                  "patternErrorMessage": _ID_ERROR}
        fixed["additionalProperties"] = values
    return fixed


#: Text as the loader takes it: no C0 control but Tab and line feed, no DEL or C1 control,
#: no bidirectional override (see registry/loader.py): the editor underlines "\\e" too.
PLAIN_TEXT_PATTERN = "^[^\\u0000-\\u0008\\u000b-\\u001f\\u007f-\\u009f\\u202a-\\u202e\\u2066-\\u2069]*$"
_PLAIN_TEXT_ERROR = _error(
    'Văn bản chứa ký tự điều khiển (viết bằng mã thoát như "\\x1b"); hãy xóa nó.',
    'The text holds a control character (written as an escape such as "\\x1b"); delete it.')


def _plain_text(node: Any) -> None:
    """Every free-text string of the schema refuses control characters."""
    if isinstance(node, list):
        for item in node:
            _plain_text(item)
        return
    if not isinstance(node, dict):
        return
    if node.get("type") == "string" and not {"pattern", "enum", "const", "format"} & set(node):
        node["pattern"] = PLAIN_TEXT_PATTERN
        node["patternErrorMessage"] = _PLAIN_TEXT_ERROR
    for value in node.values():
        _plain_text(value)


def _document(model_name: str, schema: dict[str, Any]) -> None:
    """Vietnamese and English titles and descriptions in place of the generator's."""
    if model_name in _MODELS:
        vi, en = _MODELS[model_name]
        schema["title"] = vi
        schema["description"] = en
    for field, prop in schema.get("properties", {}).items():
        prop.pop("title", None)
        words = _FIELDS.get(f"{model_name}.{field}") or _FIELDS.get(field)
        if words is None:
            continue
        text = _both(*words)
        if "description" in prop:  # a value type's own description stays, after the field's
            text = f"{text}\n\n{prop['description']}"
        prop["description"] = text


def _nullable_list(schema: dict[str, Any]) -> dict[str, Any]:
    # The loader accepts "units:" with nothing under it (null) as an empty list.
    return {"anyOf": [schema, {"type": "null"}], "default": []}


def _anniversary_rules(schema: dict[str, Any]) -> None:
    text = {"type": "string"}
    schema["oneOf"] = [
        {"required": ["date"], "properties": {"date": text}},
        {"required": ["lunar"], "properties": {"lunar": text}},
    ]
    schema["if"] = {"required": ["date"], "properties": {"date": text}}
    schema["then"] = {"properties": {"since": {"type": "null"}}}


def _result_rules(schema: dict[str, Any], defs: dict[str, Any]) -> None:
    """A result is a bare whole number or an object with exactly one of count/value."""
    results = schema["properties"]["results"]
    results["additionalProperties"] = {"anyOf": [{"type": "integer", "minimum": 0},
                                                 {"$ref": "#/$defs/Achieved"}]}
    achieved = defs["Achieved"]
    achieved["oneOf"] = [{"required": ["count"]}, {"required": ["value"]}]  # both: neither branch alone


def _generate(kind: str) -> dict[str, Any]:
    from pydantic import BaseModel

    from thidua_cli.models import AnniversariesFile, Campaign, Result, UnitsFile
    from thidua_cli.models.scoring import Scoring

    models: dict[str, type[BaseModel]] = {"anniversaries": AnniversariesFile, "units": UnitsFile,
                                          "campaign": Campaign, "result": Result, "scoring": Scoring}
    model = models[kind]
    raw = model.model_json_schema(mode="validation")
    schema: dict[str, Any] = _fix_types(raw, _replacements())
    _plain_text(schema)
    defs = schema.pop("$defs", {})
    for name, definition in defs.items():
        _document(name, definition)
    if "Anniversary" in defs:
        _anniversary_rules(defs["Anniversary"])
    if kind == "result":
        _result_rules(schema, defs)
    _document({"campaign": "Campaign", "result": "Result", "scoring": "Scoring"}.get(kind, ""), schema)
    if kind not in ("campaign", "result", "scoring"):
        for key, prop in schema["properties"].items():
            description = prop.pop("description", None)
            prop.pop("default", None)
            schema["properties"][key] = _nullable_list(prop)
            if description:
                schema["properties"][key]["description"] = description
    (vi_title, vi_text), (en_title, en_text) = _KIND_TITLES[kind]
    schema.pop("title", None)
    schema.pop("description", None)
    return {
        "$schema": SCHEMA_DIALECT,
        "$id": schema_id(kind),
        "title": f"{vi_title} — {en_title}",
        "description": _both(vi_text, en_text),
        **schema,
        **({"$defs": defs} if defs else {}),
    }


def schemas() -> dict[str, dict[str, Any]]:
    """``{kind: JSON Schema}`` for ``anniversaries``, ``units``, ``campaign``, ``result`` and
    ``scoring``."""
    return {kind: _generate(kind) for kind in KINDS}


def dumps(schema: object) -> str:
    """A schema as the file holds it: indented JSON, Vietnamese as is, a final newline."""
    import json

    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"


def write_schemas(out: Path, force: bool, written: Callable[[Path], None]) -> None:
    """Write every schema into the folder ``out``; refuse (a one-line
    :class:`~thidua_cli.errors.UserError`) before writing anything when one exists and
    ``force`` was not given. ``written(path)`` is told after each file."""
    from thidua_cli.errors import UserError
    from thidua_cli.files import shown, write_outputs

    generated = schemas()
    if out.exists() and not out.is_dir():
        raise UserError(f"{shown(out)} không phải là thư mục", f"{shown(out)} is not a folder")
    targets = {out / FILE_NAMES[kind]: dumps(schema) for kind, schema in generated.items()}
    existing = [path for path in targets if path.exists() or path.is_symlink()]
    if existing and not force:
        # Checked before writing anything, so that a refusal leaves no half-updated set.
        names = ", ".join(shown(path) for path in existing)
        raise UserError(f"không ghi đè tệp đã có: {names} (dùng --force để ghi đè)",
                        f"not overwriting existing files: {names} (use --force to overwrite)")
    write_outputs(targets, force)  # all or nothing
    for path in targets:
        written(path)
