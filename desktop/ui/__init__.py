"""The window and its parts; imported only by ``desktop.app`` (and the self-test)."""
