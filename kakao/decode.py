"""Bytes to lines, incrementally: UTF-8 with or without BOM; LF, CRLF or lone CR.

A chunk may end anywhere: inside a multi-byte character, between the CR and LF of a CRLF, or
in the middle of a line. Only the incomplete tail is kept between chunks, so memory does not
grow with the file (a single line is held whole until it ends).

NUL characters (U+0000) are removed and counted (``nul_removed``): no KakaoTalk app writes
them, so they come from damage to the file, and PostgreSQL text cannot hold them. One damaged
byte should not cost the person the whole import.
"""

from __future__ import annotations

import codecs
import re

from kakao.errors import ExportDecodeError

_BREAK = re.compile(r"\r\n|\r|\n")


class LineDecoder:
    """Push bytes with :meth:`feed`, get back the lines they complete; :meth:`close` at the end.

    Lines come without their terminator and without the BOM. Undecodable bytes raise
    :class:`~kakao.errors.ExportDecodeError` naming the byte offset and line number.
    """

    __slots__ = ("_decoder", "_tail", "_skip_lf", "_at_start", "_bytes_in", "_lines_out", "_nul_removed")

    def __init__(self) -> None:
        self._decoder = codecs.getincrementaldecoder("utf-8")(errors="strict")
        self._tail: list[str] = []  # pieces of the line not yet ended
        self._skip_lf = False  # the last text ended with CR: a leading LF belongs to it
        self._at_start = True
        self._bytes_in = 0
        self._lines_out = 0
        self._nul_removed = 0

    @property
    def bytes_read(self) -> int:
        """Bytes fed so far."""
        return self._bytes_in

    @property
    def lines_read(self) -> int:
        """Lines returned so far."""
        return self._lines_out

    @property
    def nul_removed(self) -> int:
        """NUL characters removed so far."""
        return self._nul_removed

    def feed(self, chunk: bytes | bytearray | memoryview) -> list[str]:
        """Decode ``chunk`` and return the lines it completes (possibly none)."""
        pending = self._decoder.getstate()[0]
        start = self._bytes_in - len(pending)
        self._bytes_in += len(chunk)
        try:
            text = self._decoder.decode(chunk)
        except UnicodeDecodeError as exc:
            raise self._decode_error(exc, start) from None
        return self._split(text)

    def close(self) -> list[str]:
        """Flush: the last line (if the file does not end with a line break)."""
        pending = self._decoder.getstate()[0]
        start = self._bytes_in - len(pending)
        try:
            text = self._decoder.decode(b"", final=True)
        except UnicodeDecodeError as exc:
            raise self._decode_error(exc, start) from None
        lines = self._split(text)
        if self._tail:
            lines.append("".join(self._tail))
            self._tail = []
            self._lines_out += 1
        return lines

    def _split(self, text: str) -> list[str]:
        if "\x00" in text:
            self._nul_removed += text.count("\x00")
            text = text.replace("\x00", "")
        if not text:
            return []
        if self._at_start:
            self._at_start = False
            if text[0] == "\ufeff":
                text = text[1:]
        if self._skip_lf:
            self._skip_lf = False
            if text[:1] == "\n":
                text = text[1:]
        if not text:
            return []
        parts = _BREAK.split(text)
        if len(parts) == 1:
            self._tail.append(text)
            return []
        self._skip_lf = text[-1] == "\r"
        if self._tail:
            self._tail.append(parts[0])
            parts[0] = "".join(self._tail)
        last = parts.pop()
        self._tail = [last] if last else []
        self._lines_out += len(parts)
        return parts

    def _decode_error(self, exc: UnicodeDecodeError, start: int) -> ExportDecodeError:
        # exc.object is the carried-over bytes plus the chunk, and everything before the bad
        # byte decoded fine: run it through the splitter so the line number counts its lines.
        data = bytes(exc.object)
        self._split(data[: exc.start].decode("utf-8"))
        offset = start + exc.start
        line = self._lines_out + 1
        bad = data[exc.start : exc.start + 1]
        if exc.reason == "unexpected end of data":
            what = "the file ends in the middle of a character"
        else:
            what = f"byte 0x{bad.hex().upper()} cannot be decoded"
        return ExportDecodeError(
            f"The file is not valid UTF-8 text: {what} (byte offset {offset}, line {line}). "
            "KakaoTalk exports are UTF-8; if the file was re-saved in another encoding "
            "(for example EUC-KR/CP949), export the chat again and upload the original file.",
            offset=offset,
            line=line,
        )
