"""``thidua site``: a static web view of the registry (no server, no network, no script needed).

Read it in this order: :mod:`~thidua_cli.site.glance` decides what the year at a glance shows
(pure, dates only), :mod:`~thidua_cli.site.svg` draws it, :mod:`~thidua_cli.site.pages` turns
the registry into the pages' plain data and renders them with Jinja, :mod:`~thidua_cli.site.build`
writes the whole site into a temporary folder and moves it into place.
"""
