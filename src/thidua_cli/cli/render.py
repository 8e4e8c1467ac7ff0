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
from typing import TYPE_CHECKING

import typer

from thidua_cli.cli.common import CommandError, Settings, examples, refuse_empty
from thidua_cli.errors import UserError
from thidua_cli.problems import Problem, Severity

if TYPE_CHECKING:
    from thidua_cli.models import Campaign
    from thidua_cli.render.document import Document
    from thidua_cli.render.report import Report
    from thidua_cli.validation import Result


class Kind(str, Enum):
    plan = "plan"
    kickoff = "kickoff"
    covenant = "covenant"
    scores = "scores"
    minutes = "minutes"
    proposal = "proposal"
    report = "report"
    # The Vietnamese names, as the written files are named (…-ke-hoach.docx).
    ke_hoach = "ke-hoach"
    loi_phat_dong = "loi-phat-dong"
    giao_uoc = "giao-uoc"


#: A kind's Vietnamese name → the kind.
KIND_ALIASES = {"ke-hoach": "plan", "loi-phat-dong": "kickoff", "giao-uoc": "covenant"}


class Format(str, Enum):
    docx = "docx"
    html = "html"
    md = "md"


#: Up to this many written files are each named on stderr; beyond it only the closing line.
NAMED = 20


def register(app: typer.Typer, t: Settings) -> None:
    @app.command(
        "render",
        epilog=examples(t,
                        'thidua render plan 2026',
                        'thidua render ke-hoach 2026 --campaign cd-phuong-ba-dinh-2026',
                        'thidua render kickoff 2026 --format md -o -',
                        'thidua render plan 2026 --format html --out van-ban --force'),
        help=t.t("Lập văn bản từ sổ đăng ký: kế hoạch (plan), lời kêu gọi thi đua (kickoff) hoặc bản "
                 "giao ước (covenant) của các phong trào trong năm; bảng tổng hợp điểm (scores), "
                 "biên bản họp (minutes) hoặc tờ trình khen thưởng (proposal) của các bảng chấm điểm.",
                 "Render documents from the registry: the plan, the kickoff call or the covenant "
                 "of the year's campaigns; the score table, the minutes or the award proposal of "
                 "the year's scorings."),
    )
    def render_command(
        ctx: typer.Context,
        kind: Kind = typer.Argument(..., metavar=t.t("LOẠI", "KIND"), help=t.t(
            "plan (ke-hoach), kickoff (loi-phat-dong), covenant (giao-uoc); report (báo cáo tổng "
            "kết, sơ kết của các tệp kết quả); hoặc scores (bảng tổng hợp điểm), minutes (biên "
            "bản họp), proposal (tờ trình khen thưởng) của một bảng chấm điểm.",
            "plan (ke-hoach), kickoff (loi-phat-dong), covenant (giao-uoc); report (the year-end "
            "or phase review of result files); or scores (score table), minutes (meeting "
            "minutes), proposal (award proposal) of a scoring.")),
        year: int = typer.Argument(..., metavar=t.t("NĂM", "YEAR"),
                                   help=t.t("Năm của phong trào.", "The campaigns' year.")),
        campaign: str | None = typer.Option(
            None, "--campaign", metavar=t.t("MÃ", "ID"),
            help=t.t("Chỉ phong trào có mã này.", "Only the campaign with this id.")),
        unit: str | None = typer.Option(
            None, "--unit", metavar=t.t("MÃ", "ID"),
            help=t.t("Chỉ các phong trào do đơn vị (hoặc cụm) này ban hành.",
                                     "Only the campaigns issued by this unit (or cluster).")),
        format: Format = typer.Option(
            Format.docx, "--format", "-f", help=t.t("Định dạng: docx, html hoặc md.",
                                                    "Output format: docx, html or md.")),
        out: str | None = typer.Option(
            None, "--out", "-o", metavar=t.t("THƯ_MỤC|-", "DIR|-"),
            help=t.t("Thư mục ghi tệp (mặc định ./out/); '-' để in một văn bản ra stdout.",
                     "Folder to write to (default ./out/); '-' prints one document to stdout.")),
        force: bool = typer.Option(False, "--force", help=t.t("Ghi đè tệp đã có.",
                                                             "Overwrite existing files.")),
        by: str | None = typer.Option(
            None, "--by", metavar=t.t("MÃ", "ID"),
            help=t.t("scores, minutes, proposal: chỉ bảng chấm điểm của cụm "
                                                 "(hoặc đơn vị) này.",
                                                 "scores, minutes, proposal: only the scoring made by "
                                                 "this cluster (or unit).")),
        templates: Path | None = typer.Option(
            None, "--templates", metavar=t.t("THƯ_MỤC", "DIR"),
            help=t.t("Thư mục mẫu văn bản thay thế mẫu có sẵn cùng tên tệp.",
                     "Folder of templates that override the built-in ones by file name.")),
        phase: int | None = typer.Option(
            None, "--phase", metavar="N",
            help=t.t("Với report: báo cáo sơ kết đợt N thay vì tổng kết.",
                     "With report: the review of phase N instead of the year-end review.")),
    ) -> None:
        settings: Settings = ctx.obj
        name = KIND_ALIASES.get(kind.value, kind.value)
        if name in ("scores", "minutes", "proposal"):
            from thidua_cli.cli import render_scoring
            raise typer.Exit(render_scoring.run(settings, name, year, by, campaign, unit,
                                                format.value, out, force, templates))
        if by is not None:
            raise UserError("--by chỉ dùng cho scores, minutes và proposal",
                               "--by is for scores, minutes and proposal only")
        raise typer.Exit(run(settings, name, year, campaign, unit, format.value, out,
                             force, templates, phase))


