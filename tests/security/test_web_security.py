"""Web security: cookies over HTTPS, security headers on every kind of response, no inline script,
log-in and sign-up throttling, no user enumeration, password rules, API tokens stored hashed.

CSRF on every form is tested elsewhere (tests/security, by form).
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from axes.models import AccessAttempt
from click.testing import CliRunner
from django.conf import settings
from django.db import connection
from django.test import Client

from repbook.cli import main
from repbook.services.account.accounts import create_token
from repbook.storage.models import User
from repbook.web.views.accounts import REGISTRATIONS_PER_HOUR
from tests.conftest import PASSWORD, ApiClient

TEMPLATES = Path(__file__).parents[2] / "src" / "repbook" / "web" / "templates"
WRONG = "not-the-password-at-all"


def env_without_repbook(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DATABASE_URL", "REPBOOK_", "DJANGO_"))}
    return env | extra


# --- Cookies and HSTS when served over HTTPS (settings are read at import: a fresh process) -------

HTTPS_SCRIPT = """
import json, os
os.environ["DJANGO_SETTINGS_MODULE"] = "repbook.settings"
import django
django.setup()
from django.core.management import call_command
from django.test import Client
from repbook.services.account.accounts import create_user

call_command("migrate", verbosity=0)
create_user("alice", PASSWORD)
host = {"HTTP_HOST": "gym.example.org"}
proxied = host | {"HTTP_X_FORWARDED_PROTO": "https"}
client = Client(enforce_csrf_checks=True)
page = client.get("/login/", **proxied)
login = client.post(
    "/login/",
    {"username": "alice", "password": PASSWORD, "csrfmiddlewaretoken": page.cookies["csrftoken"].value},
    HTTP_ORIGIN="https://gym.example.org",
    HTTP_REFERER="https://gym.example.org/login/",
    **proxied,
)
plain = Client().get("/login/", **host)


def cookie(morsel):
    return {"secure": bool(morsel["secure"]), "httponly": bool(morsel["httponly"]),
            "samesite": morsel["samesite"]}


