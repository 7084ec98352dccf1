"""Speech style on known conversations, with figures worked out by hand in the comments."""

from __future__ import annotations

import pytest

from ai.korean import morph, signals
from ai.korean.endings import Register
from ai.korean.morph import morph_features
from ai.korean.speech_style import EMPTY_STYLE, Formality, SpeechStyle, analyze_speech, decide_formality
from ai.korean.style_rules import describe_tone

# 합쇼체 throughout. Lengths 17, 17, 14, 10, 16 → 74 / 5 = 14.8. Asks: only 괜찮으십니까? —
# 안녕하십니까. is a greeting closed by a period. ^^ in one message of five.
FORMAL_CHAT = [
    "안녕하십니까. 처음 뵙겠습니다.",
    "저는 서울에서 일하고 있습니다.",
    "주말에 시간 괜찮으십니까?",
    "네 알겠습니다 ^^",
    "감사합니다! 내일 뵙겠습니다.",
]

# 해요체 throughout (넵 is a polite reply word). Lengths 10, 14, 10, 12, 3, 10 → 59 / 6.
# Asks: 1st, 4th, 6th. Laughter (ㅎㅎ): 2nd, 5th.
POLITE_CHAT = [
    "오늘 뭐 하셨어요?",
    "저는 집에서 쉬었어요 ㅎㅎ",
    "날씨가 진짜 좋네요",
    "내일 시간 괜찮으세요?",
    "넵ㅎㅎ",
    "맛있는 거 드셨죠?",
]

# 반말. 10 messages, 9 written (사진 is a photo). Decided: all but ㅋㅋㅋㅋ and 헐 진짜? → 7 / 9.
# Laughter: 1st, 5th, 7th → 3 / 10. Crying: 2nd, 8th → 2 / 10.
# Asks: 뭐해?, 먹었냐 (interrogative -냐 without "?"), 진짜? → 3 / 9.
# Lengths of the written nine: 7, 11, 10, 6, 4, 5, 7, 6, 6 → 62 / 9 = 6.888….
CASUAL_CHAT = [
    "뭐해? ㅋㅋㅋ",
    "나 방금 일어났어ㅠㅠ",
    "오늘 진짜 피곤하다",
    "밥은 먹었냐",
    "ㅋㅋㅋㅋ",
    "헐 진짜?",
    "응 그래 ㅋㅋ",
    "보고싶어ㅠㅠ",
    "내일 보자~",
    "사진",
]


def test_formal_chat() -> None:
    assert analyze_speech(FORMAL_CHAT) == SpeechStyle(
        formality=Formality.FORMAL,
        formal_ratio=1.0,
        polite_ratio=0.0,
        casual_ratio=0.0,
        emoji_ratio=0.0,
        emoticon_ratio=0.2,
        laughter_ratio=0.0,
        crying_ratio=0.0,
        question_ratio=0.2,
        average_length=14.8,
        message_count=5,
        analysed_count=5,
        typical_tone="정중하고 차분한",
        # Median length 16: 감사합니다… (16) first, then the two 17s, the more recent first.
        examples=(
            "감사합니다! 내일 뵙겠습니다.",
            "저는 서울에서 일하고 있습니다.",
            "안녕하십니까. 처음 뵙겠습니다.",
        ),
        # ~습니다 ends four messages; ~습니까 and 네 appear once, under the minimum of two.
        frequent_expressions=("~습니다",),
        frequent_emoji=(),
    )


def test_polite_chat() -> None:
    assert analyze_speech(POLITE_CHAT) == SpeechStyle(
        formality=Formality.SEMI_FORMAL,
        formal_ratio=0.0,
        polite_ratio=1.0,
        casual_ratio=0.0,
        emoji_ratio=0.0,
        emoticon_ratio=0.0,
        laughter_ratio=0.3333,
        crying_ratio=0.0,
        question_ratio=0.5,
        average_length=9.83,
        message_count=6,
        analysed_count=6,
        typical_tone="상냥하고 밝은",  # 해요체 and laughter in a third of messages
        # 넵ㅎㅎ is too short; median of 10, 14, 10, 12, 10 is 10; the three 10s, latest first.
        examples=("맛있는 거 드셨죠?", "날씨가 진짜 좋네요", "오늘 뭐 하셨어요?"),
        frequent_expressions=("~ㅎㅎ", "~어요"),  # twice each; ㅎ sorts before 어
        frequent_emoji=(),
    )


