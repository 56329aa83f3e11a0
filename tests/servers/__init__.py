"""Real servers that the tests install, start and stop themselves, on this machine only."""
