"""Registry + campaign + kind → :class:`~thidua_cli.render.document.Document`.

The frame (header, number, date line, signatures) is decided here from the registry and
Nghị định 30's rules; the wording (title, subject, body, recipients) comes from the
kind's template, rendered block by block over the typed view (:mod:`.view`).

This is the layout engine's entry for the campaign documents; later kinds (reports, scores,
minutes) build their own view and call :func:`compose` with their template and frame.
"""

from __future__ import annotations

import re
from dataclasses import fields
from datetime import date
from typing import Any, Literal

from thidua_cli.models import Campaign
from thidua_cli.registry.data import Registry
from thidua_cli.registry.index import RegistryIndex
from thidua_cli.render import engine
from thidua_cli.render.document import (
    Document,
    Header,
    MarkupError,
    Signature,
    parse_body,
    parse_inline,
    plain,
)
from thidua_cli.render.view import DocumentView, Index, document_view
from thidua_cli.vn import dates as vn_dates
from thidua_cli.vn.phrases import document_number, document_symbol, upper_vi

Kind = Literal["plan", "kickoff", "covenant"]
KINDS: tuple[Kind, ...] = ("plan", "kickoff", "covenant")

#: The file stem suffix of each kind: "bac-tu-liem-2020-ke-hoach.docx".
STEM_SUFFIX = {"plan": "ke-hoach", "kickoff": "loi-phat-dong", "covenant": "giao-uoc"}

#: Type code in the document number (Nghị định 30, Phụ lục III). A Lời kêu gọi and a Bản
#: giao ước have none in the state list, so they carry no "Số:" line.
TYPE_CODE = {"plan": "KH"}

BLOCKS = ("title", "subject", "body", "recipients")


def applies(kind: Kind, campaign: Campaign) -> bool:
    """Plans and kickoff calls for every campaign but a covenant; covenants for giao-uoc."""
    return (campaign.kind == "giao-uoc") == (kind == "covenant")


def stem(campaign: Campaign, kind: Kind) -> str:
    return f"{campaign.id}-{STEM_SUFFIX[kind]}"


def _number(kind: Kind, campaign: Campaign, abbr: str) -> str | None:
    code = TYPE_CODE.get(kind)
    if code is None:
        return None
    doc = campaign.document
    if kind == "plan" and doc is not None and doc.number:
        return f"Số: {doc.number}"
    return document_number(None, document_symbol(code, abbr))


def dated(kind: Kind, campaign: Campaign) -> date | None:
    """The plan is dated by its document; a kickoff call and a covenant by the launch
    conference where they are read and signed (else the document). Unknown: None, and the
    date line keeps the clerk's blanks."""
    doc_date = campaign.document.date if campaign.document is not None else None
    launch_date = campaign.launch.date if campaign.launch is not None else None
    if kind == "plan":
        return doc_date
    return launch_date or doc_date


def _signatures(kind: Kind, campaign: Campaign, view: DocumentView) -> tuple[Signature, ...]:
    issuer = view.issuer
    if kind == "covenant" and view.cluster is not None:
        return tuple(Signature(on_behalf=m.on_behalf, position="CHỦ TỊCH", name=None,
                               unit=m.upper) for m in view.cluster.members)
    signer = campaign.document.signer if campaign.document else None
    if signer is not None:
        return (Signature(on_behalf=upper_vi(signer.on_behalf or issuer.on_behalf or ""),
                          position=upper_vi(signer.position), name=signer.name),)
    return (Signature(on_behalf=issuer.on_behalf, position="CHỦ TỊCH", name=None),)


def template_context(view: object) -> dict[str, Any]:
    """A view's fields as the template's top-level names (``campaign``, ``issuer`` …)."""
    return {f.name: getattr(view, f.name) for f in fields(view)}  # type: ignore[arg-type]


def _lines(text: str) -> tuple[str, ...]:
    return tuple(plain(parse_inline(line.strip())) for line in text.splitlines() if line.strip())


def build(registry: Registry | RegistryIndex | Index, campaign: Campaign, kind: Kind,
          env: Any | None = None) -> Document:
    """The document of ``kind`` for ``campaign``. Raises :class:`engine.TemplateProblem`.
    Pass an :class:`~thidua_cli.render.view.Index` (made once from the run's
    :class:`~thidua_cli.registry.index.RegistryIndex`) when making many documents."""
    env = env or engine.environment()
    on = dated(kind, campaign)
    view = document_view(registry, campaign, on)
    blocks = engine.render_blocks(env, f"{kind}.md.j2", template_context(view), BLOCKS)
    try:
        body = parse_body(blocks["body"])
        title = plain(parse_inline(" ".join(blocks["title"].split())))
        subject = plain(parse_inline(" ".join(blocks["subject"].split()))) or None
        recipients = _lines(blocks["recipients"])
    except MarkupError as exc:
        raise engine.TemplateProblem(f"mẫu văn bản {kind}.md.j2 tạo ra markup hỏng: {exc}",
                                     f"template {kind}.md.j2 produced broken markup: {exc}") from None
    issuer, superior = view.issuer, view.superior
    header = Header(
        superior=superior.short_upper if superior else None,
        issuer=issuer.upper,
        number=_number(kind, campaign, issuer.abbr),
        place_date=vn_dates.place_date(issuer.place, on),
    )
    return Document(
        kind=kind,
        stem=stem(campaign, kind),
        header=header,
        title=upper_vi(title),
        subject=subject,
        body=body,
        signatures=_signatures(kind, campaign, view),
        recipients=recipients,
        meta={"title": f"{title.capitalize()} {campaign.title}" if subject else title,
              "subject": campaign.title, "author": issuer.name,
              "keywords": f"thi đua, {campaign.year}, {campaign.id}",
              "description": _clean(f"{title} – {campaign.title}")},
    )


def _clean(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()
