"""Streaming: memory stays flat however long the export, and chunking changes nothing."""

from __future__ import annotations

import gc
import itertools
import os
import tracemalloc

import pytest

from kakao import ExportFormat, ExportParser, ExportReader
from tests.support.streamed_exports import generated_bytes, generated_lines, generated_messages


def _resident_bytes() -> int:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


@pytest.mark.skipif(not os.path.exists("/proc/self/statm"), reason="needs /proc")
def test_a_200k_line_export_streams_through_the_parser_in_flat_memory() -> None:
    lines = generated_lines(ExportFormat.ANDROID, 160_000)  # a generator: never a list
    parser = ExportParser(ExportFormat.ANDROID)
    gc.collect()
    before = _resident_bytes()
    count = 0
    for line in lines:
        count += len(parser.feed(line))  # count, keep nothing
    count += len(parser.close())
    grown = _resident_bytes() - before
    stats = parser.stats
    assert stats.lines > 200_000
    assert count == stats.messages == 160_000
    assert stats.lines_not_understood == 0
    # Keeping the 200k lines or the 160k messages would take well over 40 MB.
    assert grown < 8_000_000, f"resident memory grew by {grown} bytes"


@pytest.mark.parametrize("fmt", list(ExportFormat))
def test_bytes_stream_through_the_reader_in_flat_memory(fmt: ExportFormat) -> None:
    reader = ExportReader()
    count = 0
    tracemalloc.start()
    try:
        for chunk in generated_bytes(fmt, 8_000, chunk_size=16 * 1024):
            count += len(reader.feed(chunk))
        count += len(reader.close())
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert reader.format is fmt
    assert count == 8_000
    # Keeping the 8,000 messages alone would take about 2 MB.
    assert peak < 600_000, f"peak {peak} bytes"


@pytest.mark.parametrize("fmt", list(ExportFormat))
def test_generated_exports_parse_exactly(fmt: ExportFormat) -> None:
    reader = ExportReader()
    messages = []
    for chunk in generated_bytes(fmt, 2_000, chunk_size=999):
        messages.extend(reader.feed(chunk))
    messages.extend(reader.close())
    got = [(m.sender_name, m.sent_at, m.text) for m in messages]
    assert got == list(generated_messages(2_000))
    assert reader.stats.notices == 2_000 // 97
    assert reader.stats.lines_not_understood == 0


def test_feed_lines_equals_feed_line_by_line() -> None:
    lines = list(generated_lines(ExportFormat.WINDOWS, 500))
    one = ExportParser(ExportFormat.WINDOWS)
    batch = ExportParser(ExportFormat.WINDOWS)
    singly = list(itertools.chain.from_iterable(one.feed(line) for line in lines)) + one.close()
    assert batch.feed_lines(lines) + batch.close() == singly
    assert one.stats == batch.stats
