"""Screenshot the HTML report of a bundled fixture in the system's headless Chromium.

The README's picture (``docs/report.png``) is made by this script, so that it
shows the report as the code now writes it::

    python scripts/report_screenshot.py                       # docs/report.png, 1400 px wide, light
    python scripts/report_screenshot.py --width 390 --dark -o /tmp/phone-dark.png

It lints ``fixtures/bad-structure.html`` and ``fixtures/sahel-article.html``
with the default rules, writes their report to a temporary folder, opens it
with Debian's ``chromium`` and ``chromium-driver`` (driven by Selenium, from the
``test`` extra), chooses a finding and saves the window. Nothing is fetched.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ("bad-structure.html", "sahel-article.html")
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
    "--hide-scrollbars",
)

CHOOSE_A_PASSAGE = """
const file = document.getElementById("file-1");
const doc = file.querySelector("iframe").contentDocument;
const button = Array.from(file.querySelectorAll("button.finding")).find((b) => {
  const marks = Array.from(doc.querySelectorAll('mark[data-f~="' + b.dataset.f + '"]'));
  const text = marks.map((m) => m.textContent).join("");
  return text.length > 20 && text.length < 400;
});
if (button) { button.click(); button.scrollIntoView({block: "nearest"}); }
"""


def open_chromium(profile: Path, width: int = 1400, height: int = 1000, dark: bool = False) -> Any:
    """A Selenium driver of the system's headless Chromium with a fresh profile, its
    console and network logged; RuntimeError when Chromium or its driver is missing."""
    chromium, chromedriver = shutil.which("chromium"), shutil.which("chromedriver")
    if chromium is None or chromedriver is None:
        raise RuntimeError("no chromium and chromedriver here (Debian: apt-get install chromium chromium-driver)")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for flag in FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--window-size={width},{height}")
    options.add_argument(f"--user-data-dir={profile}")
    if dark:
        options.add_argument("--blink-settings=preferredColorScheme=0")
    options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    return webdriver.Chrome(options=options, service=Service(chromedriver))


def write_report(folder: Path) -> Path:
    sys.path.insert(0, str(ROOT))
    from lint_article.api import lint_path, make_linter
    from lint_article.config import Config
    from lint_article.formatters import FORMATTERS, FormatOptions

    linter = make_linter(Config())
    reports = [lint_path(linter, ROOT / "fixtures" / name, f"fixtures/{name}") for name in FIXTURES]
    sources = {f"fixtures/{name}": (ROOT / "fixtures" / name).read_bytes() for name in FIXTURES}
    page = folder / "report.html"
    page.write_text(FORMATTERS["html"](reports, FormatOptions(sources=sources)), encoding="utf-8")
    return page


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-o", "--output", type=Path, default=ROOT / "docs" / "report.png")
    parser.add_argument("--width", type=int, default=1400)
    parser.add_argument("--height", type=int, default=1000)
    parser.add_argument("--dark", action="store_true", help="Prefer the dark colour scheme.")
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        page = write_report(Path(folder))
        try:
            driver = open_chromium(Path(folder) / "profile", arguments.width, arguments.height, arguments.dark)
        except RuntimeError as exc:
            sys.exit(f"error: {exc}")
        try:
            driver.get(page.as_uri())
            time.sleep(1.0)
            driver.execute_script("document.getElementById('file-1').scrollIntoView()")
            time.sleep(0.5)
            # In the second file, the first finding whose passage is a phrase or a sentence.
            driver.execute_script(CHOOSE_A_PASSAGE)
            time.sleep(1.0)
            driver.execute_script("document.getElementById('file-1').scrollIntoView()")
            time.sleep(0.3)
            arguments.output.parent.mkdir(parents=True, exist_ok=True)
            driver.save_screenshot(str(arguments.output))
        finally:
            driver.quit()
    print(f"wrote {arguments.output}")


if __name__ == "__main__":
    main()
