"""Django settings for Repbook: the only module that reads the environment.

Environment variables (all optional):
  REPBOOK_DATA_DIR       where the SQLite database and the generated secret key live
                         (default: the platform's user data directory, e.g. ~/.local/share/repbook)
  DATABASE_URL           use this database instead of SQLite, e.g. postgres://user@host/repbook
  REPBOOK_SECRET_KEY     secret key; by default one is generated once and kept in the data dir
  REPBOOK_DEBUG          1/true to turn on debug pages (never on a public host)
  REPBOOK_ALLOWED_HOSTS  comma-separated host names served (default: localhost names)
  REPBOOK_HTTPS          1/true when served over HTTPS (secure cookies, HSTS, proxy header)
  REPBOOK_TIME_ZONE      the server's time zone for dates (default: UTC)
  REPBOOK_EMAIL_URL      SMTP server for password-reset mail, e.g. smtp+tls://user:pass@host:587
  REPBOOK_EMAIL_FROM     sender of that mail (default: repbook@ the first public allowed host)
  REPBOOK_TRUSTED_PROXIES  addresses or networks of reverse proxies whose X-Forwarded-For is believed
  REPBOOK_CACHE_URL      Redis for throttle counters shared by several machines (default: files)
  REPBOOK_API_RATE       API requests per minute per account (default 600)
  REPBOOK_API_ANONYMOUS_RATE  API requests per minute per address without an account (default 120)
  REPBOOK_WORKOUT_IDLE_HOURS
                         an open workout that saw no set for this many hours is closed by itself,
                         at its last set's time (default: 6)
"""

from __future__ import annotations

import importlib.util
import os
import secrets
from pathlib import Path
from urllib.parse import unquote, urlsplit

import dj_database_url
import django_stubs_ext
import platformdirs
from django.core.exceptions import ImproperlyConfigured

from repbook.core.client_address import parse_networks

# Lets generic Django classes (ModelAdmin[Model], QuerySet[Model]) be subscripted at run time.
django_stubs_ext.monkeypatch()

TRUE_WORDS = {"1", "true", "yes", "on"}
LOOPBACK_HOSTS = ["localhost", "127.0.0.1", "[::1]", "::1"]
#: Secret keys that are known, published or placeholders; `repbook check` and serve refuse them.
WEAK_SECRET_KEYS = {"", "changeme", "change-me", "secret", "django-insecure", "repbook"}
SECRET_KEY_FILE_NAME = "secret_key"


def _flag(name: str) -> bool:
    return os.environ.get(name, "").strip().lower() in TRUE_WORDS


def _data_dir() -> Path:
    # Only read here: `repbook serve` and `repbook migrate` create the folder (services/system/data_dir.py),
    # so a command run with the wrong REPBOOK_DATA_DIR cannot leave a second, empty Repbook behind.
    configured = os.environ.get("REPBOOK_DATA_DIR", "").strip()
    return Path(configured).expanduser() if configured else Path(platformdirs.user_data_dir("repbook"))


def _secret_key(data_dir: Path) -> tuple[str, str]:
    """The secret key, and why the data dir's key file could not be used ("" when it could).

    Without REPBOOK_SECRET_KEY and before the key file exists, a throwaway key lets read-only
    commands start; `repbook serve` writes the key file first and then uses it.
    """
    configured = os.environ.get("REPBOOK_SECRET_KEY")
    if configured is not None:
        return configured, ""
    key_file = data_dir / SECRET_KEY_FILE_NAME
    try:
        return key_file.read_text().strip(), ""
    except FileNotFoundError:
        return secrets.token_urlsafe(50), ""
    except OSError as exc:
        # A throwaway key lets every command start and say what is wrong; serve refuses to run on it.
        return secrets.token_urlsafe(50), f"the secret key file {key_file} cannot be used: {exc.strerror}"


def _hours(name: str, default: float) -> float:
    raw = os.environ.get(name, "").strip()
    if not raw:
        return default
    try:
        hours = float(raw)
    except ValueError:
        hours = 0.0
    if not 0 < hours <= 7 * 24:
        raise ImproperlyConfigured(f"{name} must be a number of hours above 0 and at most 168, not {raw!r}")
    return hours


