"""Render every exercise's position pictures into one contact sheet, to look at them all.

    python scripts/pose_sheet.py [SLUG ...] [--out docs/poses] [--no-png]

Writes `contact-sheet.html` and, through Playwright driving /usr/bin/chromium, one PNG per
page of 24 exercises (`contact-sheet-1.png`, ...). Problems found by `core.pose.check` are
printed and shown in red under the figure, so a wrong picture is hard to miss.
"""

from __future__ import annotations

import argparse
import html
import sys
from pathlib import Path

from repbook.catalog.files import CATALOG_DIR, CatalogError, read_exercise_file
from repbook.core.pose.check import pair_problems
from repbook.core.pose.scene import solve_pair
from repbook.core.pose.svg import draw_pair

PER_PAGE = 18
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run",
]  # fmt: skip
STYLE = """
body { font: 13px/1.3 system-ui, sans-serif; margin: 12px; color: #15191a; background: #fff; }
.page { display: grid; grid-template-columns: repeat(3, 1fr); gap: 10px; width: 1180px; }
.cell { border: 1px solid #d7dcdc; border-radius: 8px; padding: 6px; }
.cell h2 { font-size: 13px; margin: 0 0 4px; }
.pair { display: grid; grid-template-columns: 1fr 1fr; gap: 4px; }
.pair figure { margin: 0; text-align: center; font-size: 11px; color: #5b6566; }
.pose { width: 100%; height: auto; }
.bad { color: #b3261e; font-size: 11px; margin: 4px 0 0; }
.missing { color: #8a5a00; }
"""


def cell(slug: str) -> tuple[str, list[str]]:
    try:
        spec = read_exercise_file(CATALOG_DIR / f"{slug}.toml")
    except CatalogError as exc:
        return (
            f'<div class="cell"><h2>{html.escape(slug)}</h2><p class="bad">{html.escape(str(exc))}</p></div>',
            [str(exc)],
        )
    if spec.poses is None:
        return f'<div class="cell"><h2>{html.escape(spec.name)}</h2><p class="missing">no poses</p></div>', [
            "no poses"
        ]
    scenes = solve_pair(spec.poses)
    found = pair_problems(scenes)
    start, end = draw_pair(scenes, (spec.poses.start.base, spec.poses.end.base), spec.name, slug)
    figures = "".join(
        f"<figure>{p.svg}<figcaption>{html.escape(p.label)}</figcaption></figure>" for p in (start, end)
    )
    bad = "".join(f'<p class="bad">{html.escape(f)}</p>' for f in found)
    return (
        f'<div class="cell"><h2>{html.escape(spec.name)}</h2><div class="pair">{figures}</div>{bad}</div>',
        found,
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("slugs", nargs="*")
    parser.add_argument("--out", type=Path, default=Path("docs/poses"))
    parser.add_argument("--no-png", action="store_true")
    args = parser.parse_args()
    slugs = args.slugs or sorted(
        p.stem for p in CATALOG_DIR.glob("*.toml") if "\n[poses]" in p.read_text("utf-8")
    )
    pages, failing = [], 0
    for first in range(0, len(slugs), PER_PAGE):
        cells = []
        for slug in slugs[first : first + PER_PAGE]:
            markup, found = cell(slug)
            cells.append(markup)
            for f in found:
                print(f"{slug}: {f}")
            failing += bool(found)
        pages.append(f'<div class="page">{"".join(cells)}</div>')
    args.out.mkdir(parents=True, exist_ok=True)
    sheet = args.out / "contact-sheet.html"
    body = "".join(f'<section id="page-{i + 1}">{p}</section>' for i, p in enumerate(pages))
    sheet.write_text(
        f"<!doctype html><meta charset=utf-8><title>Position pictures</title><style>{STYLE}</style>{body}",
        encoding="utf-8",
    )
    if not args.no_png:
        screenshot(sheet, args.out, len(pages))
    print(f"{len(slugs)} exercises, {failing} with problems; sheet: {sheet}")
    return 1 if failing else 0


def screenshot(sheet: Path, out: Path, count: int) -> None:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1210, "height": 800})
        page.goto(sheet.resolve().as_uri())
        for i in range(count):
            page.locator(f"#page-{i + 1}").screenshot(path=str(out / f"contact-sheet-{i + 1}.png"))
        browser.close()


if __name__ == "__main__":
    sys.exit(main())
