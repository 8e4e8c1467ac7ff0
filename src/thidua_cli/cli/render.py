"""``thidua render plan|kickoff|covenant YEAR``: the office documents of a year's campaigns.

Wiring only: choosing, building and writing the documents is :mod:`thidua_cli.render.batch`;
this module turns options into its calls and tells the user what was written.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from enum import Enum
from pathlib import Path
from time import perf_counter
from typing import Optional

import typer

from thidua_cli.cli.common import Settings, checked_registry
from thidua_cli.errors import UserError


class Kind(str, Enum):
    plan = "plan"
    kickoff = "kickoff"
    covenant = "covenant"
    scores = "scores"
    minutes = "minutes"
    proposal = "proposal"


class Format(str, Enum):
    docx = "docx"
    html = "html"
    md = "md"


#: The same, counted in the closing line ("Wrote 6,000 plans …"); Vietnamese has no plural.
KIND_PLURALS = {
    "plan": ("kế hoạch", "plans"),
    "kickoff": ("lời phát động", "kickoff calls"),
    "covenant": ("bản giao ước", "covenants"),
}
#: Up to this many written files are each named on stderr; beyond it only the closing line.
NAMED = 20


def register(app: typer.Typer, t: Settings) -> None:
    @app.command(
        "render",
        help=t.t("Lập văn bản từ sổ đăng ký: kế hoạch (plan), lời phát động (kickoff) hoặc bản "
                 "giao ước (covenant) của các phong trào trong năm; bảng tổng hợp điểm (scores), "
                 "biên bản họp (minutes) hoặc tờ trình khen thưởng (proposal) của các bảng chấm điểm.",
                 "Render documents from the registry: the plan, the kickoff call or the covenant "
                 "of the year's campaigns; the score table, the minutes or the award proposal of "
                 "the year's scorings."),
    )
    def render_command(
        ctx: typer.Context,
        kind: Kind = typer.Argument(..., metavar="KIND", help=t.t(
            "plan, kickoff, covenant; hoặc scores (bảng tổng hợp điểm), minutes (biên bản họp), "
            "proposal (tờ trình khen thưởng) của một bảng chấm điểm.",
            "plan, kickoff, covenant; or scores (score table), minutes (meeting minutes), "
            "proposal (award proposal) of a scoring.")),
        year: int = typer.Argument(..., metavar="YEAR", help=t.t("Năm của phong trào.", "The campaigns' year.")),
        campaign: Optional[str] = typer.Option(  # noqa: UP007 - Typer needs Optional
            None, "--campaign", metavar="ID", help=t.t("Chỉ phong trào có mã này.", "Only the campaign with this id.")),
        unit: Optional[str] = typer.Option(  # noqa: UP007
            None, "--unit", metavar="ID", help=t.t("Chỉ các phong trào do đơn vị (hoặc cụm) này ban hành.",
                                     "Only the campaigns issued by this unit (or cluster).")),
        format: Format = typer.Option(  # noqa: A002 - the option is called --format
            Format.docx, "--format", "-f", help=t.t("Định dạng: docx, html hoặc md.",
                                                    "Output format: docx, html or md.")),
        out: Optional[str] = typer.Option(  # noqa: UP007
            None, "--out", "-o", metavar="DIR|-",
            help=t.t("Thư mục ghi tệp (mặc định ./out/); '-' để in một văn bản ra stdout.",
                     "Folder to write to (default ./out/); '-' prints one document to stdout.")),
        force: bool = typer.Option(False, "--force", help=t.t("Ghi đè tệp đã có.",
                                                             "Overwrite existing files.")),
        by: Optional[str] = typer.Option(  # noqa: UP007
            None, "--by", metavar="ID", help=t.t("scores, minutes, proposal: chỉ bảng chấm điểm của cụm "
                                                 "(hoặc đơn vị) này.",
                                                 "scores, minutes, proposal: only the scoring made by "
                                                 "this cluster (or unit).")),
        templates: Optional[Path] = typer.Option(  # noqa: UP007
            None, "--templates", metavar="DIR",
            help=t.t("Thư mục mẫu văn bản thay thế mẫu có sẵn cùng tên tệp.",
                     "Folder of templates that override the built-in ones by file name.")),
    ) -> None:
        settings: Settings = ctx.obj
        if kind.value in ("scores", "minutes", "proposal"):
            from thidua_cli.cli import render_scoring
            raise typer.Exit(render_scoring.run(settings, kind.value, year, by, campaign, unit,
                                                format.value, out, force, templates))
        if by is not None:
            raise UserError("--by chỉ dùng cho scores, minutes và proposal",
                               "--by is for scores, minutes and proposal only")
        raise typer.Exit(run(settings, kind.value, year, campaign, unit, format.value, out,
                             force, templates))


def run(settings: Settings, kind: str, year: int, campaign_id: str | None, unit_id: str | None,
        fmt: str, out: str | None, force: bool, templates: Path | None) -> int:
    from thidua_cli.cli.progress import ProgressBar
    from thidua_cli.render import batch

    batch.check_request(fmt, campaign_id, unit_id, out, templates)
    # One bar for the whole command: reading and checking, then rendering and writing; the
    # context manager erases it before any message (or error) is printed after it.
    with ProgressBar(settings) as progress:
        return _run(settings, kind, year, campaign_id, unit_id, fmt, out, force, templates,
                    progress)


def _run(settings: Settings, kind: str, year: int, campaign_id: str | None, unit_id: str | None,
         fmt: str, out: str | None, force: bool, templates: Path | None,
         progress: Callable[[str, int, int], None]) -> int:
    from thidua_cli.render import batch, engine

    result = checked_registry(settings, "Sổ đăng ký có lỗi: không lập văn bản nào.",
                              "The registry has errors: no document rendered.", progress)
    if result is None:
        return 1
    to_stdout = out == "-"
    chosen = batch.select(result.index, kind, year, campaign_id, unit_id, one=to_stdout)
    env = engine.environment(templates)
    started = perf_counter()
    documents = batch.build_all(result.index, chosen, kind, env, progress)
    if to_stdout:
        data = batch.WRITERS[fmt](documents[0])
        sys.stdout.write(data if isinstance(data, str) else data.decode("utf-8"))
        sys.stdout.flush()
        return 0

    folder = Path(out) if out else Path("out")
    targets = batch.targets(folder, documents, fmt, force)
    # Thousands of "Wrote …" lines bury everything else: past NAMED files only the summary.
    named = len(targets) <= NAMED

    def written(path: Path) -> None:
        if named:
            # As `thidua schema` does: what was written is a message, on stderr.
            settings.err.print(settings.t(f"Đã ghi {path}", f"Wrote {path}"), markup=False,
                               highlight=False, soft_wrap=True)

    batch.write_all(targets, fmt, force, written, progress)
    if len(targets) > 1:
        seconds = perf_counter() - started
        ms = seconds * 1000 / len(targets)
        where = os.path.join(str(folder), "")  # "out/": a folder, not a file
        vi_plural, en_plural = KIND_PLURALS[kind]
        settings.err.print(
            settings.t(
                f"Đã ghi {_vi(len(targets), 0)} {vi_plural} vào {where} trong {_vi(seconds, 1)} giây "
                f"({_vi(ms, 1)} ms mỗi văn bản).",
                f"Wrote {len(targets):,} {en_plural} to {where} in {seconds:,.1f} s "
                f"({ms:,.1f} ms per document)."),
            markup=False, highlight=False, soft_wrap=True)
    return 0


def _vi(number: float, decimals: int) -> str:
    """``6.000``, ``95,2``: Vietnamese thousands dots and decimal comma. Not
    vn.targets.format_number, which drops a trailing zero ("95,0" → "95") while the
    English line keeps it."""
    return f"{number:,.{decimals}f}".translate(str.maketrans(",.", ".,"))
