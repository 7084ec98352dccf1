"""Whole documents generated from schema.graphql by hypothesis-graphql — queries and mutations
with literal arguments, valid and with one schema violation — where every ID argument is one of
the test user's real IDs (or another user's, or a forged one) and DateTime arguments range over
years 1 to 9999 with any offset. Each answer passes tests/support/fuzzing.check_answer: no
INTERNAL, no 5xx, no error without `extensions.code`."""

from __future__ import annotations

from pathlib import Path

import graphql
import pytest
from hypothesis import given
from hypothesis import strategies as st
from hypothesis_graphql import Mode, mutations, nodes, queries

from tests.support import strategies as s
from tests.support.fuzzing import World

SCHEMA = graphql.build_schema((Path(__file__).resolve().parents[2] / "schema.graphql").read_text(encoding="utf-8"))
# Deleting the account would leave the other examples without their objects (its input is
# fuzzed on accounts of their own in test_mutation_inputs); `analyzeMessage` runs the coach,
# the slowest mutation, and keeps a family of its own there.
MUTATIONS = sorted(set(SCHEMA.mutation_type.fields) - {"deleteAccount", "analyzeMessage"})  # type: ignore[union-attr]


def _scalars(world: World) -> dict[str, st.SearchStrategy[graphql.ValueNode]]:
    datetimes = st.one_of(s.datetime_values().filter(lambda value: isinstance(value, str)), s.recent_datetimes())
    return {
        "ID": s.ids(world.ids).map(nodes.String),
        "DateTime": datetimes.map(nodes.String),
        "Upload": st.just(graphql.NullValueNode()),  # a file arrives only as a multipart part
        "Date": st.dates().map(nodes.String),
    }


@pytest.mark.parametrize("mode", [Mode.POSITIVE, Mode.NEGATIVE], ids=["valid", "one-violation"])
def test_queries(world: World, mode: Mode) -> None:
    @given(document=queries(SCHEMA, custom_scalars=_scalars(world), mode=mode))
    def run(document: str) -> None:
        world.client.send(document)

    run()


@pytest.mark.parametrize("mode", [Mode.POSITIVE, Mode.NEGATIVE], ids=["valid", "one-violation"])
def test_mutations(world: World, mode: Mode) -> None:
    @given(document=mutations(SCHEMA, fields=MUTATIONS, custom_scalars=_scalars(world), mode=mode))
    def run(document: str) -> None:
        world.client.send(document)

    run()
