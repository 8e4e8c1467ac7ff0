"""Results judged against their targets and rolled up the union tree — pure, no I/O.

:mod:`~thidua_cli.results.judge` says whether one achieved value meets one target (the
verdict table of the results format); :mod:`~thidua_cli.results.rollup` finds each unit's
value for a target, from its own report or by pooling its subordinates' counts.
"""
