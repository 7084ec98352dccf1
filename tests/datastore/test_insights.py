"""InsightStore on real PostgreSQL: a known conversation with figures worked out by hand."""

from __future__ import annotations

import uuid
from dataclasses import asdict
from datetime import date, datetime, timedelta, timezone

import pytest

from datastore.database import Database, connect_postgres
from datastore.migrate import migrate
from datastore.stores import NewMessage
from datastore.stores.insights import InsightRow, InsightStore, RoomInsightRows

KST = timezone(timedelta(hours=9))
MONDAY_1 = date(2026, 3, 2)
MONDAY_2 = date(2026, 3, 9)


def kst(day: int, hour: int, minute: int) -> datetime:
    return datetime(2026, 3, day, hour, minute, tzinfo=KST)


# (number, local time, sender, body, kind). Remarks: Q question, L laughter, E emoticon,
# N late night (22:00-02:00 KST), S conversation start, R reply (latency), RQ reply to a question.
CONVERSATION = [
    (1, kst(3, 22, 30), "ME", "뭐해?", "TEXT"),  # S Q N — 13:30 UTC, late only in Seoul
    (2, kst(3, 22, 32), "PARTNER", "그냥 누워 있어 ㅋㅋ", "TEXT"),  # RQ 120 L N
    (3, kst(3, 22, 33), "PARTNER", "너는 뭐하니", "TEXT"),  # Q (하니) N
    (4, kst(3, 22, 40), "ME", "나도 누워 있지 ^^", "TEXT"),  # RQ 420 E N
    (5, kst(3, 23, 10), "PARTNER", "이모티콘", "EMOTICON"),  # R 1800 E N
    (6, kst(4, 1, 30), "ME", "잘 자", "TEXT"),  # R 8400 N (01:30)
    (7, kst(4, 2, 10), "PARTNER", "응 너도 잘 자", "TEXT"),  # R 2400, 02:10 is not late
    (8, kst(4, 12, 0), "ME", "점심 먹었어?", "TEXT"),  # S (9h50 of silence: not a reply) Q
    (9, kst(4, 12, 1), "PARTNER", "응 먹었지 ㅎㅎ 너는?", "TEXT"),  # RQ 60 Q L
    (10, kst(4, 12, 3), "ME", "나도 먹었어 😊", "TEXT"),  # RQ 120 E
    (11, kst(9, 0, 30), "PARTNER", "자니", "TEXT"),  # S Q N — Sunday in UTC, week 2 in Seoul
    (12, kst(9, 21, 0), "PARTNER", "이번 주말에 시간 돼?", "TEXT"),  # S Q
    (13, kst(9, 21, 4), "ME", "https://example.com/a?b=1", "LINK"),  # RQ 240
    (14, kst(9, 21, 6), "ME", "여기 가보자 https://map.example/x?id=3", "TEXT"),  # '?' only in the link
    (15, kst(9, 21, 20), "PARTNER", "좋아 ㅋ", "TEXT"),  # R 840, one ㅋ is not laughter
    (16, kst(9, 21, 22), "OTHER", "안녕하세요", "TEXT"),  # a third person: nobody's reply
    (17, kst(9, 21, 25), "ME", "민수 왔네", "TEXT"),  # after OTHER: not a reply
    (18, kst(9, 21, 26), "PARTNER", "나 지금 바쁘니까", "TEXT"),  # R 60, 니까 is not a question
    (19, kst(9, 21, 36), "ME", "그럼 이따 연락할까요", "TEXT"),  # R 600 Q
    (20, kst(9, 21, 40), "PARTNER", "아니", "TEXT"),  # RQ 240, 아니 is not a question
]


def row(sender: str, week_start: date | None = None, **figures) -> dict:
    return {"sender": sender, "week_start": week_start, **figures}


def quiet(sender: str, week_start: date | None = None, **figures) -> dict:
    """A side with no replies, starts, questions or signs unless given."""
    base = dict(
        question_count=0, laughter_count=0, emoticon_count=0, late_night_count=0,
        conversations_started=0, reply_count=0, median_reply_seconds=None,
        question_reply_count=0, median_reply_to_question_seconds=None,
    )
    return row(sender, week_start, **{**base, **figures})


