"""Schema extensions: the authentication gate, the cost limit and error codes.

Each is passed to the schema as a class or a factory, so every request gets instances of its
own (an instance shared by concurrent requests mixes their contexts up).
"""

from __future__ import annotations

import logging
import math
import traceback
from collections.abc import AsyncIterator, Callable, Iterator

from graphql import FieldNode, GraphQLError, OperationDefinitionNode
from strawberry.extensions import MaskErrors, SchemaExtension

from graphql import ExecutionResult as GraphQLExecutionResult

from datastore.errors import DatabaseUnavailable, RetriesExhausted, StatementTimeout
from graph.errors import ApiError, QueryTooCostly, Unauthenticated
from loveq.admission import admit
from loveq.query_cost import document_cost

log = logging.getLogger("loveq.graphql")


def only_introspection(document: object) -> bool:
    for definition in getattr(document, "definitions", ()):
        if isinstance(definition, OperationDefinitionNode):
            for selection in definition.selection_set.selections:
                if not (isinstance(selection, FieldNode) and selection.name.value.startswith("__")):
                    return False
    return True


def unauthenticated(auth_error: Exception | None) -> Unauthenticated:
    reason = getattr(auth_error, "reason", "missing")
    return Unauthenticated(str(auth_error or "authentication required"), reason=reason)


class AuthenticationGate(SchemaExtension):
    """Nothing but introspection is validated or executed without a verified principal.

    It also opens the operation's scope: fresh DataLoaders bound to the caller, and makes
    sure the caller's user row exists (created on first authenticated use) — or refuses the
    token of an account deleted after its sign-in (loveq/admission.py).
    """

    def on_validate(self) -> Iterator[None]:
        execution = self.execution_context
        ctx = execution.context
        if ctx.principal is None and not only_introspection(execution.graphql_document):
            # Errors set before validation stop it: an anonymous document costs a parse only.
            execution.pre_execution_errors = [unauthenticated(ctx.auth_error)]
        yield

    async def on_execute(self) -> AsyncIterator[None]:
        ctx = self.execution_context.context
        # One pooled connection for all of the operation's statements (datastore/session.py).
        async with ctx.services.db.session():
            if ctx.principal is not None:
                try:
                    await admit(ctx)
                except tuple(_FIXED) as exc:  # the database failed us before anything ran
                    code, message = _FIXED[type(exc)]
                    self.execution_context.result = GraphQLExecutionResult(data=None, errors=[ApiError(message, code=code)])
                    yield
                    return
                if ctx.principal is None:  # the account was deleted after this token's sign-in
                    self.execution_context.result = GraphQLExecutionResult(data=None, errors=[unauthenticated(ctx.auth_error)])
            if ctx.principal is None:
                yield
                return
            token = ctx.open_operation_scope()
            try:
                yield
            finally:
                ctx.close_operation_scope(token)


def query_cost_limit(limit: int, max_page_size: int) -> Callable[[], SchemaExtension]:
    """The cost limit as a factory: a fresh extension per request."""

    class QueryCostLimit(SchemaExtension):
        """Refuses, before validation, a document whose static cost passes the limit."""

        def on_validate(self) -> Iterator[None]:
            execution = self.execution_context
            if execution.pre_execution_errors is None and execution.graphql_document is not None:
                cost = document_cost(
                    execution.schema._schema,
                    execution.graphql_document,
                    execution.operation_name,
                    execution.variables,
                    max_page_size=max_page_size,
                )
                if cost > limit:
                    shown = "unbounded" if math.isinf(cost) else int(cost)
                    execution.pre_execution_errors = [
                        QueryTooCostly(f"the query costs {shown}, over the limit of {limit}", cost=shown, limit=limit)
                    ]
                else:
                    # The caller's cost budget (loveq/request_guard.py), when a guard is in front.
                    guard = getattr(execution.context, "guard", None)
                    refused = guard.charge(execution.context, cost) if guard is not None else None
                    if refused is not None:
                        execution.pre_execution_errors = [refused]
            yield

    return QueryCostLimit


_FIXED = {
    RetriesExhausted: ("CONCURRENT_MODIFICATION", "the data changed concurrently too often; try again"),
    DatabaseUnavailable: ("SERVICE_UNAVAILABLE", "the database is unavailable; try again shortly"),
    StatementTimeout: ("REQUEST_TIMEOUT", "the request took too long and was stopped"),
}


def _fixed(error: GraphQLError) -> tuple[str, str] | None:
    """Expected faults of the layers below, with their code and a message of our own."""
    original = error.original_error
    return next((answer for kind, answer in _FIXED.items() if isinstance(original, kind)), None)


def _code_for(error: GraphQLError) -> str | None:
    original = error.original_error
    if original is None:
        if error.extensions and "code" in error.extensions:
            return None
        return "GRAPHQL_PARSE_FAILED" if error.message.startswith("Syntax Error") else "GRAPHQL_VALIDATION_FAILED"
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
        return original is not None and not isinstance(original, GraphQLError)

    def anonymise_error(self, error: GraphQLError) -> GraphQLError:
        masked = super().anonymise_error(error)
        fixed = _fixed(error)
        if fixed is not None:
            code, message = fixed
            masked.message = message
            masked.extensions = {"code": code}
            return masked
        original = error.original_error
        # The exception's message may quote user data; log its type and where it came from.
        frames = "".join(traceback.format_tb(original.__traceback__)) if original else ""
        log.error("unexpected %s at %s\n%s", type(original).__name__, error.path, frames)
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