print(json.dumps({
    "login_status": login.status_code,
    "session": cookie(login.cookies["sessionid"]),
    "csrf": cookie(login.cookies["csrftoken"]),
    "hsts": login.headers.get("Strict-Transport-Security"),
    "plain_status": plain.status_code,
    "plain_hsts": plain.headers.get("Strict-Transport-Security"),
}))
"""


@pytest.mark.slow
def test_over_https_cookies_are_secure_and_hsts_is_sent(tmp_path: Path) -> None:
    env = env_without_repbook(
        REPBOOK_DATA_DIR=str(tmp_path), REPBOOK_HTTPS="1", REPBOOK_ALLOWED_HOSTS="gym.example.org"
    )
    script = f"PASSWORD = {PASSWORD!r}\n{HTTPS_SCRIPT}"
    result = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    seen = json.loads(result.stdout.strip().splitlines()[-1])
    assert seen["login_status"] == 302, "the log-in over the proxy (X-Forwarded-Proto: https) went through"
    assert seen["session"] == {"secure": True, "httponly": True, "samesite": "Lax"}
    assert seen["csrf"]["secure"] is True
    assert seen["hsts"] and seen["hsts"].startswith("max-age=") and int(seen["hsts"][8:]) >= 30 * 86400
    # No redirect to https is forced (the proxy does that); HSTS only on requests that came over https.
    assert seen["plain_status"] == 200
    assert seen["plain_hsts"] is None


@pytest.mark.django_db
def test_over_plain_http_cookies_are_not_marked_secure(alice: User) -> None:
    client = Client()
    page = client.get("/login/")
    login = client.post("/login/", {"username": "alice", "password": PASSWORD})
    assert login.status_code == 302
    assert not settings.HTTPS
    assert page.cookies["csrftoken"]["secure"] == ""
    assert login.cookies["sessionid"]["secure"] == ""
    assert login.cookies["sessionid"]["httponly"] is True
    assert "Strict-Transport-Security" not in login.headers


# --- Security headers on every kind of response --------------------------------------------------


def csp_directives(header: str) -> dict[str, list[str]]:
    directives = [part.split() for part in header.split(";") if part.strip()]
    return {d[0]: d[1:] for d in directives}


def lockout_response() -> Any:
    client = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post("/login/", {"username": "alice", "password": WRONG})
    return client.post("/login/", {"username": "alice", "password": WRONG})


RESPONSES: dict[str, tuple[Callable[[User], Any], int]] = {
    "html page": (lambda u: logged_in(u).get("/exercises/"), 200),
    "login page": (lambda u: Client().get("/login/"), 200),
    "404 page": (lambda u: logged_in(u).get("/no-such-page/"), 404),
    "stylesheet": (lambda u: Client().get("/static/repbook/app.css"), 200),
    "svg": (lambda u: Client().get("/static/repbook/icon.svg"), 200),
    "api json": (lambda u: ApiClient(create_token(u, "t").secret).get("/api/v1/me"), 200),
    "api error": (lambda u: Client().get("/api/v1/me"), 401),
    "api docs": (lambda u: Client().get("/api/v1/docs"), 200),
    "admin login": (lambda u: Client().get("/admin/login/"), 200),
    "lockout page": (lambda u: lockout_response(), 429),
}


def logged_in(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.mark.django_db
@pytest.mark.parametrize("kind", list(RESPONSES))
def test_every_kind_of_response_carries_the_security_headers(kind: str, alice: User) -> None:
    fetch, status = RESPONSES[kind]
    response = fetch(alice)
    assert response.status_code == status
    csp = csp_directives(response.headers["Content-Security-Policy"])
    assert csp["script-src"] == ["'self'"] and csp["default-src"] == ["'self'"]
    assert csp["frame-ancestors"] == ["'none'"] and csp["object-src"] == ["'none'"]
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "same-origin"
    assert response.headers["X-Frame-Options"] == "DENY"


# --- No inline script or style in the templates (the policy would block them) --------------------

INLINE = {
    "an inline <script> body": re.compile(r"<script\b[^>]*>(?!\s*</script>)", re.IGNORECASE),
    "an on* event attribute": re.compile(r"<[^>]*\son[a-z]+\s*=", re.IGNORECASE),
    "a style= attribute": re.compile(r"<[^>]*\sstyle\s*=", re.IGNORECASE),
    "a <style> element": re.compile(r"<style\b", re.IGNORECASE),
    "a javascript: URL": re.compile(r"javascript:", re.IGNORECASE),
    "an hx-on attribute": re.compile(r"<[^>]*\shx-on", re.IGNORECASE),
}


def inline_code(text: str) -> list[str]:
    return [name for name, pattern in INLINE.items() if pattern.search(text)]


@pytest.mark.parametrize(
    ("snippet", "found"),
    [
        ('<script src="/static/repbook/app.js" defer></script>', []),
        ("<script>alert(1)</script>", ["an inline <script> body"]),
        ('<script type="module">\n  go()\n</script>', ["an inline <script> body"]),
        ('<button onclick="go()">', ["an on* event attribute"]),
        ('<div\n  class="x"\n  style="color: red">', ["a style= attribute"]),
        ("<style>p { color: red }</style>", ["a <style> element"]),
        ('<a href="javascript:go()">', ["a javascript: URL"]),
        ('<form hx-on::after-request="go()">', ["an hx-on attribute"]),
        ('<p class="one">Button on one side</p>', []),
    ],
)
def test_the_template_scan_finds_inline_code(snippet: str, found: list[str]) -> None:
    assert inline_code(snippet) == found


def test_no_template_holds_inline_script_or_style() -> None:
    templates = sorted(TEMPLATES.rglob("*.html"))
    assert len(templates) > 20, f"expected the web templates in {TEMPLATES}"
    offenders = {str(p.relative_to(TEMPLATES)): inline_code(p.read_text()) for p in templates}
    assert {name: found for name, found in offenders.items() if found} == {}


# --- Log-in throttling ---------------------------------------------------------------------------


def fail_logins(client: Client, username: str, times: int, path: str = "/login/") -> None:
    """Fail `times` log-ins (fewer than the limit): each is refused with the form, not locked."""
    for _ in range(times):
        response = client.post(path, {"username": username, "password": WRONG})
        assert response.status_code == 200, "refused, not yet locked"


def without_csrf_tokens(content: bytes) -> bytes:
    return re.sub(rb'(csrfmiddlewaretoken" value=|X-CSRFToken": )"[^"]+"', b"", content)


@pytest.mark.django_db
def test_an_unknown_user_name_is_locked_out_exactly_like_a_real_one(alice: User) -> None:
    locking, locked = {}, {}
    for name in ("alice", "nobody"):
        client = Client()
        fail_logins(client, name, settings.AXES_FAILURE_LIMIT - 1)
        locking[name] = client.post("/login/", {"username": name, "password": WRONG})
        locked[name] = client.post("/login/", {"username": name, "password": PASSWORD})
    for responses in (locking, locked):
        assert responses["alice"].status_code == responses["nobody"].status_code == 429
        assert b"Too many failed log-ins" in responses["alice"].content
        assert without_csrf_tokens(responses["alice"].content) == without_csrf_tokens(
            responses["nobody"].content
        )


@pytest.mark.django_db
def test_a_successful_log_in_clears_the_failures(alice: User) -> None:
    client = Client()
    for _ in range(2):
        fail_logins(client, "alice", settings.AXES_FAILURE_LIMIT - 1)
        assert client.post("/login/", {"username": "alice", "password": PASSWORD}).status_code == 302
        client.post("/logout/")


@pytest.mark.django_db
def test_the_lock_out_lifts_after_the_cool_off(alice: User) -> None:
    client = Client()
    fail_logins(client, "alice", settings.AXES_FAILURE_LIMIT - 1)
    assert client.post("/login/", {"username": "alice", "password": WRONG}).status_code == 429
    assert client.post("/login/", {"username": "alice", "password": PASSWORD}).status_code == 429
    cool_off = timedelta(hours=settings.AXES_COOLOFF_TIME)
    assert timedelta(minutes=5) <= cool_off <= timedelta(hours=1)
    # Let the cool-off pass by moving the recorded failures back in time.
    for attempt in AccessAttempt.objects.all():
        AccessAttempt.objects.filter(pk=attempt.pk).update(attempt_time=attempt.attempt_time - cool_off)
    assert client.post("/login/", {"username": "alice", "password": PASSWORD}).status_code == 302


@pytest.mark.django_db
def test_the_admin_log_in_shares_the_same_throttle(make_user: Callable[..., User]) -> None:
    make_user("root", admin=True)
    client = Client()
    fail_logins(client, "root", 2)
    fail_logins(client, "root", settings.AXES_FAILURE_LIMIT - 3, path="/admin/login/")
    assert client.post("/admin/login/", {"username": "root", "password": WRONG}).status_code == 429
    for path in ("/admin/login/", "/login/"):
        locked = client.post(path, {"username": "root", "password": PASSWORD})
        assert locked.status_code == 429, path
    assert "_auth_user_id" not in client.session


# --- No user enumeration through registration; registration throttling ---------------------------


def register(client: Client, username: str, **extra: Any) -> Any:
    return client.post(
        "/register/", {"username": username, "password": PASSWORD, "password_again": PASSWORD}, **extra
    )


@pytest.mark.django_db
def test_a_taken_name_and_an_invalid_name_read_the_same(alice: User) -> None:
    errors = {}
    for name in ("alice", "ALICE", "bad name!", "x" * 149 + "?"):
        response = register(Client(), name)
        assert response.status_code == 200
        errors[name] = response.context["form"].errors.get_json_data()
    assert len({json.dumps(e, sort_keys=True) for e in errors.values()}) == 1
    assert errors["alice"] == {
        "username": [{"message": "This user name cannot be used; choose another.", "code": ""}]
    }
    assert User.objects.count() == 1


@pytest.mark.django_db
def test_registration_is_throttled_per_address(alice: User) -> None:
    client = Client()
    assert client.get("/register/").status_code == 200, "looking at the form does not count"
    for attempt in range(REGISTRATIONS_PER_HOUR - 1):
        assert register(client, "alice").status_code == 200, attempt
    assert register(client, "erin").status_code == 302, "the tenth attempt still counts"
    client.post("/logout/")
    refused = register(client, "frank")
    assert refused.status_code == 429
    assert b"Too many sign-up attempts" in refused.content
    assert not User.objects.filter(username="frank").exists()
    other = register(Client(), "frank", REMOTE_ADDR="10.1.2.3")
    assert other.status_code == 302, "another address has its own count"


@pytest.mark.django_db
def test_the_registration_count_is_shared_by_worker_processes(alice: User) -> None:
    cache = settings.CACHES["default"]
    assert cache["BACKEND"] == "django.core.cache.backends.filebased.FileBasedCache"
    assert Path(cache["LOCATION"]).parent == Path(settings.DATA_DIR)
    # Another process (as a second gunicorn worker would) uses up the address's attempts.
    script = (
        "import django, os; os.environ['DJANGO_SETTINGS_MODULE'] = 'repbook.settings'; django.setup()\n"
        "from repbook.web.views.accounts import REGISTRATIONS_PER_HOUR, registration_attempts\n"
        "for _ in range(REGISTRATIONS_PER_HOUR): registration_attempts('10.9.8.7')\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert register(Client(), "erin", REMOTE_ADDR="10.9.8.7").status_code == 429
    assert register(Client(), "erin", REMOTE_ADDR="10.9.8.8").status_code == 302


# --- Passwords -----------------------------------------------------------------------------------


def run_cli(*args: str, input: str | None = None) -> Any:
    return CliRunner().invoke(main, list(args), input=input, catch_exceptions=False)


@pytest.mark.django_db(transaction=True)
def test_the_cli_refuses_common_and_short_passwords_and_hashes_with_argon2() -> None:
    common = run_cli("user", "create", "frank", "--password-stdin", input="iloveyou\n")
    assert common.exit_code == 1
    assert "Error: This password is too common." in common.output and "Traceback" not in common.output
    assert not User.objects.filter(username="frank").exists()
    assert run_cli("user", "create", "frank", "--password-stdin", input=f"{PASSWORD}\n").exit_code == 0
    before = User.objects.get(username="frank").password
    assert before.startswith("argon2$")
    for weak, reason in (("abc", "too short"), ("12345678", "too common"), ("frank123", "too similar")):
        refused = run_cli("user", "password", "frank", "--password-stdin", input=f"{weak}\n")
        assert refused.exit_code == 1 and reason in refused.output, refused.output
        assert User.objects.get(username="frank").password == before


def test_passwords_are_hashed_with_argon2_first() -> None:
    assert settings.PASSWORD_HASHERS[0] == "django.contrib.auth.hashers.Argon2PasswordHasher"


# --- API tokens ----------------------------------------------------------------------------------


@pytest.mark.django_db
def test_no_column_of_any_table_holds_a_token_secret(alice: User) -> None:
    browser = Client()
    browser.force_login(alice)
    secret = browser.post("/api/v1/tokens", {"name": "watch"}, content_type="application/json").json()[
        "token"
    ]
    assert ApiClient(secret).get("/api/v1/me").status_code == 200
    # The first ten characters are kept as the hint that tells tokens apart; the rest never is.
    hidden = secret[10:]
    tables = connection.introspection.table_names()
    assert "storage_apitoken" in tables
    found = []
    with connection.cursor() as cursor:
        for table in tables:
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")
            for row in cursor.fetchall():
                found += [table for value in row if value is not None and hidden in str(value)]
    assert found == []


@pytest.mark.django_db
@pytest.mark.parametrize("change", ["deactivate", "delete"])
def test_a_token_of_an_inactive_or_deleted_user_gets_401(change: str, make_user: Callable[..., User]) -> None:
    erin = make_user("erin")
    api = ApiClient(create_token(erin, "script").secret)
    assert api.get("/api/v1/me").status_code == 200
    if change == "deactivate":
        User.objects.filter(pk=erin.pk).update(is_active=False)
    else:
        erin.delete()
    refused = api.get("/api/v1/me")
    assert refused.status_code == 401
    assert refused.json() == {"detail": "Authentication required: send a valid Bearer token."}