def assert_rows(rows, expected: list[dict]) -> None:
    """Rows equal to the expected figures; averages compared approximately."""
    assert [(r.week_start, r.sender) for r in rows] == [(e["week_start"], e["sender"]) for e in expected]
    for actual, wanted in zip(rows, expected):
        assert asdict(actual) == pytest.approx(wanted)


@pytest.fixture(scope="module")
async def db(database_dsn: str):
    database = await connect_postgres(database_dsn, min_size=1, max_size=4)
    await migrate(database)
    yield database
    await database.close()


async def _room(db: Database, owner: uuid.UUID, messages: list[NewMessage]) -> uuid.UUID:
    async def work(uow):
        partner = await uow.partners.create({"name": "지민", "relationship": "SOME", "interests": []})
        room = await uow.chat_rooms.create(partner_id=partner.id, title="지민")
        await uow.messages.add_many(room.id, messages)
        return room.id

    return await db.run(work, owner=owner)


async def _insights(db: Database, owner: uuid.UUID, room_id: uuid.UUID, **options) -> RoomInsightRows:
    return await db.read(lambda uow: InsightStore(uow.conn, owner).room_insights(room_id, **options), owner=owner)


@pytest.fixture(scope="module")
async def conversation(db: Database) -> tuple[uuid.UUID, uuid.UUID]:
    owner = uuid.uuid4()
    messages = [
        NewMessage(sender, body, at, kind=kind, sender_name="민수" if sender == "OTHER" else None)
        for _, at, sender, body, kind in CONVERSATION
    ]
    return owner, await _room(db, owner, messages)


ME_TOTAL = row(
    "ME", message_count=9, text_count=8,
    average_length=(3 + 11 + 3 + 7 + 8 + 33 + 5 + 11) / 8,  # 10.125
    question_count=3, laughter_count=0, emoticon_count=2, late_night_count=3,
    conversations_started=2,
    reply_count=5, median_reply_seconds=420.0,  # 120 240 [420] 600 8400
    question_reply_count=3, median_reply_to_question_seconds=240.0,  # 120 [240] 420
)
OTHER_TOTAL = quiet("OTHER", message_count=1, text_count=1, average_length=5.0)
PARTNER_TOTAL = row(
    "PARTNER", message_count=10, text_count=9,
    average_length=(11 + 6 + 8 + 12 + 2 + 12 + 4 + 9 + 2) / 9,  # 66 / 9
    question_count=4, laughter_count=2, emoticon_count=1, late_night_count=4,
    conversations_started=2,
    reply_count=7, median_reply_seconds=240.0,  # 60 60 120 [240] 840 1800 2400
    question_reply_count=3, median_reply_to_question_seconds=120.0,  # 60 [120] 240
)


async def test_totals_per_side(db: Database, conversation) -> None:
    owner, room_id = conversation
    rows = await _insights(db, owner, room_id)
    assert_rows(rows.totals, [ME_TOTAL, OTHER_TOTAL, PARTNER_TOTAL])
    assert rows.total("PARTNER").message_count == 10
    assert rows.total("NOBODY").message_count == 0


