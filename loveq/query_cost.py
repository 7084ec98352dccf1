"""A static cost for a GraphQL document, computed on the parsed document before validation and
execution, so an expensive request is refused before it costs anything.

Every field costs 1, plus a weight for fields that run an aggregate; a connection's page size
(`first`/`last`, or the default page) multiplies what is selected under `edges`; `nodes(ids:)`
multiplies its selection by the number of IDs given (repeated IDs count each time). Fragments
count where they are spread; a fragment spread in a cycle makes the document infinitely costly.
Variables are read from the request; a page size that is not given as an int counts as the cap.

Validation is paid for too, before it runs. Its costly rule (OverlappingFieldsCanBeMerged)
compares every two fields that answer under the same name in one selection set, and then
their subfields pairwise: a selection repeated n times is n²/2 comparisons — 555 copies of
`viewer { id profile { nickname bio } }` (21 KB, under the token limit, cost 2,775 by fields
alone) took a second of the worker's CPU, in one piece, until graphql-core's own budget of
500,000 steps gave up on it (bench/abuse.py). So each two same-named fields in a selection
set cost the product of their sizes (their fields, fragments expanded: at least the pairs the
rule may compare below them), summed over every selection set of the document — every
operation and fragment, since all of them are validated, not only the operation that runs.
Honest documents repeat a field rarely and a small one (an `id` in a fragment and beside it):
a few units.

`ChatRoom.insights` is an aggregate over whole rooms: 150 for every room it is asked of, plus
`STATEMENT_WEIGHTS` once for every place it is selected. Each selection (each alias, each
window, each path to a room) is a statement of its own — the rooms of one selection share it —
and one statement reads every message of its rooms: half a second for 100,000 messages
(bench/insights.py), as much as 10,000 cost units of pages spend in the worker. Aliased
windows made one request run a statement per window, 24 of them in 12 s, for a cost of 19,249
(bench/abuse.py); now three windows are what one document may hold (the weight per room went
from 400 to 150 so that a page of rooms with two windows each still fits).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

from graphql import (
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLNamedType,
    GraphQLSchema,
    InlineFragmentNode,
    IntValueNode,
    ListValueNode,
    OperationDefinitionNode,
    OperationType,
    SelectionSetNode,
    ValueNode,
    VariableNode,
    get_named_type,
)

# Fields that cost more than one row: they aggregate over a whole room or count a list.
WEIGHTS: Mapping[str, int] = {
    "ChatRoom.insights": 150,
    "totalCount": 10,
}
# Selected fields that run a statement of their own whatever their rooms: paid once per place
# they are selected (a fragment once per definition), on top of their weight per room.
STATEMENT_WEIGHTS: Mapping[str, int] = {
    "ChatRoom.insights": 6000,
}
DEFAULT_PAGE = 20


class CostCounter:
    def __init__(
        self, schema: GraphQLSchema, fragments: Mapping[str, FragmentDefinitionNode], variables: Mapping[str, Any],
        *, max_page_size: int,
    ) -> None:
        self.schema = schema
        self.fragments = fragments
        self.variables = variables
        self.max_page_size = max_page_size
        self._spreading: list[str] = []
        self._fragment_costs: dict[str, float] = {}  # a fragment costs the same wherever it is spread
        self.statements: float = 0  # the STATEMENT_WEIGHTS of the selections seen so far

    def operation(self, operation: OperationDefinitionNode) -> float:
        root = {
            OperationType.QUERY: self.schema.query_type,
            OperationType.MUTATION: self.schema.mutation_type,
            OperationType.SUBSCRIPTION: self.schema.subscription_type,
        }[operation.operation]
        return self.selections(root, operation.selection_set)

    def selections(self, parent: GraphQLNamedType | None, selection_set: SelectionSetNode | None) -> float:
        if selection_set is None:
            return 0
        total: float = 0
        for selection in selection_set.selections or ():
            if isinstance(selection, FieldNode):
                total += self.field(parent, selection)
            elif isinstance(selection, InlineFragmentNode):
                condition = selection.type_condition
                target = self.schema.get_type(condition.name.value) if condition else parent
                total += self.selections(target, selection.selection_set)
            elif isinstance(selection, FragmentSpreadNode):
                total += self.spread(selection.name.value)
        return total

    def spread(self, name: str) -> float:
        fragment = self.fragments.get(name)
        if fragment is None:
            return 0  # validation reports it
        if name in self._spreading:
            return math.inf
        if name not in self._fragment_costs:
            self._spreading.append(name)
            try:
                target = self.schema.get_type(fragment.type_condition.name.value)
                self._fragment_costs[name] = self.selections(target, fragment.selection_set)
            finally:
                self._spreading.pop()
        return self._fragment_costs[name]

    def field(self, parent: GraphQLNamedType | None, node: FieldNode) -> float:
        name = node.name.value
        if name.startswith("__"):
            return 0 if name == "__typename" else 1
        definition = getattr(parent, "fields", {}).get(name) if parent is not None else None
        if definition is None:
            return 1  # unknown to the schema: validation refuses it
        child_type = get_named_type(definition.type)
        weight = WEIGHTS.get(f"{parent.name}.{name}", WEIGHTS.get(name, 1))
        self.statements += STATEMENT_WEIGHTS.get(f"{parent.name}.{name}", 0)
        if child_type.name.endswith("Connection"):  # its selections are walked there, once
            return weight + self._connection(child_type, node)
        children = self.selections(child_type, node.selection_set)
        if name == "nodes":
            return weight + self._list_length(node, "ids") * children
        return weight + children

    def _connection(self, connection: GraphQLNamedType, node: FieldNode) -> float:
        """Under a connection, `edges` is paid once per item of the page; the rest once."""
        size = self._page_size(node)
        total: float = 0
        for selection in _flattened(node.selection_set, self.fragments):
            if selection.name.value == "edges":
                total += 1 + size * self.selections(
                    get_named_type(connection.fields["edges"].type), selection.selection_set
                )
            else:
                total += self.field(connection, selection)
        return total

    def _page_size(self, node: FieldNode) -> int:
        sizes = [self._int_argument(node, name) for name in ("first", "last")]
        given = [size for size in sizes if size is not None]
        return max(given) if given else min(DEFAULT_PAGE, self.max_page_size)

    def _int_argument(self, node: FieldNode, name: str) -> int | None:
        value = self._argument(node, name)
        if value is None:
            return None
        return value if isinstance(value, int) and 0 <= value <= self.max_page_size else self.max_page_size

    def _list_length(self, node: FieldNode, name: str) -> int:
        value = self._argument(node, name)
        return len(value) if isinstance(value, list) else 1

    def _argument(self, node: FieldNode, name: str) -> Any:
        argument = next((a for a in node.arguments or () if a.name.value == name), None)
        return _value(argument.value, self.variables) if argument else None


_Sizes = dict[str, list[int]]  # response name -> [sum of the fields' sizes, sum of their squares]


class MergeCounter:
    """The comparisons validation may make between same-named fields (see the module doc)."""

    def __init__(self, fragments: Mapping[str, FragmentDefinitionNode]) -> None:
        self.fragments = fragments
        self._spread: dict[str, tuple[_Sizes, int]] = {}
        self._open: set[str] = set()

    def document(self, document: Any) -> int:
        total = 0
        for definition in document.definitions:
            if isinstance(definition, OperationDefinitionNode):
                total += self._walk(definition.selection_set)[1]
            elif isinstance(definition, FragmentDefinitionNode):
                total += self._fragment(definition.name.value)[1]
        return total

    def _walk(self, selection_set: SelectionSetNode | None) -> tuple[_Sizes, int]:
        """The sizes of the fields collected in a selection set (inline fragments and spreads
        merged in, as the rule collects them) and the comparisons within it and every
        selection set written inside it (a spread fragment's own are counted once, at its
        definition)."""
        sizes: _Sizes = {}
        nested = 0
        for selection in (selection_set.selections or ()) if selection_set else ():
            if isinstance(selection, FieldNode):
                below, comparisons = self._walk(selection.selection_set)
                nested += comparisons
                size = 1 + sum(total for total, _ in below.values())
                name = (selection.alias or selection.name).value
                entry = sizes.setdefault(name, [0, 0])
                entry[0] += size
                entry[1] += size * size
            else:
                if isinstance(selection, InlineFragmentNode):
                    inner, comparisons = self._walk(selection.selection_set)
                    nested += comparisons
                elif isinstance(selection, FragmentSpreadNode):
                    inner = self._fragment(selection.name.value)[0]
                else:
                    continue
                for name, (total, squares) in inner.items():
                    entry = sizes.setdefault(name, [0, 0])
                    entry[0] += total
                    entry[1] += squares
        # Σ over pairs i < j of size_i * size_j, per response name.
        pairs = sum((total * total - squares) // 2 for total, squares in sizes.values())
        return sizes, nested + pairs

    def _fragment(self, name: str) -> tuple[_Sizes, int]:
        fragment = self.fragments.get(name)
        if fragment is None or name in self._open:
            return {}, 0  # unknown or cyclic: validation refuses it, cheaply
        if name not in self._spread:
            self._open.add(name)
            try:
                self._spread[name] = self._walk(fragment.selection_set)
            finally:
                self._open.discard(name)
        return self._spread[name]


def _value(node: ValueNode, variables: Mapping[str, Any]) -> Any:
    if isinstance(node, VariableNode):
        return variables.get(node.name.value)
    if isinstance(node, IntValueNode):
        return int(node.value)
    if isinstance(node, ListValueNode):
        return [_value(item, variables) for item in node.values]
    return getattr(node, "value", None)


def _flattened(selection_set: SelectionSetNode | None, fragments: Mapping[str, FragmentDefinitionNode]) -> list[FieldNode]:
    """The fields of a selection set with fragments on the same type spread in (one level)."""
    fields: list[FieldNode] = []
    for selection in (selection_set.selections or ()) if selection_set else ():
        if isinstance(selection, FieldNode):
            fields.append(selection)
        elif isinstance(selection, InlineFragmentNode):
            fields += _flattened(selection.selection_set, fragments)
        elif isinstance(selection, FragmentSpreadNode) and selection.name.value in fragments:
            fields += [s for s in fragments[selection.name.value].selection_set.selections if isinstance(s, FieldNode)]
    return fields


def document_cost(
    schema: GraphQLSchema, document: Any, operation_name: str | None, variables: Mapping[str, Any] | None,
    *, max_page_size: int,
) -> float:
    """The cost of the operation that would run (the most costly one when it is not named)."""
    fragments = {d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)}
    operations = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
    if operation_name is not None:
        operations = [o for o in operations if o.name and o.name.value == operation_name]
    def cost(operation: OperationDefinitionNode) -> float:
        counter = CostCounter(schema, fragments, variables or {}, max_page_size=max_page_size)
        return counter.operation(operation) + counter.statements

    try:
        execution = max((cost(o) for o in operations), default=0)
        validation = MergeCounter(fragments).document(document)
    except RecursionError:  # nested deeper than any real query: refuse it
        return math.inf
    return execution + (validation if validation < _UNBOUNDED else math.inf)


_UNBOUNDED = 10**15  # a sum past this (fragments spreading fragments twice over) is not a float
