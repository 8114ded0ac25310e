"""The core never loads Textual, so the CLI and exports start fast and headless.

Each check runs in a fresh interpreter: the test session itself has long
since imported Textual for the interface tests.
"""

from __future__ import annotations

import json
import subprocess
import sys

CORE_MODULES = (
    "cs_daily.model",
    "cs_daily.clock",
    "cs_daily.paths",
    "cs_daily.i18n",
    "cs_daily.errors",
    "cs_daily.store",
    "cs_daily.cli.main",
)
# Core packages and modules that join the list once they exist; every module
# inside a package is imported too.
OPTIONAL_CORE = ("checklist", "settings", "figures", "export", "demo")

_PROBE = """
import importlib, json, pkgutil, sys

core, optional = json.loads(sys.argv[1]), json.loads(sys.argv[2])
wanted = list(core)
for short in optional:
    if importlib.util.find_spec("cs_daily." + short) is not None:
        wanted.append("cs_daily." + short)

names, culprit = [], None


def load(name):
    global culprit
    names.append(name)
    module = importlib.import_module(name)
    if culprit is None and "textual" in sys.modules:
        culprit = name
    return module


for name in wanted:
    module = load(name)
    if name.startswith("cs_daily.") and hasattr(module, "__path__"):
        for found in pkgutil.walk_packages(module.__path__, name + "."):
            load(found.name)
print(json.dumps({"imported": names, "culprit": culprit}))
"""


def _probe() -> dict:
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            _PROBE,
            json.dumps(CORE_MODULES),
            json.dumps(OPTIONAL_CORE),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_importing_the_core_leaves_textual_unloaded():
    found = _probe()

    assert found["culprit"] is None, f"{found['culprit']} loads Textual"
    assert set(CORE_MODULES) <= set(found["imported"])


def test_the_probe_would_notice_textual(monkeypatch):
    """Guard against a probe that cannot fail."""
    module = sys.modules[__name__]
    monkeypatch.setattr(module, "CORE_MODULES", (*CORE_MODULES, "textual.app"))

    assert _probe()["culprit"] == "textual.app"
