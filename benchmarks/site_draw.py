"""How long Chromium takes to draw a page of the site, by the browser's own clock.

    python benchmarks/site_draw.py SITE/index.html [--repeat 5]

Prints JSON: the median over the runs of the Navigation Timing ``loadEventEnd`` (the page
and everything it refers to loaded and laid out) and of the Paint Timing
``first-contentful-paint``, in milliseconds, and the page's size in bytes. Uses Debian's
headless Chromium through its chromedriver (as tests/site do); a fresh load each run.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import sys
from pathlib import Path

#: Read after two animation frames, when the first paint has been recorded.
TIMING = """
const done = arguments[arguments.length - 1];
requestAnimationFrame(() => requestAnimationFrame(() => {
  const nav = performance.getEntriesByType('navigation')[0];
  const paint = performance.getEntriesByName('first-contentful-paint')[0];
  done([nav.loadEventEnd, paint ? paint.startTime : null]);
}));
"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("page", type=Path)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    chromium, driver_path = shutil.which("chromium"), shutil.which("chromedriver")
    if chromium is None or driver_path is None:
        sys.exit("site_draw: Chromium and chromedriver are needed (apt-get install chromium chromium-driver)")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1280,900"):
        options.add_argument(argument)
    driver = webdriver.Chrome(options=options, service=Service(driver_path))
    loads, paints = [], []
    try:
        for _ in range(args.repeat):
            driver.get("about:blank")
            driver.get(args.page.resolve().as_uri())
            load, paint = driver.execute_async_script(TIMING)
            loads.append(load)
            if paint is not None:
                paints.append(paint)
    finally:
        driver.quit()
    print(json.dumps({"bytes": args.page.stat().st_size, "load_ms": statistics.median(loads),
                      "first_paint_ms": statistics.median(paints) if paints else None,
                      "runs": args.repeat}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
