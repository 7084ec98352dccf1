"""Every mutation input, generated from the project's own strategies and sent to the live
server: each answer is data, userErrors with codes, or a typed error — never INTERNAL, never a
5xx, never an error without a code (tests/support/fuzzing.check_answer).

Each example is a valid input with at most two fields spoiled (strategies.spoiled), so bad
values reach past the first check. One test per family of fields; budgets in
tests/support/fuzzing.py (`scripts/fuzz.sh` for a long run)."""

from __future__ import annotations

from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from tests.support import operations as ops
from tests.support import strategies as s
from tests.support.fuzzing import Client, World, check_answer
from tests.support.server import LiveServer

FRESH = "(a partner and room made for this example)"
BAD_TEXT = s.or_wrong(s.texts())
MBTI = st.sampled_from(["ENFP", "istj", " INFJ-T "])
BAD_MBTI = s.or_wrong(st.one_of(st.sampled_from(["ABCD", "ENFP-X", "enfp\u0000"]), s.texts()))
RELATIONSHIPS = st.sampled_from(["SOME", "BLIND_DATE", "DATING", "FRIEND", "EX", "CRUSH"])
BAD_ENUM = s.or_wrong(st.one_of(st.sampled_from(["LOVER", "some", "\ud800"]), s.texts()))


def _real(world: World, *kinds: str) -> st.SearchStrategy[str]:
    return st.sampled_from([value for kind in kinds for value in getattr(world, kind)])


def _any_id(world: World) -> st.SearchStrategy[Any]:
    return s.or_wrong(s.ids(world.ids))


def _mutate(world: World, document: str, root: str, input: Any) -> dict[str, Any]:
    return world.client.send(document, {"input": input}, root)


def _discard(world: World, body: dict[str, Any], root: str, key: str, delete: str) -> None:
    """Delete what a create made, so long runs stay under the per-user quotas."""
    made = ((body.get("data") or {}).get(root) or {}).get(key)
    if made:
        world.client.send(delete, {"input": {"id": made["id"]}})


@given(data=st.data())
def test_profile(world: World, data: st.DataObject) -> None:
    valid = {
        "nickname": s.names(30), "bio": s.korean_text(100), "mbti": MBTI,
        "gender": st.sampled_from(["FEMALE", "MALE", "NON_BINARY", "UNDISCLOSED"]), "birthYear": st.integers(1900, 2010),
    }
    bad = {"nickname": BAD_TEXT, "bio": BAD_TEXT, "mbti": BAD_MBTI, "gender": BAD_ENUM, "birthYear": s.or_wrong(s.ints(1800, 2100))}
    _mutate(world, ops.UPDATE_PROFILE, "updateProfile", data.draw(s.spoiled(valid, bad, optional=tuple(valid))))


PARTNER_VALID = {
    "name": s.names(50), "relationship": RELATIONSHIPS, "age": st.integers(14, 120), "mbti": MBTI,
    "description": s.korean_text(200), "interests": st.lists(s.names(30), max_size=4), "communicationStyle": s.korean_text(100),
}
PARTNER_BAD = {
    "name": BAD_TEXT, "relationship": BAD_ENUM, "age": s.or_wrong(s.ints(-5, 200)), "mbti": BAD_MBTI, "description": BAD_TEXT,
    "interests": s.or_wrong(st.one_of(st.lists(BAD_TEXT, max_size=4), st.lists(s.names(5), min_size=21, max_size=22))),
    "communicationStyle": BAD_TEXT,
}
PARTNER_OPTIONAL = ("age", "mbti", "description", "interests", "communicationStyle")


@given(data=st.data())
def test_partners(world: World, data: st.DataObject) -> None:
    create = data.draw(s.spoiled(PARTNER_VALID, PARTNER_BAD, optional=PARTNER_OPTIONAL))
    created = _mutate(world, ops.CREATE_PARTNER, "createPartner", create)
    _discard(world, created, "createPartner", "partner", ops.DELETE_PARTNER)
    update = data.draw(s.spoiled(
        {"id": _real(world, "partners"), **PARTNER_VALID}, {"id": _any_id(world), **PARTNER_BAD}, optional=tuple(PARTNER_VALID)
    ))
    _mutate(world, ops.UPDATE_PARTNER, "updatePartner", update)


