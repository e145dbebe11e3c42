"""`python -m app` / `milk-wallet`: the desktop app."""
import sys


def main() -> int:
    from app.ui.app import main as run

    return run()


if __name__ == "__main__":
    sys.exit(main())
