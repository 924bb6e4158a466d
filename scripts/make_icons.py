"""Render the app icons (the home-screen and install pictures) from Repbook's own SVGs.

    .venv/bin/python scripts/make_icons.py

Reads `src/repbook/web/static/repbook/icons/app-icon.svg` and `maskable.svg` and writes the PNGs the
web app manifest names beside them: `icon-192.png`, `icon-512.png`, `maskable-192.png`,
`maskable-512.png` and `apple-touch-icon.png` (180 px; iOS ignores the manifest's icons). The
maskable icon fills its square and keeps the barbell inside the middle 80 %, the part every
launcher's mask leaves visible. Rendered by Debian's Chromium through Playwright (the browser tests'
own launch settings), so the pictures match what a browser draws; downloads nothing. Run it again
after changing an SVG and commit the PNGs.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.e2e.conftest import CHROMIUM, CHROMIUM_ARGS  # noqa: E402  (the browser tests' own)

ICONS = ROOT / "src" / "repbook" / "web" / "static" / "repbook" / "icons"
#: (source SVG, output PNG, size in pixels)
RENDERS = [
    ("app-icon.svg", "icon-192.png", 192),
    ("app-icon.svg", "icon-512.png", 512),
    ("maskable.svg", "maskable-192.png", 192),
    ("maskable.svg", "maskable-512.png", 512),
    ("maskable.svg", "apple-touch-icon.png", 180),
]


def main() -> None:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        for source, target, size in RENDERS:
            page = browser.new_page(viewport={"width": size, "height": size})
            svg = (ICONS / source).read_text()
            # A transparent page with the SVG stretched to the viewport: the PNG keeps the rounded
            # corners of the "any" icon transparent.
            page.set_content(
                "<style>html,body{margin:0;background:transparent}svg{display:block;width:100vw;"
                f"height:100vh}}</style>{svg}"
            )
            page.screenshot(path=str(ICONS / target), omit_background=True)
            page.close()
            print(f"{target}: {size}x{size}")
        browser.close()


if __name__ == "__main__":
    main()
