"""``thidua render plan|kickoff|covenant YEAR``: the office documents of a year's campaigns."""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Callable, Iterator
from enum import Enum
from pathlib import Path
from time import perf_counter
from typing import TYPE_CHECKING, Optional

import typer

from thidua_cli.cli.common import CommandError, Settings, checked_registry, examples, write_output

if TYPE_CHECKING:
    from thidua_cli.render.document import Document


class Kind(str, Enum):
    plan = "plan"
    kickoff = "kickoff"
    covenant = "covenant"
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


KIND_NAMES = {
    "plan": ("kế hoạch", "plan"),
    "kickoff": ("lời phát động", "kickoff call"),
    "covenant": ("bản giao ước", "covenant"),
}
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
        epilog=examples(t,
                        'thidua render plan 2026',
                        'thidua render ke-hoach 2026 --campaign cd-phuong-ba-dinh-2026',
                        'thidua render kickoff 2026 --format md -o -',
                        'thidua render plan 2026 --format html --out van-ban --force'),
        help=t.t("Lập văn bản từ sổ đăng ký: kế hoạch (plan), lời phát động (kickoff) hoặc bản "
                 "giao ước (covenant) của các phong trào trong năm.",
                 "Render documents from the registry: the plan, the kickoff call or the covenant "
                 "of the year's campaigns."),
    )
    def render_command(
        ctx: typer.Context,
        kind: Kind = typer.Argument(..., metavar=t.t("LOẠI", "KIND"), help=t.t(
            "plan (ke-hoach), kickoff (loi-phat-dong) hoặc covenant (giao-uoc).",
            "plan (ke-hoach), kickoff (loi-phat-dong) or covenant (giao-uoc).")),
        year: int = typer.Argument(..., metavar=t.t("NĂM", "YEAR"),
                                   help=t.t("Năm của phong trào.", "The campaigns' year.")),
        campaign: Optional[str] = typer.Option(  # noqa: UP007 - Typer needs Optional
            None, "--campaign", metavar=t.t("MÃ", "ID"),
            help=t.t("Chỉ phong trào có mã này.", "Only the campaign with this id.")),
        unit: Optional[str] = typer.Option(  # noqa: UP007
            None, "--unit", metavar=t.t("MÃ", "ID"),
            help=t.t("Chỉ các phong trào do đơn vị (hoặc cụm) này ban hành.",
                                     "Only the campaigns issued by this unit (or cluster).")),
        format: Format = typer.Option(  # noqa: A002 - the option is called --format
            Format.docx, "--format", "-f", help=t.t("Định dạng: docx, html hoặc md.",
                                                    "Output format: docx, html or md.")),
        out: Optional[str] = typer.Option(  # noqa: UP007
            None, "--out", "-o", metavar=t.t("THƯ_MỤC|-", "DIR|-"),
            help=t.t("Thư mục ghi tệp (mặc định ./out/); '-' để in một văn bản ra stdout.",
                     "Folder to write to (default ./out/); '-' prints one document to stdout.")),
        force: bool = typer.Option(False, "--force", help=t.t("Ghi đè tệp đã có.",
                                                             "Overwrite existing files.")),
        templates: Optional[Path] = typer.Option(  # noqa: UP007
            None, "--templates", metavar=t.t("THƯ_MỤC", "DIR"),
            help=t.t("Thư mục mẫu văn bản thay thế mẫu có sẵn cùng tên tệp.",
                     "Folder of templates that override the built-in ones by file name.")),
    ) -> None:
        settings: Settings = ctx.obj
        raise typer.Exit(run(settings, kind.value, year, campaign, unit, format.value, out,
                             force, templates))


def run(settings: Settings, kind: str, year: int, campaign_id: str | None, unit_id: str | None,
        fmt: str, out: str | None, force: bool, templates: Path | None) -> int:
    kind = KIND_ALIASES.get(kind, kind)
    if campaign_id and unit_id:
        raise CommandError("chỉ dùng một trong hai: --campaign hoặc --unit",
                           "use either --campaign or --unit, not both")
    to_stdout = out == "-"
    if to_stdout and fmt == "docx":
        raise CommandError(
            "không in DOCX ra stdout (tệp nhị phân); dùng --format md hoặc html, hoặc --out THƯ_MỤC",
            "DOCX is not written to stdout (a binary file); use --format md or html, or --out DIR")
    if templates is not None and not templates.is_dir():
        raise CommandError(f'không có thư mục mẫu "{templates}"',
                           f'template folder "{templates}" does not exist')

    from thidua_cli.cli.progress import ProgressBar

    # One bar for the whole command: reading and checking, then rendering and writing; the
    # context manager erases it before any message (or error) is printed after it.
    with ProgressBar(settings) as progress:
        return _run(settings, kind, year, campaign_id, unit_id, fmt, out, force, templates,
                    progress)


