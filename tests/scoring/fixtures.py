"""Cụm thi đua số 3 (Hà Giang, seed 004) scoring its five members at the 2020 year-end
meeting: the full fixture every scoring test starts from, with its answers worked by hand.

By hand (items → groups → base; bonus T1 1 point, T2 2,5 points, capped at 5; deduction D1
0,5 a time, capped at 3; classes Xuất sắc ≥ 95, Tốt ≥ 85, else Khá):

| unit | nhóm 1 | nhóm 2 | base | bonus | deductions | total | class | rank |
|---|---|---|---|---|---|---|---|---|
| ldld-tp-ha-giang | 10+20+17 = 47 | 20+15+14,5 = 49,5 | 96,5 | 1×1 + 2,5×2 = 6 → 5 | 0,5×3 = 1,5 | 100 | Xuất sắc | 1 (4 votes) |
| cd-vien-chuc-ha-giang | 10 (result đạt)+20+20 = 50 | 19,5+15+15 = 49,5 | 99,5 | 1 | 0,5 | 100 | Xuất sắc | 2 (1 vote) |
| ldld-bac-me | 10+20+20 = 50 | 20+15+1,5 = 36,5 | 86,5 | 2,5 | 0 | 89 | Tốt | 3 |
| cd-nganh-giao-duc | 10+0 (result không đạt)+15 = 25 | 18+12,5+12,5 = 43 | 68 | 0 | 0 | 68 | Khá | 4 |
| cd-nganh-y-te | 10+20+10 = 40 | 10+10+8,5 = 28,5 | 68,5 | 0 | 0,5 | 68 | Khá | 4 |

Self-score bases (điểm tự chấm): 97,5 (1.3 was 18, thẩm định 17), 99,5, 86,5, 68, 68,5.
"""

UNITS = """\
units:
  - id: tong-ldld
    name: Tổng Liên đoàn Lao động Việt Nam
    level: tong-lien-doan
  - id: ldld-ha-giang
    name: Liên đoàn Lao động tỉnh Hà Giang
    short: LĐLĐ tỉnh Hà Giang
    level: tinh
    parent: tong-ldld
    place: Hà Giang
  - id: ldld-tp-ha-giang
    name: Liên đoàn Lao động thành phố Hà Giang
    short: LĐLĐ thành phố Hà Giang
    level: tren-co-so
    parent: ldld-ha-giang
    place: Hà Giang
  - id: cd-vien-chuc-ha-giang
    name: Công đoàn Viên chức tỉnh Hà Giang
    short: Công đoàn Viên chức tỉnh
    level: tren-co-so
    parent: ldld-ha-giang
  - id: ldld-bac-me
    name: Liên đoàn Lao động huyện Bắc Mê
    short: LĐLĐ huyện Bắc Mê
    level: tren-co-so
    parent: ldld-ha-giang
  - id: cd-nganh-giao-duc
    name: Công đoàn ngành Giáo dục tỉnh Hà Giang
    short: Công đoàn ngành Giáo dục
    level: tren-co-so
    parent: ldld-ha-giang
  - id: cd-nganh-y-te
    name: Công đoàn ngành Y tế tỉnh Hà Giang
    short: Công đoàn ngành Y tế
    level: tren-co-so
    parent: ldld-ha-giang
clusters:
  - id: cum-3-ha-giang
    name: Cụm thi đua số 3
    organizer: ldld-ha-giang
    leader: ldld-tp-ha-giang
    members: [cd-nganh-giao-duc, cd-nganh-y-te, cd-vien-chuc-ha-giang, ldld-bac-me, ldld-tp-ha-giang]
    place: Hà Giang
"""

COVENANT = """\
id: cum-3-ha-giang-2020
issuer: cum-3-ha-giang
year: 2020
kind: giao-uoc
title: Giao ước thi đua năm 2020
start: 2020-01-01
end: 2020-12-31
launch:
  date: 2020-02-12
  place: hội trường tầng 3 Khối Dân vận thành phố Hà Giang
targets:
  - id: doi-the-doan-vien
    text: Đổi thẻ cho đoàn viên
    value: 100%
  - id: cdcs-vung-manh-hcsn
    text: CĐCS trong cơ quan HCSN đạt tiêu chuẩn vững mạnh
    value: từ 90% trở lên
"""