@given(data=st.data())
def test_rooms(world: World, data: st.DataObject) -> None:
    valid = {"partnerId": _real(world, "partners"), "title": s.names(100)}
    bad = {"partnerId": _any_id(world), "title": BAD_TEXT}
    created = _mutate(world, ops.CREATE_ROOM, "createChatRoom", data.draw(s.spoiled(valid, bad)))
    _discard(world, created, "createChatRoom", "chatRoom", ops.DELETE_ROOM)
    update = data.draw(s.spoiled({"id": _real(world, "rooms"), **valid}, {"id": _any_id(world), **bad}, optional=tuple(valid)))
    _mutate(world, ops.UPDATE_ROOM, "updateChatRoom", update)


def _fresh(client: Client) -> dict[str, str]:
    partner = client.ok(ops.CREATE_PARTNER, {"input": {"name": "하은", "relationship": "CRUSH"}})["createPartner"]["partner"]["id"]
    room = client.ok(ops.CREATE_ROOM, {"input": {"partnerId": partner, "title": "하은"}})["createChatRoom"]["chatRoom"]["id"]
    return {"partner": partner, "room": room}


@given(data=st.data())
def test_deletions(world: World, data: st.DataObject) -> None:
    target = data.draw(st.one_of(st.just(FRESH), s.or_wrong(s.ids(world.strangers))))
    made = _fresh(world.client) if target == FRESH else {"partner": target, "room": target}
    first = data.draw(st.sampled_from(["room", "partner"]))
    for kind in (first, "partner" if first == "room" else "room"):
        document, root = (ops.DELETE_ROOM, "deleteChatRoom") if kind == "room" else (ops.DELETE_PARTNER, "deletePartner")
        _mutate(world, document, root, {"id": made[kind]})


MESSAGE = s.spoiled(
    {
        "sender": st.sampled_from(["ME", "PARTNER", "OTHER"]), "text": s.korean_text(200).filter(str.strip),
        "sentAt": s.recent_datetimes(), "kind": st.sampled_from(["TEXT", "PHOTO", "EMOTICON", "LINK"]), "senderName": s.names(50),
    },
    {"sender": BAD_ENUM, "text": BAD_TEXT, "sentAt": s.datetime_values(), "kind": BAD_ENUM, "senderName": BAD_TEXT},
    optional=("kind", "senderName"),
)


@given(data=st.data())
def test_messages(world: World, data: st.DataObject) -> None:
    too_many = st.lists(MESSAGE, min_size=1, max_size=1).map(lambda one: one * 501)
    valid = {"roomId": _real(world, "rooms"), "messages": st.lists(MESSAGE, min_size=1, max_size=3)}
    bad = {"roomId": _any_id(world), "messages": s.or_wrong(st.one_of(st.just([]), too_many))}
    _mutate(world, ops.ADD_MESSAGES, "addMessages", data.draw(s.spoiled(valid, bad)))