def _run(settings: Settings, kind: str, year: int, campaign_id: str | None, unit_id: str | None,
         fmt: str, out: str | None, force: bool, templates: Path | None,
         progress: Callable[[str, int, int], None]) -> int:
    t = settings.t
    to_stdout = out == "-"

    from thidua_cli.render import build as builder
    from thidua_cli.render import engine

    result = checked_registry(settings, "Sổ đăng ký có lỗi: không lập văn bản nào.",
                              "The registry has errors: no document rendered.", progress)
    if result is None:
        return 1

    registry = result.registry
    campaigns = [e.model for e in registry.campaigns]
    vi_kind, en_kind = KIND_NAMES[kind]
    if campaign_id:
        chosen = [c for c in campaigns if c.id == campaign_id]
        if not chosen:
            from thidua_cli.rules.base import suggest
            hint_vi, hint_en = suggest(campaign_id, [c.id for c in campaigns],
                                       {c.id: c.title for c in campaigns})
            raise CommandError(f'không có phong trào "{campaign_id}" trong sổ đăng ký{hint_vi}',
                               f'no campaign "{campaign_id}" in the registry{hint_en}')
        c = chosen[0]
        if c.year != year:
            raise CommandError(f'phong trào "{c.id}" là của năm {c.year}, không phải {year}',
                               f'campaign "{c.id}" is of {c.year}, not {year}')
        if not builder.applies(kind, c):  # type: ignore[arg-type]
            raise CommandError(
                f'phong trào "{c.id}" (loại {c.kind}) không có {vi_kind}'
                + ("; bản giao ước chỉ dành cho phong trào giao-uoc" if kind == "covenant"
                   else "; dùng render covenant cho phong trào giao-uoc"),
                f'campaign "{c.id}" (kind {c.kind}) has no {en_kind}'
                + ("; covenants are for giao-uoc campaigns" if kind == "covenant"
                   else "; use render covenant for a giao-uoc campaign"))
    else:
        if unit_id:
            known = {e.model.id for e in registry.units} | {e.model.id for e in registry.clusters}
            if unit_id not in known:
                from thidua_cli.rules.base import suggest
                names = {e.model.id: e.model.name for e in registry.units}
                names.update({e.model.id: e.model.name for e in registry.clusters})
                hint_vi, hint_en = suggest(unit_id, known, names)
                raise CommandError(f'không có đơn vị hay cụm "{unit_id}" trong sổ đăng ký{hint_vi}',
                                   f'no unit or cluster "{unit_id}" in the registry{hint_en}')
        chosen = [c for c in campaigns if c.year == year and builder.applies(kind, c)  # type: ignore[arg-type]
                  and (unit_id is None or c.issuer == unit_id)]
        if not chosen:
            whose = f" của {unit_id}" if unit_id else ""
            en_whose = f" of {unit_id}" if unit_id else ""
            raise CommandError(f"không có phong trào nào{whose} năm {year} để lập {vi_kind}",
                               f"no campaign{en_whose} in {year} to render a {en_kind} for")
    chosen.sort(key=lambda c: c.id)
    if to_stdout and len(chosen) > 1:
        raise CommandError(
            f"-o - in một văn bản, nhưng có {len(chosen)} phong trào; chọn một bằng --campaign "
            f"({', '.join(c.id for c in chosen)})",
            f"-o - prints one document, but {len(chosen)} campaigns match; pick one with "
            f"--campaign ({', '.join(c.id for c in chosen)})")

    folder = Path(out) if out else Path("out")
    if not force and not to_stdout:
        # Before any work: a refusal after minutes of rendering wastes them.
        _refuse_existing([folder / f"{builder.stem(c, kind)}.{fmt}" for c in chosen])  # type: ignore[arg-type]

    env = engine.environment(templates)
    started = perf_counter()
    # Build every document first: templates run here, so a template error stops the run
    # before any file is written, and the file names (document.stem) are known. Turning a
    # document into DOCX bytes is the expensive part and is done one by one while writing,
    # so that 6,000 plans never sit in memory as bytes all at once.
    documents = []
    for done, c in enumerate(chosen, 1):
        try:
            documents.append(builder.build(registry, c, kind, env))  # type: ignore[arg-type]
        except engine.TemplateProblem as exc:
            raise CommandError(exc.vi, exc.en) from None
        # One job, one bar: building is the first half of the count, writing the second.
        progress("render", done, 2 * len(chosen))

    if to_stdout:
        data = _write(documents[0], fmt)
        sys.stdout.write(data if isinstance(data, str) else data.decode("utf-8"))
        sys.stdout.flush()
        return 0

    targets = [(folder / f"{document.stem}.{fmt}", document) for document in documents]
    if not force:
        # Again, now that the names are the documents' own: a run either writes all its
        # files or none of the ones that already exist are touched.
        _refuse_existing([path for path, _ in targets])
    # Thousands of "Wrote …" lines bury everything else: past NAMED files only the summary.
    named = len(targets) <= NAMED
    # python-docx leaves each document it makes in reference cycles holding lxml trees: C
    # memory the cyclic collector does not count, freed only when a full collection happens
    # to run. Collecting after each document keeps a province's 6,000 plans from growing the
    # process past 1 GB; freezing what is already in memory (the registry, the built
    # documents: half a million objects) first makes each collection look at the new ones only.
    gc.freeze()
    try:
        _write_all(settings, targets, fmt, force, named, progress)
    finally:
        gc.unfreeze()
    if len(targets) > 1:
        seconds = perf_counter() - started
        ms = seconds * 1000 / len(targets)
        where = os.path.join(str(folder), "")  # "out/": a folder, not a file
        vi_plural, en_plural = KIND_PLURALS[kind]
        settings.err.print(
            t(f"Đã ghi {_vi(len(targets), 0)} {vi_plural} vào {where} trong {_vi(seconds, 1)} giây "
              f"({_vi(ms, 1)} ms mỗi văn bản).",
              f"Wrote {len(targets):,} {en_plural} to {where} in {seconds:,.1f} s "
              f"({ms:,.1f} ms per document)."),
            markup=False, highlight=False, soft_wrap=True)
    return 0


