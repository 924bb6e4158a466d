"""Make the README's pictures again: a real `repbook serve`, a lifter with a year of training, and
Debian's Chromium on a phone-sized screen.

    .venv/bin/python scripts/screenshots.py [--out docs/screenshots]

Writes `workout.png` (today's back workout, half done), `exercise.png` (the back extension's
page) and `next.png` (the program's next workout with its reasons). Needs /usr/bin/chromium and
the test extras (Playwright); downloads nothing.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.server import ServerConfig, server_env, serving  # noqa: E402
from tests.e2e.conftest import CHROMIUM, CHROMIUM_ARGS, PHONE  # noqa: E402  (the browser tests' own)

USER, PASSWORD = "demo1", "bench-password-123"  # bench/generate.py's user and password


def repbook(config: ServerConfig, *args: str) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "repbook", *args], env=server_env(config), capture_output=True, text=True
    )
    if done.returncode != 0:
        raise SystemExit(f"repbook {' '.join(args)} failed:\n{done.stderr}")
    return done.stdout


def prepare(config: ServerConfig) -> None:
    """A lifter with a year of history who follows the back workout and is halfway through it."""
    generate = [sys.executable, str(ROOT / "bench" / "generate.py"), "--prefix", "demo", "--years", "1"]
    subprocess.run([*generate, "--users", "1"], env=server_env(config), check=True, capture_output=True)
    repbook(config, "program", "start", "back-workout", "--user", USER)
    repbook(config, "next", "--start", "--user", USER)
    for line in ("Deadlift 60kg x 5", "Deadlift 100kg x 5,5,5", "Pull-up 3x8"):
        repbook(config, "log", line, "--user", USER)


def shoot(base_url: str, out: Path) -> None:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=CHROMIUM_ARGS,
        )
        page = browser.new_context(
            viewport=PHONE, base_url=base_url, has_touch=True, device_scale_factor=2
        ).new_page()
        page.goto("/login/")
        page.get_by_label("Username").fill(USER)
        page.get_by_label("Password").fill(PASSWORD)
        page.get_by_role("button", name="Log in").click()
        page.wait_for_url("**/")
        page.get_by_role("link", name="Resume workout").first.click()
        page.wait_for_load_state("networkidle")
        page.screenshot(path=out / "workout.png")
        page.goto("/exercises/back-extension/")
        page.screenshot(path=out / "exercise.png")
        page.goto("/programs/next/")
        page.screenshot(path=out / "next.png")
        browser.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="repbook-shots-") as data_dir:
        config = ServerConfig(Path(data_dir))
        repbook(config, "migrate")
        prepare(config)
        with serving(config) as server:
            shoot(server.base_url, args.out)
    for name in ("workout", "exercise", "next"):
        print(args.out / f"{name}.png")


if __name__ == "__main__":
    main()