def _export_text(text: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    """Pasted exports: Android lines whose names and texts are generated.

    Without NUL: what a NUL inside an export does (strip it or refuse the import, and say
    which) is the import's own rule, settled with the importer under issue 8."""
    text = text.map(lambda value: value.replace("\x00", ""))
    line = st.builds(lambda name, said: f"2026년 11월 18일 오후 8:15, {name} : {said}", st.sampled_from(["지민", "민준"]) | text, text)
    header = st.sampled_from(["지민 님과 카카오톡 대화\n저장한 날짜 : 2026년 11월 20일 오후 9:01\n\n", "", "\ufeff"])
    return st.builds(lambda head, lines: head + "\n".join(lines), header, st.lists(line, min_size=1, max_size=5))


IMPORT_VALID = {"myName": st.just("민준"), "partnerName": st.just("지민"), "timezone": st.sampled_from(s.REAL_ZONES)}
IMPORT_BAD = {"myName": BAD_TEXT, "partnerName": BAD_TEXT, "timezone": s.or_wrong(s.zone_names())}


@given(data=st.data())
def test_pasted_imports(world: World, data: st.DataObject) -> None:
    valid = {"roomId": _real(world, "rooms"), "text": _export_text(s.korean_text(30).filter(str.strip)), **IMPORT_VALID}
    bad = {
        "roomId": _any_id(world), "text": s.or_wrong(st.one_of(_export_text(s.texts()), _export_text(s.texts()).map(str.strip))),
        "file": s.JSON_VALUES, **IMPORT_BAD,
    }
    _mutate(world, ops.IMPORT_CHAT, "importChat", data.draw(s.spoiled(valid, bad, optional=tuple(IMPORT_VALID))))


@given(data=st.data())
def test_uploaded_imports(world: World, data: st.DataObject) -> None:
    content = data.draw(st.one_of(
        _export_text(s.korean_text(30)).map(lambda text: text.encode("utf-8")),
        _export_text(s.texts()).map(lambda text: text.encode("utf-8", "surrogatepass")),
        st.binary(max_size=200).map(lambda raw: raw.replace(b"\x00", b"")),
    ))
    name = data.draw(st.one_of(st.just("KakaoTalk_Chat.txt"), s.korean_text(20), st.text(st.characters(codec="utf-8"), max_size=30)))
    input = data.draw(s.spoiled({"roomId": _real(world, "rooms"), **IMPORT_VALID}, {"roomId": _any_id(world), **IMPORT_BAD}))
    response = world.client.upload(ops.IMPORT_CHAT, {"input": {**input, "file": None}}, "variables.input.file", name, content)
    check_answer(response, "importChat")


@given(data=st.data())
def test_speech(world: World, data: st.DataObject) -> None:
    valid = {"roomId": _real(world, "rooms"), "texts": st.lists(s.korean_text(50).filter(str.strip), min_size=1, max_size=5)}
    bad = {"roomId": _any_id(world), "texts": s.or_wrong(st.lists(BAD_TEXT, max_size=5))}
    _mutate(world, ops.ANALYZE_SPEECH, "analyzeSpeech", data.draw(s.spoiled(valid, bad, optional=tuple(valid))))


@given(data=st.data())
def test_coaching(world: World, data: st.DataObject) -> None:
    which = data.draw(st.sampled_from(["analyzeMessage", "chooseReply", "analyzePartner"]))
    if which == "analyzeMessage":
        valid = {"roomId": _real(world, "rooms"), "message": s.korean_text(60).filter(str.strip), "situation": s.korean_text(60)}
        bad = {"roomId": _any_id(world), "message": BAD_TEXT, "situation": BAD_TEXT}
        _mutate(world, ops.ANALYZE_MESSAGE, which, data.draw(s.spoiled(valid, bad, optional=("message", "situation"))))
    elif which == "chooseReply":
        valid = {"analysisId": _real(world, "analyses"), "risk": st.sampled_from(["SAFE", "BALANCED", "BOLD"]), "rating": st.integers(1, 5)}
        bad = {"analysisId": _any_id(world), "risk": BAD_ENUM, "rating": s.or_wrong(s.ints(-2, 8))}
        _mutate(world, ops.CHOOSE_REPLY, which, data.draw(s.spoiled(valid, bad, optional=("rating",))))
    else:
        input = data.draw(s.spoiled({"partnerId": _real(world, "partners")}, {"partnerId": _any_id(world)}))
        _mutate(world, ops.ANALYZE_PARTNER, which, input)


@given(confirm=s.or_wrong(st.booleans()))
def test_account(live_server: LiveServer, confirm: Any) -> None:
    """A user of its own per example: confirming deletes it."""
    client = Client(live_server.graphql_url, live_server.token())
    try:
        client.send(ops.DELETE_ACCOUNT, {"input": {"confirm": confirm}}, "deleteAccount")
        client.send(ops.VIEWER)
    finally:
        client.close()