#: How many of the files that already exist a refusal names; the rest are counted.
SHOWN_EXISTING = 5


def _refuse_existing(paths: list[Path]) -> None:
    """One short refusal naming the first few files that exist and counting them all."""
    existing = [path for path in paths if path.exists() or path.is_symlink()]
    if not existing:
        return
    shown = ", ".join(str(p) for p in existing[:SHOWN_EXISTING])
    more = ", …" if len(existing) > SHOWN_EXISTING else ""
    if len(existing) == 1:
        raise CommandError(f"tệp đã có, không ghi đè: {shown} (dùng --force để ghi đè)",
                           f"file exists, not overwritten: {shown} (use --force to overwrite)")
    raise CommandError(
        f"{_vi(len(existing), 0)} tệp đã có; thêm --force để ghi đè: {shown}{more}",
        f"{len(existing):,} files exist; add --force to overwrite them: {shown}{more}")


def _write_all(settings: Settings, targets: list[tuple[Path, Document]], fmt: str, force: bool,
               named: bool, progress: Callable[[str, int, int], None]) -> None:
    """Turn each document into its bytes and write it, in order, as soon as it is made; on
    Ctrl-C, say how many were written before stopping."""
    encoded = _encoded([document for _, document in targets], fmt)
    done = 0
    try:
        for (path, _), data in zip(targets, encoded):
            _write_one(settings, path, data, force, named)
            done += 1
            progress("render", len(targets) + done, 2 * len(targets))
    except KeyboardInterrupt:
        folder = os.path.join(str(targets[0][0].parent), "") if targets else ""
        settings.err.print(settings.t(
            f"Đã dừng (Ctrl-C): đã ghi {_vi(done, 0)} trong {_vi(len(targets), 0)} tệp vào {folder}; "
            "các tệp còn lại chưa ghi (tệp nào đã ghi thì ghi trọn vẹn).",
            f"Stopped (Ctrl-C): {done:,} of {len(targets):,} files written to {folder}; the rest "
            "were not (each written file is whole)."), markup=False, highlight=False, soft_wrap=True)
        raise
    finally:
        encoded.close()  # a refused file stops the workers too, without waiting for them


