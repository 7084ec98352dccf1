"""Bytes in, messages out: decoding, format detection and parsing in one push object.

Built for an upload read asynchronously in chunks::

    reader = ExportReader()
    async for chunk in upload:                 # any chunk size
        for message in reader.feed(chunk):
            ...
    for message in reader.close():
        ...
    reader.stats                               # format, header, counters, participants

The first :data:`~kakao.parser.DETECTION_SAMPLE_LINES` lines are held back until the format is
known; after that only the message being assembled is held.
"""

from __future__ import annotations

from kakao.decode import LineDecoder
from kakao.detect import detect_format
from kakao.model import ExportFormat, ExportHeader, ParsedMessage, ParseStats
from kakao.parser import DETECTION_SAMPLE_LINES, ExportParser


class ExportReader:
    """Feed raw bytes; get :class:`~kakao.model.ParsedMessage` values as they complete.

    ``format`` skips detection. Raises :class:`~kakao.errors.ExportDecodeError`,
    :class:`~kakao.errors.UnrecognizedExportError` (when the sample matches no format) and
    :class:`~kakao.errors.MalformedExportError`.
    """

    def __init__(
        self, format: ExportFormat | None = None, *, sample_lines: int = DETECTION_SAMPLE_LINES
    ) -> None:
        self._decoder = LineDecoder()
        self._sample_lines = max(1, sample_lines)
        self._sample: list[str] = []
        self._parser = ExportParser(format) if format is not None else None

    @property
    def format(self) -> ExportFormat | None:
        """The export's format; ``None`` until enough lines have arrived to detect it."""
        return self._parser.format if self._parser is not None else None

    @property
    def bytes_read(self) -> int:
        return self._decoder.bytes_read

    @property
    def nul_removed(self) -> int:
        """NUL characters removed from the text (see :class:`~kakao.decode.LineDecoder`)."""
        return self._decoder.nul_removed

    @property
    def header(self) -> ExportHeader:
        return self._parser.header if self._parser is not None else ExportHeader()

    @property
    def participants(self) -> tuple[str, ...]:
        return self._parser.participants if self._parser is not None else ()

    @property
    def lines_not_understood(self) -> int:
        return self._parser.lines_not_understood if self._parser is not None else 0

    @property
    def stats(self) -> ParseStats:
        if self._parser is not None:
            return self._parser.stats
        return ParseStats(None, ExportHeader(), 0, 0, 0, 0, (), None, None)

    def feed(self, chunk: bytes | bytearray | memoryview) -> list[ParsedMessage]:
        return self._lines(self._decoder.feed(chunk))

    def close(self) -> list[ParsedMessage]:
        messages = self._lines(self._decoder.close())
        if self._parser is None:
            messages.extend(self._start())
        assert self._parser is not None
        messages.extend(self._parser.close())
        return messages

    def _lines(self, lines: list[str]) -> list[ParsedMessage]:
        if self._parser is not None:
            return self._parser.feed_lines(lines)
        self._sample.extend(lines)
        if len(self._sample) < self._sample_lines:
            return []
        return self._start()

    def _start(self) -> list[ParsedMessage]:
        sample, self._sample = self._sample, []
        self._parser = ExportParser(detect_format(sample))
        return self._parser.feed_lines(sample)
