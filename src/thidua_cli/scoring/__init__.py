"""Scores computed from a scoring file — pure, exact, no I/O.

:mod:`~thidua_cli.scoring.compute` turns a :class:`~thidua_cli.models.scoring.Scoring` into
each unit's item, group, base, bonus, deduction and total points, its class and its rank;
:mod:`~thidua_cli.scoring.scored` says who is scored and which items take their points from
a result.
"""
