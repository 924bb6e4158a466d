"""The error every interface shows the same way: bad input, naming the field it came from."""

from __future__ import annotations


class FieldError(ValueError):
    """Bad input for `field` (named as the API, forms and CLI name it); nothing was written."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message
