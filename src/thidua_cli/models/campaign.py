"""Campaigns (phong trào / đợt / giao ước thi đua), their phases and targets."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

from pydantic import Discriminator, Tag

from thidua_cli.models.base import Date, Id, Model, TargetValueField, Text
from thidua_cli.models.unit import Sector

Kind = Literal["nam", "nam-hoc", "cao-diem", "chuyen-de", "giao-uoc"]

#: anniversary id → the ordinal the text states (None: let thidua compute it)
Celebrates = dict[Id, int | None]


class Launch(Model):
    date: Date
    speaker: Text | None = None
    place: Text | None = None


class Signer(Model):
    name: Text
    position: Text
    on_behalf: Text | None = None  # "TM. BAN THƯỜNG VỤ"; chosen from the issuer's level if absent


class Document(Model):
    number: Text | None = None
    date: Date | None = None
    signer: Signer | None = None
    recipients: list[Text] = []


class CampaignBasis(Model):
    """A basis that is a campaign of the registry (v2): printed from that campaign's document
    ("Thực hiện Kế hoạch số 05/KH-LĐLĐ ngày 05/02/2020 của …"), never typed by hand."""

    campaign: Id


def _basis_kind(value: object) -> str:
    return "[campaign]" if isinstance(value, dict | CampaignBasis) else "[text]"


#: One "căn cứ" of a campaign: free text (a resolution, a law), or a campaign it implements.
#: Told apart by shape, so that a mistake reports the one form it was meant to be.
Basis = Annotated[Annotated[Text, Tag("[text]")] | Annotated[CampaignBasis, Tag("[campaign]")],
                  Discriminator(_basis_kind)]


class Event(Model):
    name: Text
    date: Date


class Task(Model):
    sector: Sector | None = None
    movements: list[Text] = []
    items: list[Text] = []


class Phase(Model):
    number: int
    name: Text | None = None
    days: int | None = None
    start: Date
    end: Date
    theme: Text | None = None
    celebrates: Celebrates = {}
    goal: Text | None = None
    events: list[Event] = []

    @property
    def length(self) -> int:
        return (self.end - self.start).days + 1


class Target(Model):
    id: Id
    text: Text
    value: TargetValueField
    sector: Sector | None = None
    within: Id | None = None


class Reporting(Model):
    """A reporting deadline (hạn báo cáo) of the units below the issuer."""

    phase: int | None = None   # sơ kết đợt N; absent: tổng kết of the whole campaign
    due: Date


#: The parts :attr:`Campaign.issued` is read from (a cut ``document.date`` would make it
#: fall back on the launch, a date the file never gave as the day of issue).
ISSUED_FROM: tuple[tuple[str, ...], ...] = (("document", "date"), ("launch",), ("start",))


class Campaign(Model):
    id: Id
    issuer: Id
    year: int
    kind: Kind
    title: Text
    start: Date
    end: Date
    launch: Launch | None = None
    document: Document | None = None
    basis: list[Basis] = []          # căn cứ / thực hiện (see Basis)
    context: list[Text] = []          # bối cảnh: the preamble's paragraphs about the year
    theme: Text | None = None
    spirit: Text | None = None
    celebrates: Celebrates = {}
    events: list[Event] = []
    aims: list[Text] = []
    tasks: list[Task] = []
    phases: list[Phase] = []
    targets: list[Target] = []
    awards: list[Text] = []
    implementation: list[Text] = []   # tổ chức thực hiện
    reporting: list[Reporting] = []   # hạn báo cáo: when the units below report

    @property
    def issued(self) -> date:
        """The day the campaign was issued: its document, else its launch, else its start
        (the parts :data:`ISSUED_FROM`, which a rule asks to be intact before using it)."""
        if self.document is not None and self.document.date is not None:
            return self.document.date
        if self.launch is not None:
            return self.launch.date
        return self.start

    @property
    def cited(self) -> list[tuple[int, str]]:
        """(index in ``basis``, campaign id) of each campaign this one cites."""
        return [(i, b.campaign) for i, b in enumerate(self.basis) if isinstance(b, CampaignBasis)]
