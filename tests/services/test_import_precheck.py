"""The limit check before an import: it stops parsing as soon as the count passes the limit,
and it parses only when the export has more lines than the limit allows messages."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import timedelta

import pytest

from services.errors import TooLarge
from services.import_precheck import check_limits, count_messages
from services.import_request import ImportLimits
from tests.support.exports import android_export

CHUNK = 64 * 1024


class Source:
    """An export in chunks, counting how often it was opened and how many chunks were read."""

    def __init__(self, content: bytes) -> None:
        self.content = content
        self.opened = 0
        self.chunks_read = 0

    def __call__(self) -> AsyncIterator[bytes]:
        self.opened += 1
        return self._chunks()

    async def _chunks(self) -> AsyncIterator[bytes]:
        for start in range(0, len(self.content), CHUNK):
            self.chunks_read += 1
            yield self.content[start : start + CHUNK]

    @property
    def chunks(self) -> int:
        return -(-len(self.content) // CHUNK)


def _limits(max_messages: int, max_bytes: int = 10**8) -> ImportLimits:
    return ImportLimits(max_bytes=max_bytes, max_messages=max_messages, raw_retention=timedelta(days=7))


async def test_counting_stops_reading_as_soon_as_the_limit_is_passed() -> None:
    source = Source(android_export(50_000))
    with pytest.raises(TooLarge) as refused:
        await count_messages(source, 1000, field="file")
    assert refused.value.count and refused.value.field == "file"
    assert source.chunks_read <= 2 < source.chunks, "1,001 messages are in the first chunk or two, of 50"


async def test_an_export_of_exactly_the_limit_passes() -> None:
    assert await count_messages(Source(android_export(1000)), 1000, field="file") == 1000


async def test_no_second_parse_when_the_lines_cannot_hold_more_messages_than_the_limit() -> None:
    few = Source(android_export(900))
    await check_limits(few, _limits(1000), field="file")
    assert few.opened == 1, "lines counted, nothing parsed"
    many = Source(android_export(1001))
    with pytest.raises(TooLarge):
        await check_limits(many, _limits(1000), field="file")
    assert many.opened == 2


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
async def test_every_kind_of_line_break_counts_toward_the_bound(newline: str) -> None:
    content = android_export(1001).decode().replace("\n", newline).encode()
    with pytest.raises(TooLarge):
        await check_limits(Source(content), _limits(1000), field="text")


async def test_the_byte_limit_is_checked_on_the_way() -> None:
    with pytest.raises(TooLarge) as refused:
        await check_limits(Source(android_export(5000)), _limits(10**6, max_bytes=100_000), field="file")
    assert not refused.value.count
