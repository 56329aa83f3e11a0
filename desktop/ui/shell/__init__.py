"""The window shell: the main window, its layout, menus, actions and panes."""