def test_casual_chat_with_laughter_and_crying() -> None:
    assert analyze_speech(CASUAL_CHAT) == SpeechStyle(
        formality=Formality.CASUAL,
        formal_ratio=0.0,
        polite_ratio=0.0,
        casual_ratio=0.7778,
        emoji_ratio=0.0,
        emoticon_ratio=0.0,
        laughter_ratio=0.3,
        crying_ratio=0.2,
        question_ratio=0.3333,
        average_length=6.89,
        message_count=10,
        analysed_count=9,
        # laughter ≥ 0.3 and crying ≥ 0.2: both thresholds reached exactly.
        typical_tone="감정 표현이 풍부한",
        # Only three have five content characters: lengths 11, 10, 6, median 10.
        examples=("오늘 진짜 피곤하다", "나 방금 일어났어ㅠㅠ", "밥은 먹었냐"),
        # ~ㅋㅋ ends 3 messages, ~어 ends 3 (뭐해, 일어났어, 보고싶어), ~ㅠㅠ ends 2.
        frequent_expressions=("~ㅋㅋ", "~어", "~ㅠㅠ"),
        frequent_emoji=(),
    )


def test_emoji_are_whole_sequences_counted_once_per_message() -> None:
    chat = [
        "좋아 👍🏻👍🏻",  # thumbs up + skin tone, twice in one message
        "사랑해❤️",  # heart + VS16
        "❤ 이건 텍스트 하트",  # bare heart without VS16: text, not emoji
        "가족 여행 👨‍👩‍👧",  # ZWJ family
        "ㅋㅋ 😂 🤣",
        "굿 👍🏻",
    ]
    style = analyze_speech(chat)
    assert style.message_count == 6
    assert style.emoji_ratio == 0.8333  # 5 / 6
    assert style.laughter_ratio == 0.1667  # 1 / 6
    # 👍🏻 in two messages; the rest once each, in code point order.
    assert style.frequent_emoji == ("👍🏻", "❤️", "👨‍👩‍👧", "😂", "🤣")
    # Lengths with each emoji sequence as one character: 5, 4, 11, 7, 6, 3 → 36 / 6.
    assert style.average_length == 6.0
    assert signals.emoji_sequences("좋아 👍🏻👍🏻") == ["👍🏻", "👍🏻"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("👍🏻", ["👍🏻"]),
        ("❤️", ["❤️"]),
        ("❤️‍🔥", ["❤️‍🔥"]),
        ("🏃‍♀️", ["🏃‍♀️"]),
        ("🏳️‍🌈", ["🏳️‍🌈"]),
        ("🇰🇷 화이팅", ["🇰🇷"]),
        ("1️⃣번", ["1️⃣"]),
        ("⭐✨", ["⭐", "✨"]),
        ("☺️", ["☺️"]),
        ("❤ ♥ © 12:30", []),
    ],
)
def test_emoji_sequences(text: str, expected: list[str]) -> None:
    assert signals.emoji_sequences(text) == expected


@pytest.mark.parametrize(
    ("text", "laughter", "emoticon", "crying", "media"),
    [
        ("ㅋ", True, False, False, False),
        ("좋아ㅎ", True, False, False, False),
        ("ㅎㅇ", False, False, False, False),  # 하이, a greeting
        ("하하하 웃기다", True, False, False, False),
        ("하키 보러 가자", False, False, False, False),
        ("좋아요^^", False, True, False, False),
        ("좋아요:)", False, True, False, False),
        ("ㅡㅡ", False, True, False, False),
        ("뭐야 >_<", False, True, False, False),
        ("사랑해♡", False, True, False, False),
        ("ㅇㅅㅇ", False, True, False, False),
        ("ㅠ", False, False, True, False),
        ("T_T", False, False, True, False),
        ("TTS 기능", False, False, False, False),
        ("이모티콘", False, True, False, True),  # a KakaoTalk sticker
        ("사진 3장", False, False, False, True),
        ("(이모티콘)", False, True, False, True),
        ("Emoticon", False, True, False, True),
        ("파일: 계획.pdf", False, False, False, True),
        ("<사진>", False, False, False, True),
        ("3 photos", False, False, False, True),
        ("Voice Message", False, False, False, True),
        ("https://naver.me/abc", False, False, False, True),  # a link alone
        ("https://naver.me/abc 이거 봐봐", False, False, False, False),
        ("사진 찍었어", False, False, False, False),
        ("보이스톡 할래?", False, False, False, False),
    ],
)
def test_character_signals(
    text: str, laughter: bool, emoticon: bool, crying: bool, media: bool
) -> None:
    assert signals.has_laughter(text) is laughter
    assert signals.has_emoticon(text) is emoticon
    assert signals.has_crying(text) is crying
    assert signals.is_media_placeholder(text) is media


