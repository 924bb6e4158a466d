"""Give generated users API tokens, for the load runner: prints {"user": "token", ...} as JSON.

    python bench/tokens.py bench1 gym1 gym2 ...

Uses the configured database (REPBOOK_DATA_DIR or DATABASE_URL), as `repbook token create` would,
but in one process for many users.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import django
from django.apps import apps

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "repbook.settings")
if not apps.ready:
    django.setup()

from repbook.services.accounts import create_token
from repbook.storage.models import User


def tokens_for(usernames: list[str]) -> dict[str, str]:
    users = {user.username: user for user in User.objects.filter(username__in=usernames)}
    missing = sorted(set(usernames) - set(users))
    if missing:
        raise SystemExit(f"no such users: {', '.join(missing)} (run bench/generate.py first)")
    return {name: create_token(users[name], "load runner").secret for name in usernames}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("usernames", nargs="+")
    args = parser.parse_args(argv)
    print(json.dumps(tokens_for(args.usernames)))


if __name__ == "__main__":
    main()
