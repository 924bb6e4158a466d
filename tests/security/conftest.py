"""Fixtures of the security tests."""

from __future__ import annotations

from typing import Any

import pytest


@pytest.fixture
def fast_password_hashing(settings: Any) -> None:
    """The matrix creates two or three users in each of its many small tests: hash their passwords fast.

    What the matrix checks is who may reach what; password hashing has its own tests.
    """
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
