from __future__ import annotations

from datetime import datetime

import strawberry

from datastore.records import UserRecord
from graph.enums import Gender
from graph.relay.global_id import encode_id
from graph.relay.node import Node, node_type
from graph.types.speech import SpeechStyle


@strawberry.type
class Profile:
    nickname: str | None
    gender: Gender | None
    birth_year: int | None
    mbti: str | None
    bio: str | None


@node_type(loader="user")
@strawberry.type
class User(Node):
    email: str | None
    profile: Profile
    created_at: datetime
    updated_at: datetime
    speech_style: SpeechStyle | None = strawberry.field(
        description="Your own texting style, as last measured by `analyzeSpeech` or an import."
    )

    @classmethod
    def from_record(cls, record: UserRecord) -> User:
        return cls(
            id=strawberry.ID(encode_id("User", record.id)),
            speech_style=SpeechStyle.from_model(record.speech_style),
            email=record.email,
            profile=Profile(
                nickname=record.nickname,
                gender=Gender(record.gender) if record.gender else None,
                birth_year=record.birth_year,
                mbti=record.mbti,
                bio=record.bio,
            ),
            created_at=record.created_at,
            updated_at=record.updated_at,
        )
