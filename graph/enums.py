from __future__ import annotations

import enum

import strawberry

import kakao


@strawberry.enum(description="Where the relationship stands.")
class RelationshipStage(enum.Enum):
    SOME = strawberry.enum_value("SOME", description="썸")
    BLIND_DATE = strawberry.enum_value("BLIND_DATE", description="소개팅")
    DATING = strawberry.enum_value("DATING", description="연인")
    FRIEND = strawberry.enum_value("FRIEND", description="친구")
    EX = strawberry.enum_value("EX", description="전 연인")
    CRUSH = strawberry.enum_value("CRUSH", description="짝사랑")


@strawberry.enum
class Gender(enum.Enum):
    FEMALE = "FEMALE"
    MALE = "MALE"
    NON_BINARY = "NON_BINARY"
    UNDISCLOSED = "UNDISCLOSED"


@strawberry.enum(description="Who sent a message, seen from the user.")
class Sender(enum.Enum):
    ME = "ME"
    PARTNER = "PARTNER"
    OTHER = strawberry.enum_value("OTHER", description="A third person in a group chat.")


# The domain's own enums, exposed as they are: one definition each.
MessageKind = strawberry.enum(kakao.MessageKind)
ExportFormat = strawberry.enum(
    kakao.ExportFormat, description="Which KakaoTalk app wrote the export (detected from its content)."
)
