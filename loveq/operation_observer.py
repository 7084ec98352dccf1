"""The schema extension that tells the request log what each operation was.

Over HTTP (JSON, SSE, multipart) the request's exchange is filled in — operation type, root field,
the client's operation name — and the request log writes it when the response ends. On a
WebSocket each operation is an exchange of its own: this extension opens it, gathers the error
codes of every result it streams, and finishes it (one line, its metrics) when the operation
ends — for a subscription, when its stream does.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Any

from graphql import DocumentNode, FieldNode, GraphQLError, GraphQLSchema, get_operation_ast, parse
from strawberry.extensions import SchemaExtension

from loveq import exchange as exchanges
from loveq.exchange import CONNECTION, WEBSOCKET, Exchange
import telemetry


class OperationObserver(SchemaExtension):
    _exchange: Exchange | None = None

    def on_operation(self) -> Iterator[None]:
        outer = exchanges.current()
        mine = outer.operation() if outer is not None and outer.transport == CONNECTION else outer
        own = mine is not None and mine is not outer
        token = exchanges.enter(mine) if own and mine is not None else None
        clock = telemetry.start_operation(mine.started) if own and mine is not None else None
        self._exchange = mine
        try:
            yield
        finally:
            if mine is not None:
                describe(mine, self.execution_context)
                if own:
                    mine.finish()
            # Reset in the context that set them; a stream closed from elsewhere has none to reset.
            with contextlib.suppress(ValueError):
                if clock is not None:
                    telemetry.end_operation(clock)
                if token is not None:
                    exchanges.leave(token)

    def on_stream_result(self, result: Any) -> Iterator[None]:
        yield
        # After the other extensions (error codes, masking) have had the result. Over HTTP the
        # view reads the codes from the answer it encodes; a WebSocket's are read here.
        if self._exchange is not None and self._exchange.transport == WEBSOCKET:
            errors: list[GraphQLError] = getattr(result, "errors", None) or []
            response = {"data": getattr(result, "data", None), "errors": [error.formatted for error in errors]}
            self._exchange.note_codes(exchanges.codes_in(response))


# An operation refused before its document was parsed is named only when its document is short
# (parsing, or only locating a syntax error, reads the whole text).
DESCRIBE_CHARS = 2000
DESCRIBE_TOKENS = 500


def describe(exchange: Exchange, execution: Any) -> None:
    """The operation's type and root field from its parsed document (nothing, if it never
    parsed), and the caller, when the exchange does not know it yet."""
    exchange.operation_name = exchange.operation_name or execution.operation_name
    principal = getattr(execution.context, "principal", None)
    if exchange.user_id is None and principal is not None:
        exchange.user_id = principal.user_id
    document = execution.graphql_document
    if document is not None:
        describe_document(exchange, execution.schema._schema, document, execution.operation_name)


def describe_text(exchange: Exchange | None, schema: GraphQLSchema, query: str, operation_name: str | None) -> None:
    """`describe` for a document refused unparsed, when it is short enough to cost next to
    nothing to parse (a longer one stays unnamed: `anonymous` in the metrics)."""
    if exchange is None or len(query) > DESCRIBE_CHARS:
        return
    try:
        document = parse(query, no_location=True, max_tokens=DESCRIBE_TOKENS)
    except GraphQLError:
        return
    describe_document(exchange, schema, document, operation_name)


def describe_document(exchange: Exchange, schema: GraphQLSchema, document: DocumentNode, operation_name: str | None) -> None:
    operation = get_operation_ast(document, operation_name)
    if operation is None:
        return
    exchange.operation_type = operation.operation.value
    selections = operation.selection_set.selections
    if not all(isinstance(selection, FieldNode) for selection in selections):
        return  # fragments at the root: no single field to name it by
    fields = [selection.name.value for selection in selections if selection.name.value != "__typename"]
    root = schema.get_root_type(operation.operation)
    if len(fields) == 1 and root is not None and fields[0] in root.fields:
        exchange.root_field = fields[0]
