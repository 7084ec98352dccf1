"""The `Node` interface and the table of node types.

Each Node type registers, with `node_type`, the loader that fetches its record by ID and the
constructor that turns a record into the GraphQL object. `node(id:)` and the fields that point
back up the tree (a message's room, a room's partner's rooms) build objects through this table,
so type modules never import each other in a circle.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

import strawberry


@strawberry.interface(description="An object with a global ID that `node(id:)` fetches again.")
class Node:
    id: strawberry.ID


@dataclass(frozen=True)
class NodeKind:
    loader: str  # the attribute of `services.loaders.Loaders` that loads a record by ID
    build: Callable[[Any], Node]


NODE_KINDS: dict[str, NodeKind] = {}

T = TypeVar("T", bound=type)


def node_type(loader: str) -> Callable[[T], T]:
    """Class decorator: registers a Node type (with a `from_record` constructor) by its name."""

    def register(cls: T) -> T:
        NODE_KINDS[cls.__name__] = NodeKind(loader=loader, build=cls.from_record)  # type: ignore[attr-defined]
        return cls

    return register


def build_node(type_name: str, record: Any) -> Any:
    return NODE_KINDS[type_name].build(record)
