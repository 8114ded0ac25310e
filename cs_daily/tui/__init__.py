"""The shift companion: a keyboard-first Textual interface over the core.

Everything here only shows and forwards. The store keeps the history, the
figures compute scores and streaks; screens call them and draw the answers.
Build the app with :func:`cs_daily.tui.app.build_app`.
"""
