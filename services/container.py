"""All services of one running application, built once at start-up and shared by requests."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from ai.coach.engine import CoachEngine
from blobs import BlobStore
from datastore.database import Database
from services.accounts import AccountService
from services.chat_import import ChatImportService, ImportLimits
from services.chat_rooms import ChatRoomService
from services.coaching import CoachingService
from services.deletion import DeletionService
from services.generation_limits import GenerationLimiter
from services.insights import InsightService
from services.loaders import Loaders
from services.messages import MessageService
from services.partners import PartnerService
from services.speech import SpeechService


@dataclass(frozen=True)
class Limits:
    """Limits the API applies to its callers (the resolvers read them from here)."""

    max_page_size: int
    imports: ImportLimits


class Services:
    def __init__(
        self, db: Database, blobs: BlobStore, engine: CoachEngine, generations: GenerationLimiter, limits: Limits
    ) -> None:
        self.db = db
        self.blobs = blobs
        self.limits = limits
        self.deletion = DeletionService(db, blobs)
        self.accounts = AccountService(db, blobs, self.deletion)
        self.partners = PartnerService(db, self.deletion)
        self.chat_rooms = ChatRoomService(db, self.deletion)
        self.messages = MessageService(db)
        self.speech = SpeechService(db, self.accounts)
        self.chat_imports = ChatImportService(db, blobs, self.speech, limits.imports)
        self.insights = InsightService(db)
        self.coaching = CoachingService(db, engine, generations, insights_summary=self.insights.summary)

    def loaders(self, owner: uuid.UUID) -> Loaders:
        """Fresh DataLoaders for one operation of one user: their caches never cross users."""
        return Loaders(self.db, owner)