def run(settings: Settings, kind: str, year: int, campaign_id: str | None, unit_id: str | None,
        fmt: str, out: str | None, force: bool, templates: Path | None,
        phase: int | None = None) -> int:
    from thidua_cli.cli.progress import ProgressBar
    from thidua_cli.render import batch

    if phase is not None and kind != "report":
        raise CommandError("--phase chỉ dùng với render report", "--phase is for render report only")
    if phase is not None and phase < 1:
        raise CommandError(f"--phase {phase}: số đợt bắt đầu từ 1",
                           f"--phase {phase}: phases are numbered from 1")
    refuse_empty(campaign=campaign_id, unit=unit_id, out=out)
    batch.check_request(fmt, campaign_id, unit_id, out, templates)
    # One bar for the whole command: reading and checking, then rendering and writing; the
    # context manager erases it before any message (or error) is printed after it.
    with ProgressBar(settings) as progress:
        if kind == "report":
            return _run_reports(settings, year, campaign_id, unit_id, phase, fmt, out, force,
                                templates, progress)
        return _run(settings, kind, year, campaign_id, unit_id, fmt, out, force, templates,
                    progress)


def _run(settings: Settings, kind: str, year: int, campaign_id: str | None, unit_id: str | None,
         fmt: str, out: str | None, force: bool, templates: Path | None,
         progress: Callable[[str, int, int], None]) -> int:
    from thidua_cli.render import batch, engine
    from thidua_cli.render import build as builder
    from thidua_cli.render.view import Index
    from thidua_cli.validation import validate

    # Errors refuse only the documents whose own data they are in (thidua_cli/scope.py); the
    # choice of campaigns is made first, from what loaded.
    result = validate(settings.registry, cache=True, progress=progress)
    to_stdout = out == "-"
    refused = 0
    if campaign_id:
        # The campaign asked for: its own errors first (causes before consequences), then
        # whether it fits the request (its year, the kind).
        entry = result.index.campaigns.get(campaign_id)
        if entry is None and (campaign_id in result.registry.broken_ids
                              or _unloaded_campaign_errors(result)):
            refuse_broken(settings, result, campaign_id)
            return 1
        if entry is not None and scoped(settings, result, [entry.model], kind)[1]:
            return 1
        chosen = batch.select(result.index, kind, year, campaign_id, unit_id, one=to_stdout)
    else:
        chosen = batch.select(result.index, kind, year, campaign_id, unit_id, one=to_stdout)
        chosen, refused = scoped(settings, result, chosen, kind)
        if not chosen:
            return 1
    folder = Path(out) if out else Path("out")
    if not force and not to_stdout:
        # Before any work: a refusal after minutes of rendering wastes them.
        batch.refuse_existing([folder / f"{builder.stem(c, kind)}.{fmt}"  # type: ignore[arg-type]
                               for c in chosen])
    env = engine.environment(templates)
    started = perf_counter()
    documents = batch.build_all(Index.of(result.index), chosen, kind, env, progress)
    return _emit(settings, kind, documents, fmt, out, force, progress, started, refused)


