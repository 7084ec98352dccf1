"""The errors this package raises: one small typed family.

Every error carries a stable ``code`` the API can put in a ``userErrors`` entry, and a message
written for the person who uploaded the file. No message ever quotes chat text.
"""

from __future__ import annotations

from typing import ClassVar, Literal


class KakaoExportError(ValueError):
    """Base class: the upload cannot be imported as a KakaoTalk export."""

    code: ClassVar[str] = "INVALID_EXPORT"


class ExportDecodeError(KakaoExportError):
    """The bytes are not UTF-8. ``offset`` is the 0-based byte offset, ``line`` is 1-based."""

    code: ClassVar[str] = "UNDECODABLE"

    def __init__(self, message: str, *, offset: int, line: int) -> None:
        super().__init__(message)
        self.offset = offset
        self.line = line


class UnrecognizedExportError(KakaoExportError):
    """The content matches none of the known export formats."""

    code: ClassVar[str] = "UNRECOGNIZED_FORMAT"


class MalformedExportError(KakaoExportError):
    """The format was recognised but the file is structurally broken (e.g. an unclosed CSV quote)."""

    code: ClassVar[str] = "MALFORMED"

    def __init__(self, message: str, *, line: int) -> None:
        super().__init__(message)
        self.line = line


class AmbiguousParticipantsError(KakaoExportError):
    """Who is the user (or the partner) cannot be told from the export alone.

    ``missing`` says what the caller should ask for: ``"my_name"`` or ``"partner_name"``;
    ``names`` lists the sender names found, for the question to offer.
    """

    code: ClassVar[str] = "AMBIGUOUS_PARTICIPANTS"

    def __init__(
        self, message: str, *, names: tuple[str, ...], missing: Literal["my_name", "partner_name"]
    ) -> None:
        super().__init__(message)
        self.names = names
        self.missing = missing
