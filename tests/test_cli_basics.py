"""The command line answers ``--version`` and ``--help`` without loading Textual."""

import subprocess
import sys

from cs_daily import __version__
from cs_daily.cli.main import main


def test_version_is_printed(capsys):
    try:
        main(["--version"])
    except SystemExit as exit_:
        assert exit_.code == 0
    assert capsys.readouterr().out.strip() == f"cs-daily {__version__}"


def test_python_dash_m_matches_the_script():
    result = subprocess.run(
        [sys.executable, "-m", "cs_daily", "--version"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0
    assert result.stdout.strip() == f"cs-daily {__version__}"
