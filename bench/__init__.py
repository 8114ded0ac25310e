"""Benchmarks for cs-daily: how fast and how small it is, against fair baselines.

Run every figure with ``.venv/bin/python -m bench`` from the repository root
(``--quick`` for a smoke run on smaller histories, ``--help`` for the rest).
Each figure is printed beside a baseline measured in the same run, with the
ratio and PASS or FAIL against its target. Generated histories are cached
under ``bench/out/``; baselines are always measured fresh.

Nothing here is part of the test suite: the files are not named ``test_*``
and live outside ``tests/``.
"""
