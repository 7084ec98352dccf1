from __future__ import annotations

from datetime import datetime

import strawberry

from datastore.records import ChatImportRecord
from graph.enums import ExportFormat
from graph.relay.global_id import encode_id
from graph.relay.node import Node, node_type


@node_type(loader="chat_import")
@strawberry.type(description="One imported KakaoTalk export.")
class ChatImport(Node):
    format: ExportFormat | None
    file_name: str | None
    messages_imported: int
    duplicates_skipped: int
    lines_not_understood: int
    nul_characters_removed: int = strawberry.field(
        description=(
            "NUL characters (U+0000) removed from the export's messages and sender names. No KakaoTalk app "
            "writes them, so they mark a damaged file; they carry no text and cannot be stored, so the import "
            "goes on without them rather than failing. The kept raw file is left as uploaded. 0 for a sound export."
        )
    )
    first_message_at: datetime | None
    last_message_at: datetime | None
    raw_file_expires_at: datetime | None = strawberry.field(
        description="When the uploaded file is deleted (null for pasted text, which is not kept)."
    )
    raw_file_deleted_at: datetime | None
    created_at: datetime

    @classmethod
    def from_record(cls, record: ChatImportRecord) -> ChatImport:
        return cls(
            id=strawberry.ID(encode_id("ChatImport", record.id)),
            format=ExportFormat(record.format) if record.format else None,
            file_name=record.file_name,
            messages_imported=record.messages_imported,
            duplicates_skipped=record.duplicates_skipped,
            lines_not_understood=record.lines_not_understood,
            nul_characters_removed=record.nul_characters_removed or 0,
            first_message_at=record.first_message_at,
            last_message_at=record.last_message_at,
            raw_file_expires_at=record.raw_expires_at,
            raw_file_deleted_at=record.raw_deleted_at,
            created_at=record.created_at,
        )
