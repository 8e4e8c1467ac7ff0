"""Writing the registry for the user: a new registry (init), next year's campaign (new)."""