async def test_weeks_are_local_iso_weeks(db: Database, conversation) -> None:
    owner, room_id = conversation
    rows = await _insights(db, owner, room_id)
    assert rows.week_starts() == [MONDAY_1, MONDAY_2]
    assert_rows(rows.weeks, [
        row(
            "ME", MONDAY_1, message_count=5, text_count=5, average_length=32 / 5,
            question_count=2, laughter_count=0, emoticon_count=2, late_night_count=3,
            conversations_started=2,
            reply_count=3, median_reply_seconds=420.0,  # 120 [420] 8400
            question_reply_count=2, median_reply_to_question_seconds=270.0,  # (120 + 420) / 2
        ),
        row(
            "PARTNER", MONDAY_1, message_count=5, text_count=4, average_length=37 / 4,
            question_count=2, laughter_count=2, emoticon_count=1, late_night_count=3,
            conversations_started=0,
            reply_count=4, median_reply_seconds=960.0,  # 60 [120 1800] 2400
            question_reply_count=2, median_reply_to_question_seconds=90.0,  # (60 + 120) / 2
        ),
        row(
            "ME", MONDAY_2, message_count=4, text_count=3, average_length=49 / 3,
            question_count=1, laughter_count=0, emoticon_count=0, late_night_count=0,
            conversations_started=0,
            reply_count=2, median_reply_seconds=420.0,  # (240 + 600) / 2
            question_reply_count=1, median_reply_to_question_seconds=240.0,
        ),
        quiet("OTHER", MONDAY_2, message_count=1, text_count=1, average_length=5.0),
        row(
            # 자니 at 00:30 on Monday in Seoul is still Sunday in UTC: it belongs to week 2.
            "PARTNER", MONDAY_2, message_count=5, text_count=5, average_length=29 / 5,
            question_count=2, laughter_count=0, emoticon_count=0, late_night_count=1,
            conversations_started=2,
            reply_count=3, median_reply_seconds=240.0,  # 60 [240] 840
            question_reply_count=1, median_reply_to_question_seconds=240.0,
        ),
    ])
    assert rows.week(MONDAY_2, "PARTNER").message_count == 5
    assert rows.week(MONDAY_1, "OTHER").message_count == 0


async def test_time_zone_decides_late_night_and_weeks(db: Database, conversation) -> None:
    owner, room_id = conversation
    rows = await _insights(db, owner, room_id, timezone="UTC")
    # In UTC every message falls between 03:00 and 17:10: none is late at night.
    assert rows.total("ME").late_night_count == 0
    assert rows.total("PARTNER").late_night_count == 0
    # 자니 (Sunday 15:30 UTC) moves back to the first week.
    assert rows.week(MONDAY_1, "PARTNER").message_count == 6
    assert rows.week(MONDAY_2, "PARTNER").message_count == 4


async def test_silence_threshold_decides_starts_and_replies(db: Database, conversation) -> None:
    owner, room_id = conversation
    rows = await _insights(db, owner, room_id, silence=timedelta(hours=2))
    me = rows.total("ME")
    # 잘 자 came 2h20 after the sticker: now a new conversation, not an 8,400-second reply.
    assert me.conversations_started == 3
    assert me.reply_count == 4
    assert me.median_reply_seconds == 330.0  # 120 [240 420] 600


async def test_window_start_uses_the_message_before_it_as_context(db: Database, conversation) -> None:
    owner, room_id = conversation
    # From 21:10 on the second Monday: 좋아 ㅋ (21:20) answers 여기 가보자 (21:06, before the window).
    rows = await _insights(db, owner, room_id, start=kst(9, 21, 10))
    assert rows.week_starts() == [MONDAY_2]
    partner = rows.total("PARTNER")
    assert (partner.message_count, partner.conversations_started) == (3, 0)
    assert (partner.reply_count, partner.median_reply_seconds) == (3, 240.0)  # 60 [240] 840
    me = rows.total("ME")
    assert (me.message_count, me.reply_count, me.median_reply_seconds) == (2, 1, 600.0)
    assert rows.total("OTHER").message_count == 1

    # From 22:31 on the first Tuesday: the context message 뭐해? is a question.
    rows = await _insights(db, owner, room_id, start=kst(3, 22, 31))
    assert rows.total("ME").message_count == 8
    assert rows.total("ME").conversations_started == 1
    partner = rows.total("PARTNER")
    assert (partner.question_reply_count, partner.median_reply_to_question_seconds) == (3, 120.0)


