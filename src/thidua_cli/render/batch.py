"""A batch of documents: which campaigns, building them, and their bytes one by one.

``thidua render`` is this module wired to options and messages. The campaigns are
chosen (:func:`select`), every document is built first (:func:`build_all`: templates run
there, so a template error stops the run before any file is written), then each is
turned into its format — the expensive part for DOCX, done in worker processes from
:data:`PARALLEL_FROM` documents on — and written as soon as it is made
(:func:`write_all`), so that 6,000 plans never sit in memory as bytes all at once.
"""

from __future__ import annotations

import gc
import os
from collections.abc import Callable, Generator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from thidua_cli.errors import UserError
from thidua_cli.files import write_output
from thidua_cli.problems import Text

if TYPE_CHECKING:
    from thidua_cli.models import Campaign
    from thidua_cli.registry.index import RegistryIndex
    from thidua_cli.render.document import Document
    from thidua_cli.render.view import Index

#: ``progress(stage, done, total)``, stages "render" and "write".
Progress = Callable[[str, int, int], None]

KIND_NAMES = {
    "plan": ("kế hoạch", "plan"),
    "kickoff": ("lời kêu gọi", "kickoff call"),
    "covenant": ("bản giao ước", "covenant"),
    "report": ("báo cáo", "report"),
}


def _markdown(document: Document) -> str:
    from thidua_cli.render.markdown import to_markdown
    return to_markdown(document)


def _html(document: Document) -> str:
    from thidua_cli.render.html import to_html
    return to_html(document)


def _docx(document: Document) -> bytes:
    from thidua_cli.render.docx import to_docx  # imported only when asked for
    return to_docx(document)


#: The same, counted in the closing line ("Wrote 6,000 plans …"); Vietnamese has no plural.
KIND_PLURALS = {
    "plan": ("kế hoạch", "plans"),
    "kickoff": ("lời kêu gọi", "kickoff calls"),
    "covenant": ("bản giao ước", "covenants"),
    "report": ("báo cáo", "reports"),
}


def summary(kind: str, count: int, folder: Path, seconds: float) -> Text:
    """The closing line of a batch: how many documents, where, how long, per document."""
    ms = seconds * 1000 / count
    where = os.path.join(str(folder), "")  # "out/": a folder, not a file
    vi_plural, en_plural = KIND_PLURALS[kind]
    return Text(f"Đã ghi {_vi(count, 0)} {vi_plural} vào {where} trong {_vi(seconds, 1)} giây "
                f"({_vi(ms, 1)} ms mỗi văn bản).",
                f"Wrote {count:,} {en_plural} to {where} in {seconds:,.1f} s "
                f"({ms:,.1f} ms per document).")


def count_vi(number: int) -> str:
    """A count the Vietnamese way: ``6.000``."""
    return _vi(number, 0)


def _vi(number: float, decimals: int) -> str:
    """``6.000``, ``95,2``: Vietnamese thousands dots and decimal comma. Not
    vn.targets.format_number, which drops a trailing zero ("95,0" → "95") while the
    English line keeps it."""
    return f"{number:,.{decimals}f}".translate(str.maketrans(",.", ".,"))


#: ``--format`` → the writer that turns a document into that format.
WRITERS: dict[str, Callable[[Document], bytes | str]] = {"md": _markdown, "html": _html,
                                                         "docx": _docx}


def check_request(fmt: str, campaign_id: str | None, unit_id: str | None, out: str | None,
                  templates: Path | None) -> None:
    """Refuse options that contradict each other, before the registry is read."""
    if campaign_id and unit_id:
        raise UserError("chỉ dùng một trong hai: --campaign hoặc --unit",
                        "use either --campaign or --unit, not both")
    if out == "-" and fmt == "docx":
        raise UserError(
            "không in DOCX ra stdout (tệp nhị phân); dùng --format md hoặc html, hoặc --out THƯ_MỤC",
            "DOCX is not written to stdout (a binary file); use --format md or html, or --out DIR")
    if templates is not None and not templates.is_dir():
        raise UserError(f'không có thư mục mẫu "{templates}"',
                        f'template folder "{templates}" does not exist')