@pytest.mark.parametrize(
    ("text", "register", "ending", "is_question"),
    [
        ("알겠습니다!", Register.FORMAL, "습니다", False),
        ("어디 가십니까?", Register.FORMAL, "습니까", True),
        ("안녕하십니까.", Register.FORMAL, "습니까", False),
        ("오늘 뭐 했어요?", Register.POLITE, "어요", True),
        ("맛있네요 ㅎㅎ", Register.POLITE, "네요", False),
        ("그렇죠", Register.POLITE, "죠", False),
        ("했는데요", Register.POLITE, "요", False),
        ("저도요", Register.POLITE, "요", False),
        ("고마워용", Register.POLITE, "어요", False),
        ("넵ㅎㅎ", Register.POLITE, None, False),
        ("밥 먹었어? ㅋㅋㅋ", Register.CASUAL, "어", True),
        ("진짜야?", Register.CASUAL, "야", True),
        ("맞지", Register.CASUAL, "지", False),
        ("너 어디냐", Register.CASUAL, "냐", True),
        ("자니", Register.CASUAL, "니", True),
        ("맛있거든", Register.CASUAL, "거든", False),
        ("내일 보자~", Register.CASUAL, "자", False),
        ("오늘 날씨 좋네", Register.CASUAL, "네", False),
        ("먹을게", Register.CASUAL, "ㄹ게", False),
        ("나 지금 가는 중", Register.CASUAL, "중", False),
        ("응 그래 ㅋㅋ", Register.CASUAL, None, False),
        ("뭐해? 나는 집이야", Register.CASUAL, "야", True),
        ("헐 대박", None, None, False),
        ("진짜?", None, None, True),
        ("ㅋㅋㅋㅋ", None, None, False),
    ],
)
def test_morph_features(
    text: str, register: Register | None, ending: str | None, is_question: bool
) -> None:
    features = morph_features(text)
    assert (features.register, features.ending, features.is_question) == (
        register,
        ending,
        is_question,
    )


def test_interjections_in_order() -> None:
    assert morph_features("헐 대박ㅋㅋ 진짜?").interjections == ("헐", "대박")


def test_examples_skip_placeholders_urls_and_short_messages() -> None:
    chat = [
        "ㅋㅋㅋㅋ",
        "https://example.com 이거 봐봐",
        "사진",
        "오늘 회사에서 발표했어",  # 12, 반말
        "점심은 김치찌개 먹었어",  # 12, 반말
        "헐",
        "오늘 날씨가 너무 좋아서 산책 다녀왔어 너도 나중에 같이 가자",  # 34, 반말
        "내일 몇 시에 볼까",  # 10, 반말
        "좋아요",  # too short
        "그 영화 진짜 재밌었어요",  # 13, 해요체: not the dominant register
    ]
    style = analyze_speech(chat)
    assert style.formality is Formality.CASUAL
    # Median of 12, 12, 34, 10, 13 is 12: the two 12s (latest first), then 10 (반말) before
    # the 13 (해요체, not the person's register).
    expected = ("점심은 김치찌개 먹었어", "오늘 회사에서 발표했어", "내일 몇 시에 볼까")
    assert style.examples == expected
    assert analyze_speech(list(chat)).examples == expected
    # Repeating a message does not repeat the example.
    assert analyze_speech([*chat, "점심은 김치찌개 먹었어"]).examples[:2] == expected[:2]


def test_examples_median_counts_repeated_messages() -> None:
    # Lengths 7 (five times), 32, 28: the median is 7 even though only three texts are distinct.
    chat = [
        *["오늘 뭐 했어"] * 5,
        "어제 친구랑 홍대에서 늦게까지 놀다가 택시 타고 집에 왔어",
        "주말에 부모님 댁에 가서 밥 먹고 왔어 완전 배불러",
    ]
    assert analyze_speech(chat).examples == (
        "오늘 뭐 했어",
        "주말에 부모님 댁에 가서 밥 먹고 왔어 완전 배불러",
        "어제 친구랑 홍대에서 늦게까지 놀다가 택시 타고 집에 왔어",
    )


def test_empty_input() -> None:
    assert analyze_speech([]) == EMPTY_STYLE
    assert analyze_speech(["", "   ", "\n"]) == EMPTY_STYLE
    assert EMPTY_STYLE.formality is Formality.SEMI_FORMAL
    assert EMPTY_STYLE.message_count == 0
    assert EMPTY_STYLE.typical_tone == "알 수 없음"


def test_only_placeholders() -> None:
    style = analyze_speech(["사진", "이모티콘", "동영상", "이모티콘"])
    assert style.message_count == 4
    assert style.analysed_count == 0
    assert style.emoticon_ratio == 0.5  # two stickers
    assert style.average_length == 0.0
    assert style.formality is Formality.SEMI_FORMAL
    assert style.typical_tone == "알 수 없음"
    assert style.examples == ()


