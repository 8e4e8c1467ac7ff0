"""A real browser for the site's tests: Debian's headless Chromium, driven by its chromedriver.

Under CI (``CI`` set, as GitHub Actions and .ci/run do) a missing browser FAILS the tests:
the browser checks must never pass by not running. Elsewhere they skip, saying what to install.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import SAMPLE_REGISTRY

INSTALL = "apt-get install -y chromium chromium-driver"
#: 15/6/2020: "today" of the sample site, inside 2020, so the today line is drawn.
EPOCH_2020_06_15 = "1592179200"


def _find(names: tuple[str, ...], env: str) -> str | None:
    given = os.environ.get(env)
    if given:
        return given
    for name in names:
        found = shutil.which(name)
        if found:
            return found
    return None


def _missing(what: str) -> None:
    message = f"{what} is not installed ({INSTALL})"
    if os.environ.get("CI"):
        pytest.fail(f"CI: {message}; the browser tests must run in CI", pytrace=False)
    pytest.skip(f"{message}; the browser tests run only with it (they fail when CI is set)")


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    chromium = _find(("chromium", "chromium-browser", "google-chrome"), "THIDUA_CHROMIUM")
    driver_path = _find(("chromedriver",), "THIDUA_CHROMEDRIVER")
    if chromium is None:
        _missing("Chromium")
    if driver_path is None:
        _missing("chromedriver")
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
    except ImportError:
        _missing("selenium (pip install -e '.[test]')")
        raise
    options = webdriver.ChromeOptions()
    options.binary_location = str(chromium)
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--window-size=1280,900", "--lang=vi", "--allow-file-access-from-files"):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    # An explicit driver path: Selenium Manager would otherwise try to download one.
    driver = webdriver.Chrome(options=options, service=Service(str(driver_path)))
    driver.set_page_load_timeout(30)
    try:
        yield driver
    finally:
        driver.quit()


def build_site(registry: Path, out: Path, *args: str, epoch: str = EPOCH_2020_06_15) -> Path:
    """``thidua site`` through the real command line, with a fixed today."""
    from thidua_cli.cli.app import main

    before = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = epoch
    try:
        code = main(["--registry", str(registry), "site", "-o", str(out), *args])
    finally:
        if before is None:
            os.environ.pop("SOURCE_DATE_EPOCH", None)
        else:
            os.environ["SOURCE_DATE_EPOCH"] = before
    assert code == 0
    return out


@pytest.fixture(scope="session")
def sample_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample registry's site for 2020 (data/ is only read)."""
    return build_site(SAMPLE_REGISTRY, tmp_path_factory.mktemp("site") / "site", "--year", "2020")
