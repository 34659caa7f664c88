"""The CLI's own error: a message for stderr and an exit status."""

from __future__ import annotations


class CliError(Exception):
    """Printed as ``refill: <message>``; ``code`` becomes the exit status."""

    def __init__(self, message: str, code: int = 1) -> None:
        super().__init__(message)
        self.message = message
        self.code = code
