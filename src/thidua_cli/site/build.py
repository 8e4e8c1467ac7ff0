"""The whole site: every page made from a validated registry, written whole or not at all.

:func:`pages` yields ``(relative path, content)`` one page at a time (a province is tens of
thousands of pages: they are written as they are made, never all held in memory);
:func:`write_site` writes them into a temporary folder beside the destination and moves it
into place only when every page is written. An existing destination is replaced only when
asked (``force``) and only when it is a site made by thidua (it holds :data:`MARKER`) or an
empty folder: ``-o ~ --force`` must never delete a home folder.

Deterministic: the same registry and the same ``today`` (``SOURCE_DATE_EPOCH``) give the
same bytes, page for page (no clock, no random ids, sorted orders).
"""

from __future__ import annotations

import gc
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from thidua_cli.calendar.events import Entry
from thidua_cli.models import Campaign
from thidua_cli.problems import Problem
from thidua_cli.registry.data import Registry
from thidua_cli.registry.index import RegistryIndex
from thidua_cli.site import pages

#: A file at the root of every site thidua makes: only such a folder is ever replaced.
MARKER = ".thidua-site"
DOCUMENT_LABELS = {"plan": "Kế hoạch", "kickoff": "Lời phát động", "covenant": "Bản giao ước thi đua"}


