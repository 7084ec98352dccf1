"""The GraphQL multipart request spec: `operations`, `map`, then the file parts.

https://github.com/jaydenseric/graphql-multipart-request-spec — `operations` is the request as
JSON with `null` where each file goes; `map` is a JSON object from a file part's name to the
object paths (`variables.input.file`) that file fills. Anything else about the body is refused
with a 400 that says what is wrong, never by an exception from deep inside.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from cross_web import HTTPException
from starlette.datastructures import UploadFile

from loveq.json_body import json_object

_INDEX = re.compile(r"0|[1-9][0-9]{0,8}")


def _text_field(fields: Mapping[str, Any], name: str, default: str | None = None) -> str:
    value = fields.get(name, default)
    if not isinstance(value, str):
        raise HTTPException(400, f"a multipart request needs the `{name}` field, as JSON text")
    return value


def _file_paths(files_map: dict[str, Any]) -> list[tuple[str, str]]:
    pairs: list[tuple[str, str]] = []
    for part, paths in files_map.items():
        if not isinstance(paths, list) or not all(isinstance(path, str) for path in paths):
            raise HTTPException(400, "`map` must map each file part to a list of paths")
        pairs += [(part, path) for path in paths]
    return pairs


def _step(container: Any, key: str) -> tuple[Any, Any]:
    """(container, key) one level down; the key must already exist in the container."""
    if isinstance(container, dict) and key in container:
        return container, key
    if isinstance(container, list) and _INDEX.fullmatch(key) and int(key) < len(container):
        return container, int(key)
    raise HTTPException(400, "a `map` path does not lead to a null placeholder in `operations`")


def _place(operations: dict[str, Any], path: str, file: UploadFile) -> None:
    head, *rest = path.split(".")
    if head != "variables" or not rest:
        raise HTTPException(400, "`map` paths must point into `variables`, e.g. variables.input.file")
    container, key = _step(operations, head)
    for name in rest:
        container, key = _step(container[key], name)
    if container[key] is not None:
        raise HTTPException(400, "a `map` path does not lead to a null placeholder in `operations`")
    container[key] = file


def operations_with_files(fields: Mapping[str, Any]) -> dict[str, Any]:
    """The operation with each mapped file in its place."""
    operations = json_object(_text_field(fields, "operations"), "`operations`")
    files_map = json_object(_text_field(fields, "map", "{}"), "`map`")
    for part, path in _file_paths(files_map):
        file = fields.get(part)
        if not isinstance(file, UploadFile):
            raise HTTPException(400, "`map` names a file part that the request does not carry")
        _place(operations, path, file)
    return operations
