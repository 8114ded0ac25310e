"""The demo history: repeatable, realistic in shape, and kept apart from yours."""

from __future__ import annotations

import argparse
from datetime import date, time, timedelta
from pathlib import Path

import pytest

from cs_daily.checklist import load_bundled_checklist
from cs_daily.cli import demo_cmd
from cs_daily.cli.main import main
from cs_daily.demo import REFLECTIONS, generate_history
from cs_daily.figures import Period, critical_misses, item_totals, na_rate, rate
from cs_daily.store import Store

END = date(2026, 12, 2)  # a Wednesday
WEEKS = 12


def make(path: Path, seed: int = 7, language: str = "en", weeks: int = WEEKS) -> Path:
    with Store.open(path) as store:
        generate_history(
            store,
            load_bundled_checklist(language),
            weeks=weeks,
            seed=seed,
            end=END,
            zone="Asia/Jakarta",
        )
    return path


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Store:
    path = make(tmp_path_factory.mktemp("demo") / "demo.sqlite3")
    with Store.open(path, readonly=True) as store:
        yield store


def test_the_same_seed_gives_the_same_history(demo, tmp_path):
    with Store.open(make(tmp_path / "again.sqlite3"), readonly=True) as again:
        assert again.day_counts() == demo.day_counts()
        first, last = END - timedelta(days=WEEKS * 7), END
        reflections = [s.reflection for s in again.shifts_between(first, last)]
        assert reflections == [s.reflection for s in demo.shifts_between(first, last)]


def test_another_seed_gives_another_history(demo, tmp_path):
    with Store.open(make(tmp_path / "other.sqlite3", seed=8), readonly=True) as other:
        assert other.day_counts() != demo.day_counts()


def test_weekday_shifts_with_days_off_and_night_weeks(demo):
    first = END - timedelta(days=WEEKS * 7 - 1)
    shifts = demo.shifts_between(first, END)
    work_days = {s.work_day for s in shifts}

    assert len(shifts) == len(work_days)  # one shift a work day
    assert 45 <= len(shifts) <= 66  # about five days a week for 12 weeks
    assert all(s.work_day.isoweekday() != 7 for s in shifts)  # Sundays off
    assert all(not s.is_open for s in shifts)
    assert first <= min(work_days) and max(work_days) <= END

    nights = [s for s in shifts if s.started_at.time() == time(22, 0)]
    assert nights
    for night in nights:
        assert night.work_day == night.started_at.date()
        assert night.ended_at is not None
        assert night.ended_at.date() == night.work_day + timedelta(days=1)
        assert night.ended_at.time() == time(6, 0)


def test_every_shift_has_20_to_60_interactions(demo):
    for day in demo.day_counts():
        assert 20 <= sum(day.interactions_by_channel.values()) <= 60
        assert set(day.interactions_by_channel) <= {
            "whatsapp",
            "phone",
            "live_chat",
            "email",
            "social",
        }


def test_items_keep_their_habits(demo):
    days = demo.day_counts()
    totals = item_totals(days)

    # calm is always kept; greet is often n/a; the critical item slips rarely
    assert rate(totals["calm"]) >= 0.97
    assert na_rate(totals["greet"]) >= 0.3
    assert na_rate(totals["clear"]) == 0.0
    assert 1 <= sum(critical_misses(d) for d in days) <= 10

    # respond starts weak and improves: first four weeks against the last four
    start = Period(
        END - timedelta(days=WEEKS * 7 - 1), END - timedelta(days=WEEKS * 7 - 28)
    )
    finish = Period.ending(END, 28)
    early = rate(item_totals(start.select(days))["respond"])
    late = rate(item_totals(finish.select(days))["respond"])
    assert early is not None and late is not None
    assert early < 0.7 < 0.85 < late


def test_some_shifts_end_with_a_reflection(demo):
    shifts = demo.shifts_between(END - timedelta(days=WEEKS * 7), END)
    written = [s.reflection for s in shifts if s.reflection]
    assert 0 < len(written) < len(shifts)


