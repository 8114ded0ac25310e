"""The ``cs-daily`` command line; only the ``tui`` entry point loads Textual."""
