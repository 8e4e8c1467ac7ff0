"""Generate a realistic registry at province or national scale, for the benchmarks.

    python benchmarks/generate.py --scale province [--out .bench/province] [--seed 2024]

The shape follows how a province federation keeps its registry: the Tổng Liên đoàn in
``units/tong-lien-doan.yaml``; per province one file with its LĐLĐ, the 40 unions above
the grassroots and its emulation clusters; per superior union one file with its công đoàn
cơ sở; and one file per campaign: every unit's yearly plan (three phases, five targets, a
document block), written like the plans in ``data/campaigns``. ``anniversaries.yaml`` is
copied from ``data/``.

Deterministic (one seed, no clock), and valid: targets never fall below the superior's,
anniversary ordinals are computed from the anniversaries, phases tile the year. The
output folder is never ``data/`` and is refused when it is not empty (``--force`` to
replace a generated one).
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SAMPLE_ANNIVERSARIES = REPO / "data" / "anniversaries.yaml"
YEAR = 2024  # the last full year with district federations (abolished 01/7/2025)
MARKER = ".thidua-benchmark"  # marks a folder this script made, so --force may replace it


@dataclass(frozen=True)
class Scale:
    provinces: int
    upper_per_province: int
    grassroots_per_upper: int
    clusters_per_province: int = 5
    #: each union above the grassroots scores its CĐCS (scoring/*.yaml, a 20-item table)
    scorings: bool = False
    #: every CĐCS reports its year's results on its own campaign (results/*.yaml)
    results: bool = False


SCALES = {
    # 1 LĐLĐ, 40 unions above the grassroots, 6,000 CĐCS (150 each), 6,000 result files.
    "province": Scale(1, 40, 150, results=True),
    # 63 provinces × (1 + 40 + 40 × 53): 136,143 units and as many campaigns.
    "national": Scale(63, 40, 53),
    # A district's worth: 1 LĐLĐ, 3 unions above the grassroots, 30 CĐCS — 34 plans, the
    # small end of benchmarks/render_scaling.py's ratio.
    "dozens": Scale(1, 3, 10, clusters_per_province=1),
    # For tests: the same shape, a few files.
    "tiny": Scale(1, 3, 4, clusters_per_province=1, results=True),
    # A superior scoring 6,000 CĐCS on a 20-item table (issue 16): 1 LĐLĐ, one union above
    # the grassroots with 6,000 CĐCS, and its scoring file.
    "scoring": Scale(1, 1, 6000, clusters_per_province=1, scorings=True),
    # For tests: a scoring of a few CĐCS.
    "tiny-scoring": Scale(1, 2, 4, clusters_per_province=1, scorings=True),
}

#: The 20-item table: four groups of five items, 25 points a group, 100 in all.
SCORING_GROUPS = [
    ("Công tác đại diện, bảo vệ quyền, lợi ích hợp pháp, chính đáng của đoàn viên", 25),
    ("Công tác tuyên truyền, giáo dục; phong trào thi đua", 25),
    ("Công tác phát triển đoàn viên, xây dựng tổ chức công đoàn", 25),
    ("Công tác tài chính, kiểm tra; công tác nữ công", 25),
]
SCORING_ITEMS = [
    "Tổ chức hội nghị người lao động", "Thương lượng, ký kết thỏa ước lao động tập thể",
    "Tham gia giải quyết chế độ, chính sách", "Chăm lo đời sống đoàn viên", "Tổ chức đối thoại",
    "Tuyên truyền nghị quyết", "Phát động phong trào thi đua", "Hoạt động văn hóa, thể thao",
    "Phong trào lao động sáng tạo", "Giới thiệu đoàn viên ưu tú cho Đảng",
    "Phát triển đoàn viên mới", "Sinh hoạt công đoàn định kỳ", "Đào tạo cán bộ công đoàn",
    "Xây dựng quy chế hoạt động", "Hồ sơ, sổ sách công đoàn", "Thu, nộp kinh phí công đoàn",
    "Thu, nộp đoàn phí", "Công tác kiểm tra, giám sát", "Hoạt động nữ công",
    "Phong trào Giỏi việc nước, đảm việc nhà",
]

PROVINCES = [
    "Hà Nội", "Thành phố Hồ Chí Minh", "Hải Phòng", "Đà Nẵng", "Cần Thơ", "An Giang",
    "Bà Rịa - Vũng Tàu", "Bắc Giang", "Bắc Kạn", "Bạc Liêu", "Bắc Ninh", "Bến Tre", "Bình Định",
    "Bình Dương", "Bình Phước", "Bình Thuận", "Cà Mau", "Cao Bằng", "Đắk Lắk", "Đắk Nông",
    "Điện Biên", "Đồng Nai", "Đồng Tháp", "Gia Lai", "Hà Giang", "Hà Nam", "Hà Tĩnh",
    "Hải Dương", "Hậu Giang", "Hòa Bình", "Hưng Yên", "Khánh Hòa", "Kiên Giang", "Kon Tum",
    "Lai Châu", "Lâm Đồng", "Lạng Sơn", "Lào Cai", "Long An", "Nam Định", "Nghệ An",
    "Ninh Bình", "Ninh Thuận", "Phú Thọ", "Phú Yên", "Quảng Bình", "Quảng Nam", "Quảng Ngãi",
    "Quảng Ninh", "Quảng Trị", "Sóc Trăng", "Sơn La", "Tây Ninh", "Thái Bình", "Thái Nguyên",
    "Thanh Hóa", "Thừa Thiên Huế", "Tiền Giang", "Trà Vinh", "Tuyên Quang", "Vĩnh Long",
    "Vĩnh Phúc", "Yên Bái",
]
CITIES = {"Hà Nội", "Thành phố Hồ Chí Minh", "Hải Phòng", "Đà Nẵng", "Cần Thơ"}

#: Unions above the grassroots that every province has besides its district federations.
SECTOR_UNIONS = [
    ("Công đoàn ngành Giáo dục", "CĐN", "truong-hoc"),
    ("Công đoàn ngành Y tế", "CĐN", "hanh-chinh-su-nghiep"),
    ("Công đoàn ngành Công Thương", "CĐN", "doanh-nghiep"),
    ("Công đoàn ngành Xây dựng", "CĐN", "doanh-nghiep"),
    ("Công đoàn ngành Giao thông vận tải", "CĐN", "doanh-nghiep"),
    ("Công đoàn ngành Nông nghiệp và Phát triển nông thôn", "CĐN", "hanh-chinh-su-nghiep"),
    ("Công đoàn Viên chức", "CĐVC", "hanh-chinh-su-nghiep"),
    ("Công đoàn các Khu công nghiệp", "CĐKCN", "doanh-nghiep"),
]

PLACES = [
    "An Bình", "An Khánh", "An Phú", "Bình Minh", "Bình An", "Cẩm Phong", "Đông Hưng",
    "Đông Sơn", "Đồng Tâm", "Hòa Bình", "Hòa Lạc", "Hưng Đạo", "Hương Sơn", "Kim Liên",
    "Lạc Hồng", "Liên Hà", "Long Hưng", "Minh Khai", "Nam Sơn", "Nghĩa Đô", "Ngọc Lâm",
    "Nhân Chính", "Phú Lâm", "Phú Thượng", "Phúc Lợi", "Quang Trung", "Quyết Thắng",
    "Tân Lập", "Tân Phong", "Tân Tiến", "Thạch Bàn", "Thanh Xuân", "Thành Công", "Thịnh Liệt",
    "Thượng Thanh", "Tiên Phong", "Trung Hòa", "Trung Tự", "Trường Thịnh", "Văn Miếu",
    "Việt Hưng", "Vĩnh Tuy", "Xuân Đỉnh", "Xuân La", "Yên Hòa", "Yên Thế", "Đức Giang",
    "Hồng Hà", "Cự Khối", "Phương Liệt",
]
DISTRICT_KINDS = ["huyện", "huyện", "huyện", "thị xã", "thành phố"]
GRASSROOTS = [
    ("Công đoàn trường Mầm non {p}", "truong-hoc"),
    ("Công đoàn trường Tiểu học {p}", "truong-hoc"),
    ("Công đoàn trường THCS {p}", "truong-hoc"),
    ("Công đoàn trường THPT {p}", "truong-hoc"),
    ("Công đoàn Trạm Y tế {p}", "hanh-chinh-su-nghiep"),
    ("Công đoàn Bệnh viện Đa khoa {p}", "hanh-chinh-su-nghiep"),
    ("Công đoàn cơ quan Ủy ban nhân dân {p}", "hanh-chinh-su-nghiep"),
    ("Công đoàn Công ty TNHH {c} {p}", "doanh-nghiep"),
    ("Công đoàn Công ty Cổ phần {c} {p}", "doanh-nghiep"),
    ("Công đoàn Hợp tác xã {c} {p}", "khac"),
]
TRADES = ["May mặc", "Cơ khí", "Xây dựng", "Thực phẩm", "Điện tử", "Vận tải", "Dệt may",
          "Xi măng", "Giày da", "Chế biến gỗ", "Thương mại", "Dịch vụ"]

FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Ngô", "Dương", "Lý"]
MIDDLE = ["Văn", "Thị", "Đức", "Minh", "Thu", "Hồng", "Quang", "Thanh", "Ngọc", "Xuân"]
GIVEN = ["An", "Bình", "Chi", "Dũng", "Giang", "Hà", "Hải", "Hiếu", "Hòa", "Hùng", "Lan", "Linh",
         "Mai", "Nam", "Nga", "Phương", "Quân", "Sơn", "Tâm", "Thảo", "Trang", "Tuấn", "Vinh"]

THEMES = [
    "Năm tăng cường đối thoại, thương lượng tập thể, nâng cao chất lượng hoạt động công đoàn cơ sở",
    "Nâng cao hiệu lực, hiệu quả hoạt động của hệ thống chính trị",
    "Năm nâng cao chất lượng đội ngũ cán bộ Công đoàn cơ sở",
]
SPIRITS = [
    "Chủ động, sáng tạo, trách nhiệm, hiệu quả và thiết thực",
    "Thiết thực, đổi mới, hiệu quả, coi trọng chất lượng, hướng về đoàn viên và người lao động",
    "Đoàn kết, sáng tạo, tăng tốc, về đích",
]
BASIS = [
    "Nghị quyết Đại hội XIII Công đoàn Việt Nam",
    "Luật Thi đua, khen thưởng năm 2022",
    "Nghị định số 98/2023/NĐ-CP của Chính phủ quy định chi tiết thi hành Luật Thi đua, khen thưởng",
    "Chương trình công tác năm {y} của Tổng Liên đoàn Lao động Việt Nam",
    "Kế hoạch phát động thi đua năm {y} của cấp trên",
]
AIMS = [
    "Tiếp tục đổi mới và đẩy mạnh các phong trào thi đua yêu nước trong công nhân viên chức "
    "lao động {w}, tạo khí thế thi đua sôi nổi, phấn đấu hoàn thành và hoàn thành vượt mức các "
    "mục tiêu, chỉ tiêu, nhiệm vụ năm {y}.",
    "Thiết thực lập thành tích chào mừng các ngày lễ lớn, sự kiện chính trị quan trọng của đất "
    "nước và của tổ chức Công đoàn trong năm {y}; gắn phong trào thi đua với việc thực hiện "
    "chủ đề công tác năm.",
    "Phát hiện, bồi dưỡng, biểu dương, nhân rộng các điển hình tiên tiến, người tốt việc tốt; "
    "công tác thi đua, khen thưởng bảo đảm kịp thời, công khai, công bằng, đúng người, đúng việc.",
    "Nâng cao vai trò, trách nhiệm của người đứng đầu và của Ban Chấp hành {w} trong việc chỉ "
    "đạo, đôn đốc, kiểm tra, sơ kết, tổng kết phong trào thi đua.",
]
TASKS = {
    "doanh-nghiep": (["Lao động giỏi", "Lao động sáng tạo",
                      "Xanh - Sạch - Đẹp, Bảo đảm an toàn vệ sinh lao động"], [
        "Vận động công nhân lao động thi đua hoàn thành vượt mức kế hoạch sản xuất kinh doanh "
        "năm {y}; phát huy sáng kiến, cải tiến kỹ thuật, tăng năng suất lao động, thực hành "
        "tiết kiệm, chống lãng phí.",
        "Thi đua nâng cao chất lượng đối thoại tại nơi làm việc, thương lượng, ký kết thỏa ước "
        "lao động tập thể; xây dựng quan hệ lao động hài hòa, ổn định, tiến bộ trong doanh nghiệp.",
    ]),
    "hanh-chinh-su-nghiep": (["Cán bộ, công chức, viên chức thi đua thực hiện văn hóa công sở",
                              "Giỏi việc nước, đảm việc nhà"], [
        "Vận động cán bộ, công chức, viên chức, người lao động thi đua thực hiện có hiệu quả "
        "nhiệm vụ chính trị được giao; đẩy mạnh cải cách hành chính, chuyển đổi số, nâng cao "
        "chất lượng phục vụ nhân dân.",
        "Thực hiện tốt quy chế dân chủ ở cơ sở; nâng cao kỷ luật, kỷ cương hành chính, đạo đức "
        "công vụ; phòng, chống tham nhũng, lãng phí.",
    ]),
    "truong-hoc": (["Hai tốt", "Dân chủ - kỷ cương - tình thương - trách nhiệm"], [
        "Phấn đấu thi đua dạy tốt, học tốt với tinh thần đổi mới, sáng tạo; thực hiện có hiệu quả "
        "chương trình giáo dục phổ thông mới năm học {y} - {y1}.",
        "Xây dựng nhà trường văn hóa, nhà giáo mẫu mực, học sinh thanh lịch; chăm lo đời sống, "
        "bảo vệ quyền, lợi ích hợp pháp, chính đáng của nhà giáo, người lao động.",
    ]),
    "khac": (["Lao động giỏi"], [
        "Vận động người lao động thi đua hoàn thành kế hoạch sản xuất, kinh doanh, dịch vụ năm "
        "{y}; chăm lo việc làm, thu nhập cho thành viên và người lao động.",
    ]),
}
IMPLEMENTATION = [
    "Ban Thường vụ {w} chỉ đạo các công đoàn trực thuộc xây dựng kế hoạch, tổ chức phát động "
    "phong trào thi đua, báo cáo kết quả về cấp trên trước ngày 15/12/{y}.",
    "Văn phòng chủ trì, phối hợp các ban theo dõi, đôn đốc, tổng hợp kết quả, đề xuất khen "
    "thưởng các tập thể, cá nhân có thành tích xuất sắc.",
]

#: Phases that tile the year; each celebrates the solar anniversaries that fall in it.
PHASES = [(date(YEAR, 1, 1), date(YEAR, 4, 30), "Mừng Đảng, mừng xuân, mừng đất nước đổi mới"),
          (date(YEAR, 5, 1), date(YEAR, 8, 31), "Thi đua lao động giỏi, lao động sáng tạo chào "
                                                 "mừng kỷ niệm {cd} năm Ngày thành lập Công đoàn Việt Nam"),
          (date(YEAR, 9, 1), date(YEAR, 12, 31), "Về đích, hoàn thành thắng lợi nhiệm vụ năm {y}")]

#: Percentage targets every level sets under the same id (target-below-parent compares
#: them down the tree): id, wording, form ("tren" = trên X%, "tu" = từ X% trở lên), base.
SHARED_TARGETS = [
    ("hoc-tap-nghi-quyet", "đoàn viên được học tập, quán triệt nghị quyết của Đảng, của Công đoàn", "tu", 85),
    ("cdcs-vung-manh", "công đoàn cơ sở đạt tiêu chuẩn vững mạnh", "tu", 70),
    ("lao-dong-tien-tien", "CBCCVCLĐ đạt danh hiệu “Lao động tiên tiến”", "tren", 72),
]
#: A count target of each level's own (the levels count different things).
COUNT_TARGETS = {
    "tinh": ("doan-vien-moi", "đoàn viên công đoàn mới được kết nạp", 5000),
    "tren-co-so": ("cdcs-moi", "công đoàn cơ sở mới được thành lập", 5),
    "co-so": ("sang-kien", "sáng kiến, cải tiến kỹ thuật được công nhận", 2),
}


@dataclass
class UnitSpec:
    id: str
    name: str
    short: str | None
    level: str
    parent: str
    place: str | None
    sector: str | None
    abbr: str
    values: dict[str, int] = field(default_factory=dict)
    own_anniversary: tuple[str, str, date] | None = None


@dataclass
class Stats:
    units: int = 0
    clusters: int = 0
    campaigns: int = 0
    scorings: int = 0
    results: int = 0
    files: int = 0
    bytes: int = 0


def slugify(text: str) -> str:
    from thidua_cli.vn.slug import slugify as vn_slugify
    return vn_slugify(text)


def _q(text: str) -> str:
    """A YAML scalar for a text that might read as something else."""
    if (": " in text or " #" in text or text[:1] in "-?:,[]{}#&*!|>'\"%@`"
            or text != text.strip()):
        return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return text


def _folded(text: str, indent: int) -> str:
    """A long paragraph as a YAML folded block (``>-``), wrapped near 90 columns."""
    pad = " " * indent
    lines, current = [], ""
    for word in text.split():
        if current and len(pad) + len(current) + 1 + len(word) > 92:
            lines.append(pad + current)
            current = word
        else:
            current = f"{current} {word}" if current else word
    lines.append(pad + current)
    return ">-\n" + "\n".join(lines)


class Generator:
    def __init__(self, scale: Scale, seed: int) -> None:
        self.scale = scale
        self.rng = random.Random(seed)
        # Results draw from their own generator: the units and campaigns stay the bytes they
        # were before results existed, so earlier benchmark figures remain comparable.
        self.result_rng = random.Random(seed + 1)
        self.anniversaries = _solar_anniversaries()
        self.stats = Stats()
        self.ids: set[str] = set()

    def person(self) -> str:
        r = self.rng
        return f"{r.choice(FAMILY)} {r.choice(MIDDLE)} {r.choice(GIVEN)}"

    # ------------------------------------------------------------------ units

    def province_units(self, index: int) -> tuple[UnitSpec, list[UnitSpec], list[list[UnitSpec]]]:
        r = self.rng
        province = PROVINCES[index % len(PROVINCES)]
        pslug = slugify(province) + (f"-{index // len(PROVINCES) + 1}" if index >= len(PROVINCES) else "")
        word = "thành phố" if province in CITIES else "tỉnh"
        if province == "Thành phố Hồ Chí Minh":
            word, province_name = "", province
        else:
            province_name = f"{word} {province}"
        ldld = UnitSpec(f"ldld-{pslug}", f"Liên đoàn Lao động {province_name}".replace("  ", " "),
                        f"LĐLĐ {province_name}".replace("  ", " "), "tinh", "tong-ldld", province,
                        None, "LĐLĐ")
        ldld.values = {tid: base + r.randint(0, 4) for tid, _, _, base in SHARED_TARGETS}
        uppers: list[UnitSpec] = []
        for name, abbr, sector in SECTOR_UNIONS[:self.scale.upper_per_province]:
            uppers.append(UnitSpec(f"{slugify(name)}-{pslug}", f"{name} {province_name}",
                                   name, "tren-co-so", ldld.id, province, sector, abbr))
        used: set[str] = set()
        while len(uppers) < self.scale.upper_per_province:
            kind = r.choice(DISTRICT_KINDS) if province not in CITIES else r.choice(["quận", "huyện"])
            place = r.choice(PLACES)
            district = f"{kind} {place}"
            if district in used:
                continue
            used.add(district)
            uppers.append(UnitSpec(f"ldld-{slugify(district)}-{pslug}", f"Liên đoàn Lao động {district}",
                                   f"LĐLĐ {district}", "tren-co-so", ldld.id, place, None, "LĐLĐ"))
        grassroots: list[list[UnitSpec]] = []
        for upper in uppers:
            upper.values = {tid: v + r.randint(0, 4) for tid, v in ldld.values.items()}
            names: set[str] = set()
            children = []
            for n in range(self.scale.grassroots_per_upper):
                template, sector = r.choice(GRASSROOTS)
                if upper.sector and upper.sector != "doanh-nghiep" and r.random() < 0.8:
                    template, sector = r.choice([g for g in GRASSROOTS if g[1] == upper.sector])
                name = template.format(p=r.choice(PLACES), c=r.choice(TRADES))
                if name in names:
                    name = f"{name} số {n + 1}"
                names.add(name)
                base_id = f"cdcs-{slugify(name.removeprefix('Công đoàn '))}-{pslug}"
                unit_id, k = base_id, 1
                while unit_id in self.ids:
                    k += 1
                    unit_id = f"{base_id}-{k}"
                self.ids.add(unit_id)
                unit = UnitSpec(unit_id, name, None, "co-so", upper.id,
                                upper.place, sector, "CĐCS")
                unit.values = {tid: v + r.randint(0, 4) for tid, v in upper.values.items()}
                if r.random() < 0.05:
                    founded = date(r.randint(1960, 2019), r.randint(1, 12), r.randint(1, 28))
                    unit.own_anniversary = (f"thanh-lap-{unit.id}",
                                            f"Ngày thành lập {name.removeprefix('Công đoàn ')}", founded)
                children.append(unit)
            grassroots.append(children)
        return ldld, uppers, grassroots

    def units_file(self, header: str, units: list[UnitSpec], clusters: str = "") -> str:
        out = [f"# {header}", "", "units:"]
        for unit in units:
            out.append(f"  - id: {unit.id}")
            out.append(f"    name: {_q(unit.name)}")
            if unit.short:
                out.append(f"    short: {_q(unit.short)}")
            out.append(f"    level: {unit.level}")
            out.append(f"    parent: {unit.parent}")
            if unit.place:
                out.append(f"    place: {_q(unit.place)}")
            if unit.sector:
                out.append(f"    sector: {unit.sector}")
            if unit.own_anniversary:
                aid, aname, founded = unit.own_anniversary
                out += ["    anniversaries:", f"      - id: {aid}", f"        name: {_q(aname)}",
                        f"        date: {founded.isoformat()}"]
            out.append("")
            self.stats.units += 1
        return "\n".join(out) + clusters

    def clusters_block(self, ldld: UnitSpec, uppers: list[UnitSpec], pslug: str) -> str:
        count = self.scale.clusters_per_province
        if not count:
            return ""
        out = ["clusters:"]
        per = max(1, len(uppers) // count)
        for k in range(count):
            members = uppers[k * per:(k + 1) * per] or uppers[:1]
            out += [f"  - id: cum-{k + 1}-{pslug}", f"    name: Cụm thi đua số {k + 1}",
                    f"    organizer: {ldld.id}", f"    leader: {members[0].id}", "    members:"]
            out += [f"      - {m.id}" for m in members]
            out.append("")
            self.stats.clusters += 1
        return "\n" + "\n".join(out)

    # ------------------------------------------------------------------ scoring

    def scoring(self, upper: UnitSpec, children: list[UnitSpec]) -> str:
        """The superior's scoring of its CĐCS: the 20-item table, every CĐCS's self-scores
        (one decimal), some reviewed with a reason, bonus and deductions; the first CĐCS full
        marks so that rank 1 is one unit."""
        r = self.rng
        out = [f"# Chấm điểm, xếp loại công đoàn cơ sở năm {YEAR} của {upper.name}.", "",
               f"by: {upper.id}", f"year: {YEAR}", "criteria:"]
        ids: list[tuple[str, int]] = []
        for g, (name, top) in enumerate(SCORING_GROUPS, 1):
            out += [f'  - id: "{g}"', f"    name: {_q(name)}", f"    max: {top}", "    items:"]
            for i in range(5):
                item_id = f"{g}.{i + 1}"
                ids.append((item_id, top // 5))
                # Quoted: a comma inside {…} would end the name.
                out.append(f'      - {{id: "{item_id}", name: "{SCORING_ITEMS[(g - 1) * 5 + i]}", '
                           f"max: {top // 5}}}")
        out += ["bonus:", "  max: 5", "  items:",
                '    - {id: T1, name: "Mô hình, cách làm hay được nhân rộng", points: 1}',
                "deductions:", "  max: 5", "  items:",
                '    - {id: D1, name: "Nộp báo cáo chậm (mỗi lần)", points: 0.5}',
                "classes:", "  - {name: Hoàn thành xuất sắc nhiệm vụ, min: 90}",
                "  - {name: Hoàn thành tốt nhiệm vụ, min: 70}", "  - {name: Hoàn thành nhiệm vụ, min: 50}",
                "  - {name: Không hoàn thành nhiệm vụ}", "scores:"]
        for n, child in enumerate(children):
            scores = {item_id: top if n == 0 else r.randint(top * 4, top * 10) / 10 for item_id, top in ids}
            out.append(f"  {child.id}:")
            out.append("    self: {" + ", ".join(f'"{k}": {_score(v)}' for k, v in scores.items()) + "}")
            if n and r.random() < 0.1:
                item_id = r.choice(ids)[0]
                out.append(f'    final: {{"{item_id}": {_score(max(0.0, scores[item_id] - 1))}}}')
                out.append(f'    reasons: {{"{item_id}": "Hồ sơ minh chứng chưa đầy đủ"}}')
            if n == 0 or r.random() < 0.2:
                out.append("    bonus: {T1: 1}")
            if n and r.random() < 0.2:
                out.append(f"    deductions: {{D1: {r.randint(1, 3)}}}")
        self.stats.scorings += 1
        return "\n".join(out) + "\n"

    # ------------------------------------------------------------------ campaigns

    def campaign(self, unit: UnitSpec, number: int) -> str:
        r = self.rng
        y = YEAR
        who = unit.short or unit.name
        issued = date(y, 1, r.randint(2, 12))
        title = f"Phát động phong trào thi đua trong công nhân viên chức lao động {who} năm {y}"
        lines = [
            f"# Kế hoạch phát động thi đua năm {y} của {unit.name}.",
            "",
            f"id: {unit.id}-{y}",
            f"issuer: {unit.id}",
            f"year: {y}",
            "kind: nam",
            f"title: {_q(title)}",
            f"start: {y}-01-01",
            f"end: {y}-12-31",
            "launch:",
            f"  date: {issued.isoformat()}",
            f"  speaker: {_q(self.person() + ', Chủ tịch ' + who)}",
            "document:",
            f"  number: {number:02d}/KH-{unit.abbr}",
            f"  date: {issued.isoformat()}",
            "  signer:",
            f"    name: {self.person()}",
            f"    position: {r.choice(['Chủ tịch', 'Phó Chủ tịch'])}",
            ("    on_behalf: TM. BAN THƯỜNG VỤ" if unit.level != "co-so"
             else "    on_behalf: TM. BAN CHẤP HÀNH"),
            "  recipients:",
            "    - Công đoàn cấp trên (để báo cáo)",
            "    - Các công đoàn trực thuộc" if unit.level != "co-so" else "    - Các tổ công đoàn",
            "    - Lưu VP",
            "basis:",
        ]
        for basis in r.sample(BASIS, 3):
            lines.append(f"  - {_q(basis.format(y=y))}")
        lines += [f"theme: {_q(r.choice(THEMES))}", f"spirit: {_q(r.choice(SPIRITS))}",
                  "celebrates:", f"  cong-doan-viet-nam: {y - 1929}", "aims:"]
        aims = AIMS if unit.level != "co-so" else r.sample(AIMS, 2)
        for aim in aims:
            lines.append("  - " + _folded(aim.format(w=who, y=y), 4))
        lines.append("tasks:")
        sectors = [unit.sector] if unit.sector else r.sample(sorted(TASKS), 2)
        for sector in sectors:
            movements, items = TASKS[sector]
            lines += [f"  - sector: {sector}", "    movements:"]
            lines += [f"      - {_q(m)}" for m in movements]
            lines.append("    items:")
            lines += ["      - " + _folded(item.format(y=y, y1=y + 1), 8) for item in items]
        lines.append("phases:")
        for index, (start, end, theme) in enumerate(PHASES, start=1):
            lines += [f"  - number: {index}", f"    start: {start.isoformat()}",
                      f"    end: {end.isoformat()}",
                      f"    theme: {_q(theme.format(cd=y - 1929, y=y))}", "    celebrates:"]
            inside = [(aid, base) for aid, base, day in self.anniversaries if start <= day <= end]
            for aid, base in sorted(r.sample(inside, min(len(inside), r.randint(1, 3)))):
                lines.append(f"      {aid}: {y - base}")
            if unit.own_anniversary:
                aid, _, founded = unit.own_anniversary
                if start <= founded.replace(year=y) <= end:
                    lines.append(f"      {aid}: {y - founded.year}")
        lines.append("targets:")
        lines += ["  - id: dang-ky-thi-dua", "    text: tập thể, cá nhân đăng ký giao ước thi đua",
                  '    value: "100%"']
        for tid, text, form, _ in SHARED_TARGETS:
            value = unit.values[tid]
            wording = f"trên {value}%" if form == "tren" else f"từ {value}% trở lên"
            lines += [f"  - id: {tid}", f"    text: {_q(text)}", f"    value: {_q(wording)}"]
            if tid == "lao-dong-tien-tien":
                lines.append("    within: dang-ky-thi-dua")
        cid, ctext, cbase = COUNT_TARGETS[unit.level]
        count = cbase + r.randint(0, cbase)
        lines += [f"  - id: {cid}", f"    text: {_q(ctext)}",
                  f"    value: {_q('từ ' + format(count, ',').replace(',', '.') + ' trở lên')}"]
        lines.append("implementation:")
        for item in IMPLEMENTATION:
            lines.append("  - " + _folded(item.format(w=who, y=y), 4))
        self.stats.campaigns += 1
        return "\n".join(lines) + "\n"


    # ------------------------------------------------------------------ results

    def result(self, unit: UnitSpec) -> str:
        """A CĐCS's year-end report on its own campaign: counts of named totals, never a
        percentage; consistent (counts within totals, "đạt" within "đăng ký"), and no count
        that a two-decimal percentage would round up to its target (result-rounding-misleads)."""
        r = self.result_rng
        y = YEAR
        workers = r.randint(15, 400)
        members = workers - r.randint(0, workers // 10)
        registered = workers - r.randint(0, workers // 20)
        population = {"cbccvcld": workers, "doan-vien": members, "cdcs": 1}
        results: list[str] = [f"  dang-ky-thi-dua: {{count: {registered}, of: cbccvcld}}"]
        bases = {"hoc-tap-nghi-quyet": ("doan-vien", members), "cdcs-vung-manh": ("cdcs", 1),
                 "lao-dong-tien-tien": ("cbccvcld", registered)}
        for tid, _, _form, _ in SHARED_TARGETS:
            name, most = bases[tid]
            total = population[name]
            count = r.randint(most * 6 // 10, most)
            percent = unit.values[tid]
            # Below the target but within 0,005 points of it (74,996% prints 75,00%): one more.
            while count < most and 100 * count < percent * total and \
                    200 * percent * total <= 20000 * count + total:
                count += 1
            results.append(f"  {tid}: {{count: {count}, of: {name}}}")
        cid, _, cbase = COUNT_TARGETS[unit.level]
        results.append(f"  {cid}: {r.randint(0, 2 * cbase)}")
        lines = [f"# Báo cáo tổng kết phong trào thi đua năm {y} của {unit.name}.", "",
                 f"campaign: {unit.id}-{y}", f"as_of: {y}-12-{r.randint(10, 20)}", "population:"]
        lines += [f"  {key}: {value}" for key, value in population.items()]
        lines.append("results:")
        lines += results
        lines += ["highlights:", "  - " + _folded(
            f"Năm {y}, {unit.name} tổ chức cho {workers} CBCCVCLĐ đăng ký thi đua; các phong trào "
            "thi đua được triển khai sâu rộng, gắn với nhiệm vụ chính trị của cơ quan, đơn vị.", 4)]
        self.stats.results += 1
        return "\n".join(lines) + "\n"


def _solar_anniversaries() -> list[tuple[str, int, date]]:
    """(id, base year, day in YEAR) of each solar anniversary of the sample registry."""
    import yaml

    data = yaml.load(SAMPLE_ANNIVERSARIES.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
    found = []
    for item in data["anniversaries"]:
        day = item.get("date")
        if isinstance(day, str):
            day = date.fromisoformat(day)
        if isinstance(day, date):
            found.append((item["id"], day.year, day.replace(year=YEAR)))
    return found


def _score(value: float) -> str:
    """A score as a cadre types it: ``8``, ``7.5``."""
    return str(int(value)) if value == int(value) else f"{value:.1f}"


def _write(path: Path, text: str, stats: Stats) -> None:
    data = text.encode("utf-8")
    path.write_bytes(data)
    stats.files += 1
    stats.bytes += len(data)


def generate(out: Path, scale: str | Scale = "province", seed: int = 2024, force: bool = False) -> Stats:
    """Write a registry into ``out`` (created; must be empty, or one made by this script with force)."""
    spec = SCALES[scale] if isinstance(scale, str) else scale
    out = out.resolve()
    if out == (REPO / "data").resolve() or (REPO / "data").resolve() in out.parents:
        raise SystemExit("generate: refusing to write into data/ (the sample registry)")
    if out.exists() and any(out.iterdir()):
        if not (force and (out / MARKER).exists()):
            raise SystemExit(f"generate: {out} is not empty (use --force to replace a generated registry)")
        shutil.rmtree(out)
    (out / "units").mkdir(parents=True)
    (out / "campaigns").mkdir()
    if spec.results:
        (out / "results").mkdir()
    (out / MARKER).write_text(f"scale={scale} seed={seed}\n", encoding="utf-8")
    gen = Generator(spec, seed)
    stats = gen.stats
    shutil.copyfile(SAMPLE_ANNIVERSARIES, out / "anniversaries.yaml")
    stats.files += 1
    stats.bytes += SAMPLE_ANNIVERSARIES.stat().st_size
    _write(out / "units" / "tong-lien-doan.yaml",
           "# Cấp cao nhất của hệ thống Công đoàn Việt Nam.\n\nunits:\n  - id: tong-ldld\n"
           "    name: Tổng Liên đoàn Lao động Việt Nam\n    short: Tổng LĐLĐ Việt Nam\n"
           "    level: tong-lien-doan\n    place: Hà Nội\n", stats)
    stats.units += 1
    for p in range(spec.provinces):
        ldld, uppers, grassroots = gen.province_units(p)
        pslug = ldld.id.removeprefix("ldld-")
        _write(out / "units" / f"{ldld.id}.yaml",
               gen.units_file(f"{ldld.name} và các công đoàn cấp trên trực tiếp cơ sở.",
                              [ldld, *uppers], gen.clusters_block(ldld, uppers, pslug)), stats)
        numbers = {ldld.id: 1}
        _write(out / "campaigns" / f"{ldld.id}-{YEAR}.yaml", gen.campaign(ldld, 1), stats)
        for upper, children in zip(uppers, grassroots, strict=True):
            _write(out / "units" / f"{upper.id}.yaml",
                   gen.units_file(f"Các công đoàn cơ sở trực thuộc {upper.name}.", children), stats)
            numbers[upper.id] = gen.rng.randint(1, 30)
            _write(out / "campaigns" / f"{upper.id}-{YEAR}.yaml",
                   gen.campaign(upper, numbers[upper.id]), stats)
            for child in children:
                _write(out / "campaigns" / f"{child.id}-{YEAR}.yaml",
                       gen.campaign(child, gen.rng.randint(1, 12)), stats)
                if spec.results:
                    _write(out / "results" / f"{child.id}-{YEAR}.yaml", gen.result(child), stats)
            if spec.scorings:
                (out / "scoring").mkdir(exist_ok=True)
                _write(out / "scoring" / f"{upper.id}-{YEAR}.yaml", gen.scoring(upper, children), stats)
    return stats


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", choices=sorted(SCALES), default="province")
    parser.add_argument("--out", type=Path, help="output folder (default .bench/<scale>)")
    parser.add_argument("--seed", type=int, default=2024)
    parser.add_argument("--force", action="store_true", help="replace a registry this script made")
    args = parser.parse_args(argv)
    out = args.out or REPO / ".bench" / args.scale
    stats = generate(out, args.scale, args.seed, args.force)
    print(f"{out}: {stats.units:,} units, {stats.clusters:,} clusters, {stats.campaigns:,} campaigns, "
          f"{stats.scorings:,} scorings, "
          f"{stats.results:,} results, "
          f"{stats.files:,} files, {stats.bytes / 1e6:.1f} MB", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