@pytest.mark.parametrize(
    ("chat", "formality", "ratios"),
    [
        # 3 반말 against 2 해요체.
        (
            ["밥 먹었어?", "응 좋아", "오늘 재밌었어", "내일 뵐게요", "감사해요"],
            Formality.CASUAL,
            (0.0, 0.4, 0.6),
        ),
        # 2 against 2: ties lean polite.
        (
            ["밥 먹었어?", "오늘 재밌었어", "내일 뵐게요", "감사해요"],
            Formality.SEMI_FORMAL,
            (0.0, 0.5, 0.5),
        ),
        # 합쇼체 2, 해요체 1, 반말 1.
        (["감사합니다", "알겠습니다", "좋아요", "응"], Formality.FORMAL, (0.5, 0.25, 0.25)),
        # 반말 is the largest class (3) but not a majority against 존댓말 (2 + 2).
        (
            ["감사합니다", "알겠습니다", "좋아요", "그래요", "응", "알았어", "ㅋㅋ 그래"],
            Formality.SEMI_FORMAL,
            (0.2857, 0.2857, 0.4286),
        ),
        # Undecided messages (ㅋㅋㅋ, 헐) do not vote: 1 반말 against 0.
        (["ㅋㅋㅋ", "헐", "사진", "알았어"], Formality.CASUAL, (0.0, 0.0, 0.3333)),
    ],
)
def test_mixed_speech_the_majority_decides(
    chat: list[str], formality: Formality, ratios: tuple[float, float, float]
) -> None:
    style = analyze_speech(chat)
    assert style.formality is formality
    assert (style.formal_ratio, style.polite_ratio, style.casual_ratio) == ratios


def test_decide_formality_rule() -> None:
    assert decide_formality(0, 0, 0) is Formality.SEMI_FORMAL
    assert decide_formality(1, 0, 0) is Formality.FORMAL
    assert decide_formality(1, 1, 2) is Formality.SEMI_FORMAL
    assert decide_formality(1, 1, 3) is Formality.CASUAL
    assert decide_formality(2, 1, 3) is Formality.FORMAL


def test_morphology_samples_the_latest_messages_but_signs_count_everywhere() -> None:
    chat = ["감사합니다 ㅋㅋ", "감사합니다", "감사합니다", "응 알았어", "알았어"]
    style = analyze_speech(chat, sample_size=2)
    assert style.message_count == 5
    assert style.analysed_count == 2
    assert style.formality is Formality.CASUAL
    assert style.casual_ratio == 1.0
    assert style.laughter_ratio == 0.2  # the laugh is outside the sample, still counted
    assert style.average_length == 5.2  # (8 + 5 + 5 + 5 + 3) / 5, over every message


def test_long_messages_are_read_from_their_end() -> None:
    text = "안녕하세요 " * 60 + "오늘은 그냥 집에 있었어"
    assert len(text) > morph.MAX_ANALYSED_CHARS
    assert morph_features(text).register is Register.CASUAL


@pytest.mark.parametrize(
    ("register", "laughter", "decoration", "crying", "length", "tone"),
    [
        (Register.FORMAL, 0.0, 0.0, 0.0, 20.0, "정중하고 차분한"),
        (Register.FORMAL, 0.0, 0.3, 0.0, 20.0, "정중하면서 친근한"),
        (Register.FORMAL, 0.0, 0.0, 0.0, 6.0, "정중하고 간결한"),
        (Register.POLITE, 0.0, 0.0, 0.3, 20.0, "상냥하고 감성적인"),
        (Register.POLITE, 0.0, 0.0, 0.0, 20.0, "예의 바르고 차분한"),
        (Register.CASUAL, 0.5, 0.3, 0.0, 12.0, "다정하고 장난스러운"),
        (Register.CASUAL, 0.5, 0.0, 0.0, 12.0, "장난스럽고 유쾌한"),
        (Register.CASUAL, 0.0, 0.3, 0.0, 12.0, "다정하고 부드러운"),
        (Register.CASUAL, 0.0, 0.0, 0.25, 12.0, "솔직하고 감성적인"),
        (Register.CASUAL, 0.05, 0.0, 0.0, 4.0, "짧고 무심한"),
        (Register.CASUAL, 0.2, 0.0, 0.0, 4.0, "짧고 가벼운"),
        (Register.CASUAL, 0.0, 0.0, 0.0, 12.0, "편하고 담백한"),
        (None, 0.0, 0.0, 0.0, 12.0, "담백한"),
    ],
)
def test_tone_table(
    register: Register | None,
    laughter: float,
    decoration: float,
    crying: float,
    length: float,
    tone: str,
) -> None:
    assert (
        describe_tone(
            register=register,
            analysed_count=10,
            laughter_ratio=laughter,
            decoration_ratio=decoration,
            crying_ratio=crying,
            average_length=length,
        )
        == tone
    )
