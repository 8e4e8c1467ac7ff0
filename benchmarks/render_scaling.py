"""Does rendering a document cost more in a big registry? Time per plan, in-process.

    python benchmarks/render_scaling.py REGISTRY [--repeat N]

Prints one JSON line: ``{"documents": …, "seconds": …, "ms_per_document": …}``. The
registry is validated first, as ``thidua render plan YEAR --format md`` does, and that is
not timed; nor is start-up, nor compiling the templates (one plan is rendered before the
clock starts). What is timed is the command's own work for every plan of the year: build
the document from the registry and make its Markdown — the rendering work alone, so that
a registry of a few dozen plans and a province's 6,000 can be compared per document.
Writing the files is left out: it is the same per file at any scale, and its ``fsync``
(≈ 13 ms a file on the shared benchmark machine, more than the rendering) would drown
the figure in disk noise. ``--repeat`` renders the whole batch that many times and keeps
the fastest, for a small registry whose batch lasts milliseconds.

``benchmarks/run.py`` runs this on a province and on a registry of a few dozen plans
(``generate.py --scale dozens``) and prints the ratio.
"""

from __future__ import annotations

import argparse
import inspect
import json
import sys
import time
from pathlib import Path
from typing import Any

YEAR = 2024  # benchmarks/generate.py's YEAR


def render_batch(registry_root: Path, repeat: int) -> tuple[int, float]:
    """(plans rendered per batch, seconds of the fastest batch)."""
    from thidua_cli.render import build as builder
    from thidua_cli.render import engine
    from thidua_cli.render.markdown import to_markdown
    from thidua_cli.validation import validate

    result = validate(registry_root, cache=True)
    if result.errors:
        sys.exit(f"render_scaling: {registry_root} has errors; generate it again")
    registry = result.registry
    chosen = sorted((e.model for e in registry.campaigns
                     if e.model.year == YEAR and builder.applies("plan", e.model)),
                    key=lambda c: c.id)
    env = engine.environment(None)
    # The index the run shares, where this version of thidua has one (measuring the code
    # before it: each document then builds its own lookups, as that code did).
    extra: dict[str, Any] = {}
    source: Any = registry
    try:
        # Today's code: the command makes the view models' lookups once per run from the
        # run's RegistryIndex (render.batch.build_all) and hands them to every document.
        from thidua_cli.render.view import Index as ViewIndex
        source = ViewIndex.of(result.index)
    except ImportError:
        if "index" in inspect.signature(builder.build).parameters and hasattr(result, "index"):
            extra["index"] = result.index
    to_markdown(builder.build(source, chosen[0], "plan", env, **extra))  # compile templates
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        for campaign in chosen:
            to_markdown(builder.build(source, campaign, "plan", env, **extra))
        best = min(best, time.perf_counter() - started)
    return len(chosen), best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("registry", type=Path)
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args(argv)
    documents, seconds = render_batch(args.registry, args.repeat)
    print(json.dumps({"documents": documents, "seconds": seconds,
                      "ms_per_document": seconds * 1000 / documents}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
