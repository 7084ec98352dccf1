"""Integer literals too long to be any value of the schema are refused before validation.

Strawberry's depth limiter and graphql-core's `Int` call `int()` on every integer literal, and
Python refuses to convert more than 4,300 digits (a guard against quadratic conversion): such a
literal made validation raise, and the response quoted Python's message with no code. Every
`Int` is 32 bits and no argument takes a longer integer, so a generous bound is refused first.
"""

from __future__ import annotations

from collections.abc import Iterator

from graphql import GraphQLError, IntValueNode, Visitor, visit
from strawberry.extensions import SchemaExtension

MAX_INT_LITERAL_DIGITS = 100


class _LongIntegers(Visitor):
    def __init__(self) -> None:
        super().__init__()
        self.found: list[IntValueNode] = []

    def enter_int_value(self, node: IntValueNode, *_: object) -> None:
        if len(node.value.lstrip("-")) > MAX_INT_LITERAL_DIGITS:
            self.found.append(node)


class IntLiteralLimit(SchemaExtension):
    def on_validate(self) -> Iterator[None]:
        context = self.execution_context
        if context.graphql_document is not None and context.pre_execution_errors is None:
            long_integers = _LongIntegers()
            visit(context.graphql_document, long_integers)
            if long_integers.found:
                # Set before validation runs, so strawberry skips it and answers with these.
                context.pre_execution_errors = [
                    GraphQLError(
                        f"integer literals have at most {MAX_INT_LITERAL_DIGITS} digits",
                        nodes=long_integers.found[:1],
                        extensions={"code": "GRAPHQL_VALIDATION_FAILED"},
                    )
                ]
        yield