def _emit(settings: Settings, kind: str, documents: list[Document], fmt: str, out: str | None,
          force: bool, progress: Callable[[str, int, int], None], started: float,
          refused: int = 0) -> int:
    """Write the built documents: one to stdout (``-o -``), or each to its file."""
    from thidua_cli.render import batch

    to_stdout = out == "-"
    if to_stdout:
        data = batch.WRITERS[fmt](documents[0])
        sys.stdout.write(data if isinstance(data, str) else data.decode("utf-8"))
        sys.stdout.flush()
        return 1 if refused else 0

    folder = Path(out) if out else Path("out")
    targets = batch.targets(folder, documents, fmt, force)
    # Thousands of "Wrote …" lines bury everything else: past NAMED files only the summary.
    named = len(targets) <= NAMED

    def written(path: Path) -> None:
        if named:
            # As `thidua schema` does: what was written is a message, on stderr.
            settings.err.print(settings.t(f"Đã ghi {path}", f"Wrote {path}"), markup=False,
                               highlight=False)

    done: list[Path] = []

    def counted(path: Path) -> None:
        done.append(path)
        written(path)

    try:
        batch.write_all(targets, fmt, force, counted, progress)
    except KeyboardInterrupt:
        where = os.path.join(str(folder), "")
        settings.err.print(settings.t(
            f"Đã dừng (Ctrl-C): đã ghi {batch.count_vi(len(done))} trong "
            f"{batch.count_vi(len(targets))} tệp vào {where}; các tệp còn lại chưa ghi (tệp nào "
            "đã ghi thì ghi trọn vẹn).",
            f"Stopped (Ctrl-C): {len(done):,} of {len(targets):,} files written to {where}; the "
            "rest were not (each written file is whole)."), markup=False, highlight=False)
        raise
    if len(targets) > 1:
        closing = batch.summary(kind, len(targets), folder, perf_counter() - started)
        settings.err.print(closing.get(settings.lang), markup=False, highlight=False)
    return 1 if refused else 0


def scoped(settings: Settings, result: Result, chosen: list[Campaign],
           kind: str) -> tuple[list[Campaign], int]:
    """The chosen campaigns whose own data has no error, and how many were refused. Prints
    the refused ones' errors, then one line for the errors that belong to none of them."""
    from thidua_cli import report
    from thidua_cli.render import batch
    from thidua_cli.scope import split

    t = settings.t
    # The errors that thidua.yaml turned off or down still refuse what they break.
    parts = split(result.registry, result.problems + result.held_back, [c.id for c in chosen])
    own = sorted((p for problems in parts.refused.values() for p in {id(q): q for q in problems}.values()),
                 key=Problem.sort_key)
    if own:
        for line in report.text_lines(own, len(result.registry.files), settings.lang)[:-1]:
            settings.print_wrapped(line, err=True)
        vi_kind, en_kind = batch.KIND_NAMES[kind]
        ids = ", ".join(sorted(parts.refused))
        settings.err.print(t(f"Không lập {vi_kind} của {ids}: dữ liệu của văn bản có lỗi (ở trên).",
                             f"No {en_kind} rendered for {ids}: its own data has errors (above)."),
                           markup=False, highlight=False)
    _left_aside(settings, parts.elsewhere, "văn bản", "document")
    return [c for c in chosen if c.id not in parts.refused], len(parts.refused)


def _left_aside(settings: Settings, errors: int, what_vi: str, what_en: str) -> None:
    """The one line that counts the errors that belong to no document made ("Bỏ qua …")."""
    if errors:
        settings.err.print(settings.t(
            f"Bỏ qua {errors} lỗi ở nơi khác trong sổ đăng ký, không thuộc {what_vi} nào được lập "
            "(xem: thidua validate).",
            f"Left aside {errors} error{'s' if errors > 1 else ''} elsewhere in the registry, in no "
            f"{what_en} rendered here (see: thidua validate)."), markup=False, highlight=False)


def _unloaded_campaign_errors(result: Result) -> list[Problem]:
    """The errors of the campaign files that did not load (a YAML or schema error): one of
    them may be the campaign asked for."""
    loaded = {e.loc.file for e in result.registry.campaigns}
    return [p for p in result.problems + result.held_back if p.severity is Severity.ERROR
            and "/campaigns/" in f"/{p.file}" and p.file not in loaded]


def refuse_broken(settings: Settings, result: Result, campaign_id: str) -> None:
    """``--campaign ID`` names a campaign whose file failed the schema, or that is not found
    while campaign files failed to load: those files' errors."""
    from thidua_cli import report

    own = _unloaded_campaign_errors(result)
    for line in report.text_lines(own, len(result.registry.files), settings.lang)[:-1]:
        settings.print_wrapped(line, err=True)
    settings.err.print(settings.t(
        f'Không lập văn bản của "{campaign_id}": tệp phong trào có lỗi (ở trên).',
        f'Nothing rendered for "{campaign_id}": its campaign file has errors (above).'),
        markup=False, highlight=False)


