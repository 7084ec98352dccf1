"""The paging arguments every connection field shares, defined once.

`connection_field(load, returns=…)` makes a field with the arguments `first`, `after`, `last`,
`before` (plus any extra ones), checks them, and hands `load` a `PageRequest`:

    messages = connection_field(load_messages, returns=Connection[Message], description="…")
"""

from __future__ import annotations

import inspect
from collections.abc import Awaitable, Callable, Sequence
from typing import Annotated, Any

import strawberry
from strawberry.types import Info

from datastore.paging import PageRequest
from graph.errors import BadUserInput
from graph.relay.cursor import decode_cursor

DEFAULT_PAGE_SIZE = 20

PageSize = Annotated[int | None, strawberry.argument(description="At most the configured cap (100).")]

_PAGE_ARGUMENTS = (
    inspect.Parameter("first", inspect.Parameter.KEYWORD_ONLY, default=None, annotation=PageSize),
    inspect.Parameter("after", inspect.Parameter.KEYWORD_ONLY, default=None, annotation=str | None),
    inspect.Parameter("last", inspect.Parameter.KEYWORD_ONLY, default=None, annotation=PageSize),
    inspect.Parameter("before", inspect.Parameter.KEYWORD_ONLY, default=None, annotation=str | None),
)


def page_request(
    *, first: int | None, after: str | None, last: int | None, before: str | None, max_size: int
) -> PageRequest:
    if first is not None and last is not None:
        raise BadUserInput("pass either `first` or `last`, not both", argument="last")
    for name, value in (("first", first), ("last", last)):
        if value is not None and not 0 <= value <= max_size:
            raise BadUserInput(f"`{name}` must be between 0 and {max_size}, got {value}", argument=name, maximum=max_size)
    if first is None and last is None:
        first = min(DEFAULT_PAGE_SIZE, max_size)
    return PageRequest(
        first=first,
        after=decode_cursor(after, "after") if after is not None else None,
        last=last,
        before=decode_cursor(before, "before") if before is not None else None,
    )


LoadPage = Callable[..., Awaitable[Any]]


def connection_field(
    load: LoadPage,
    *,
    returns: Any,
    description: str | None = None,
    permission_classes: list[type] | None = None,
    arguments: Sequence[inspect.Parameter] = (),
) -> Any:
    """A connection field: `load(root, info, page, **extra_arguments)` returns the Connection.

    `arguments` are extra keyword-only parameters (annotated as for any resolver), after the
    four paging ones.
    """

    async def resolve(root: Any, info: Info, **kwargs: Any) -> Any:
        page = page_request(
            first=kwargs.pop("first"),
            after=kwargs.pop("after"),
            last=kwargs.pop("last"),
            before=kwargs.pop("before"),
            max_size=info.context.services.limits.max_page_size,
        )
        return await load(root, info, page, **kwargs)

    resolve.__signature__ = inspect.Signature(  # type: ignore[attr-defined]
        [
            inspect.Parameter("root", inspect.Parameter.POSITIONAL_OR_KEYWORD),
            inspect.Parameter("info", inspect.Parameter.POSITIONAL_OR_KEYWORD, annotation=Info),
            *_PAGE_ARGUMENTS,
            *arguments,
        ],
        return_annotation=returns,
    )
    resolve.__name__ = getattr(load, "__name__", "resolve")
    return strawberry.field(resolver=resolve, description=description, permission_classes=permission_classes)
