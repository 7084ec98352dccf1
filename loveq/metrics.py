"""The metrics as CloudWatch Embedded Metric Format: one JSON line on stdout per measurement.

CloudWatch Logs extracts the metrics from the lines by itself — in Lambda (stdout is the
function's log group) and on ECS with the awslogs driver — so writing them needs no API call and
no permission. Spec: https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/CloudWatch_Embedded_Metric_Format_Specification.html

Namespace `LoveQ`; every metric carries the dimension `Service` = `LOVEQ_SERVICE_NAME`, and
Requests and Latency are also published per `Operation`, Errors only per `Code`
(docs/operations.md, "Metrics", which the alarms read). Without LOVEQ_SERVICE_NAME nothing is
written: local mode has no CloudWatch to read it.
"""

from __future__ import annotations

import json
import sys
import threading
import time
from collections.abc import Callable, Mapping
from typing import TextIO

import telemetry

NAMESPACE = "LoveQ"
SERVICE = "Service"


def dimension_sets(dimensions: Mapping[str, str]) -> list[list[str]]:
    """`Service` alone and with each extra dimension — except `Code`, which Errors is only
    published by (an error count without its code answers nothing)."""
    if "Code" in dimensions:
        return [[SERVICE, "Code"]]
    return [[SERVICE]] + [[SERVICE, name] for name in dimensions]


class EmfWriter:
    """A telemetry sink writing EMF documents, one per line, to a stream (stdout unless told)."""

    def __init__(self, service: str, stream: Callable[[], TextIO] | None = None) -> None:
        self.service = service
        self.stream = stream or (lambda: sys.stdout)
        self._lock = threading.Lock()  # whole lines, even from the server's threads

    def document(self, metrics: Mapping[str, float], dimensions: Mapping[str, str]) -> dict[str, object]:
        directive = {
            "Namespace": NAMESPACE,
            "Dimensions": dimension_sets(dimensions),
            "Metrics": [{"Name": name, "Unit": telemetry.UNITS[name]} for name in metrics],
        }
        return {
            "_aws": {"Timestamp": int(time.time() * 1000), "CloudWatchMetrics": [directive]},
            SERVICE: self.service,
            **{name: str(value) for name, value in dimensions.items()},
            **dict(metrics),
        }

    def __call__(self, metrics: Mapping[str, float], dimensions: Mapping[str, str]) -> None:
        line = json.dumps(self.document(metrics, dimensions), separators=(",", ":"))
        with self._lock:
            out = self.stream()
            out.write(line + "\n")
            out.flush()


def install(service_name: str | None, stream: Callable[[], TextIO] | None = None) -> Callable[[], None]:
    """Routes the application's metrics to EMF on stdout when a service name is set; returns
    what undoes it."""
    if not service_name:
        return lambda: None
    writer = EmfWriter(service_name, stream)
    previous = telemetry.install(writer)

    def uninstall() -> None:
        if telemetry.installed() is writer:
            telemetry.install(previous)

    return uninstall