def select(index: RegistryIndex, kind: str, year: int, campaign_id: str | None,
           unit_id: str | None, one: bool = False) -> list[Campaign]:
    """The campaigns to render a ``kind`` for, sorted by id: ``campaign_id``'s, or the
    year's (of ``unit_id`` when given); ``one`` when the output holds one document."""
    from thidua_cli.hints import did_you_mean
    from thidua_cli.render import build as builder

    campaigns = [e.model for e in index.registry.campaigns]
    vi_kind, en_kind = KIND_NAMES[kind]
    if campaign_id:
        chosen = [c for c in campaigns if c.id == campaign_id]
        if not chosen:
            hint_vi, hint_en = did_you_mean(campaign_id, [c.id for c in campaigns],
                                            {c.id: c.title for c in campaigns})
            raise UserError(f'không có phong trào "{campaign_id}" trong sổ đăng ký{hint_vi}',
                            f'no campaign "{campaign_id}" in the registry{hint_en}')
        c = chosen[0]
        if c.year != year:
            raise UserError(f'phong trào "{c.id}" là của năm {c.year}, không phải {year}',
                            f'campaign "{c.id}" is of {c.year}, not {year}')
        if not builder.applies(kind, c):  # type: ignore[arg-type]
            raise UserError(
                f'phong trào "{c.id}" (loại {c.kind}) không có {vi_kind}'
                + ("; bản giao ước chỉ dành cho phong trào giao-uoc" if kind == "covenant"
                   else "; dùng render covenant cho phong trào giao-uoc"),
                f'campaign "{c.id}" (kind {c.kind}) has no {en_kind}'
                + ("; covenants are for giao-uoc campaigns" if kind == "covenant"
                   else "; use render covenant for a giao-uoc campaign"))
    else:
        if unit_id and unit_id not in index.units and unit_id not in index.clusters:
            names = {i: e.model.name for i, e in index.units.items()}
            names.update({i: e.model.name for i, e in index.clusters.items()})
            hint_vi, hint_en = did_you_mean(unit_id, names, names)
            raise UserError(f'không có đơn vị hay cụm "{unit_id}" trong sổ đăng ký{hint_vi}',
                            f'no unit or cluster "{unit_id}" in the registry{hint_en}')
        chosen = [c for c in campaigns if c.year == year and builder.applies(kind, c)  # type: ignore[arg-type]
                  and (unit_id is None or c.issuer == unit_id)]
        if not chosen:
            whose = f" của {unit_id}" if unit_id else ""
            en_whose = f" of {unit_id}" if unit_id else ""
            raise UserError(f"không có phong trào nào{whose} năm {year} để lập {vi_kind}",
                            f"no campaign{en_whose} in {year} to render a {en_kind} for")
    chosen.sort(key=lambda c: c.id)
    if one and len(chosen) > 1:
        raise UserError(
            f"-o - in một văn bản, nhưng có {len(chosen)} phong trào; chọn một bằng --campaign "
            f"({', '.join(c.id for c in chosen)})",
            f"-o - prints one document, but {len(chosen)} campaigns match; pick one with "
            f"--campaign ({', '.join(c.id for c in chosen)})")
    return chosen


def build_all(index: RegistryIndex | Index, chosen: list[Campaign], kind: str, env: Any,
              progress: Progress) -> list[Document]:
    """Every document, in order, with the templates of ``env``
    (:func:`thidua_cli.render.engine.environment`); a template error raises
    :class:`~thidua_cli.render.engine.TemplateProblem` before any file is written."""
    from thidua_cli.render import build as builder
    from thidua_cli.render.view import Index

    views = index if isinstance(index, Index) else Index.of(index)  # once for the batch
    documents = []
    for done, c in enumerate(chosen, 1):
        documents.append(builder.build(views, c, kind, env))  # type: ignore[arg-type]
        progress("render", done, len(chosen))
    return documents


def targets(folder: Path, documents: list[Document], fmt: str,
            force: bool) -> list[tuple[Path, Document]]:
    """Each document's file in ``folder``; without ``force``, refused when one exists —
    before anything is written, so a run writes all its files or touches none that exist."""
    found = [(folder / f"{document.stem}.{fmt}", document) for document in documents]
    if not force:
        refuse_existing([path for path, _ in found])
    return found


#: How many of the files that already exist a refusal names; the rest are counted.
SHOWN_EXISTING = 5


def refuse_existing(paths: list[Path]) -> None:
    """One short refusal naming the first few of ``paths`` that exist and counting them all."""
    existing = [path for path in paths if path.exists() or path.is_symlink()]
    if not existing:
        return
    shown = ", ".join(str(p) for p in existing[:SHOWN_EXISTING])
    more = ", …" if len(existing) > SHOWN_EXISTING else ""
    if len(existing) == 1:
        raise UserError(f"tệp đã có, không ghi đè: {shown} (dùng --force để ghi đè)",
                        f"file exists, not overwritten: {shown} (use --force to overwrite)")
    raise UserError(
        f"{count_vi(len(existing))} tệp đã có; thêm --force để ghi đè: {shown}{more}",
        f"{len(existing):,} files exist; add --force to overwrite them: {shown}{more}")


def write_all(found: list[tuple[Path, Document]], fmt: str, force: bool,
              written: Callable[[Path], None], progress: Progress) -> None:
    """Turn each document into its bytes and write it, in order, as soon as it is made;
    ``written(path)`` is told after each file."""
    # python-docx leaves each document it makes in reference cycles holding lxml trees: C
    # memory the cyclic collector does not count, freed only when a full collection happens
    # to run. Collecting after each document keeps a province's 6,000 plans from growing the
    # process past 1 GB; freezing what is already in memory (the registry, the built
    # documents: half a million objects) first makes each collection look at the new ones only.
    gc.freeze()
    try:
        encoded = _encoded([document for _, document in found], fmt)
        done = 0
        try:
            for done, ((path, _), data) in enumerate(zip(found, encoded, strict=False), 1):
                write_output(path, data, force)
                written(path)
                progress("write", done, len(found))
        except UserError:
            raise
        except Exception as exc:  # one document that cannot be made
            # Reported for the file it was to become, with what stands written: each file
            # written is whole, and the rest of the batch is not left to a vague failure.
            from thidua_cli.files import shown

            failed = shown(found[done][0] if done < len(found) else found[-1][0])
            raise UserError(
                f"không lập được {failed} ({type(exc).__name__}: {exc}); {done} tệp trước đó "
                "đã ghi đầy đủ, các tệp sau chưa ghi",
                f"cannot make {failed} ({type(exc).__name__}: {exc}); the {done} files before "
                "it are written whole, the ones after it are not written") from None
        finally:
            encoded.close()  # a refused file stops the workers too, without waiting for them
    finally:
        gc.unfreeze()


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


def _encoded(documents: list[Document], fmt: str) -> Generator[bytes | str, None, None]:
    """Each document's bytes, in order."""
    workers = workers_for(len(documents), fmt)
    if not workers:
        for document in documents:
            yield WRITERS[fmt](document)
            gc.collect()  # python-docx's cycles: see the gc.freeze() in write_all()
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
                        raise UserError(
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
