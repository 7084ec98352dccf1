"""How log records are written: readable text (the local default) or JSON lines
(`LOVEQ_LOG_FORMAT=json`, what the AWS profiles set).

A JSON line is one object: time, level, logger, message, the request id of the request it was
written in (if any), the record's own fields (the request log's, see loveq/request_log.py), and a
traceback as one string field: one record is always one line, so CloudWatch keeps it whole.

Logs go to stderr; stdout carries the metrics (loveq/metrics.py) and `loveq token`'s token.
"""

from __future__ import annotations

import json
import logging
import sys
from datetime import datetime, timezone
from typing import Any, TextIO

from loveq import exchange as exchanges


class RequestIdFilter(logging.Filter):
    """Stamps each record with the id of the request it was written in."""

    def filter(self, record: logging.LogRecord) -> bool:
        current = exchanges.current()
        if current is not None and not hasattr(record, "request_id"):
            record.request_id = current.request_id
        return True


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "time": datetime.fromtimestamp(record.created, timezone.utc).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        request_id = getattr(record, "request_id", None)
        if request_id is not None:
            entry["request_id"] = request_id
        entry.update(getattr(record, "fields", None) or {})
        if record.exc_info:
            entry["traceback"] = self.formatException(record.exc_info)
        if record.stack_info:
            entry["stack"] = self.formatStack(record.stack_info)
        return json.dumps(entry, ensure_ascii=False, default=str, separators=(",", ":"))


class TextFormatter(logging.Formatter):
    """`time LEVEL logger: message key=value …`, tracebacks below as usual."""

    def __init__(self) -> None:
        super().__init__("%(asctime)s %(levelname)s %(name)s: %(message)s")

    def formatMessage(self, record: logging.LogRecord) -> str:
        line = super().formatMessage(record)
        fields = getattr(record, "fields", None)
        if fields:
            shown = (f"{key}={_text(value)}" for key, value in fields.items() if value not in (None, [], ""))
            line = f"{line} {' '.join(shown)}"
        return line


def _text(value: Any) -> str:
    if isinstance(value, list):
        return ",".join(str(item) for item in value)
    return str(value)


def handler(log_format: str, stream: TextIO | None = None) -> logging.Handler:
    out = logging.StreamHandler(stream or sys.stderr)
    out.setFormatter(JsonFormatter() if log_format == "json" else TextFormatter())
    out.addFilter(RequestIdFilter())
    return out


def configure_logging(level: str, log_format: str, stream: TextIO | None = None) -> None:
    """The root logger writes through one handler in the chosen format; every library's logger
    (uvicorn's included: it is started without a logging config of its own) goes through it."""
    root = logging.getLogger()
    for existing in list(root.handlers):
        root.removeHandler(existing)
    root.addHandler(handler(log_format, stream))
    root.setLevel(level)
