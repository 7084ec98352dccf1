"""The application's metrics, as one small facade every floor may call.

This package sits below every other (it imports none of them), so the database's retry loop,
the Bedrock client, the services and the shell all report through the same few functions. What
they report goes to the sink the shell installs (`loveq/metrics.py` writes CloudWatch Embedded
Metric Format lines); with no sink installed, as in local mode, every call does nothing.

The names, units and dimensions are those of docs/operations.md ("Metrics"), which the
CloudWatch alarms read. A failing sink is logged, never raised: a metric is never worth failing
a request for.

An operation's clock (`start_operation`, `generation_started`) lets code deep inside a request
measure from the moment the request arrived (FirstChunkLatency, GenerationLatency) without
being handed that moment.
"""

from __future__ import annotations

import contextvars
import logging
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

log = logging.getLogger(__name__)

COUNT = "Count"
MILLISECONDS = "Milliseconds"

# Every metric the application emits, with its unit (docs/operations.md, "Metrics").
UNITS: Mapping[str, str] = {
    "Requests": COUNT,
    "Errors": COUNT,
    "Latency": MILLISECONDS,
    "FirstChunkLatency": MILLISECONDS,
    "GenerationLatency": MILLISECONDS,
    "BedrockThrottles": COUNT,
    "BedrockFailures": COUNT,
    "ConflictRetries": COUNT,
    "ImportRows": COUNT,
    "TokensIn": COUNT,
    "TokensOut": COUNT,
}

# A sink receives a group of metrics measured together and the dimensions they share beyond
# `Service` (which the sink adds): `Operation` for Requests and Latency, `Code` for Errors.
Sink = Callable[[Mapping[str, float], Mapping[str, str]], None]

_sink: Sink | None = None


def install(sink: Sink | None) -> Sink | None:
    """Sends the metrics to `sink` from now on (None: nowhere); returns the sink it replaces."""
    global _sink
    previous, _sink = _sink, sink
    return previous


def installed() -> Sink | None:
    return _sink


def emit(metrics: Mapping[str, float], dimensions: Mapping[str, str] | None = None) -> None:
    unknown = set(metrics) - set(UNITS)
    if unknown:  # a programming error, found by any test that runs the call
        raise ValueError(f"unknown metrics {sorted(unknown)}: add them to telemetry.UNITS and docs/operations.md")
    sink = _sink
    if sink is None:
        return
    try:
        sink(metrics, dimensions or {})
    except Exception:  # a full disk or a closed stream must not fail the request that measured
        log.warning("metrics could not be written", exc_info=True)


# --- an operation's clock ------------------------------------------------------------------------


@dataclass
class OperationClock:
    """When the operation (an HTTP request, or one operation on a WebSocket) arrived."""

    started: float
    first_chunk_seen: bool = False

    def elapsed_ms(self) -> float:
        return round((time.monotonic() - self.started) * 1000, 1)


_clock: contextvars.ContextVar[OperationClock | None] = contextvars.ContextVar("loveq_operation_clock", default=None)


def start_operation(started: float | None = None) -> contextvars.Token:
    """Starts the clock of the operation running in this context (and the tasks it starts)."""
    return _clock.set(OperationClock(time.monotonic() if started is None else started))


def end_operation(token: contextvars.Token) -> None:
    _clock.reset(token)


def generation_started() -> OperationClock:
    """The clock a generation measures against: its operation's, else one started now."""
    return _clock.get() or OperationClock(time.monotonic())


# --- what the layers report ----------------------------------------------------------------------


def request_done(operation: str, latency_ms: float | None, codes: Iterable[str]) -> None:
    """One GraphQL operation answered: Requests (and Latency, for a query or mutation) by
    operation, and one Errors per distinct code the answer carried."""
    measured = {"Requests": 1.0} if latency_ms is None else {"Requests": 1.0, "Latency": latency_ms}
    emit(measured, {"Operation": operation})
    for code in dict.fromkeys(codes):
        emit({"Errors": 1.0}, {"Code": code})


def conflict_retry() -> None:
    """A unit of work is retried after SQLSTATE 40001 (DSQL OC000/OC001)."""
    emit({"ConflictRetries": 1.0})


def bedrock_throttled() -> None:
    """Bedrock refused a request for capacity (throttling or unavailable), retried or not."""
    emit({"BedrockThrottles": 1.0})


def generation_failed() -> None:
    """A generation ended for good because the model failed (after the client's retries)."""
    emit({"BedrockFailures": 1.0})


def first_chunk(clock: OperationClock) -> None:
    """The engine produced the operation's first reply chunk (counted once per operation)."""
    if clock.first_chunk_seen:
        return
    clock.first_chunk_seen = True
    emit({"FirstChunkLatency": clock.elapsed_ms()})


def generation_done(clock: OperationClock, input_tokens: int, output_tokens: int) -> None:
    """A generation completed: its time since the request, and the model's token counts (when
    the engine reports any; the local engine reports none)."""
    measured: dict[str, float] = {"GenerationLatency": clock.elapsed_ms()}
    if input_tokens or output_tokens:
        measured.update(TokensIn=float(input_tokens), TokensOut=float(output_tokens))
    emit(measured)


def imported_rows(count: int) -> None:
    """An import finished, having written `count` messages."""
    emit({"ImportRows": float(count)})
