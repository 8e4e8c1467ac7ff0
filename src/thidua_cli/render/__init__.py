"""Documents from the registry: context → Jinja template → :mod:`document` → a writer per format."""