def _write_one(settings: Settings, path: Path, data: bytes | str, force: bool,
               named: bool) -> None:
    write_output(path, data, force)
    if named:
        # As `thidua schema` does: what was written is a message, on stderr.
        settings.err.print(settings.t(f"Đã ghi {path}", f"Wrote {path}"), markup=False,
                           highlight=False, soft_wrap=True)


#: From this many DOCX documents on, they are made in worker processes, one per core:
#: python-docx needs ~50 ms a document, a worker ~0.5 s to start.
PARALLEL_FROM = 40
MAX_WORKERS = 8


def workers_for(count: int, fmt: str) -> int:
    """How many worker processes make ``count`` documents (0: made here, one by one).
    Markdown and HTML take a millisecond or two each: never worth a process."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    workers = min(cores or 1, MAX_WORKERS)
    return workers if fmt == "docx" and count >= PARALLEL_FROM and workers > 1 else 0


def _encoded(documents: list[Document], fmt: str) -> Iterator[bytes | str]:
    """Each document's bytes, in order."""
    workers = workers_for(len(documents), fmt)
    if not workers:
        for document in documents:
            yield _write(document, fmt)
            gc.collect()  # python-docx's cycles: see the gc.freeze() in run()
        return
    import multiprocessing

    # "spawn", not "fork": the progress bar's refresh thread is running, and a child forked
    # from a process with threads can deadlock on a lock one of them held.
    pool = multiprocessing.get_context("spawn").Pool(workers, initializer=_start_worker)
    started = {child.pid for child in multiprocessing.active_children()}
    try:
        results = pool.imap(_docx_in_worker, documents)  # chunks of one: only then next(timeout)
        for _ in documents:
            while True:
                try:
                    yield results.next(timeout=1.0)
                    break
                except multiprocessing.TimeoutError:
                    # A worker killed (by the out-of-memory killer, say) takes its documents
                    # with it and the pool would wait for them forever: its workers never
                    # end on their own, so one missing means one died.
                    alive = {child.pid for child in multiprocessing.active_children()}
                    if not started <= alive:
                        raise CommandError(
                            "một tiến trình phụ lập DOCX đã dừng đột ngột (có thể do thiếu bộ "
                            "nhớ); các tệp đã ghi vẫn nguyên vẹn; hãy chạy lại với --force "
                            "hoặc lập ít văn bản hơn (--unit)",
                            "a worker process making DOCX stopped abruptly (out of memory?); "
                            "the files written so far are whole; run again with --force or "
                            "render fewer (--unit)") from None
    finally:
        # The workers only make bytes (the files are written here), so stopping them at once
        # loses nothing: after the last document, a refused file or Ctrl-C alike.
        pool.terminate()
        pool.join()


def _start_worker() -> None:
    import signal

    # Ctrl-C is the parent's to handle (it stops the pool); a worker that took it too
    # would print its own traceback.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    from thidua_cli.render import docx  # noqa: F401 - imported once, before the freeze
    gc.freeze()


def _docx_in_worker(document: Document) -> bytes:
    from thidua_cli.render.docx import to_docx

    data = to_docx(document)
    gc.collect()  # as in _encoded: python-docx's cycles, collected at once
    return data


def _vi(number: float, decimals: int) -> str:
    """``6.000``, ``95,2``: Vietnamese thousands dots and decimal comma. Not
    vn.targets.format_number, which drops a trailing zero ("95,0" → "95") while the
    English line keeps it."""
    return f"{number:,.{decimals}f}".translate(str.maketrans(",.", ".,"))


def _write(document: object, fmt: str) -> bytes | str:
    if fmt == "md":
        from thidua_cli.render.markdown import to_markdown
        return to_markdown(document)  # type: ignore[arg-type]
    if fmt == "html":
        from thidua_cli.render.html import to_html
        return to_html(document)  # type: ignore[arg-type]
    from thidua_cli.render.docx import to_docx  # R2's writer; imported only when asked for
    return to_docx(document)  # type: ignore[arg-type]
