"""Hypothesis strategies for what people and clients send Love Q: Korean chat text with emoji,
and what breaks systems (lone surrogates, NUL, control and format characters, lengths at the
limits), extreme and malformed date-times, odd time zone names, real and forged global IDs,
cursors, and values of the wrong JSON type.

Everything here is JSON-ready (strings, numbers, lists, dicts): the fuzz tests put it in the
variables of a request.
"""

from __future__ import annotations

import base64
from datetime import datetime, timedelta, timezone
from typing import Any

from hypothesis import strategies as st

# -- text -----------------------------------------------------------------------------------

HANGUL = st.characters(min_codepoint=0xAC00, max_codepoint=0xD7A3)
JAMO = st.characters(min_codepoint=0x3131, max_codepoint=0x318E)
EMOJI = st.sampled_from(["😀", "❤️", "👍🏽", "👩‍❤️‍👨", "🇰🇷", "🥺", "✨", "😂😂", "^^", ":)", "ㅠㅠ", "ㅋㅋㅋ", "♡"])
SPACING = st.sampled_from([" ", " ", "\n", "\t", "~", "!", "?", ".", ",", "…", "\u3000"])
ASCII = st.characters(min_codepoint=0x20, max_codepoint=0x7E)
# Not characters, or not printable, or reordering text: each broke something somewhere once.
HOSTILE = st.sampled_from(
    [
        "\ud800", "\udfff", "\ud83d", "\ude00",  # lone surrogates (valid JSON escapes)
        "\u0000", "\x01", "\x08", "\x1b", "\x7f", "\x85", "\r",  # C0/C1 controls, NUL
        "\u200b", "\u200d", "\u202e", "\u2066", "\ufeff", "\u00ad",  # format characters
        "\u2028", "\u2029", "\ufffe", "\uffff", "\U0010ffff", "\U000e0001",
        "\u0301", "\u1100\u1161",  # a lone combining mark, Hangul jamo that NFC composes
    ]
)
LIMITS = [1, 30, 50, 100, 255, 500, 1000, 2000, 5000]  # resolvers/input_limits.py and friends


def korean_text(max_size: int = 40) -> st.SearchStrategy[str]:
    piece = st.one_of(HANGUL, HANGUL, JAMO, EMOJI, SPACING, ASCII)
    return st.lists(piece, max_size=max_size).map("".join)


def hostile_text(max_size: int = 20) -> st.SearchStrategy[str]:
    """Text with at least one hostile character somewhere in it."""
    around = korean_text(max_size // 2)
    middle = st.lists(st.one_of(HOSTILE, HANGUL, EMOJI, SPACING), min_size=1, max_size=3).map("".join)
    return st.builds(lambda head, hostile, extra, tail: head + hostile + extra + tail, around, HOSTILE, middle, around)


def at_a_limit() -> st.SearchStrategy[str]:
    """Text one under, at or one over a length limit, or blank of that length."""
    return st.tuples(st.sampled_from(LIMITS), st.sampled_from([-1, 0, 1]), st.sampled_from(["가", "a", "😀", " "])).map(
        lambda t: t[2] * max(t[0] + t[1], 0)
    )


def texts() -> st.SearchStrategy[str]:
    return st.one_of(hostile_text(), hostile_text(), korean_text(), at_a_limit(), st.text(max_size=30))


def names(max_size: int = 20) -> st.SearchStrategy[str]:
    """Valid short text: a name, a title, an interest."""
    return korean_text(max_size).filter(lambda text: text.strip() != "")


# -- wrong types ----------------------------------------------------------------------------

SCALARS = st.one_of(
    st.none(), st.booleans(), st.integers(-(2**70), 2**70), st.floats(allow_nan=False, allow_infinity=False), st.text(max_size=10)
)
JSON_VALUES: st.SearchStrategy[Any] = st.recursive(
    SCALARS, lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=5), inner, max_size=3)), max_leaves=6
)