SCORING = """\
by: cum-3-ha-giang
year: 2020
campaign: cum-3-ha-giang-2020
units: [ldld-tp-ha-giang, cd-vien-chuc-ha-giang, ldld-bac-me, cd-nganh-giao-duc, cd-nganh-y-te]
criteria:
  - id: "1"
    name: Thực hiện các chỉ tiêu giao ước
    max: 50
    items:
      - {id: "1.1", name: Đổi thẻ cho 100% đoàn viên, max: 10, target: doi-the-doan-vien}
      - {id: "1.2", name: 90% trở lên CĐCS khu vực HCSN đạt vững mạnh, max: 20, target: cdcs-vung-manh-hcsn}
      - {id: "1.3", name: Hoàn thành chỉ tiêu phát triển đoàn viên, max: 20}
  - id: "2"
    name: Công tác chăm lo, đại diện, bảo vệ; tuyên truyền; xây dựng tổ chức
    max: 50
    items:
      - {id: "2.1", name: "Chăm lo, đại diện, bảo vệ quyền lợi đoàn viên", max: 20}
      - {id: "2.2", name: "Tuyên truyền, giáo dục", max: 15}
      - {id: "2.3", name: Xây dựng tổ chức công đoàn vững mạnh, max: 15}
bonus:
  max: 5
  items:
    - {id: T1, name: "Có mô hình, cách làm hay được cấp trên nhân rộng", points: 1}
    - {id: T2, name: Có sáng kiến được LĐLĐ tỉnh công nhận, points: 2.5}
deductions:
  max: 3
  items:
    - {id: D1, name: Nộp báo cáo chậm so với quy định (mỗi lần), points: "0,5"}
classes:
  - {name: Xuất sắc, min: 95}
  - {name: Tốt, min: 85}
  - {name: Khá}
scores:
  ldld-tp-ha-giang:
    self: {"1.1": 10, "1.2": 20, "1.3": 18, "2.1": 20, "2.2": 15, "2.3": 14.5}
    final: {"1.3": 17}
    reasons: {"1.3": "Số kết nạp mới theo báo cáo LĐLĐ tỉnh là 212, không phải 230"}
    bonus: {T1: 1, T2: 2}
    deductions: {D1: 3}
  cd-vien-chuc-ha-giang:
    self: {"1.2": 20, "1.3": 20, "2.1": "19,5", "2.2": 15, "2.3": 15}
    bonus: {T1: 1}
    deductions: {D1: 1}
  ldld-bac-me:
    self: {"1.1": 10, "1.2": 20, "1.3": 20, "2.1": 20, "2.2": 15, "2.3": 1.5}
    bonus: {T2: 1}
  cd-nganh-giao-duc:
    self: {"1.1": 10, "1.3": 15, "2.1": 18, "2.2": 12.5, "2.3": 12.5}
  cd-nganh-y-te:
    self: {"1.1": 10, "1.2": 20, "1.3": 10, "2.1": 10, "2.2": 10, "2.3": 8.5}
    deductions: {D1: 1}
vote:
  issued: 5
  returned: 5
  ballots: 5
  votes: {ldld-tp-ha-giang: 4, cd-vien-chuc-ha-giang: 1}
proposals:
  - {unit: ldld-tp-ha-giang, award: Cờ thi đua của Liên đoàn Lao động tỉnh}
  - {unit: cd-vien-chuc-ha-giang, award: Bằng khen của Liên đoàn Lao động tỉnh}
meeting:
  date: 2020-12-18
  opens: "08:00"
  closes: "11:30"
  place: Hội trường LĐLĐ thành phố Hà Giang
  chair: Nguyễn Văn C, Chủ tịch LĐLĐ thành phố Hà Giang (Cụm trưởng)
  secretary: Trần Thị D
  guests: ["Trần Văn Minh, Phó Chủ tịch Thường trực LĐLĐ tỉnh"]
  present: [ldld-tp-ha-giang, cd-vien-chuc-ha-giang, ldld-bac-me, cd-nganh-giao-duc, cd-nganh-y-te]
  next_leader: cd-vien-chuc-ha-giang
"""

#: Every member's report on the covenant (đoàn viên whose card was changed, HCSN unions
#: vững mạnh): all đạt but Công đoàn ngành Giáo dục's 17 of 20 unions, 85% against "từ 90% trở
#: lên" — không đạt, so its item 1.2, left unscored, is 0; Công đoàn Viên chức's item 1.1,
#: left unscored, takes its 10 points from its đạt.
RESULTS = {
    "ldld-tp-ha-giang": ((4120, 4120), (12, 13)),
    "cd-vien-chuc-ha-giang": ((3250, 3250), (46, 50)),
    "ldld-bac-me": ((1830, 1830), (19, 21)),
    "cd-nganh-giao-duc": ((9870, 9870), (17, 20)),
    "cd-nganh-y-te": ((2415, 2415), (10, 11)),
}


def result_file(unit: str) -> str:
    (cards, members), (strong, unions) = RESULTS[unit]
    return (f"campaign: cum-3-ha-giang-2020\nunit: {unit}\nas_of: 2020-12-10\n"
            f"population: {{doan-vien: {members}, cdcs-hcsn: {unions}}}\n"
            f"results:\n  doi-the-doan-vien: {{count: {cards}, of: doan-vien}}\n"
            f"  cdcs-vung-manh-hcsn: {{count: {strong}, of: cdcs-hcsn}}\n")


def files(scoring: str = SCORING, *, results: bool = True, **replace: str) -> dict[str, str]:
    """The registry files of the fixture; ``replace`` swaps exact substrings of the scoring."""
    for old, new in replace.items():
        assert old in scoring, old
        scoring = scoring.replace(old, new)
    chosen = {"units/units.yaml": UNITS, "campaigns/cum-3-ha-giang-2020.yaml": COVENANT,
              "scoring/cum-3-ha-giang-2020.yaml": scoring}
    if results:
        chosen.update({f"results/{unit}-2020.yaml": result_file(unit) for unit in RESULTS})
    return chosen