def _run_reports(settings: Settings, year: int, campaign_id: str | None, unit_id: str | None,
                 phase: int | None, fmt: str, out: str | None, force: bool, templates: Path | None,
                 progress: Callable[[str, int, int], None]) -> int:
    """The Báo cáo of the year's result files (one campaign's, one unit's), for one period.
    As for plans, errors refuse only the reports whose own data they are in
    (:meth:`thidua_cli.scope.Scoper.report_scope`); the others are counted in one line."""
    from thidua_cli.render import batch, engine, report
    from thidua_cli.results.table import book
    from thidua_cli.validation import validate

    result = validate(settings.registry, cache=True, progress=progress)
    registry = result.registry
    if campaign_id and campaign_id not in {e.model.id for e in registry.campaigns}:
        if campaign_id in registry.broken_ids or _unloaded_campaign_errors(result):
            refuse_broken(settings, result, campaign_id)
            return 1
        raise CommandError(f'không có phong trào "{campaign_id}" trong sổ đăng ký',
                           f'no campaign "{campaign_id}" in the registry')
    chosen = report.select(registry, year, campaign_id, unit_id, phase)
    if not chosen:
        if _unloaded_result_errors(result):
            # The report asked for may be in a result file that did not load.
            _print_problems(settings, result, _unloaded_result_errors(result))
            settings.err.print(settings.t(
                "Không lập báo cáo nào: tệp kết quả có lỗi (ở trên).",
                "No report rendered: result files have errors (above)."),
                markup=False, highlight=False)
            return 1
        period_vi = f" sơ kết đợt {phase}" if phase else ""
        period_en = f" for phase {phase}" if phase else ""
        whose_vi = f" của {unit_id}" if unit_id else (f" về {campaign_id}" if campaign_id else "")
        whose_en = f" by {unit_id}" if unit_id else (f" on {campaign_id}" if campaign_id else "")
        raise CommandError(
            f"không có tệp kết quả{period_vi}{whose_vi} cho phong trào năm {year} (results/*.yaml)",
            f"no result file{period_en}{whose_en} for a campaign of {year} (results/*.yaml)")
    if out == "-" and len(chosen) > 1:
        names = ", ".join(report.stem(r) for r in chosen)
        raise CommandError(
            f"-o - in một văn bản, nhưng có {len(chosen)} báo cáo; chọn một bằng --campaign hoặc "
            f"--unit ({names})",
            f"-o - prints one document, but {len(chosen)} reports match; pick one with "
            f"--campaign or --unit ({names})")
    chosen, refused = _scoped_reports(settings, result, chosen)
    if not chosen:
        return 1
    folder = Path(out) if out else Path("out")
    if not force and out != "-":
        # Before any work, as for plans.
        batch.refuse_existing([folder / f"{report.stem(r)}.{fmt}" for r in chosen])
    env = engine.environment(templates)
    rollup = book(registry)
    started = perf_counter()
    documents = []
    for done, item in enumerate(chosen, 1):
        try:
            documents.append(report.build(registry, item, env, rollup))
        except engine.TemplateProblem as exc:
            raise CommandError(exc.vi, exc.en) from None
        progress("render", done, len(chosen))
    return _emit(settings, "report", documents, fmt, out, force, progress, started, refused)


def _unloaded_result_errors(result: Result) -> list[Problem]:
    """The errors of the result files that did not load (a YAML or schema error)."""
    loaded = {e.loc.file for e in result.registry.results}
    return [p for p in result.problems + result.held_back if p.severity is Severity.ERROR
            and result.registry.kinds.get(p.file) == "results" and p.file not in loaded]


def _print_problems(settings: Settings, result: Result, problems: list[Problem]) -> None:
    from thidua_cli import report

    for line in report.text_lines(sorted(problems, key=Problem.sort_key),
                                  len(result.registry.files), settings.lang)[:-1]:
        settings.print_wrapped(line, err=True)


def _scoped_reports(settings: Settings, result: Result,
                    chosen: list[Report]) -> tuple[list[Report], int]:
    """The chosen reports whose own data has no error, and how many were refused; prints the
    refused ones' errors, then one line for the errors that belong to none of them."""
    from thidua_cli.render import report
    from thidua_cli.scope import split_reports

    t = settings.t
    entries = {id(e.model): e for e in result.registry.results}
    files = {id(r): entries[id(r.result)].loc.file for r in chosen}
    parts = split_reports(result.registry, result.problems + result.held_back,
                          [entries[id(r.result)] for r in chosen])
    own = list({id(p): p for problems in parts.refused.values() for p in problems}.values())
    if own:
        _print_problems(settings, result, own)
        stems = ", ".join(report.stem(r) for r in chosen if files[id(r)] in parts.refused)
        settings.err.print(t(f"Không lập báo cáo {stems}: dữ liệu của báo cáo có lỗi (ở trên).",
                             f"No report rendered for {stems}: its own data has errors (above)."),
                           markup=False, highlight=False)
    _left_aside(settings, parts.elsewhere, "báo cáo", "report")
    return [r for r in chosen if files[id(r)] not in parts.refused], len(parts.refused)
