"""A small registry for the render tests: a district plan with a document block, and a cluster.

Self-contained (not data/), so that the golden files change only when rendering changes.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import MakeRegistry

UNITS = """\
units:
  - id: tong-ldld
    name: Tổng Liên đoàn Lao động Việt Nam
    short: Tổng LĐLĐ Việt Nam
    level: tong-lien-doan
    place: Hà Nội
  - id: ldld-ha-noi
    name: Liên đoàn Lao động thành phố Hà Nội
    short: LĐLĐ thành phố Hà Nội
    level: tinh
    parent: tong-ldld
    place: Hà Nội
  - id: ldld-ba-dinh
    name: Liên đoàn Lao động quận Ba Đình
    short: LĐLĐ quận Ba Đình
    level: tren-co-so
    parent: ldld-ha-noi
    place: Ba Đình
  - id: ldld-dong-da
    name: Liên đoàn Lao động quận Đống Đa
    short: LĐLĐ quận Đống Đa
    level: tren-co-so
    parent: ldld-ha-noi
  - id: cdcs-a
    name: Công đoàn trường A
    level: co-so
    sector: truong-hoc
    parent: ldld-ba-dinh
clusters:
  - id: cum-1
    name: Cụm thi đua số 1
    organizer: ldld-ha-noi
    leader: ldld-dong-da
    members: [ldld-ba-dinh, ldld-dong-da]
"""

PLAN = """\
id: ba-dinh-2020
issuer: ldld-ba-dinh
year: 2020
kind: nam
title: Phát động phong trào thi đua trong CNVCLĐ quận Ba Đình năm 2020
start: 2020-01-01
end: 2020-12-31
launch:
  date: 2020-01-09
document:
  number: 05/KH-LĐLĐ
  date: 2020-01-03
  signer: {name: Nguyễn Văn A, position: Chủ tịch}
basis:
  - Nghị quyết Đại hội XII Công đoàn Việt Nam
theme: Năm *an toàn* <script>alert(1)</script> {{ 7*7 }}
spirit: Chủ động, sáng tạo
celebrates:
  cong-doan-viet-nam: 91
aims:
  - Động viên CNVCLĐ thi đua | hoàn thành nhiệm vụ năm 2020.
tasks:
  - sector: doanh-nghiep
    movements: [Lao động giỏi, Lao động sáng tạo]
    items:
      - Thi đua tăng năng suất lao động.
  - items:
      - "# Không phải tiêu đề - chỉ là chữ."
phases:
  - number: 1
    start: 2020-01-01
    end: 2020-06-30
    theme: Mừng Đảng, mừng xuân
    celebrates:
      thanh-lap-dang: 90
      quoc-te-lao-dong: 134
  - number: 2
    name: đợt thi đua cao điểm
    days: 184
    start: 2020-07-01
    end: 2020-12-31
    celebrates:
      cong-doan-viet-nam: 91
targets:
  - id: lao-dong-tien-tien
    text: CBCCVCLĐ đạt danh hiệu “Lao động tiên tiến”
    value: trên 75%
  - id: cdcs-yeu
    text: công đoàn cơ sở xếp loại yếu
    value: không có
"""

COVENANT = """\
id: cum-1-2020
issuer: cum-1
year: 2020
kind: giao-uoc
title: Giao ước thi đua năm 2020 của Cụm thi đua số 1
start: 2020-01-01
end: 2020-12-31
launch:
  date: 2020-02-12
  place: Hội trường LĐLĐ quận Đống Đa
aims:
  - Các đơn vị thành viên thi đua hoàn thành nhiệm vụ năm 2020.
tasks:
  - movements: [Lao động giỏi]
    items:
      - Phát triển đoàn viên.
targets:
  - id: doi-the
    text: đoàn viên được đổi thẻ
    value: 100%
  - id: vung-manh
    text: công đoàn cơ sở đạt vững mạnh
    sector: doanh-nghiep
    value: từ 60% trở lên
"""


@pytest.fixture
def render_registry(make_registry: MakeRegistry) -> Callable[..., Path]:
    """The render test registry; ``plan=``/``covenant=`` replace a campaign (None drops it)."""

    def make(plan: str | None = PLAN, covenant: str | None = COVENANT,
             **extra: str | None) -> Path:
        return make_registry({"units/units.yaml": UNITS, "campaigns/plan.yaml": plan,
                              "campaigns/covenant.yaml": covenant, **extra})

    return make