async def test_window_end_is_exclusive(db: Database, conversation) -> None:
    owner, room_id = conversation
    rows = await _insights(db, owner, room_id, end=kst(4, 1, 30))  # 잘 자 is sent at 01:30
    me, partner = rows.total("ME"), rows.total("PARTNER")
    assert (me.message_count, me.late_night_count, me.median_reply_seconds) == (2, 2, 420.0)
    assert (partner.message_count, partner.late_night_count) == (3, 3)
    assert partner.median_reply_seconds == 960.0  # (120 + 1800) / 2

    # Only 자니: its predecessor (Wednesday noon) is days earlier, so it starts a conversation.
    rows = await _insights(db, owner, room_id, start=kst(9, 0, 0), end=kst(9, 21, 0))
    assert [r.sender for r in rows.totals] == ["PARTNER"]
    assert_rows(rows.totals, [
        quiet("PARTNER", message_count=1, text_count=1, average_length=2.0, question_count=1,
              late_night_count=1, conversations_started=1)
    ])
    assert rows.total("ME").message_count == 0


async def test_other_owners_see_nothing(db: Database, conversation) -> None:
    owner, room_id = conversation
    stranger = uuid.uuid4()
    await _room(db, stranger, [NewMessage("PARTNER", "안녕?", kst(3, 22, 0))])
    rows = await _insights(db, stranger, room_id)
    assert rows.totals == () and rows.weeks == ()
    # ... and the stranger's own room does not leak into the owner's figures.
    assert_rows((await _insights(db, owner, room_id)).totals, [ME_TOTAL, OTHER_TOTAL, PARTNER_TOTAL])


async def test_deleted_room_has_no_insights(db: Database) -> None:
    owner = uuid.uuid4()
    room_id = await _room(db, owner, [NewMessage("ME", "안녕", kst(3, 20, 0))])
    assert len((await _insights(db, owner, room_id)).totals) == 1
    await db.run(lambda uow: uow.chat_rooms.mark_deleted(room_id), owner=owner)
    assert (await _insights(db, owner, room_id)).totals == ()


async def test_messages_of_an_unfinished_import_do_not_count(db: Database) -> None:
    owner = uuid.uuid4()
    room_id = await _room(db, owner, [NewMessage("ME", "안녕", kst(3, 20, 0))])
    import_id = uuid.uuid4()
    imported = [NewMessage("PARTNER", "뭐해?", kst(3, 20, 5)), NewMessage("PARTNER", "ㅋㅋ", kst(3, 20, 6))]

    async def begin(uow):
        await uow.imports.start(import_id, room_id=room_id, file_name="chat.txt", blob_key=None, raw_expires_at=None)
        await uow.messages.add_many(room_id, imported, import_id=import_id)

    await db.run(begin, owner=owner)
    rows = await _insights(db, owner, room_id)
    assert [(r.sender, r.message_count) for r in rows.totals] == [("ME", 1)]

    async def finish(uow):
        await uow.imports.complete(
            import_id, format="ANDROID", imported=2, duplicates=0, not_understood=0, nul_removed=0,
            first_at=kst(3, 20, 5), last_at=kst(3, 20, 6),
        )

    await db.run(finish, owner=owner)
    rows = await _insights(db, owner, room_id)
    assert [(r.sender, r.message_count) for r in rows.totals] == [("ME", 1), ("PARTNER", 2)]
    assert rows.total("PARTNER").reply_count == 1  # 뭐해? answered 안녕 after 5 minutes


async def test_bad_arguments(db: Database, conversation) -> None:
    owner, room_id = conversation
    with pytest.raises(ValueError, match="time zone"):
        await _insights(db, owner, room_id, timezone="Mars/Olympus_Mons")
    with pytest.raises(ValueError, match="silence"):
        await _insights(db, owner, room_id, silence=timedelta(0))


# -- what counts as a question, a laugh, an emoticon ----------------------------------------