def today() -> date:
    """Today, or the day of ``SOURCE_DATE_EPOCH`` for a reproducible site."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), tz=UTC).date()
    return date.today()


@dataclass(frozen=True)
class Options:
    year: int | None = None
    docx: bool = False            # --documents docx: the DOCX files beside the HTML pages
    today: date | None = None


def stylesheet() -> str:
    return (Path(__file__).resolve().parent / "static" / "site.css").read_text(encoding="utf-8")


Made = list[tuple[str, str | bytes]]

#: From this many unit and campaign pages on, they are made in forked worker processes (one
#: per core): a campaign's page and its documents take ~10 ms, a worker ~50 ms to fork.
PARALLEL_FROM = 400
CHUNK = 100
MAX_WORKERS = 8


class Maker:
    """Makes the pages of units and campaigns, one job at a time (here or in a worker)."""

    def __init__(self, registry: Registry, data: pages.SiteData, options: Options) -> None:
        from thidua_cli.render import engine
        self.registry, self.data, self.options = registry, data, options
        self.env = data.env or pages.environment()
        from thidua_cli.render.view import Index

        self.index = data.tree.index
        self.views = Index.of(self.index)  # render's lookups, made once for every document
        self.document_env = engine.environment()
        self.campaigns = {c.id: c for c in _unique([e.model for e in registry.campaigns])}

    def page(self, template: str, context: dict[str, object]) -> str:
        return self.env.get_template(template).render(context)

    def unit(self, unit_id: str) -> Made:
        unit = self.data.tree.units[unit_id]
        return [(f"units/{unit.id}.html", self.page("unit.html.j2", pages.unit_page(self.data, unit, "../")))]

    def campaign(self, campaign_id: str) -> Made:
        from thidua_cli.render import build as documents
        from thidua_cli.render import engine
        from thidua_cli.render.html import to_html
        from thidua_cli.render.view import ContextError, DocumentView, document_view

        campaign = self.campaigns[campaign_id]
        view = None
        made: Made = []
        links: list[dict[str, str]] = []
        if self.data.campaign_ok(campaign):
            try:
                views: dict[date | None, DocumentView] = {}
                for kind in documents.KINDS:
                    if not documents.applies(kind, campaign):
                        continue
                    document = documents.build(self.views, campaign, kind, self.document_env, views)
                    made.append((f"documents/{document.stem}.html", to_html(document)))
                    links.append({"href": f"../documents/{document.stem}.html", "format": "html",
                                  "label": DOCUMENT_LABELS[kind]})
                    if self.options.docx:
                        from thidua_cli.render.docx import to_docx
                        made.append((f"documents/{document.stem}.docx", to_docx(document)))
                        links.append({"href": f"../documents/{document.stem}.docx",
                                      "format": "docx", "label": DOCUMENT_LABELS[kind]})
                # The page shows what does not depend on a document's date (phases, targets).
                view = next(iter(views.values()), None) or document_view(self.views, campaign)
            except (ContextError, engine.TemplateProblem, KeyError):
                # A reference the validator reports (an unknown issuer or anniversary):
                # the page says what it can, without documents.
                view, made, links = None, [], []
        page = self.page("campaign.html.j2",
                         pages.campaign_page(self.data, campaign, view, links, "../"))
        return [(f"campaigns/{campaign.id}.html", page), *made]

    def chunk(self, jobs: list[tuple[str, str]]) -> list[Made]:
        return [self.unit(key) if kind == "unit" else self.campaign(key) for kind, key in jobs]


#: The maker a forked worker inherits (set just before the pool forks).
_MAKER: Maker | None = None


def _in_worker(jobs: list[tuple[str, str]]) -> list[Made]:
    assert _MAKER is not None
    return _MAKER.chunk(jobs)


def _quiet_worker() -> None:
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    # The parent turns SIGTERM into KeyboardInterrupt (cli/app.py) and a forked worker
    # inherits that: Pool.terminate()'s SIGTERM then raised inside the worker wherever it
    # was, once in the middle of the task queue's lock, and the parent's join() waited on it
    # for ever. A worker writes nothing and holds nothing to clean up: it just ends.
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


def workers_for(jobs: int) -> int:
    import multiprocessing

    if jobs < PARALLEL_FROM or "fork" not in multiprocessing.get_all_start_methods():
        return 0
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    workers = min(cores or 1, MAX_WORKERS)
    return workers if workers > 1 else 0


def _made(maker: Maker, jobs: list[tuple[str, str]]) -> Iterator[Made]:
    """Each job's files, in order: here, or from forked workers sharing the registry.

    Fork, not spawn: a spawned worker would read the whole registry again. The workers only
    compute pages (no output, no files), so a thread of the parent (the progress bar) they do
    not have cannot hold anything they need.
    """
    global _MAKER
    workers = workers_for(len(jobs))
    if not workers:
        for job in jobs:
            yield maker.chunk([job])[0]
        return
    import multiprocessing

    _MAKER = maker
    chunks = [jobs[i:i + CHUNK] for i in range(0, len(jobs), CHUNK)]
    pool = multiprocessing.get_context("fork").Pool(workers, initializer=_quiet_worker)
    started = {child.pid for child in multiprocessing.active_children()}
    try:
        results = pool.imap(_in_worker, chunks)
        for _ in chunks:
            while True:
                try:
                    chunk = results.next(timeout=1.0)
                    break
                except multiprocessing.TimeoutError:
                    # A worker killed (out of memory) takes its chunk with it: never wait forever.
                    if not started <= {child.pid for child in multiprocessing.active_children()}:
                        raise WorkerDied() from None
            yield from chunk
    finally:
        pool.terminate()
        pool.join()
        _MAKER = None


class WorkerDied(Exception):
    """A worker process making pages stopped abruptly."""


def pages_of(registry: Registry, problems: list[Problem], options: Options,
             progress: Callable[[str, int, int], None] | None = None,
             index: RegistryIndex | None = None) -> Iterator[tuple[str, str | bytes]]:
    """Every file of the site, in a stable order; ``index``: validation's, when at hand."""
    data = pages.SiteData.of(registry, problems, options.year, options.today or today(), index)
    env = pages.environment()
    data.env = env

    def page(template: str, context: dict[str, object]) -> str:
        return env.get_template(template).render(context)

    yield MARKER, "Trang web do `thidua site` lập; `thidua site --force` thay thế cả thư mục này.\n"
    yield "assets/site.css", stylesheet()
    yield "index.html", page("year.html.j2", pages.year_page(data, data.year, ""))
    for year in data.years:
        yield f"years/{year}.html", page("year.html.j2", pages.year_page(data, year, "../"))
        yield f"calendar/{year}.html", page("calendar.html.j2", pages.calendar_page(data, year, "../"))
        yield f"calendar/{year}.ics", _ics(data.calendar(year), year)
    if problems:
        yield "problems.html", page("problems.html.j2", pages.problems_page(data, ""))
    yield "units/index.html", page("units.html.j2", pages.units_index(data, "../"))
    yield "clusters/index.html", page("clusters.html.j2", pages.clusters_index(data, "../"))
    for cluster in data.tree.clusters.values():
        yield f"clusters/{cluster.id}.html", page("cluster.html.j2",
                                                  pages.cluster_page(data, cluster, "../"))
    yield "campaigns/index.html", page("campaigns.html.j2", pages.campaigns_index(data, "../"))

    maker = Maker(registry, data, options)
    jobs = [("unit", unit_id) for unit_id in data.tree.units]
    jobs += [("campaign", campaign_id) for campaign_id in maker.campaigns]
    # The loaded registry is millions of objects that live until the end: left to the cyclic
    # collector, each full collection walks them all again while thousands of pages are made
    # (a province's pages took 3× as long). Frozen, it looks at the pages' garbage only.
    gc.freeze()
    try:
        for done, made in enumerate(_made(maker, jobs), 1):
            yield from made
            if progress is not None:
                progress("site", done, len(jobs))
    finally:
        gc.unfreeze()


