"""Configuration checks that keep an unsafe server from starting."""

from __future__ import annotations

import pytest

from repbook.services.system.checks import (
    configuration_problems,
    configuration_warnings,
    database_problems,
    database_warnings,
    is_loopback,
)


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost", "::1", "[::1]", "127.0.0.5"])
def test_loopback_hosts(host: str) -> None:
    assert is_loopback(host)


@pytest.mark.parametrize("host", ["0.0.0.0", "192.168.1.10", "::", "repbook.example.org"])
def test_public_hosts(host: str) -> None:
    assert not is_loopback(host)


def test_default_configuration_is_fine_locally() -> None:
    assert configuration_problems("127.0.0.1") == []


def test_debug_on_a_public_host_is_refused(settings) -> None:
    settings.DEBUG = True
    settings.ALLOWED_HOSTS = ["repbook.example.org"]
    assert configuration_problems("127.0.0.1") == []
    problems = configuration_problems("0.0.0.0")
    assert any("REPBOOK_DEBUG" in p for p in problems)


@pytest.mark.parametrize("secret", ["changeme", "short-secret", "django-insecure"])
def test_placeholder_secrets_are_refused(settings, secret: str) -> None:
    settings.SECRET_KEY = secret
    assert any("REPBOOK_SECRET_KEY" in p for p in configuration_problems("127.0.0.1"))


def test_public_host_needs_allowed_hosts(settings) -> None:
    settings.ALLOWED_HOSTS = ["localhost", "127.0.0.1"]
    assert any("REPBOOK_ALLOWED_HOSTS" in p for p in configuration_problems("0.0.0.0"))


def test_a_data_dir_that_cannot_be_created_is_a_problem(settings, tmp_path) -> None:
    (tmp_path / "a-file").write_text("")
    settings.DATA_DIR = tmp_path / "a-file" / "repbook"
    assert any("does not exist and cannot be created" in p for p in configuration_problems())


def test_a_data_dir_not_made_yet_is_no_problem_and_is_not_made(settings, tmp_path) -> None:
    settings.DATA_DIR = tmp_path / "new" / "repbook"
    assert configuration_problems() == []
    assert not (tmp_path / "new").exists()


def test_any_host_allowed_is_refused_even_locally(settings) -> None:
    settings.ALLOWED_HOSTS = ["repbook.example.org", "*"]
    for host in ("127.0.0.1", "0.0.0.0"):
        assert any("contains '*'" in p for p in configuration_problems(host))


def test_a_secret_key_file_that_cannot_be_used_is_refused(settings) -> None:
    settings.SECRET_KEY_PROBLEM = (
        "the secret key file /srv/repbook/secret_key cannot be used: Permission denied"
    )
    problems = configuration_problems()
    assert any(p.startswith(settings.SECRET_KEY_PROBLEM) and "REPBOOK_SECRET_KEY" in p for p in problems)


def test_plain_http_on_a_public_host_is_a_warning_only(settings) -> None:
    settings.ALLOWED_HOSTS = ["repbook.example.org"]
    settings.HTTPS = False
    assert configuration_problems("0.0.0.0") == []
    assert configuration_warnings("127.0.0.1") == []
    (warning,) = configuration_warnings("0.0.0.0")
    assert "REPBOOK_HTTPS is off" in warning and "not marked Secure" in warning
    assert "install Repbook or log sets offline" in warning and "service worker" in warning
    settings.HTTPS = True
    assert configuration_warnings("0.0.0.0") == []


@pytest.mark.django_db
def test_the_test_database_opens_and_is_migrated() -> None:
    assert database_problems() == []
    assert database_warnings() == []
