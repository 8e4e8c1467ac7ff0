"""Units (đơn vị công đoàn) and emulation clusters (cụm/khối thi đua)."""

from __future__ import annotations

from typing import Literal

from thidua_cli.models.anniversary import Anniversary
from thidua_cli.models.base import Date, Id, Model, Text

Level = Literal["tong-lien-doan", "tinh", "nganh-trung-uong", "tren-co-so", "co-so", "bo-phan"]
Sector = Literal["doanh-nghiep", "hanh-chinh-su-nghiep", "truong-hoc", "khac"]

#: Rank of each level, highest first; a parent must have a smaller rank.
LEVEL_RANK: dict[str, int] = {
    "tong-lien-doan": 0, "tinh": 1, "nganh-trung-uong": 1,
    "tren-co-so": 2, "co-so": 3, "bo-phan": 4,
}


class Unit(Model):
    id: Id
    name: Text
    short: Text | None = None
    level: Level
    parent: Id | None = None
    place: Text | None = None
    sector: Sector | None = None
    dissolved: Date | None = None
    anniversaries: list[Anniversary] = []

    @property
    def display(self) -> str:
        return self.short or self.name


class Cluster(Model):
    id: Id
    name: Text
    short: Text | None = None
    organizer: Id
    leader: Id
    members: list[Id]
    place: Text | None = None
    kind: Literal["cum", "khoi"] | None = None   # v2: cụm or khối thi đua

    @property
    def display(self) -> str:
        return self.short or self.name

    @property
    def is_khoi(self) -> bool:
        """A khối thi đua ("Khối trưởng"), not a cụm: as declared, else by a name that
        starts with "Khối" (results-format.md)."""
        if self.kind is not None:
            return self.kind == "khoi"
        return self.name.split(" ", 1)[0].casefold() == "khối"


class UnitsFile(Model):
    units: list[Unit] = []
    clusters: list[Cluster] = []
