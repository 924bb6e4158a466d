"""What users install: the built wheel and sdist hold every file of the package, and the wheel,
installed into a fresh virtualenv and run from outside the source tree, serves a working Repbook.

`scripts/test` builds both into REPBOOK_TEST_DIST (its "wheel" step) and runs this module; a plain
pytest run skips it, since an editable install cannot show a missing data file.
"""

from __future__ import annotations

import json
import os
import re
import signal
import socket
import subprocess
import tarfile
import time
import tomllib
import urllib.request
import venv
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "src" / "repbook"
DIST = os.environ.get("REPBOOK_TEST_DIST", "")
VERSION = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["version"]

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not DIST, reason="scripts/test builds the wheel and sets REPBOOK_TEST_DIST"),
]


def package_files() -> set[str]:
    """Every file of the source package as a path in the wheel (repbook/...), caches left out."""
    return {
        f"repbook/{path.relative_to(PACKAGE).as_posix()}"
        for path in PACKAGE.rglob("*")
        if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc"
    }


def built(pattern: str) -> Path:
    (found,) = Path(DIST).glob(pattern)
    return found


def test_the_wheel_holds_every_file_of_the_package() -> None:
    with zipfile.ZipFile(built(f"repbook-{VERSION}-*.whl")) as wheel:
        names = set(wheel.namelist())
    missing = sorted(package_files() - names)
    assert not missing, f"{len(missing)} files of src/repbook are not in the wheel: {missing[:10]}"
    for kind in ("catalog/exercises/", "programs/builtin/", "web/templates/", "web/static/"):
        assert any(name.startswith(f"repbook/{kind}") for name in names), kind


def test_the_sdist_holds_every_file_of_the_package() -> None:
    with tarfile.open(built(f"repbook-{VERSION}.tar.gz")) as sdist:
        names = {re.sub(r"^repbook-[^/]+/src/", "", name) for name in sdist.getnames()}
    missing = sorted(package_files() - names)
    assert not missing, f"{len(missing)} files of src/repbook are not in the sdist: {missing[:10]}"


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh virtualenv with the wheel installed (not editable); its bin folder."""
    env_dir = tmp_path_factory.mktemp("installed") / "venv"
    venv.create(env_dir, with_pip=True)
    pip = subprocess.run(
        [env_dir / "bin" / "python", "-m", "pip", "install", "--quiet", built("repbook-*.whl")],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert pip.returncode == 0, pip.stderr
    return env_dir / "bin"


@pytest.fixture
def outside(tmp_path: Path) -> dict[str, str]:
    """An environment that cannot see the source tree: its own data dir, no PYTHONPATH."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DATABASE_URL", "REPBOOK_", "PYTHON"))}
    return env | {"REPBOOK_DATA_DIR": str(tmp_path / "data"), "HOME": str(tmp_path)}


def run(bin_dir: Path, cwd: Path, env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        [bin_dir / "repbook", *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=180
    )
    assert result.returncode == 0, f"repbook {' '.join(args)}: {result.stderr}"
    return result


def test_the_installed_command_runs_from_the_wheel_not_the_source(
    installed: Path, tmp_path: Path, outside: dict[str, str]
) -> None:
    assert run(installed, tmp_path, outside, "--version").stdout.strip() == f"repbook, version {VERSION}"
    where = subprocess.run(
        [installed / "python", "-c", "import repbook; print(repbook.__file__)"],
        cwd=tmp_path, env=outside, capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    assert str(installed.parent) in where and str(ROOT) not in where


def test_the_installed_repbook_has_its_programs_exercises_and_pages(
    installed: Path, tmp_path: Path, outside: dict[str, str]
) -> None:
    run(installed, tmp_path, outside, "migrate")
    programs = json.loads(run(installed, tmp_path, outside, "programs", "--json").stdout)
    assert len(programs) == 7, [p["slug"] for p in programs]
    exercises = json.loads(run(installed, tmp_path, outside, "exercises", "--json").stdout)
    assert len(exercises) >= 164
    page = json.loads(run(installed, tmp_path, outside, "exercise", "back-extension", "--json").stdout)
    assert page["steps"] and page["faq"]


@pytest.fixture
def server(installed: Path, tmp_path: Path, outside: dict[str, str]) -> Iterator[str]:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    process = subprocess.Popen(
        [installed / "repbook", "serve", "--port", str(port), "--workers", "1"],
        cwd=tmp_path, env=outside, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and process.poll() is None:
            try:
                urllib.request.urlopen(f"{base}/healthz", timeout=2)
                break
            except OSError:
                time.sleep(0.2)
        yield base
    finally:
        process.send_signal(signal.SIGINT)
        output, _ = process.communicate(timeout=30)
        assert "Traceback" not in output, output


def get(url: str) -> tuple[int, str]:
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.status, response.read().decode(errors="replace")


def test_the_installed_server_answers_and_renders_pages_with_their_static_files(server: str) -> None:
    status, health = get(f"{server}/healthz")
    assert status == 200 and json.loads(health)["status"] == "ok"
    status, page = get(f"{server}/exercises/back-extension/")
    assert status == 200 and "Back Extension" in page
    stylesheets = re.findall(r'href="(/static/[^"]+\.css)"', page)
    scripts = re.findall(r'src="(/static/[^"]+\.js)"', page)
    assert stylesheets and scripts
    for path in stylesheets + scripts:
        assert get(f"{server}{path}")[0] == 200, path
    status, login = get(f"{server}/login/")
    assert status == 200 and "Log in" in login
    status, docs = get(f"{server}/api/v1/docs")
    assert status == 200
    for path in re.findall(r'(?:href|src)="(/static/ninja/[^"]+)"', docs):
        assert get(f"{server}{path}")[0] == 200, path
