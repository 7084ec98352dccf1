"""The schema: types from graph/, root resolvers from resolvers/, the shell's extensions."""

from __future__ import annotations

from typing import Any

import strawberry
from graphql import GraphQLError
from strawberry.extensions import MaxAliasesLimiter, MaxTokensLimiter, QueryDepthLimiter
from strawberry.extensions.query_depth_limiter import IgnoreContext
from strawberry.schema.config import StrawberryConfig
from strawberry.types import ExecutionContext

from graph.scalars import SCALARS
from loveq.extensions import AuthenticationGate, ErrorCodes
from loveq.literal_limits import IntLiteralLimit
from resolvers.mutation import Mutation
from resolvers.query import Query
from resolvers.subscription import Subscription

DEFAULT_MAX_DEPTH = 12


def _is_introspection(context: IgnoreContext) -> bool:
    return context.field_name.startswith("__")


class LoveQSchema(strawberry.Schema):
    def process_errors(self, errors: list[GraphQLError], execution_context: ExecutionContext | None = None) -> None:
        # Expected errors are answers, not incidents; unexpected ones are logged (without
        # their message, which may quote user data) by the ErrorCodes extension.
        return None


def build_schema(*, max_depth: int = DEFAULT_MAX_DEPTH) -> strawberry.Schema:
    extensions: list[Any] = [
        MaxTokensLimiter(max_token_count=5000),
        MaxAliasesLimiter(max_alias_count=30),
        IntLiteralLimit,
        QueryDepthLimiter(max_depth=max_depth, should_ignore=_is_introspection),
        AuthenticationGate,
        ErrorCodes(),
    ]
    return LoveQSchema(
        query=Query,
        mutation=Mutation,
        subscription=Subscription,
        extensions=extensions,
        config=StrawberryConfig(scalar_map=SCALARS),
    )


schema = build_schema()
