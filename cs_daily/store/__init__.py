"""The history store: SQLite with versioned migrations behind one API.

Nothing here opens a database at import time; call :meth:`Store.open`.
``InteractionData`` is loaded on first use: only imports of whole shifts need
it, and reading the history should not pay for the bulk writer.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from cs_daily.store.interactions import UNSET
from cs_daily.store.store import Store

if TYPE_CHECKING:
    from cs_daily.store.bulk import InteractionData

__all__ = ["UNSET", "InteractionData", "Store"]


def __getattr__(name: str) -> Any:
    if name == "InteractionData":
        from cs_daily.store.bulk import InteractionData

        return InteractionData
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
