"""How every command prints JSON: indented for a person at a terminal, compact for programs."""

from __future__ import annotations

import json
import sys
from typing import Any

import click


def echo_json(data: Any) -> None:
    """Print `data` as JSON (UTF-8 text, not \\u escapes).

    Piped output is one compact line: the indenting encoder is pure Python and took a fifth of
    `repbook exercises --json`'s time for no reader's benefit.
    """
    if sys.stdout.isatty():
        echo_json(data)
    else:
        click.echo(json.dumps(data, ensure_ascii=False, separators=(",", ":")))
