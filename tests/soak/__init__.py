"""The kill -9 soak: Broadsheet's commands killed at random moments, then checked for loss."""
