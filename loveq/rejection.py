"""The one way the application services refuse a request for a reason the user can fix."""


class Rejected(Exception):
    """Reported as a `userErrors` entry: `code` names a UserErrorCode, `field` the input field."""

    def __init__(self, code: str, message: str, field: str) -> None:
        super().__init__(message)
        self.code = code
        self.field = field
