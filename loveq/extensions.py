"""Schema extensions: the authentication gate, the operation scope and error codes."""

from __future__ import annotations

import logging
import traceback
from collections.abc import AsyncIterator

from graphql import ExecutionResult as GraphQLExecutionResult
from graphql import FieldNode, GraphQLError, OperationDefinitionNode
from strawberry.extensions import MaskErrors, SchemaExtension

from datastore.errors import RetriesExhausted
from graph.errors import Unauthenticated
from loveq.admission import admit

log = logging.getLogger("loveq.graphql")


def _only_introspection(document: object) -> bool:
    for definition in getattr(document, "definitions", ()):
        if isinstance(definition, OperationDefinitionNode):
            for selection in definition.selection_set.selections:
                if not (isinstance(selection, FieldNode) and selection.name.value.startswith("__")):
                    return False
    return True


class AuthenticationGate(SchemaExtension):
    """Nothing executes without a verified principal (introspection aside).

    It also opens the operation's scope: fresh DataLoaders bound to the caller, and makes
    sure the caller's user row exists (created on first authenticated use) — or refuses the
    token of an account deleted after its sign-in (loveq/admission.py).
    """

    async def on_execute(self) -> AsyncIterator[None]:
        ctx = self.execution_context.context
        if ctx.principal is not None:
            await admit(ctx)
        if ctx.principal is None and not _only_introspection(self.execution_context.graphql_document):
            reason = ctx.auth_error.reason if ctx.auth_error else "missing"
            error = Unauthenticated(str(ctx.auth_error or "authentication required"), reason=reason)
            self.execution_context.result = GraphQLExecutionResult(data=None, errors=[error])
            yield
            return
        token = None
        if ctx.principal is not None:
            token = ctx.open_operation_scope()
        try:
            yield
        finally:
            if token is not None:
                ctx.close_operation_scope(token)


def _code_for(error: GraphQLError) -> str | None:
    original = error.original_error
    if original is None:
        if error.extensions and "code" in error.extensions:
            return None
        return "GRAPHQL_PARSE_FAILED" if error.message.startswith("Syntax Error") else "GRAPHQL_VALIDATION_FAILED"
    if isinstance(original, RetriesExhausted):
        return "CONCURRENT_MODIFICATION"
    if isinstance(original, GraphQLError) and not (original.extensions or {}).get("code"):
        return "BAD_USER_INPUT"  # graphql-core's own coercion errors, e.g. an unknown enum value
    return None


class ErrorCodes(MaskErrors):
    """Every error leaves with `extensions.code`; unexpected ones are masked and logged."""

    def __init__(self) -> None:
        super().__init__(should_mask_error=self._unexpected, error_message="Internal server error")

    @staticmethod
    def _unexpected(error: GraphQLError) -> bool:
        original = error.original_error
        return original is not None and not isinstance(original, (GraphQLError, RetriesExhausted))

    def anonymise_error(self, error: GraphQLError) -> GraphQLError:
        original = error.original_error
        # The exception's message may quote user data; log its type and where it came from.
        frames = "".join(traceback.format_tb(original.__traceback__)) if original else ""
        log.error("unexpected %s at %s\n%s", type(original).__name__, error.path, frames)
        masked = super().anonymise_error(error)
        masked.extensions = {"code": "INTERNAL_SERVER_ERROR"}
        return masked

    def _process_errors(self, errors: list[GraphQLError]) -> list[GraphQLError]:
        processed = super()._process_errors(errors)
        for error in processed:
            code = _code_for(error)
            if code is not None:
                error.extensions = {**(error.extensions or {}), "code": code}
            elif not (error.extensions or {}).get("code") and isinstance(error.original_error, GraphQLError):
                error.extensions = {**(error.original_error.extensions or {})}
        return processed
