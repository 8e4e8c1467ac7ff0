"""The calendar: what falls on which day (:mod:`.events`), the days asked for
(:mod:`.period`), and the formats it is given in (:mod:`.export`).

Nothing is imported here: ``thidua calendar``'s help needs :mod:`.period` only, and must
not load the models (shell completion imports nothing heavy)."""