DATA_DIR = _data_dir()
DATA_DIR_CONFIGURED = bool(os.environ.get("REPBOOK_DATA_DIR", "").strip())
SECRET_KEY, SECRET_KEY_PROBLEM = _secret_key(DATA_DIR)
SECRET_KEY_CONFIGURED = "REPBOOK_SECRET_KEY" in os.environ
DEBUG = _flag("REPBOOK_DEBUG")
HTTPS = _flag("REPBOOK_HTTPS")
ALLOWED_HOSTS = [
    h.strip()
    for h in os.environ.get("REPBOOK_ALLOWED_HOSTS", ",".join(LOOPBACK_HOSTS)).split(",")
    if h.strip()
]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_htmx",
    "axes",
    "repbook.storage",
    "repbook.catalog",
    "repbook.programs",
    "repbook.web",
]

MIDDLEWARE = [
    "repbook.web.timing.ServerTimingMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Before WhiteNoise, so static files carry the same headers as pages.
    "repbook.web.middleware.SecurityHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "repbook.web.middleware.TemporaryPasswordMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "repbook.web.middleware.OfflineCopyMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "repbook.urls"
WSGI_APPLICATION = "repbook.wsgi.application"


# django-ninja's templates and static files for the API docs, found without importing ninja
# (an installed app is imported by every command; see api/docs.py).
def _package_dir(name: str) -> Path:
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        raise ImproperlyConfigured(f"the {name} package is not installed; reinstall Repbook")
    return Path(next(iter(spec.submodule_search_locations)))


_NINJA_DIR = _package_dir("ninja")

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [_NINJA_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "repbook.web.context.site",
            ],
        },
    }
]

SQLITE_PATH = DATA_DIR / "repbook.sqlite3"
DATABASE_URL = os.environ.get("DATABASE_URL", "").strip()
if DATABASE_URL:
    try:
        DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=60, conn_health_checks=True)}
    except ValueError as exc:
        raise ImproperlyConfigured(
            f"DATABASE_URL is not a database URL Repbook can use ({exc}); "
            "write it like postgres://USER:PASSWORD@HOST:5432/NAME"
        ) from exc
    if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
        # Repbook's queries are index walks of a few hundred rows at most: PostgreSQL's parallel
        # workers and JIT compilation cost more to start than such a query takes (a program's next
        # workout: 7.5 ms with two workers, 2.4 ms without). Options given in the URL
        # (?options=-c%20...) come after these, so they win.
        _options = DATABASES["default"].setdefault("OPTIONS", {})
        _options["options"] = " ".join(
            ["-c max_parallel_workers_per_gather=0 -c jit=off", str(_options.get("options", ""))]
        ).strip()
        # Prepared statements on: storage.prepared asks for them on the hot path's statements. The
        # threshold is one no query reaches, so psycopg prepares nothing else on its own (Django's
        # other queries bind on the client and are never prepared anyway).
        _options.setdefault("prepare_threshold", 2**31 - 1)
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": str(SQLITE_PATH),
            # Keep each worker thread's connection between requests: a new one per request re-reads
            # the schema and starts with a cold page cache, which doubled the time of the big pages.
            "CONN_MAX_AGE": 600,
            "CONN_HEALTH_CHECKS": True,
            "OPTIONS": {
                # Wait for a lock rather than fail at once when several workers write.
                "timeout": 20,
                # BEGIN IMMEDIATE takes the write lock up front, so two writers never deadlock
                # upgrading read locks; WAL lets readers go on while one writes.
                "transaction_mode": "IMMEDIATE",
                # synchronous=FULL: a commit waits for the log to reach the disk, so a set Repbook
                # acknowledged survives a power cut as well as a crash, as on PostgreSQL. A phone
                # drops a set from its outbox once the server has acknowledged it: with NORMAL, a
                # power cut could lose the last sets for good. It costs one sync per write
                # (about half a millisecond a set on the bench machine, docs/performance.md).
                "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;",
            },
            # Tests use a real file too (not shared-cache memory), so concurrency behaves as served.
            "TEST": {"NAME": str(DATA_DIR / "test-repbook.sqlite3")},
        }
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "storage.User"

PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 8},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

# Login throttling: five failures for a user name from one address lock it for 15 minutes.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = 0.25  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_VERBOSE = False

# Behind a reverse proxy every request comes from the proxy's address: only the proxies listed
# here may tell the client's address (X-Forwarded-For). Log-in and sign-up throttling and the API's
# rate limits all read it through services/system/client_address.py.
try:
    TRUSTED_PROXIES = parse_networks(os.environ.get("REPBOOK_TRUSTED_PROXIES", ""))
except ValueError as exc:
    raise ImproperlyConfigured(f"REPBOOK_TRUSTED_PROXIES: {exc}") from exc