QUESTIONS = [
    "뭐해?", "진짜？", "밥 먹었어?ㅋㅋ", "어디 가?? 😊", "할까요?!", "내일 갈까", "같이 볼까요",
    "이거 맞습니까", "있나요", "왜 그러냐", "뭐하니", "자니ㅋㅋ", "이거 어때", "어때요~", "뭐해",
    "뭐함", "지금 뭐하세요", "어디야", "누구야", "언제야", "왜요", "뭐해 ㅎㅎ 🙂",
]
NOT_QUESTIONS = [
    "바쁘니까", "그러니까요", "아까", "아니", "우리 언니", "어머니", "나 잘래", "좋아", "그렇죠",
    "https://example.com/?q=1 봐봐", "ㅋㅋㅋ",
]
LAUGHS = ["ㅋㅋ", "ㅎㅎ", "ㅋㅎ", "아 진짜 하하", "히히", "크크크", "ㅋㅋㅋㅋ 대박"]
NOT_LAUGHS = ["ㅋ", "ㅎ", "ㅎㅇ", "하", "ㅠㅠ", "좋아 ㅋ"]
EMOTICONS = [
    "^^", "^_^", "좋아 :)", ";)", ":D", ">_<", "-_-", "ㅡㅡ", "=_=", "ㅎㅅㅎ", "♥", "😊", "👍🏻", "☕",
]
NOT_EMOTICONS = ["ㅠㅠ", "T_T", "10:30", "https://a.b/c", "ㅋㅋ", "a-b"]


async def _one(db: Database, body: str, kind: str = "TEXT") -> InsightRow:
    owner = uuid.uuid4()
    room_id = await _room(db, owner, [NewMessage("ME", body, kst(3, 12, 0), kind=kind)])
    return (await _insights(db, owner, room_id)).total("ME")


@pytest.mark.parametrize("body", QUESTIONS)
async def test_questions(db: Database, body: str) -> None:
    assert (await _one(db, body)).question_count == 1


@pytest.mark.parametrize("body", NOT_QUESTIONS)
async def test_not_questions(db: Database, body: str) -> None:
    assert (await _one(db, body)).question_count == 0


@pytest.mark.parametrize("body", LAUGHS)
async def test_laughter(db: Database, body: str) -> None:
    assert (await _one(db, body)).laughter_count == 1


@pytest.mark.parametrize("body", NOT_LAUGHS)
async def test_not_laughter(db: Database, body: str) -> None:
    assert (await _one(db, body)).laughter_count == 0


@pytest.mark.parametrize("body", EMOTICONS)
async def test_emoticons(db: Database, body: str) -> None:
    assert (await _one(db, body)).emoticon_count == 1


@pytest.mark.parametrize("body", NOT_EMOTICONS)
async def test_not_emoticons(db: Database, body: str) -> None:
    assert (await _one(db, body)).emoticon_count == 0


async def test_kinds(db: Database) -> None:
    sticker = await _one(db, "이모티콘", "EMOTICON")
    assert (sticker.message_count, sticker.text_count, sticker.emoticon_count) == (1, 0, 1)
    assert sticker.average_length is None
    photo = await _one(db, "사진", "PHOTO")
    assert (photo.message_count, photo.text_count, photo.question_count, photo.emoticon_count) == (1, 0, 0, 0)
    link = await _one(db, "https://example.com/?q=뭐해?", "LINK")
    assert (link.message_count, link.question_count) == (1, 0)


async def test_signals_stored_at_write_time_match_the_ones_computed_on_read(db: Database) -> None:
    """Rows written before migration 0004 have no stored signals: both paths must agree."""
    owner = uuid.uuid4()
    messages = [NewMessage(sender, body, at, kind=kind) for _, at, sender, body, kind in CONVERSATION]
    room_id = await _room(db, owner, messages)
    async with db.connection() as conn:
        stored = await conn.fetch("SELECT signals FROM messages WHERE room_id = $1", room_id)
        assert stored and all(r["signals"] is not None for r in stored)
        assert any(r["signals"] & 1 for r in stored) and any(r["signals"] & 2 for r in stored)
    with_signals = await _insights(db, owner, room_id)
    async with db.connection() as conn:
        await conn.execute("UPDATE messages SET signals = NULL WHERE room_id = $1", room_id)
    assert await _insights(db, owner, room_id) == with_signals
