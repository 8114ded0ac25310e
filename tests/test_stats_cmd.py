"""``cs-daily stats`` on a small history whose figures are worked out by hand."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from rich.cells import cell_len

from cs_daily.checklist import load_bundled_checklist
from cs_daily.cli.main import main
from cs_daily.model import TickState
from cs_daily.store import InteractionData, Store

JAKARTA = ZoneInfo("Asia/Jakarta")
DONE, MISSED, NA = TickState.DONE, TickState.MISSED, TickState.NA


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every cs-daily folder inside ``tmp_path``; English, 80 columns."""
    monkeypatch.setenv("CS_DAILY_DB", str(tmp_path / "data" / "history.sqlite3"))
    monkeypatch.setenv("CS_DAILY_CONFIG", str(tmp_path / "config" / "settings.toml"))
    monkeypatch.setenv("CS_DAILY_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("CS_DAILY_BACKUP_DIR", str(tmp_path / "backups"))
    monkeypatch.setenv("CS_DAILY_LOG_DIR", str(tmp_path / "logs"))
    monkeypatch.setenv("COLUMNS", "80")
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    return tmp_path


def at(day: str, hour: int) -> datetime:
    return datetime.combine(date.fromisoformat(day), datetime.min.time()).replace(
        hour=hour, tzinfo=JAKARTA
    )


def contact(channel: str, when: datetime, **ticks: TickState) -> InteractionData:
    return InteractionData(channel=channel, started_at=when, ticks=ticks)


@pytest.fixture
def history(home: Path) -> Path:
    """Three work days in ISO week 2026-W49, one of them a night shift.

    Mon 11-30, day shift: start and end items all done except team (n/a);
      whatsapp: respond done, clear done, honest done;
      whatsapp: respond missed, clear done, honest done.
      Items answered: prep, sop, tools, crisis, sweep, clear, honest at 1.0,
      respond 1/2: score (7 + 0.5) / 8 = 0.9375, a good day.
    Tue 12-01, night shift 22:00 to Wed 06:00: prep done;
      phone at 01:00 Wednesday: respond done, honest done. Score 1.0, good,
      counted on Tuesday; Wednesday is a day off.
    Thu 12-03, day shift: prep done; email: respond done, clear done. 1.0.
    """
    checklist = load_bundled_checklist("en")
    path = home / "data" / "history.sqlite3"
    with Store.open(path) as store, store.bulk():
        store.import_shift(
            checklist,
            at("2026-11-30", 8),
            at("2026-11-30", 16),
            shift_ticks={
                "prep": DONE,
                "sop": DONE,
                "tools": DONE,
                "crisis": DONE,
                "sweep": DONE,
                "team": NA,
            },
            interactions=[
                contact(
                    "whatsapp",
                    at("2026-11-30", 9),
                    respond=DONE,
                    clear=DONE,
                    honest=DONE,
                ),
                contact(
                    "whatsapp",
                    at("2026-11-30", 10),
                    respond=MISSED,
                    clear=DONE,
                    honest=DONE,
                ),
            ],
        )
        store.import_shift(
            checklist,
            at("2026-12-01", 22),
            at("2026-12-01", 22) + timedelta(hours=8),
            shift_ticks={"prep": DONE},
            interactions=[
                contact("phone", at("2026-12-02", 1), respond=DONE, honest=DONE),
            ],
        )
        store.import_shift(
            checklist,
            at("2026-12-03", 8),
            at("2026-12-03", 16),
            shift_ticks={"prep": DONE},
            interactions=[
                contact("email", at("2026-12-03", 9), respond=DONE, clear=DONE),
            ],
        )
    return path


def stats_json(capsys: pytest.CaptureFixture[str], *args: str) -> dict:
    assert main(["stats", "--json", "--lang", "en", *args]) == 0
    return json.loads(capsys.readouterr().out)


def test_json_figures_match_the_hand_worked_history(history, capsys):
    data = stats_json(capsys, "--as-of", "2026-12-03", "--days", "7")

    assert data["format"] == 1
    assert [d["work_day"] for d in data["days"]] == [
        "2026-11-30",
        "2026-12-01",
        "2026-12-03",
    ]
    assert [d["score"] for d in data["days"]] == [0.9375, 1.0, 1.0]
    # Mon, Tue (the night shift), Thu: Wednesday is a day off.
    assert data["streak"] == {"current": 3, "best": 3}
    # W49: (0.9375 + 1.0 + 1.0) / 3 = 0.979166... -> 0.9792
    assert data["this_week"]["label"] == "2026-W49"
    assert data["this_week"]["score"] == 0.9792
    assert data["last_week"]["score"] is None
    items = {i["id"]: i for i in data["items"]}
    # respond: done 1 + 1 + 1, missed 1: 3/4
    assert (items["respond"]["done"], items["respond"]["missed"]) == (3, 1)
    assert items["respond"]["rate"] == 0.75
    assert items["team"]["rate"] is None
    assert items["team"]["na_rate"] == 1.0
    channels = {c["id"]: c for c in data["channels"]}
    # whatsapp: 2 interactions, 5 done and 1 missed: 5/6
    assert channels["whatsapp"]["interactions"] == 2
    assert channels["whatsapp"]["score"] == 0.8333
    assert data["totals"]["interactions"] == 4
    assert data["latest_day"]["work_day"] == "2026-12-03"


def test_json_days_cover_a_period_longer_than_the_calendar(history, capsys):
    """``days`` is the period's work days, as the README says, for any --days."""
    checklist = load_bundled_checklist("en")
    with Store.open(history) as store:
        store.import_shift(
            checklist,
            at("2026-03-02", 8),
            at("2026-03-02", 16),
            shift_ticks={"prep": DONE},
        )

    data = stats_json(capsys, "--as-of", "2026-12-03", "--days", "365")

    assert data["period"]["first"] == "2025-12-04"
    assert [d["work_day"] for d in data["days"]] == [
        "2026-03-02",
        "2026-11-30",
        "2026-12-01",
        "2026-12-03",
    ]
    assert len(data["days"]) == data["totals"]["work_days"]


def test_as_of_hides_later_days(history, capsys):
    data = stats_json(capsys, "--as-of", "2026-12-02")

    assert data["latest_day"]["work_day"] == "2026-12-01"
    assert data["streak"] == {"current": 2, "best": 2}


def test_text_output_fits_80_columns(history, capsys):
    assert main(["stats", "--as-of", "2026-12-03", "--lang", "en"]) == 0
    out = capsys.readouterr().out

    assert "Your figures as of Thursday, December 3, 2026" in out
    assert "3 good days, best 3" in out
    # respond was missed once in only 4 answers, below the minimum of 5 for a
    # weak area, so the week has nothing to flag.
    assert "First reply within the target time: missed" not in out
    assert "Nothing missed often enough to stand out." in out
    assert max(cell_len(line) for line in out.splitlines()) <= 80


@pytest.mark.parametrize(
    ("language", "cover", "period"),
    [
        (
            "en",
            "Tables cover the last 1 day, Nov 30, 2026 to Nov 30, 2026.",
            ["Period", "1 work day, 1 good; 1 shift; 2 interactions"],
        ),
        (
            "id",
            "Tabel mencakup 1 hari terakhir, 30 Nov 2026 s.d. 30 Nov 2026.",
            ["Periode", "1 hari kerja, 1 bagus; 1 shift; 2 interaksi"],
        ),
    ],
)
def test_one_of_each_is_worded_in_the_singular(
    history, capsys, language, cover, period
):
    """One work day and one shift in the period: no "1 work days", "1 shifts"."""
    argv = ["stats", "--as-of", "2026-11-30", "--days", "1", "--lang", language]
    assert main(argv) == 0
    lines = [line.strip() for line in capsys.readouterr().out.splitlines()]

    assert cover in lines
    assert period in [line.split(None, 1) for line in lines]


def test_weak_areas_are_printed_with_counts(home, capsys):
    checklist = load_bundled_checklist("en")
    with Store.open(home / "data" / "history.sqlite3") as store:
        store.import_shift(
            checklist,
            at("2026-12-03", 8),
            at("2026-12-03", 16),
            interactions=[
                contact(
                    "email", at("2026-12-03", 9 + n), respond=MISSED if n < 2 else DONE
                )
                for n in range(6)
            ],
        )

    assert main(["stats", "--as-of", "2026-12-03", "--lang", "en"]) == 0
    out = capsys.readouterr().out
    # respond: missed 2 of 6, 4/6 = 66.7 %, shown cut to 66%
    assert "First reply within the target time: missed 2 of 6 (66%), –" in out


def test_an_empty_history_is_a_friendly_message(home, capsys):
    assert main(["stats", "--lang", "en"]) == 0
    captured = capsys.readouterr()

    assert "No shifts yet" in captured.out
    assert captured.err == ""
    assert not (home / "data").exists()


def test_json_of_an_empty_history(home, capsys):
    data = stats_json(capsys, "--as-of", "2026-12-03")
    assert data["has_history"] is False
    assert data["streak"] == {"current": 0, "best": 0}


@pytest.mark.parametrize("bad", ["2026-13-01", "yesterday", "03/12/2026"])
def test_a_bad_as_of_date_exits_2_with_a_clear_message(home, capsys, bad):
    assert main(["stats", "--as-of", bad, "--lang", "en"]) == 2
    captured = capsys.readouterr()

    assert f"--as-of '{bad}' is not a date" in captured.err
    assert "Traceback" not in captured.err
    assert captured.out == ""
    assert not (home / "data").exists()


def test_a_bad_number_of_days_exits_2(home, capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["stats", "--days", "0"])
    assert exit_.value.code == 2
    assert "'0' is not a number of days" in capsys.readouterr().err


def test_stats_reads_without_writing(history):
    before = history.read_bytes()
    assert main(["stats", "--as-of", "2026-12-03"]) == 0
    assert history.read_bytes() == before


def test_stats_does_not_load_textual(history):
    probe = (
        "import sys; from cs_daily.cli.main import main; "
        "code = main(['stats', '--as-of', '2026-12-03']); "
        "assert 'textual' not in sys.modules, 'textual was imported'; "
        "sys.exit(code)"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert "3 good days" in result.stdout
