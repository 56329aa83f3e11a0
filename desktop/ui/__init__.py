"""The window and its parts; imported only by ``desktop.app``.

Importing the package first makes PySide6's check of each later import cheaper (``binding``),
so the window's own modules, imported after it, are not read into memory a second time.
"""

from desktop.ui.binding import lighten_module_checks

lighten_module_checks()
