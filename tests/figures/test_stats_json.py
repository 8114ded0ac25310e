"""The JSON form of the stats bundle keeps its documented shape."""

import json
from datetime import date

from history_builders import CHECKLIST, day, good, poor

from cs_daily.figures.stats import compute_stats
from cs_daily.figures.stats_json import FORMAT, stats_to_json

TOP_LEVEL = {
    "format",
    "as_of",
    "week_start",
    "target",
    "has_history",
    "period",
    "totals",
    "latest_day",
    "streak",
    "this_week",
    "last_week",
    "weeks",
    "days",
    "items",
    "categories",
    "channels",
    "weak_areas",
    "most_improved",
}


def test_json_has_every_documented_field_and_round_trips():
    history = [
        good("2026-12-07"),
        poor("2026-12-08"),
        day("2026-12-09", {"clear": (2, 1, 0), "greet": (0, 0, 3)}),
    ]
    data = stats_to_json(compute_stats(history, date(2026, 12, 9), CHECKLIST))

    assert set(data) == TOP_LEVEL
    assert data["format"] == FORMAT == 1
    assert json.loads(json.dumps(data)) == data
    assert data["period"] == {"first": "2026-11-10", "last": "2026-12-09", "days": 30}
    assert data["streak"] == {"current": 0, "best": 1}
    # 12-09: clear 2/3 is the only rate: 0.6667 to four places
    assert data["latest_day"]["score"] == 0.6667
    items = {i["id"]: i for i in data["items"]}
    assert items["greet"]["rate"] is None
    assert items["greet"]["na_rate"] == 1.0
    assert items["clear"]["label"] == "Clear"
    assert [d["work_day"] for d in data["days"]] == [
        "2026-12-07",
        "2026-12-08",
        "2026-12-09",
    ]
    assert set(data["weak_areas"]) == {"7", "30"}
    assert data["this_week"]["label"] == "2026-W50"


def test_json_of_an_empty_history():
    data = stats_to_json(compute_stats([], date(2026, 12, 9), CHECKLIST))

    assert data["has_history"] is False
    assert data["latest_day"] is None
    assert data["weak_areas"] == {"7": [], "30": []}
    assert data["most_improved"] is None
