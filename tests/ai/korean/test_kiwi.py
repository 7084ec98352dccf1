"""The one Kiwi analyser: loaded once, on first use, and reused; importing loads nothing."""

from __future__ import annotations

import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from ai.korean import kiwi
from ai.korean.speech_style import Formality, analyze_speech

REPO = Path(__file__).resolve().parents[3]


def test_kiwi_is_loaded_once_under_concurrency(monkeypatch: pytest.MonkeyPatch) -> None:
    real = kiwi.get_kiwi()
    loads: list[int] = []

    def slow_load() -> object:
        loads.append(1)
        time.sleep(0.05)
        return real

    monkeypatch.setattr(kiwi, "_kiwi", None)
    monkeypatch.setattr(kiwi, "_load", slow_load)
    with ThreadPoolExecutor(max_workers=8) as pool:
        instances = list(pool.map(lambda _: kiwi.get_kiwi(), range(8)))
    assert loads == [1]
    assert all(instance is real for instance in instances)


def test_analysis_reuses_the_loaded_analyser(monkeypatch: pytest.MonkeyPatch) -> None:
    kiwi.get_kiwi()

    def fail() -> None:
        raise AssertionError("Kiwi loaded twice")

    monkeypatch.setattr(kiwi, "_load", fail)
    assert analyze_speech(["밥 먹었어?"]).formality is Formality.CASUAL
    assert analyze_speech(["밥 드셨어요?"]).formality is Formality.SEMI_FORMAL


def test_import_loads_nothing() -> None:
    code = (
        "import sys, ai.korean.speech_style, ai.korean.kiwi as m; "
        "assert m._kiwi is None and 'kiwipiepy' not in sys.modules"
    )
    subprocess.run([sys.executable, "-c", code], cwd=REPO, check=True)
