"""Format detection looks at content only."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kakao import ExportFormat, ExportReader, UnrecognizedExportError, detect_format, parse_lines

FIXTURES = Path(__file__).parent / "fixtures"
ANDROID, IOS, WINDOWS, MACOS = ExportFormat

EXPECTED = {
    "android_ko.txt": ANDROID,
    "android_ko_bom_crlf.txt": ANDROID,
    "android_group.txt": ANDROID,
    "ios_ko.txt": IOS,
    "ios_ko_24h.txt": IOS,
    "windows_ko.txt": WINDOWS,
    "windows_en.txt": WINDOWS,
    "windows_group.txt": WINDOWS,
    "macos.csv": MACOS,
}


@pytest.mark.parametrize(("name", "fmt"), EXPECTED.items())
def test_content_decides_not_the_file_name(name: str, fmt: ExportFormat, tmp_path: Path) -> None:
    # Give every export a name that suggests another app; the result must not change.
    misleading = tmp_path / ("KakaoTalk_Chat_android.csv" if fmt is not ANDROID else "Talk_ios.txt")
    shutil.copy(FIXTURES / name, misleading)
    reader = ExportReader()
    reader.feed(misleading.read_bytes())
    reader.close()
    assert reader.format is fmt


@pytest.mark.parametrize(
    ("lines", "fmt"),
    [
        (["2026년 11월 18일 오후 8:15, 지민 : 안녕"], ANDROID),
        (["2026년 11월 18일 오후 8:15"], ANDROID),
        (["November 18, 2026, 8:15 PM, Jimin : hi"], ANDROID),
        (["2026. 11. 18. 오후 8:15, 지민 : 안녕"], IOS),
        (["2026. 11. 18. 20:15, 지민 : 안녕"], IOS),
        (["2026. 11. 18. 20:16: 수아님이 나갔습니다."], IOS),
        (["Nov 18, 2026 at 20:15, Jimin : hi"], IOS),
        (["2021년 12월 29일 수요일", "오후 8:36, 테스트 : ㅎㅇ", "오후 8:37, 테스트 : ㅎㅇ"], IOS),
        (["--------------- 2026년 11월 18일 수요일 ---------------"], WINDOWS),
        (["[Jimin] [8:15 PM] hi"], WINDOWS),
        (["\ufeffDate,User,Message"], MACOS),
        (['2026-11-18 20:15:03,"지민","안녕"'], MACOS),
    ],
)
def test_each_variant_is_recognised(lines: list[str], fmt: ExportFormat) -> None:
    assert detect_format(lines) is fmt


def test_an_export_with_no_messages_is_recognised_by_its_header() -> None:
    messages, stats = parse_lines(["지민 님과 카카오톡 대화", "저장한 날짜 : 2026-11-20 21:01:33", ""])
    assert messages == []
    assert stats.format is WINDOWS
    assert stats.header.partner_name == "지민"


def test_not_a_kakaotalk_export() -> None:
    with pytest.raises(UnrecognizedExportError, match="does not look like a KakaoTalk") as caught:
        reader = ExportReader()
        reader.feed((FIXTURES / "not_kakao.txt").read_bytes())
        reader.close()
    assert caught.value.code == "UNRECOGNIZED_FORMAT"
    assert "Jimin" not in str(caught.value)  # never quotes the file's content


def test_an_empty_file() -> None:
    with pytest.raises(UnrecognizedExportError, match="empty"):
        detect_format(["\ufeff", "  ", ""])
    reader = ExportReader()
    with pytest.raises(UnrecognizedExportError, match="empty"):
        reader.close()


def test_detection_waits_for_a_sample_then_streams() -> None:
    data = (FIXTURES / "android_ko.txt").read_bytes()
    reader = ExportReader(sample_lines=10)
    assert reader.feed(data[:200]) == [] and reader.format is None
    first = reader.feed(data[200:])
    assert reader.format is ANDROID and len(first) == 17  # all but the last, still open
    assert len(reader.close()) == 1


def test_a_given_format_skips_detection() -> None:
    reader = ExportReader(WINDOWS)
    assert reader.format is WINDOWS
    messages = reader.feed("[지민] [오후 8:15] 날짜 줄이 없다\n".encode()) + reader.close()
    assert messages == [] and reader.lines_not_understood == 1
