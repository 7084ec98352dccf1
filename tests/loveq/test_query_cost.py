"""The static cost pays for validation too: same-named fields that the overlap rule compares
pairwise, anywhere in the document."""

from __future__ import annotations

import math

import pytest
from graphql import parse

from loveq.query_cost import document_cost
from loveq.schema import build_schema
from tests.support.client import GraphQLClient

SCHEMA = build_schema()._schema
LIMIT = 20_000

# 555 copies: 21 KB and 4,997 tokens, under every other limit; the worker spent seconds
# validating it (graphql-core gives up only after its own budget of 500,000 steps).
REPEATED = "{ " + " ".join("viewer { id profile { nickname bio } }" for _ in range(555)) + " }"


def cost(document: str, operation_name: str | None = None) -> float:
    return document_cost(SCHEMA, parse(document), operation_name, {}, max_page_size=100)


def test_a_repeated_selection_pays_for_every_pair_validation_compares() -> None:
    # Each copy has 5 fields; every two copies are compared field by field: C(555, 2) * 5 * 5.
    assert cost(REPEATED) == 555 * 5 + 555 * 554 // 2 * 25
    assert cost(REPEATED) > LIMIT


def test_documents_that_repeat_a_little_still_pay_a_little() -> None:
    # Execution: viewer, id, and the fragment's id and email (4); validation: the two ids (1).
    assert cost("{ viewer { id ...U } } fragment U on User { id email }") == 4 + 1
    assert cost("{ a: viewer { id } b: viewer { id } }") == 4
    assert cost("{ viewer { id } viewer { id } }") == 4 + 2 * 2


def test_operations_and_fragments_that_do_not_run_are_validated_and_counted() -> None:
    body = REPEATED[1:-1]
    assert cost(f"query A {{ viewer {{ id }} }} query B {{ {body} }}", "A") > LIMIT
    assert cost(f"{{ viewer {{ id }} }} fragment Unused on Query {{ {body} }}") > LIMIT


def test_distinct_fragments_with_the_same_fields_are_compared_pairwise() -> None:
    count = 400
    fragments = " ".join(f"fragment F{i} on User {{ profile {{ bio }} }}" for i in range(count))
    document = "{ viewer { " + " ".join(f"...F{i}" for i in range(count)) + " } } " + fragments
    assert cost(document) > LIMIT


def test_fragments_spreading_fragments_are_counted_without_expanding_them() -> None:
    # Each fragment spreads the next twice: 2^200 fields if expanded, whether it runs or not.
    chain = " ".join(f"fragment F{i} on User {{ ...F{i + 1} ...F{i + 1} }}" for i in range(200))
    assert math.isinf(cost(f"{{ viewer {{ ...F0 }} }} {chain} fragment F200 on User {{ id }}"))
    assert math.isinf(cost(f"{{ viewer {{ id }} }} {chain} fragment F200 on User {{ id }}"))
    # A cycle that is not spread: validation refuses it; counting it ends.
    assert cost("{ viewer { id } } fragment A on User { ...B } fragment B on User { ...A id }") == 2


@pytest.fixture
def validated(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    from strawberry.schema import schema as strawberry_schema

    calls: list[object] = []
    real = strawberry_schema.validate_document
    monkeypatch.setattr(strawberry_schema, "validate_document", lambda *a: calls.append(a) or real(*a))
    return calls


async def test_a_repeated_selection_is_refused_before_validation(alice: GraphQLClient, validated: list[object]) -> None:
    assert len(REPEATED) > 20_000
    result = await alice.execute(REPEATED)
    assert result.codes == ["QUERY_TOO_COSTLY"], result.body
    assert result.errors[0]["extensions"]["cost"] > result.errors[0]["extensions"]["limit"]
    assert validated == []
