"""LineDecoder: UTF-8 with or without BOM, any line break, chunks split anywhere."""

from __future__ import annotations

import pytest

from kakao import ExportDecodeError, LineDecoder

TEXT = "지민 님과 카카오톡 대화\r\n저장한 날짜 : 2026-11-20\n\n[지민] [오후 8:15] 좋아요 😊\r마지막 줄"
LINES = ["지민 님과 카카오톡 대화", "저장한 날짜 : 2026-11-20", "", "[지민] [오후 8:15] 좋아요 😊", "마지막 줄"]


def decode(chunks: list[bytes]) -> list[str]:
    decoder = LineDecoder()
    lines: list[str] = []
    for chunk in chunks:
        lines.extend(decoder.feed(chunk))
    lines.extend(decoder.close())
    return lines


def test_lf_crlf_and_lone_cr_all_end_lines() -> None:
    assert decode([TEXT.encode()]) == LINES


def test_bom_is_dropped_only_at_the_start() -> None:
    data = b"\xef\xbb\xbf" + "첫 줄\n\ufeff둘째 줄\n".encode()
    assert decode([data]) == ["첫 줄", "\ufeff둘째 줄"]


@pytest.mark.parametrize("with_bom", [False, True])
def test_a_split_at_every_byte_position_gives_the_same_lines(with_bom: bool) -> None:
    # Covers every position inside each 3-byte Hangul syllable, the 4-byte emoji, the BOM
    # and between the CR and LF of a CRLF.
    data = (b"\xef\xbb\xbf" if with_bom else b"") + TEXT.encode()
    for cut in range(len(data) + 1):
        assert decode([data[:cut], data[cut:]]) == LINES, f"split at byte {cut}"


@pytest.mark.parametrize("size", [1, 2, 3, 4, 5, 7])
def test_tiny_chunks_give_the_same_lines(size: int) -> None:
    data = b"\xef\xbb\xbf" + TEXT.encode()
    assert decode([data[i : i + size] for i in range(0, len(data), size)]) == LINES


def test_crlf_split_across_chunks_is_one_line_break() -> None:
    assert decode([b"a\r", b"\nb\r", b"", b"\n", b"c"]) == ["a", "b", "c"]


def test_trailing_line_break_adds_no_empty_line_but_blank_lines_survive() -> None:
    assert decode([b"a\n\n\nb\n"]) == ["a", "", "", "b"]
    assert decode([b""]) == []


def test_feed_returns_only_completed_lines() -> None:
    decoder = LineDecoder()
    assert decoder.feed("첫".encode()[:2]) == []
    assert decoder.feed("첫".encode()[2:] + b" \xec\xa4") == []
    assert decoder.feed("줄".encode()[2:] + b"\nnext") == ["첫 줄"]
    assert decoder.close() == ["next"]
    assert decoder.lines_read == 2
    assert decoder.bytes_read == len("첫 줄\nnext".encode())


def test_undecodable_byte_names_offset_and_line() -> None:
    data = "첫 줄\n둘째 줄\n".encode() + b"bad \xff here\n"
    with pytest.raises(ExportDecodeError) as caught:
        decode([data])
    error = caught.value
    assert error.line == 3
    assert error.offset == data.index(b"\xff")
    assert error.code == "UNDECODABLE"
    assert "0xFF" in str(error) and "line 3" in str(error) and f"offset {error.offset}" in str(error)


def test_undecodable_byte_in_a_later_chunk_counts_earlier_chunks() -> None:
    first = "하나\n둘\n셋".encode()
    second = "넷\n다섯 ".encode() + b"\xc3\x28"  # invalid continuation byte
    decoder = LineDecoder()
    decoder.feed(first[:-1])  # leave half a character pending across the boundary
    with pytest.raises(ExportDecodeError) as caught:
        decoder.feed(first[-1:] + second)
    assert caught.value.line == 4
    assert caught.value.offset == len(first) + second.index(b"\xc3")


def test_cp949_bytes_are_a_clear_error() -> None:
    with pytest.raises(ExportDecodeError, match="not valid UTF-8") as caught:
        decode(["[지민] [오후 8:15] 안녕".encode("cp949")])
    assert caught.value.line == 1


def test_truncated_character_at_end_of_file() -> None:
    data = "끝".encode()[:2]
    with pytest.raises(ExportDecodeError, match="ends in the middle of a character") as caught:
        decode([b"ok\n" + data])
    assert caught.value.offset == 3
    assert caught.value.line == 2


def test_nul_characters_are_removed_and_counted_wherever_the_chunks_split() -> None:
    data = "\x00지민 님과\x00 대화\n끝\x00\x00".encode()
    for cut in range(len(data) + 1):
        decoder = LineDecoder()
        lines = decoder.feed(data[:cut]) + decoder.feed(data[cut:]) + decoder.close()
        assert lines == ["지민 님과 대화", "끝"] and decoder.nul_removed == 4, f"split at byte {cut}"