def _unique(campaigns: list[Campaign]) -> list[Campaign]:
    """One campaign per id (a duplicate id is the validator's to report; its page is the first)."""
    seen: dict[str, Campaign] = {}
    for campaign in campaigns:
        seen.setdefault(campaign.id, campaign)
    return list(seen.values())


def _ics(found: list[Entry], year: int) -> bytes:
    # The calendar command's own export (all-day events, stable UIDs, SOURCE_DATE_EPOCH).
    from thidua_cli.calendar.export import calendar_name, to_ics

    return to_ics(found, calendar_name(date(year, 1, 1), date(year, 12, 31), year, None, False))


# --------------------------------------------------------------------------- writing

class SiteExists(Exception):
    """The destination exists and may not be replaced (``force`` missing, or not a site)."""

    def __init__(self, path: Path, ours: bool) -> None:
        super().__init__(str(path))
        self.path, self.ours = path, ours


def replaceable(out: Path) -> bool:
    """A folder thidua made (its marker file is there) or an empty folder."""
    if out.is_symlink() or not out.is_dir():
        return False
    return (out / MARKER).is_file() or not any(out.iterdir())


def _empty_folder(path: Path) -> bool:
    return not path.is_symlink() and path.is_dir() and not any(path.iterdir())


def check_destination(out: Path, force: bool) -> None:
    """Refuse before any work: an existing destination without ``force``, or one that
    is not a site (a file, a link, a folder of other things) even with it."""
    if not (out.exists() or out.is_symlink()) or _empty_folder(out):
        return
    ours = replaceable(out)
    if not force or not ours:
        raise SiteExists(out, ours)


def write_site(out: Path, files: Iterator[tuple[str, str | bytes]], force: bool) -> int:
    """Write every file into a temporary folder beside ``out``, then put it in ``out``'s
    place; returns the number of files. Nothing of a failed run is left behind."""
    check_destination(out, force)
    parent = out.absolute().parent
    parent.mkdir(parents=True, exist_ok=True)
    temporary = Path(tempfile.mkdtemp(prefix=f".{out.name}.", suffix=".tmp", dir=parent))
    count = 0
    try:
        # mkdtemp makes a private folder (0700); a site is read by a web server or a colleague.
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temporary, 0o777 & ~umask)
        made: set[Path] = set()
        for name, content in files:
            path = temporary / name
            if path.parent not in made:
                path.parent.mkdir(parents=True, exist_ok=True)
                made.add(path.parent)
            path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
            count += 1
        _swap(temporary, out, force)
    except BaseException:
        shutil.rmtree(temporary, ignore_errors=True)
        raise
    return count


def _swap(temporary: Path, out: Path, force: bool) -> None:
    """Put ``temporary`` where ``out`` is: the old site goes aside first, and comes back if
    the move fails, so ``out`` is always a whole site (the old or the new)."""
    if _empty_folder(out):
        out.rmdir()
    if not (out.exists() or out.is_symlink()):
        os.rename(temporary, out)
        return
    check_destination(out, force)  # again: it may have changed while the pages were made
    aside = Path(tempfile.mkdtemp(prefix=f".{out.name}.", suffix=".old", dir=temporary.parent))
    aside.rmdir()
    os.rename(out, aside)
    try:
        os.rename(temporary, out)
    except BaseException:
        os.rename(aside, out)
        raise
    shutil.rmtree(aside, ignore_errors=True)
