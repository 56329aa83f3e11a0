"""The dialogs: About, Preferences, Add Subscription and the error report."""
