"""The per-request context: who is asking, the application's services, fresh DataLoaders."""

from __future__ import annotations

import contextvars
import uuid
from dataclasses import dataclass, field
from typing import Any

from graph.errors import Unauthenticated
from services.container import Services
from services.identity import Principal
from services.loaders import Loaders

# Loaders live per operation, not per connection: a WebSocket shares one context between all
# of its operations, and each operation runs in its own task, which gets its own copy of this.
_current_loaders: contextvars.ContextVar[Loaders | None] = contextvars.ContextVar(
    "loveq_loaders", default=None
)


@dataclass
class Context:
    services: Services
    principal: Principal | None = None
    connection_params: dict[str, Any] | None = field(default=None)

    @property
    def viewer(self) -> Principal:
        if self.principal is None:
            raise Unauthenticated("authentication required")
        return self.principal

    @property
    def viewer_id(self) -> uuid.UUID:
        return self.viewer.user_id

    @property
    def loaders(self) -> Loaders:
        loaders = _current_loaders.get()
        if loaders is None:
            # A subscription resolves its events after the operation's execute hook has
            # returned: they get loaders of their own, in the task that resolves them.
            self.open_operation_scope()
            loaders = _current_loaders.get()
        return loaders

    def open_operation_scope(self) -> contextvars.Token:
        return _current_loaders.set(self.services.loaders(self.viewer_id))

    @staticmethod
    def close_operation_scope(token: contextvars.Token) -> None:
        """Ends the operation's loaders: batches still loading (for fields whose operation
        timed out, or failed beside them) are cancelled rather than left running."""
        loaders = _current_loaders.get()
        _current_loaders.reset(token)
        if loaders is not None:
            loaders.cancel()
