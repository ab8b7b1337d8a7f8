"""`python -m policies`: see policies.cli."""

import sys

from .cli import main

if __name__ == "__main__":  # worker processes of a parallel load import this module again
    sys.exit(main())
