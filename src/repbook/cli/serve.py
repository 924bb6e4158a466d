"""`repbook serve`: get the database ready and serve with gunicorn until interrupted."""

from __future__ import annotations

import gc
from pathlib import Path
from typing import Any

import click

from repbook.cli.context import friendly_errors, print_first_user, setup_django


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535))
@click.option("--workers", default=2, show_default=True, type=click.IntRange(1, 64), help="Worker processes.")
@click.option(
    "--threads",
    default=4,
    show_default=True,
    type=click.IntRange(1, 64),
    help="Threads per worker.",
)
@click.option("--access-log", is_flag=True, help="Print one line per request.")
@click.option(
    "--migrate/--no-migrate",
    default=None,
    help="Apply pending migrations before serving. Default: yes on SQLite and with one worker; "
    "with several workers on PostgreSQL, run `repbook migrate` first.",
)
def serve(host: str, port: int, workers: int, threads: int, access_log: bool, migrate: bool | None) -> None:
    """Get the database ready and serve Repbook.

    Creates the data directory on first start, applies pending migrations (see --migrate), loads
    the exercise catalog and programs when they changed, and creates the first account.
    """
    setup_django()
    from django.db import connections

    from repbook.services.system.bootstrap import create_first_user_if_none, ensure_ready
    from repbook.services.system.checks import cache_problems, configuration_problems, configuration_warnings
    from repbook.services.system.data_dir import data_location, prepare_data_dir

    prepare_data_dir()
    location = data_location()
    click.echo(f"Data directory: {location.data_dir}\nDatabase: {location.database}")
    problems = configuration_problems(host) + cache_problems()
    if problems:
        raise click.ClickException("refusing to start:\n  - " + "\n  - ".join(problems))
    for warning in configuration_warnings(host):
        click.echo(f"warning: {warning}", err=True)
    if migrate is None:
        # Several workers on PostgreSQL usually means several servers: migrating is the operator's step.
        migrate = location.is_sqlite or workers == 1
    with friendly_errors():
        ensure_ready(migrate=migrate)
        first = create_first_user_if_none()
    if first is not None:
        print_first_user(first.username, first.password)
    warm_up()
    # Forked workers must not share the master's database connection.
    connections.close_all()
    shown_host = f"[{host}]" if ":" in host else host
    click.echo(f"Repbook is running at http://{shown_host}:{port}/  (Ctrl-C to stop)")
    _run_gunicorn(
        {
            "bind": f"{shown_host}:{port}",
            "workers": workers,
            "threads": threads,
            "worker_class": "gthread",
            # Large imports run inside a request; give them time.
            "timeout": 120,
            "graceful_timeout": 10,
            "accesslog": "-" if access_log else None,
            "errorlog": "-",
            "loglevel": "warning",
            "post_worker_init": freeze_startup_objects,
        }
    )


def warm_up() -> None:
    """Build what Django otherwise builds on the first requests: the URL configuration (which
    imports the API, its schemas and the importers) and Repbook's templates, compiled."""
    from django.template.loader import get_template
    from django.urls import get_resolver

    import repbook.web

    get_resolver().reverse_dict  # noqa: B018  (imports the URL configuration and indexes it)
    templates = Path(repbook.web.__file__).parent / "templates"
    for path in sorted(templates.rglob("*.html")):
        get_template(path.relative_to(templates).as_posix())


def freeze_startup_objects(worker: Any = None) -> None:
    """Take what is alive once Repbook has started and warmed up (Django, the URL configuration and
    the API it imports, the catalog, compiled templates) out of the garbage collector's full passes,
    in the master before it forks and in each worker once it is ready. Those passes otherwise walk
    every one of these objects: a page that allocates much (a ten-year history) paid a full pass
    every few requests, its p95 twice its median. What the first requests still build (a few
    thousand objects) stays collectable."""
    gc.collect()
    gc.freeze()


def _run_gunicorn(options: dict[str, Any]) -> None:
    from gunicorn.app.base import BaseApplication

    from repbook.wsgi import application

    class RepbookServer(BaseApplication):  # type: ignore[misc]
        def load_config(self) -> None:
            for key, value in options.items():
                if value is not None:
                    self.cfg.set(key, value)

        def load(self) -> Any:
            return application

    freeze_startup_objects()
    RepbookServer().run()
