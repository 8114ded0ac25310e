"""Every reliability test runs in English, with every cs-daily folder in tmp_path."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from cs_daily.i18n import set_language
from tests.reliability.helpers import Home


@pytest.fixture(autouse=True)
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Home]:
    """Point config, data, backups and logs at tmp_path; messages in English."""
    found = Home(tmp_path / "home")
    for name, value in found.environ().items():
        monkeypatch.setenv(name, value)
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    set_language("en")
    yield found
    set_language("en")
