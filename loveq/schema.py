"""The schema: types from graph/, root resolvers from resolvers/, the shell's extensions."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import strawberry
from graphql import GraphQLError
from strawberry.extensions import (
    DisableIntrospection,
    MaxAliasesLimiter,
    MaxTokensLimiter,
    ParserCache,
    QueryDepthLimiter,
    SchemaExtension,
)
from strawberry.extensions.query_depth_limiter import IgnoreContext
from strawberry.schema.config import StrawberryConfig
from strawberry.types import ExecutionContext

from graph.scalars import SCALARS
from loveq.extensions import AuthenticationGate, ErrorCodes, query_cost_limit
from loveq.operation_observer import OperationObserver
from loveq.literal_limits import IntLiteralLimit
from resolvers.mutation import Mutation
from resolvers.query import Query
from resolvers.subscription import Subscription


@dataclass(frozen=True)
class SchemaLimits:
    max_depth: int = 12
    max_tokens: int = 5000
    max_aliases: int = 30
    max_cost: int = 20_000
    max_page_size: int = 100
    introspection: bool = True


def _is_introspection(context: IgnoreContext) -> bool:
    return context.field_name.startswith("__")


class LoveQSchema(strawberry.Schema):
    def process_errors(self, errors: list[GraphQLError], execution_context: ExecutionContext | None = None) -> None:
        # Expected errors are answers, not incidents; unexpected ones are logged (without
        # their message, which may quote user data) by the ErrorCodes extension.
        return None


def build_schema(limits: SchemaLimits = SchemaLimits()) -> strawberry.Schema:
    # Classes and factories, never instances: every request gets extensions of its own.
    extensions: list[type[SchemaExtension] | Callable[[], SchemaExtension]] = [
        # First, so that it leaves last: it reads each result after the error codes are set.
        OperationObserver,
        lambda: ParserCache(maxsize=256),
        lambda: MaxTokensLimiter(max_token_count=limits.max_tokens),
        lambda: MaxAliasesLimiter(max_alias_count=limits.max_aliases),
        IntLiteralLimit,
        lambda: QueryDepthLimiter(max_depth=limits.max_depth, should_ignore=_is_introspection),
        AuthenticationGate,
        query_cost_limit(limits.max_cost, limits.max_page_size),
        ErrorCodes,
    ]
    if not limits.introspection:
        extensions.insert(0, DisableIntrospection)
    return LoveQSchema(
        query=Query,
        mutation=Mutation,
        subscription=Subscription,
        extensions=extensions,
        config=StrawberryConfig(scalar_map=SCALARS),
    )


schema = build_schema()