def test_indonesian_checklist_gets_indonesian_reflections(tmp_path):
    with Store.open(make(tmp_path / "id.sqlite3", language="id", weeks=2)) as store:
        shifts = store.shifts_between(END - timedelta(days=14), END)
    written = {s.reflection for s in shifts if s.reflection}
    assert written
    assert written <= set(REFLECTIONS["id"])


# --- the demo command --------------------------------------------------------


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("CS_DAILY_DB", str(tmp_path / "data" / "history.sqlite3"))
    monkeypatch.setenv("CS_DAILY_CONFIG", str(tmp_path / "config" / "settings.toml"))
    monkeypatch.setenv("CS_DAILY_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("CS_DAILY_BACKUP_DIR", str(tmp_path / "backups"))
    monkeypatch.setenv("CS_DAILY_LOG_DIR", str(tmp_path / "logs"))
    return tmp_path


def test_demo_writes_its_own_file_in_the_data_folder(home, capsys):
    assert main(["demo", "--weeks", "2", "--no-open", "--lang", "en"]) == 0

    demo_file = home / "data" / "demo.sqlite3"
    assert demo_file.is_file()
    assert not (home / "data" / "history.sqlite3").exists()
    assert not list((home / "data").glob("*.partial*"))
    assert f"Demo history written to {demo_file}" in capsys.readouterr().out
    with Store.open(demo_file, readonly=True) as store:
        assert store.day_counts()


def test_demo_refuses_the_agents_own_database(home, capsys):
    own = home / "data" / "history.sqlite3"
    with Store.open(own):
        pass
    before = own.read_bytes()

    code = main(["demo", "--db", str(own), "--force", "--no-open", "--lang", "en"])

    assert code == 2
    assert "is your own history database" in capsys.readouterr().err
    assert own.read_bytes() == before


def test_demo_refuses_to_overwrite_without_force(home, capsys):
    target = home / "elsewhere" / "try.sqlite3"
    assert main(["demo", "--db", str(target), "--weeks", "1", "--no-open"]) == 0
    before = target.read_bytes()
    capsys.readouterr()

    code = main(
        ["demo", "--db", str(target), "--weeks", "2", "--no-open", "--lang", "en"]
    )
    assert code == 2
    assert "pass --force" in capsys.readouterr().err
    assert target.read_bytes() == before

    code = main(
        [
            "demo",
            "--db",
            str(target),
            "--weeks",
            "2",
            "--seed",
            "3",
            "--force",
            "--no-open",
        ]
    )
    assert code == 0
    assert target.read_bytes() != before


def test_demo_will_not_replace_a_file_that_is_not_a_database(home, capsys):
    target = home / "notes.txt"
    target.write_text("my notes\n")

    code = main(["demo", "--db", str(target), "--force", "--no-open", "--lang", "en"])

    assert code == 2
    assert "is not a database" in capsys.readouterr().err
    assert target.read_text() == "my notes\n"


def test_a_failed_demo_leaves_the_old_one_as_it_was(home, monkeypatch):
    target = home / "data" / "demo.sqlite3"
    assert main(["demo", "--weeks", "1", "--no-open"]) == 0
    before = target.read_bytes()

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("generator broke")

    monkeypatch.setattr(demo_cmd, "generate_history", broken)
    with pytest.raises(RuntimeError):
        main(["demo", "--weeks", "1", "--force", "--no-open"])

    assert target.read_bytes() == before
    assert not list(target.parent.glob("*.partial*"))


def test_demo_opens_the_companion_on_the_demo_database(home, monkeypatch):
    opened: list[Path] = []

    def fake_run(args: argparse.Namespace) -> int:
        opened.append(args.db)
        return 0

    from cs_daily.cli import tui_cmd

    monkeypatch.setattr(tui_cmd, "run", fake_run)
    assert main(["demo", "--weeks", "1"]) == 0
    assert opened == [home / "data" / "demo.sqlite3"]


@pytest.mark.parametrize("weeks", ["0", "-3", "two", "5000"])
def test_a_bad_number_of_weeks_exits_2(home, capsys, weeks):
    with pytest.raises(SystemExit) as exit_:
        main(["demo", "--weeks", weeks, "--no-open"])
    assert exit_.value.code == 2
    assert "is not a number of weeks" in capsys.readouterr().err
    assert not (home / "data").exists()
