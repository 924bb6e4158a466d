"""`repbook serve` takes its start-up objects out of the garbage collector's full passes, in the
master and in every worker (gunicorn's post_worker_init), so a heavy page's p95 is not a full
pass over Django and the catalog."""

from __future__ import annotations

import gc
from typing import Any

import pytest

from repbook.cli import serve


def test_freezing_moves_what_is_alive_out_of_the_collectors_reach() -> None:
    before = gc.get_freeze_count()
    kept = [object() for _ in range(1000)]
    try:
        serve.freeze_startup_objects(worker=None)
        assert gc.get_freeze_count() >= before + len(kept)
    finally:
        gc.unfreeze()


def test_every_worker_freezes_once_it_is_ready(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: dict[str, Any] = {}
    monkeypatch.setattr(serve, "_run_gunicorn", seen.update)
    monkeypatch.setattr("repbook.services.system.bootstrap.ensure_ready", lambda migrate: None)
    monkeypatch.setattr("repbook.services.system.bootstrap.create_first_user_if_none", lambda: None)
    result = serve.serve.main(["--workers", "1"], standalone_mode=False)
    assert result is None
    assert seen["post_worker_init"] is serve.freeze_startup_objects


def test_the_warm_up_compiles_every_template_and_imports_the_urls() -> None:
    """What the first requests would otherwise build, before the freeze: a template that does not
    compile fails here, not on a lifter's first visit."""
    from django.template.loader import get_template

    serve.warm_up()
    assert get_template("web/exercises/detail.html").template.nodelist