def or_wrong(strategy: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    """Mostly `strategy`, sometimes any JSON value (null included) in its place."""
    return st.one_of(strategy, strategy, strategy, JSON_VALUES)


def spoiled(valid: dict[str, st.SearchStrategy[Any]], bad: dict[str, st.SearchStrategy[Any]], optional: tuple[str, ...] = ()) -> st.SearchStrategy[dict[str, Any]]:
    """An input object that is valid but for at most two fields drawn from `bad`: one bad
    value at a time reaches the code behind validation, where a wholly random input would stop
    at the first check."""

    @st.composite
    def build(draw: st.DrawFn) -> dict[str, Any]:
        values = {name: draw(strategy) for name, strategy in valid.items() if name not in optional or draw(st.booleans())}
        count = min(draw(st.sampled_from([1, 1, 1, 2, 0])), len(bad))
        for name in draw(st.lists(st.sampled_from(sorted(bad)), min_size=count, max_size=count, unique=True)):
            values[name] = draw(bad[name])
        return values

    return build()


# -- numbers --------------------------------------------------------------------------------


def ints(low: int = -5, high: int = 130) -> st.SearchStrategy[Any]:
    return st.one_of(
        st.integers(low, high),
        st.integers(-(2**31), 2**31 - 1),
        st.sampled_from([2**31, -(2**31) - 1, 10**40, 0, -1]),
        st.floats(allow_nan=False, allow_infinity=False),
        st.just("3"),
    )


# -- time -----------------------------------------------------------------------------------

OFFSETS = st.one_of(
    st.none(),
    st.just(timezone.utc),
    st.timedeltas(min_value=-timedelta(hours=23, minutes=59), max_value=timedelta(hours=23, minutes=59)).map(
        lambda delta: timezone(timedelta(minutes=delta // timedelta(minutes=1)))
    ),
)
ODD_DATETIMES = [
    "0001-01-01T00:00:00+09:00", "9999-12-31T23:59:59-05:00", "0001-01-01T00:00:00+00:00",
    "9999-12-31T23:59:59.999999+00:00", "0001-01-01T00:00:00-23:59", "9999-12-31T00:00:00+23:59",
    "2026-13-45", "2026-02-30T00:00:00+09:00", "yesterday", "0000-01-01T00:00:00Z", "2026-11-18",
    "2026-11-18T20:15:00", "2026-11-18T20:15:00+24:00", "2026-11-18T20:15:00Z", "20261118T201500+0900",
    "2026-W47-3", "", "1e300", "2026-11-18T20:15:00+09:00\u0000", "2026-11-18T20:15:00+09:00\ud800",
]


def recent_datetimes() -> st.SearchStrategy[str]:
    """Valid message times: since 2000, with an offset, up to a day ahead."""
    zone = OFFSETS.filter(lambda offset: offset is not None)
    moment = st.datetimes(min_value=datetime(2000, 1, 2), max_value=datetime.now() - timedelta(days=1))
    return st.builds(lambda at, offset: at.replace(tzinfo=offset).isoformat(), moment, zone)


def datetime_values() -> st.SearchStrategy[Any]:
    """ISO strings across years 1-9999 with any offset, recent ones, malformed ones, non-strings."""
    now = datetime.now()
    return st.one_of(
        st.builds(lambda moment, zone: moment.replace(tzinfo=zone).isoformat(), st.datetimes(), OFFSETS),
        st.builds(
            lambda moment, zone: moment.replace(tzinfo=zone).isoformat(),
            st.datetimes(min_value=datetime(2000, 1, 1), max_value=now + timedelta(days=2)),
            OFFSETS,
        ),
        st.sampled_from(ODD_DATETIMES),
        st.integers(),
        st.text(max_size=30),
    )


REAL_ZONES = ["Asia/Seoul", "UTC", "America/New_York", "Europe/London", "Asia/Kathmandu", "Pacific/Kiritimati", "Etc/GMT-14"]
ODD_ZONES = [
    "posix/Asia/Seoul", "right/Asia/Seoul", "Etc/GMT+25", "../../etc/passwd", "/etc/localtime", "Asia/../Asia/Seoul",
    "asia/seoul", "posixrules", "localtime", "zone.tab", "tzdata.zi", "Factory", "", " ", "A" * 5000,
    "Asia/" * 300, "Asia/Seoul\u0000", "\u0000", "\ud800", "Asia/Seoul ", "KST", "+09:00",
]


def zone_names() -> st.SearchStrategy[str]:
    return st.one_of(st.sampled_from(REAL_ZONES), st.sampled_from(ODD_ZONES), st.text(max_size=20))


# -- IDs and cursors ------------------------------------------------------------------------

NODE_TYPES = ["User", "Partner", "ChatRoom", "Message", "ChatImport", "Analysis"]


def _b64(raw: str | bytes) -> str:
    data = raw.encode("utf-8", "surrogatepass") if isinstance(raw, str) else raw
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def forged_ids() -> st.SearchStrategy[str]:
    """IDs in our shape for objects that do not exist, or of unknown types; and garbage."""
    kinds = st.one_of(st.sampled_from(NODE_TYPES), st.text(max_size=12))
    return st.one_of(
        st.builds(lambda kind, value: _b64(f"{kind}:{value}"), kinds, st.uuids()),
        st.builds(lambda kind: _b64(f"{kind}:not-a-uuid"), kinds),
        st.binary(max_size=60).map(_b64),
        st.text(max_size=120),
        st.builds(lambda value, junk: value + junk, st.builds(lambda v: _b64(f"ChatRoom:{v}"), st.uuids()), hostile_text(3)),
        st.just("A" * 10_000),
    )


def ids(real: list[str]) -> st.SearchStrategy[str]:
    """Mostly the caller's (and another user's) real IDs, else forged ones."""
    return st.one_of(st.sampled_from(real), st.sampled_from(real), forged_ids()) if real else forged_ids()


def cursors(real: list[str]) -> st.SearchStrategy[Any]:
    """Cursors: real ones, ones in our shape at any time (years 1 and 9999 with offsets
    included), malformed ones."""
    shaped = st.builds(lambda at, key: _b64(f"{at}|{key}"), datetime_values().filter(lambda v: isinstance(v, str)), st.uuids())
    garbage = st.one_of(st.text(max_size=40), st.binary(max_size=80).map(_b64), st.just("A" * 300), hostile_text(5))
    real_ones = st.sampled_from(real) if real else garbage
    return st.one_of(real_ones, shaped, garbage, st.none())
