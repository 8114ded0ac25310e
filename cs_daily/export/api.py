"""One call that writes a summary: what the CLI and the stats screen both use.

:func:`export_week` takes an open store and the agent's choices, builds the
summary, renders it in the asked format and writes it atomically. Nothing
here reads the clock or the command line, so the interface can bind a key to
it and tests can call it directly.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from cs_daily import figures
from cs_daily.errors import UsageError
from cs_daily.export.build import SummaryRequest, build_summary
from cs_daily.export.files import write_output
from cs_daily.export.naming import FORMATS, TICK_FORMATS, default_filename
from cs_daily.export.period import ExportPeriod, from_week
from cs_daily.export.summary import WeekSummary
from cs_daily.i18n import _
from cs_daily.model import Checklist
from cs_daily.settings import Settings
from cs_daily.store import Store


def render(summary: WeekSummary, fmt: str, *, bom: bool = True) -> bytes:
    """The summary's bytes in ``fmt`` (``md``, ``csv``, ``json`` or ``html``).

    Only the renderer asked for is imported: the HTML one pulls in rich's
    tables, which a Markdown export should not pay for at start-up.
    """
    if fmt not in FORMATS:
        raise UsageError(
            _("Unknown export format '{fmt}'; use one of: {formats}.").format(
                fmt=fmt, formats=", ".join(FORMATS)
            )
        )
    return _renderer(fmt, bom)(summary)


def _renderer(fmt: str, bom: bool) -> Callable[[WeekSummary], bytes]:
    if fmt == "csv":
        from cs_daily.export.csv_ import render_csv

        return lambda summary: render_csv(summary, bom=bom)
    if fmt == "json":
        from cs_daily.export.json_ import render_json

        return render_json
    if fmt == "html":
        from cs_daily.export.html import render_html

        return render_html

    from cs_daily.export.markdown import render_markdown

    return render_markdown


def summarise(
    store: Store,
    checklist: Checklist,
    settings: Settings,
    period: ExportPeriod,
    *,
    include_notes: bool = False,
    tick_rows: bool = True,
) -> WeekSummary:
    """The summary of ``period`` with the agent's alias and first weekday.

    ``tick_rows=False`` leaves out the row of every answer, which only the
    CSV and JSON formats show (see ``TICK_FORMATS``) and which is most of the
    reading.
    """
    request = SummaryRequest(
        period=period,
        week_start=settings.week_start,
        alias=settings.alias,
        include_notes=include_notes,
        tick_rows=tick_rows,
    )
    return build_summary(store, checklist, request)


def export_week(
    store: Store,
    checklist: Checklist,
    settings: Settings,
    week: figures.Week | ExportPeriod,
    fmt: str,
    path: Path,
    *,
    force: bool = False,
    include_notes: bool = False,
    bom: bool = True,
) -> Path:
    """Write the summary of ``week`` to ``path``; the file written.

    ``path`` may be a folder, in which case the file gets its default name
    there. An existing file is replaced only with ``force``.
    """
    period = from_week(week) if isinstance(week, figures.Week) else week
    summary = summarise(
        store,
        checklist,
        settings,
        period,
        include_notes=include_notes,
        tick_rows=fmt in TICK_FORMATS,
    )
    data = render(summary, fmt, bom=bom)
    target = path / default_filename(period.label, fmt) if path.is_dir() else path
    written = write_output(target, data, force=force)
    assert written is not None
    return written
