"""The desktop app: thin PySide6 views over app.core.services."""