AXES_CLIENT_IP_CALLABLE = "repbook.services.system.client_address.request_client_address"

# Throttle counters (sign-up, API) must be shared by every worker process, and by every machine
# when several serve one database: Redis with REPBOOK_CACHE_URL, else files in the data dir (all
# workers of one machine; a per-process memory cache would multiply the limits).
CACHE_URL = os.environ.get("REPBOOK_CACHE_URL", "").strip()
if CACHE_URL:
    if urlsplit(CACHE_URL).scheme not in ("redis", "rediss", "unix"):
        raise ImproperlyConfigured(
            "REPBOOK_CACHE_URL is not a Redis URL; write it like redis://127.0.0.1:6379/0"
        )
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": CACHE_URL,
            "KEY_PREFIX": "repbook",
            "OPTIONS": {"socket_connect_timeout": 2, "socket_timeout": 2},
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(DATA_DIR / "cache"),
        }
    }


def _rate(name: str, default: int) -> int:
    raw = os.environ.get(name, "").strip()
    try:
        value = int(raw) if raw else default
    except ValueError:
        value = 0
    if value < 1:
        raise ImproperlyConfigured(f"{name} must be a whole number of requests per minute, like {default}")
    return value


#: API requests per minute: per account, and per address for requests without an account.
API_RATE_PER_USER = _rate("REPBOOK_API_RATE", 600)
API_RATE_PER_ADDRESS = _rate("REPBOOK_API_ANONYMOUS_RATE", 120)


def _email_settings(url: str) -> dict[str, object]:
    """Django's SMTP settings from REPBOOK_EMAIL_URL: smtp:// (plain), smtp+tls:// (STARTTLS), smtps://."""
    parts = urlsplit(url)
    schemes = {"smtp": (False, False), "smtp+tls": (True, False), "smtps": (False, True)}
    if parts.scheme not in schemes or not parts.hostname:
        raise ImproperlyConfigured(
            "REPBOOK_EMAIL_URL is not an SMTP URL Repbook can use; write it like "
            "smtp+tls://USER:PASSWORD@HOST:587 (or smtp:// without TLS, smtps:// for port 465)"
        )
    use_tls, use_ssl = schemes[parts.scheme]
    try:
        port = parts.port or (465 if use_ssl else 587 if use_tls else 25)
    except ValueError as exc:
        raise ImproperlyConfigured(f"REPBOOK_EMAIL_URL has a bad port: {exc}") from exc
    return {
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": parts.hostname,
        "EMAIL_PORT": port,
        "EMAIL_HOST_USER": unquote(parts.username or ""),
        "EMAIL_HOST_PASSWORD": unquote(parts.password or ""),
        "EMAIL_USE_TLS": use_tls,
        "EMAIL_USE_SSL": use_ssl,
        "EMAIL_TIMEOUT": 20,
    }


# Password reset by e-mail works only with an SMTP server; without one the login page says to ask
# the administrator for a temporary password.
EMAIL_URL = os.environ.get("REPBOOK_EMAIL_URL", "").strip()
PASSWORD_RESET_BY_EMAIL = bool(EMAIL_URL)
if EMAIL_URL:
    globals().update(_email_settings(EMAIL_URL))
_MAIL_HOST = next((h.lstrip(".") for h in ALLOWED_HOSTS if h not in LOOPBACK_HOSTS and h != "*"), "localhost")
DEFAULT_FROM_EMAIL = os.environ.get("REPBOOK_EMAIL_FROM", "").strip() or f"Repbook <repbook@{_MAIL_HOST}>"
PASSWORD_RESET_TIMEOUT = 60 * 60 * 3

LANGUAGE_CODE = "en"
TIME_ZONE = os.environ.get("REPBOOK_TIME_ZONE", "UTC")
#: An open workout that saw no set for this long is closed by itself (services/workout/open_workouts.py).
# Six hours: longer than any session with long rests, shorter than the night between two days.
WORKOUT_IDLE_HOURS = _hours("REPBOOK_WORKOUT_IDLE_HOURS", 6)
USE_I18N = False
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [_NINJA_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
# Serve straight from the packages' static folders: no collectstatic step for users.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
if HTTPS:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = 60 * 60 * 24 * 30
    CSRF_TRUSTED_ORIGINS = [f"https://{h}" for h in ALLOWED_HOSTS if not h.startswith(".")]

DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {"axes": {"level": "WARNING"}},
}
