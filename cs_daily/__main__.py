"""Lets ``python -m cs_daily`` behave exactly like the ``cs-daily`` command."""

from cs_daily.cli.main import main

raise SystemExit(main())
