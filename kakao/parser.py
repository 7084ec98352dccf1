"""Lines to messages, pushed one line (or one batch) at a time::

    parser = ExportParser(detect_format(first_lines))
    for line in lines:                       # from LineDecoder, as chunks arrive
        for message in parser.feed(line):    # messages complete once the next one starts
            store(message)
    for message in parser.close():           # the last message
        store(message)
    parser.stats                             # counters for ChatImport

Nothing here holds more than the message being assembled.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator

from kakao.detect import detect_format
from kakao.formats.base import LineParser
from kakao.formats.macos import MacCsvParser
from kakao.formats.mobile import MobileParser
from kakao.formats.windows import WindowsParser
from kakao.model import ExportFormat, ExportHeader, ParsedMessage, ParseStats

__all__ = ["ExportParser", "detect_format", "parse_lines", "DETECTION_SAMPLE_LINES"]

#: How many leading lines :func:`parse_lines` and :class:`~kakao.reader.ExportReader` look at
#: to detect the format.
DETECTION_SAMPLE_LINES = 200

_GRAMMARS: dict[ExportFormat, type[LineParser]] = {
    ExportFormat.ANDROID: MobileParser,
    ExportFormat.IOS: MobileParser,
    ExportFormat.WINDOWS: WindowsParser,
    ExportFormat.MACOS: MacCsvParser,
}


class ExportParser:
    """Incremental parser for one export of a known format.

    Feed it the lines of the file in order (without line terminators, as
    :class:`~kakao.decode.LineDecoder` returns them). :meth:`feed` returns the messages that
    the line completes: a message is complete once the next message, day line, header line or
    notice starts. :meth:`close` returns the last one. :meth:`feed_lines` is :meth:`feed` for
    a batch of lines, cheaper per line.

    Raises :class:`~kakao.errors.MalformedExportError` for structural damage (an unclosed
    quote in a macOS CSV); lines it cannot read are counted, not fatal.
    """

    __slots__ = ("format", "_grammar")

    def __init__(self, format: ExportFormat) -> None:
        self.format = ExportFormat(format)
        self._grammar = _GRAMMARS[self.format](self.format)

    def feed(self, line: str) -> list[ParsedMessage]:
        return self._grammar.feed(line)

    def feed_lines(self, lines: Iterable[str]) -> list[ParsedMessage]:
        return self._grammar.feed_lines(lines)

    def close(self) -> list[ParsedMessage]:
        return self._grammar.close()

    @property
    def header(self) -> ExportHeader:
        """The header read so far (complete once the first message has been fed)."""
        return self._grammar.header

    @property
    def lines_not_understood(self) -> int:
        return self._grammar.lines_not_understood

    @property
    def participants(self) -> tuple[str, ...]:
        """Sender names, in order of their first message."""
        return self._grammar.participants

    @property
    def stats(self) -> ParseStats:
        return self._grammar.stats


def parse_lines(
    lines: Iterable[str], format: ExportFormat | None = None
) -> tuple[list[ParsedMessage], ParseStats]:
    """Parse a whole export given as lines; for tests and small inputs.

    Line terminators and a leading BOM are tolerated. Without ``format`` it is detected from
    the first :data:`DETECTION_SAMPLE_LINES` lines.
    """
    stream: Iterator[str] = _clean(lines)
    if format is None:
        sample = list(itertools.islice(stream, DETECTION_SAMPLE_LINES))
        format = detect_format(sample)
        stream = itertools.chain(sample, stream)
    parser = ExportParser(format)
    messages = parser.feed_lines(stream)
    messages.extend(parser.close())
    return messages, parser.stats


def _clean(lines: Iterable[str]) -> Iterator[str]:
    """Lines without their terminators, and the first without a BOM."""
    first = True
    for line in lines:
        if line.endswith("\n"):
            line = line[:-2] if line.endswith("\r\n") else line[:-1]
        elif line.endswith("\r"):
            line = line[:-1]
        if first:
            first = False
            line = line.removeprefix("\ufeff")
        yield line
