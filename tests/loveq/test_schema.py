"""The exported SDL matches the code, and every operation declares its permissions."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from graph.permissions import IsAuthenticated
from loveq.schema import schema

ROOT = Path(__file__).resolve().parents[2]


def test_schema_graphql_is_in_sync_with_the_code() -> None:
    exported = subprocess.run(
        [sys.executable, "-m", "strawberry", "export-schema", "loveq.schema:schema"],
        cwd=ROOT, capture_output=True, text=True, check=True,
    ).stdout
    committed = (ROOT / "schema.graphql").read_text(encoding="utf-8")
    assert exported.strip() == committed.strip(), (
        "schema.graphql is stale: run `strawberry export-schema loveq.schema:schema --output schema.graphql`"
    )


def _root_fields(type_name: str):
    root = schema.get_type_by_name(type_name)
    return [] if root is None else root.fields


def test_every_operation_declares_its_permissions() -> None:
    public = {"__typename"}
    for type_name in ("Query", "Mutation", "Subscription"):
        for field in _root_fields(type_name):
            if field.python_name in public:
                continue
            classes = {type(p) for p in field.permission_classes} | set(field.permission_classes)
            assert IsAuthenticated in classes, f"{type_name}.{field.name} has no IsAuthenticated"


def test_contract_names_exist() -> None:
    sdl = schema.as_str()
    for expected in (
        "viewer: User!", "node(id: ID!): Node", "nodes(ids: [ID!]!): [Node]!", "): PartnerConnection!",
        "): ChatRoomConnection!", "profile: Profile!", "relationship: RelationshipStage!", "interests: [String!]!",
        "partner: Partner!", "): MessageConnection!", "sender: Sender!", "sentAt: DateTime!", "kind: MessageKind!",
        "userErrors: [UserError!]!", "field: [String!]", "code: UserErrorCode!", "totalCount: Int!",
    ):
        assert expected in sdl, expected
    for mutation in ("updateProfile", "createPartner", "updatePartner", "deletePartner", "createChatRoom",
                     "updateChatRoom", "deleteChatRoom", "addMessages", "deleteAccount"):
        upper = mutation[0].upper() + mutation[1:]
        assert f"{mutation}(input: {upper}Input!): {upper}Payload!" in sdl, mutation
