"""The per-request context: who is asking, the application's services, fresh DataLoaders."""

from __future__ import annotations

import contextvars
import uuid
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from datastore.ids import user_id_for
from datastore.paging import PageRequest
from graph.connection import page_request
from graph.errors import Unauthenticated
from loveq.auth.principal import AuthenticationError, Principal

if TYPE_CHECKING:
    from loveq.services import Services
    from resolvers.loaders import Loaders

# Loaders live per operation, not per connection: a WebSocket shares one context between all
# of its operations, and each operation runs in its own task, which gets its own copy of this.
_current_loaders: contextvars.ContextVar[Loaders | None] = contextvars.ContextVar(
    "loveq_loaders", default=None
)


@dataclass
class Context:
    services: Services
    principal: Principal | None = None
    auth_error: AuthenticationError | None = None
    connection_params: dict[str, Any] | None = field(default=None)
    request: Any = None
    response: Any = None

    @property
    def viewer_id(self) -> uuid.UUID:
        if self.principal is None:
            raise Unauthenticated("authentication required")
        return user_id_for(self.principal.issuer, self.principal.subject)

    @property
    def loaders(self) -> Loaders:
        loaders = _current_loaders.get()
        if loaders is None:
            # A subscription resolves its events after the operation's execute hook has
            # returned: they get loaders of their own, in the task that resolves them.
            self.open_operation_scope()
            loaders = _current_loaders.get()
        return loaders

    def page_request(
        self, *, first: int | None, after: str | None, last: int | None, before: str | None
    ) -> PageRequest:
        return page_request(
            first=first, after=after, last=last, before=before, max_size=self.services.settings.max_page_size
        )

    def open_operation_scope(self) -> contextvars.Token:
        from resolvers.loaders import Loaders

        return _current_loaders.set(Loaders(self.services.db, self.viewer_id))

    @staticmethod
    def close_operation_scope(token: contextvars.Token) -> None:
        _current_loaders.reset(token)
