"""The document templates, shipped inside the package (read with importlib.resources)."""
